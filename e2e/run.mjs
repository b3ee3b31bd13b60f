// End-to-end tests of the dashboard against the real server: builds the Go
// binary (which embeds frontend/dist), starts it with the demo on a fresh
// data folder and a free port, makes the users the tests sign in as with
// the binary's own commands (lib/users.mjs), runs e2e/tests/*.test.mjs with
// node's test runner in headless Chromium (playwright-core, Debian's
// /usr/bin/chromium: nothing is downloaded from the internet), and stops the
// server. With JICENG_UPDATE_MAP=1 (npm run docs:map) it also copies the
// map's screenshot to docs/map.png, the README's picture; a plain test run
// leaves the tracked files alone.
import { execFileSync, spawn } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromiumPath, ensureChromium } from './lib/chromium.mjs'
import { makeUsers } from './lib/users.mjs'

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

const data = join(work, 'data')
// On the default limits: the conformance tests page every connection as
// fast as a reporting tool can, which the defaults must allow.
const server = spawn(binary, ['--data', data, '--addr', '127.0.0.1:0', '--demo'], {
  cwd: root,
  stdio: ['ignore', 'pipe', 'pipe'],
})
let serverLog = ''
server.stderr.on('data', (d) => (serverLog += d))
const stopServer = () => {
  if (server.exitCode === null) server.kill('SIGTERM')
}
process.on('exit', stopServer)

// The server prints the first administrator's password (a fresh register
// has no users) before it says where it listens.
const { url, adminPassword } = await new Promise((ok, fail) => {
  const timer = setTimeout(() => fail(new Error(`the server did not start in 120 s:\n${serverLog}`)), 120_000)
  let out = ''
  server.stdout.on('data', (d) => {
    out += d
    const m = /listening on (http:\/\/\S+)/.exec(out)
    if (m) {
      clearTimeout(timer)
      const password = /sign in as admin with the password (\S+)/.exec(out)
      if (!password) fail(new Error(`the server made no first administrator:\n${out}`))
      else ok({ url: m[1], adminPassword: password[1] })
    }
  })
  server.on('exit', (code) => fail(new Error(`the server exited (${code}) before listening:\n${serverLog}`)))
})
console.log(`e2e: server at ${url}; browser ${chromiumPath}; screenshots to e2e/screenshots/`)
const users = await makeUsers({ binary, data, url, adminPassword })
console.log(`e2e: signed in ${Object.keys(users.sessions).join(', ')}; the editor edits ${users.editorCommunity.name}`)

// `npm run test:e2e -- e2e/tests/access.test.mjs` runs only the files named.
const named = process.argv.slice(2)
const files = named.length
  ? named
  : readdirSync(join(root, 'e2e/tests'))
      .filter((f) => f.endsWith('.test.mjs'))
      .sort()
      .map((f) => join('e2e/tests', f))
const code = await new Promise((ok) => {
  const tests = spawn(process.execPath, ['--test', '--test-concurrency=1', '--test-reporter=spec', ...files], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, JICENG_URL: url, JICENG_SCREENSHOTS: screenshots, JICENG_E2E_USERS: JSON.stringify(users) },
  })
  tests.on('exit', (c) => ok(c ?? 1))
})

if (process.env.JICENG_UPDATE_MAP === '1' && code === 0 && existsSync(join(screenshots, 'map.png'))) {
  mkdirSync(join(root, 'docs'), { recursive: true })
  copyFileSync(join(screenshots, 'map.png'), join(root, 'docs/map.png'))
}
stopServer()
await new Promise((ok) => (server.exitCode !== null ? ok() : server.on('exit', ok)))
rmSync(work, { recursive: true, force: true })
if (code !== 0 && serverLog) console.error(`e2e: server log (last lines):\n${serverLog.split('\n').slice(-30).join('\n')}`)
process.exit(code)
