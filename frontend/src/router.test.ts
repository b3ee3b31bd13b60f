// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

type RouterModule = typeof import('./router')
let r: RouterModule
let fetch: ReturnType<typeof vi.fn>

const json = (status: number, value: unknown) => new Response(JSON.stringify(value), { status, headers: { 'Content-Type': 'application/json' } })
const as = (role: string) => () => json(200, { user: { id: '1', username: 'u', role, areaIds: [] }, csrfToken: 'tok' })
const anonymous = () => json(401, { error: { code: 'UNAUTHENTICATED', message: 'not signed in' } })
const guard = (path: string) => r.guard(r.router.resolve(path))

beforeEach(async () => {
  vi.resetModules()
  fetch = vi.fn()
  vi.stubGlobal('fetch', fetch)
  r = await import('./router')
})
afterEach(() => vi.unstubAllGlobals())

describe('the guard', () => {
  it('sends an anonymous visit to sign in, remembering the place and its state', async () => {
    fetch.mockImplementation(async () => anonymous())
    expect(await guard('/gaps?asOf=2026-06-30&severity=HIGH')).toEqual({
      path: '/login',
      query: { redirect: '/gaps?asOf=2026-06-30&severity=HIGH' },
      replace: true,
    })
  })
  it('writes in the register’s today, not the browser’s, when the URL names no day', async () => {
    // The register's day is already tomorrow in its zone (as at 00:30 in
    // Shanghai, 16:30 UTC the day before).
    const calendar = { data: { registerCalendar: { today: '2099-01-01', timeZone: 'Asia/Shanghai', recordedSince: '2024-01-05' } } }
    fetch.mockImplementation(async (url: string) => (String(url).includes('/query') ? json(200, calendar) : as('ANALYST')()))
    expect(await guard('/tree?q=党小组')).toEqual({ path: '/tree', query: { q: '党小组', asOf: '2099-01-01' }, hash: '', replace: true })
  })
  it('leaves the day of an anonymous visit to be written in after sign-in', async () => {
    fetch.mockImplementation(async () => anonymous())
    expect(await guard('/tree?q=党小组')).toEqual({ path: '/login', query: { redirect: '/tree?q=党小组' }, replace: true })
  })
  it('opens the sign-in view without asking who is signed in', async () => {
    expect(await guard('/login?redirect=%2Fmap')).toBe(true)
    expect(fetch).not.toHaveBeenCalled()
  })
  it('lets a session open the views', async () => {
    fetch.mockImplementation(async () => as('ANALYST')())
    expect(await guard('/map?asOf=2026-06-30')).toBe(true)
    expect(await guard('/members/42?asOf=2026-06-30')).toBe(true)
  })
  it('keeps an analyst out of the forms and the audit log', async () => {
    fetch.mockImplementation(async () => as('ANALYST')())
    for (const path of ['/units/new?asOf=2026-06-30', '/members/42/edit?asOf=2026-06-30', '/audit?asOf=2026-06-30']) {
      expect(await guard(path)).toMatchObject({ path: '/forbidden', replace: true })
    }
  })
  it('lets an editor open the forms but not the audit log', async () => {
    fetch.mockImplementation(async () => as('EDITOR')())
    expect(await guard('/units/new?asOf=2026-06-30&grid=9')).toBe(true)
    expect(await guard('/audit?asOf=2026-06-30')).toMatchObject({ path: '/forbidden' })
  })
  it('lets an administrator open the audit log', async () => {
    fetch.mockImplementation(async () => as('ADMIN')())
    expect(await guard('/audit?asOf=2026-06-30&action=UPDATE')).toBe(true)
  })
  it('corrects a day after the register’s today to today, and says so', async () => {
    const calendar = { data: { registerCalendar: { today: '2026-06-30', timeZone: 'Asia/Shanghai', recordedSince: '2024-01-05' } } }
    fetch.mockImplementation(async (url: string) => (String(url).includes('/query') ? json(200, calendar) : as('ANALYST')()))
    expect(await guard('/map?asOf=2026-07-01&grid=5')).toEqual({ path: '/map', query: { asOf: '2026-06-30', grid: '5' }, hash: '', replace: true })
    const { useCalendar } = await import('./state/calendar')
    expect(useCalendar().refused.value).toEqual({ asked: '2026-07-01', today: '2026-06-30' })
    expect(await guard('/map?asOf=2026-06-30&grid=5')).toBe(true)
  })
})
