// Reports what a browser loads before the dashboard first draws: the
// scripts and styles index.html names (entry, module preloads, styles),
// raw and gzipped, and fails the build when the initial JavaScript grows
// past the budget. Views, ECharts and GraphiQL load later, on demand.
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

const dist = new URL('../dist/', import.meta.url).pathname
/**
 * Budget of initial JavaScript, gzipped, in KiB. 225 since the record pages'
 * operations came: the words of every view (i18n/ui-*.ts, about 8 KiB
 * gzipped) load with the shell, and the header's area picker is a tree select.
 */
const budgetKiB = Number(process.env.JICENG_JS_BUDGET_KIB ?? 225)

const html = readFileSync(join(dist, 'index.html'), 'utf8')
const refs = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*\shref)="\/([^"]+)"/g)].map((m) => m[1])
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`

function measure(files) {
  return files.map((f) => {
    const bytes = readFileSync(join(dist, f))
    return { file: f, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length }
  })
}

const initial = measure(refs.filter((f) => f.endsWith('.js') || f.endsWith('.css')))
const js = initial.filter((f) => f.file.endsWith('.js'))
const css = initial.filter((f) => f.file.endsWith('.css'))
const sum = (list, key) => list.reduce((s, f) => s + f[key], 0)

console.log('\nInitial load of the dashboard (index.html):')
for (const f of initial) console.log(`  ${f.file.padEnd(46)} ${kib(f.raw).padStart(11)}  gzip ${kib(f.gzip).padStart(10)}`)
console.log(`  initial JavaScript: ${kib(sum(js, 'raw'))}, gzip ${kib(sum(js, 'gzip'))} (budget ${budgetKiB} KiB gzip)`)
console.log(`  initial CSS:        ${kib(sum(css, 'raw'))}, gzip ${kib(sum(css, 'gzip'))}`)

const lazy = readdirSync(join(dist, 'assets'))
  .filter((f) => f.endsWith('.js') && !refs.includes(`assets/${f}`))
  .map((f) => ({ file: f, raw: statSync(join(dist, 'assets', f)).size }))
  .sort((a, b) => b.raw - a.raw)
console.log(`Loaded on demand: ${lazy.length} chunks, largest:`)
for (const f of lazy.slice(0, 6)) console.log(`  ${f.file.padEnd(46)} ${kib(f.raw).padStart(11)}`)

if (sum(js, 'gzip') > budgetKiB * 1024) {
  console.error(`\nInitial JavaScript is over budget: ${kib(sum(js, 'gzip'))} gzip > ${budgetKiB} KiB.`)
  process.exit(1)
}
