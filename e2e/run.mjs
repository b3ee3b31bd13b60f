// End-to-end tests of the dashboard against the real server: builds the Go
// binary (which embeds frontend/dist), starts it with the demo on a fresh
// data folder and a free port, runs e2e/tests/*.test.mjs with node's test
// runner in headless Chromium (playwright-core, Debian's /usr/bin/chromium:
// nothing is downloaded from the internet), copies the map's screenshot to
// docs/map.png, and stops the server.
import { execFileSync, spawn } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromiumPath, ensureChromium } from './lib/chromium.mjs'

const root = resolve(new URL('..', import.meta.url).pathname)
const screenshots = join(root, 'e2e/screenshots')
const work = mkdtempSync(join(tmpdir(), 'jiceng-e2e-'))
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit' })

ensureChromium()
if (!existsSync(join(root, 'frontend/dist/index.html'))) {
  console.log('e2e: the dashboard is not built; building it first.')
  run('npm', ['run', 'build'])
}
console.log('e2e: building the server…')
const binary = join(work, 'jiceng')
run('go', ['build', '-o', binary, '.'])

rmSync(screenshots, { recursive: true, force: true })
mkdirSync(screenshots, { recursive: true })

const server = spawn(binary, ['--data', join(work, 'data'), '--addr', '127.0.0.1:0', '--demo'], {
  cwd: root,
  stdio: ['ignore', 'pipe', 'pipe'],
})
let serverLog = ''
server.stderr.on('data', (d) => (serverLog += d))
const stopServer = () => {
  if (server.exitCode === null) server.kill('SIGTERM')
}
process.on('exit', stopServer)

const url = await new Promise((ok, fail) => {
  const timer = setTimeout(() => fail(new Error(`the server did not start in 120 s:\n${serverLog}`)), 120_000)
  let out = ''
  server.stdout.on('data', (d) => {
    out += d
    const m = /listening on (http:\/\/\S+)/.exec(out)
    if (m) {
      clearTimeout(timer)
      ok(m[1])
    }
  })
  server.on('exit', (code) => fail(new Error(`the server exited (${code}) before listening:\n${serverLog}`)))
})
console.log(`e2e: server at ${url}; browser ${chromiumPath}; screenshots to e2e/screenshots/, the map to docs/map.png`)

const files = readdirSync(join(root, 'e2e/tests'))
  .filter((f) => f.endsWith('.test.mjs'))
  .sort()
  .map((f) => join('e2e/tests', f))
const code = await new Promise((ok) => {
  const tests = spawn(process.execPath, ['--test', '--test-concurrency=1', '--test-reporter=spec', ...files], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, JICENG_URL: url, JICENG_SCREENSHOTS: screenshots },
  })
  tests.on('exit', (c) => ok(c ?? 1))
})

if (existsSync(join(screenshots, 'map.png'))) {
  mkdirSync(join(root, 'docs'), { recursive: true })
  copyFileSync(join(screenshots, 'map.png'), join(root, 'docs/map.png'))
}
stopServer()
await new Promise((ok) => (server.exitCode !== null ? ok() : server.on('exit', ok)))
rmSync(work, { recursive: true, force: true })
if (code !== 0 && serverLog) console.error(`e2e: server log (last lines):\n${serverLog.split('\n').slice(-30).join('\n')}`)
process.exit(code)
