// Fails when the generated GraphQL types in frontend/src/gql/ are not what
// `npm run codegen` would write from today's schema and documents: a schema
// change must be regenerated (and so type-checked) before it ships. It runs
// the same generator into a temporary folder and compares.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const root = resolve(new URL('../..', import.meta.url).pathname)
const committed = join(root, 'frontend/src/gql')
const fresh = mkdtempSync(join(tmpdir(), 'jiceng-codegen-'))
try {
  execFileSync(join(root, 'node_modules/.bin/graphql-codegen'), ['--config', 'frontend/codegen.ts', '--silent'], {
    cwd: root,
    env: { ...process.env, JICENG_CODEGEN_OUT: `${fresh}/` },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const names = new Set([...readdirSync(committed), ...readdirSync(fresh)])
  const read = (dir, name) => {
    try {
      return readFileSync(join(dir, name), 'utf8')
    } catch {
      return undefined
    }
  }
  const stale = [...names].filter((name) => read(committed, name) !== read(fresh, name))
  if (stale.length) {
    console.error(`Generated GraphQL types in frontend/src/gql are stale (${stale.join(', ')}): run \`npm run codegen\`.`)
    process.exit(1)
  }
  console.log(`GraphQL types are up to date with the schema (${names.size} files).`)
} finally {
  rmSync(fresh, { recursive: true, force: true })
}
