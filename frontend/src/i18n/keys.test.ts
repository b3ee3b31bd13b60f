// Every message key the code names literally, t('…'), exists in both
// languages: vue-i18n shows a missing key's path on screen, silently.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { messages as records } from './records'
import { parts, viewParts } from './parts'
import { messages as ui } from './ui'

type Tree = { [key: string]: Tree | readonly [string, string] }

const views = (await Promise.all(Object.values(viewParts).map((load) => load()))).map((m) => m.messages)

function has(tree: Tree, path: string[]): boolean {
  const [head, ...rest] = path
  const node = tree[head]
  if (node === undefined) return false
  return Array.isArray(node) ? rest.length === 0 : rest.length > 0 && has(node as Tree, rest)
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return name === 'gql' ? [] : sources(path)
    return /\.(vue|ts)$/.test(name) && !name.endsWith('.test.ts') ? [path] : []
  })
}

describe('message keys', () => {
  const root = join(__dirname, '..')
  const keys = new Set<string>()
  for (const file of sources(root)) {
    for (const m of readFileSync(file, 'utf8').matchAll(/\bt\('([a-zA-Z]+(?:\.[a-zA-Z]+)+)'/g)) keys.add(m[1])
  }
  it('finds the keys', () => expect(keys.size).toBeGreaterThan(100))
  it.each([...keys].filter((k) => !k.startsWith('enum.')))('%s exists', (key) => {
    expect(has(Object.assign({}, ui, ...parts, ...views, records) as unknown as Tree, key.split('.'))).toBe(true)
  })
})
