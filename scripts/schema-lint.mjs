// The schema lint: prints the public schema as SDL (what GET /schema.graphql
// serves, by scripts/sdl) and checks it with graphql-schema-linter, so that
// every type, field, argument, enum value and input field has a description,
// connections follow the Relay specification and no internal directive is
// exposed. Run by `npm test` (and so by CI) as `npm run lint:schema`.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const rules = [
  'types-have-descriptions',
  'fields-have-descriptions',
  'arguments-have-descriptions',
  'enum-values-have-descriptions',
  'input-object-values-have-descriptions',
  'deprecations-have-a-reason',
  'types-are-capitalized',
  'enum-values-all-caps',
  'relay-connection-types-spec',
  'relay-page-info-spec',
  'no-internal-directives',
]

const dir = mkdtempSync(join(tmpdir(), 'jiceng-sdl-'))
const file = join(dir, 'schema.graphql')
try {
  writeFileSync(file, execFileSync('go', ['run', './scripts/sdl'], { encoding: 'utf8', maxBuffer: 64 << 20 }))
  execFileSync(join('node_modules', '.bin', 'graphql-schema-linter'), [
    '--rules', rules.join(','),
    '--custom-rule-paths', join('scripts', 'schema-lint', '*.cjs'),
    '--format', 'text',
    file,
  ], { stdio: 'inherit' })
  console.log(`schema lint: ${rules.length} rules hold over the public schema`)
} catch (e) {
  process.exitCode = 1
  if (e.status == null) console.error(e.message)
} finally {
  rmSync(dir, { recursive: true, force: true })
}
