// What every end-to-end test needs: a fresh headless Chromium signed in as
// one of the users run.mjs made (the administrator unless told otherwise),
// pages that record console errors and refuse any request leaving this
// machine, the server's GraphQL for expected values (with an API token, or
// as a user), screenshots, and axe-core.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { chromiumPath } from './chromium.mjs'

export const baseURL = process.env.JICENG_URL ?? 'http://127.0.0.1:8080'
const e2e = JSON.parse(process.env.JICENG_E2E_USERS ?? 'null')
if (!e2e) throw new Error('run the end-to-end tests with `npm run test:e2e`, which makes the users they sign in as')
/** accounts are the users' usernames and passwords, by role: admin, analyst, editor. */
export const accounts = e2e.accounts
/** editorCommunity is the community ({id, name}) the editor may write in. */
export const editorCommunity = e2e.editorCommunity
const screenshots = process.env.JICENG_SCREENSHOTS ?? join(tmpdir(), 'jiceng-screenshots')
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

const flags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/**
 * launch starts Chromium with a fresh profile, signed in as the user of the
 * role given (admin, analyst, editor; null for nobody) with the session
 * run.mjs opened; close() removes the profile.
 */
export async function launch({ width = 1366, height = 768, as = 'admin' } = {}) {
  const profile = mkdtempSync(join(tmpdir(), 'jiceng-chromium-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: flags,
    viewport: { width, height },
    locale: 'zh-CN',
    acceptDownloads: true,
  })
  if (as) {
    const { cookie } = e2e.sessions[as]
    await context.addCookies([{ name: 'jiceng_session', value: cookie, url: baseURL, httpOnly: true, sameSite: 'Strict' }])
  }
  return {
    context,
    async close() {
      await context.close()
      rmSync(profile, { recursive: true, force: true })
    },
  }
}

/**
 * openPage opens a page whose problems are recorded in page.problems:
 * console errors, uncaught exceptions, failed requests, and any request to
 * another host (the dashboard must work with no internet).
 */
export async function openPage(context) {
  const page = await context.newPage()
  const problems = []
  const local = new URL(baseURL).host
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url())
    if (url.protocol === 'data:' || url.protocol === 'blob:' || url.host === local) return route.continue()
    problems.push(`request to another host: ${url.href}`)
    return route.abort()
  })
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`))
  page.on('pageerror', (e) => problems.push(`exception: ${e.message}`))
  page.on('requestfailed', (r) => {
    const why = r.failure()?.errorText ?? ''
    // A request the app aborts because a newer one replaced it is not a failure.
    if (!why.includes('ERR_ABORTED')) problems.push(`request failed: ${r.url()} ${why}`)
  })
  page.problems = problems
  return page
}

/** visit opens a path of the dashboard and waits until the network is quiet. */
export async function visit(page, path) {
  await page.goto(new URL(path, baseURL).href, { waitUntil: 'networkidle' })
}

/**
 * gql asks the server directly, for the values a test expects to see, with
 * an administrator's API token: it reads personal data unmasked.
 */
export async function gql(query, variables = {}) {
  return post({ authorization: `Bearer ${e2e.token}` }, query, variables)
}

/** gqlAs asks the server as a user (admin, analyst, editor) would from the dashboard: cookie and cross-site token. */
export async function gqlAs(role, query, variables = {}) {
  const { cookie, csrfToken } = e2e.sessions[role]
  return post({ cookie: `jiceng_session=${cookie}`, 'x-csrf-token': csrfToken }, query, variables)
}

async function post(headers, query, variables) {
  const res = await fetch(new URL('/query', baseURL), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  })
  return res.json()
}

/**
 * problemsBut is a page's problems but the console lines Chromium itself
 * writes for responses of the given statuses ("Failed to load resource: …
 * 401"): a test that expects the server to refuse (nobody signed in, a
 * wrong password, a request without the cross-site token) expects those,
 * and nothing else.
 */
export function problemsBut(page, ...statuses) {
  const expected = statuses.map((s) => `console: Failed to load resource: the server responded with a status of ${s} `)
  return page.problems.filter((p) => !expected.some((e) => p.startsWith(e)))
}

/** shot saves a screenshot of the page as e2e/screenshots/NAME.png. */
export async function shot(page, name) {
  await page.screenshot({ path: join(screenshots, `${name}.png`) })
}

/** seriousViolations runs axe-core on the page and returns the serious and critical violations. */
export async function seriousViolations(page) {
  // Evaluated through the DevTools protocol: the server's Content-Security-Policy refuses inline
  // scripts (addScriptTag), and bypassing it for the whole page would hide the app's own violations.
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(axeSource)
  const violations = await page.evaluate(async () => (await globalThis.axe.run(document, { resultTypes: ['violations'] })).violations)
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')} ${n.html.slice(0, 160)}`).join(' | ')}`)
}
