// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

type SessionModule = typeof import('./session')
let session: SessionModule
let fetch: ReturnType<typeof vi.fn>

const signedIn = (username = 'li', csrfToken = 'tok-1') => ({
  user: { id: '7', username, role: 'ANALYST', areaIds: [] },
  csrfToken,
})
const json = (status: number, value: unknown) => new Response(JSON.stringify(value), { status, headers: { 'Content-Type': 'application/json' } })
const anonymous = () => json(401, { error: { code: 'UNAUTHENTICATED', message: 'not signed in' } })

beforeEach(async () => {
  vi.resetModules() // each test starts with no session
  fetch = vi.fn()
  vi.stubGlobal('fetch', fetch)
  session = await import('./session')
})
afterEach(() => vi.unstubAllGlobals())

describe('the session', () => {
  it('is read from /auth/me once, however many views ask', async () => {
    fetch.mockResolvedValue(json(200, signedIn()))
    const [a, b] = await Promise.all([session.restoreSession(), session.restoreSession()])
    expect(a?.username).toBe('li')
    expect(b).toBe(a)
    expect(fetch).toHaveBeenCalledTimes(1)
    expect(session.csrfToken()).toBe('tok-1')
    expect(session.useSession().role.value).toBe('ANALYST')
  })
  it('is nobody when /auth/me says 401', async () => {
    fetch.mockResolvedValue(anonymous())
    expect(await session.restoreSession()).toBeNull()
    expect(session.csrfToken()).toBeUndefined()
    expect(session.useSession().canWrite.value).toBe(false)
  })
  it('keeps the token in memory only, never in web storage', async () => {
    fetch.mockResolvedValue(json(200, signedIn('li', 'secret-token')))
    await session.signIn('li', 'secret-pass-1')
    expect(session.csrfToken()).toBe('secret-token')
    const stored = [localStorage, sessionStorage].flatMap((s) => Object.keys(s).map((k) => s.getItem(k)))
    expect(stored.join()).not.toContain('secret-token')
    expect(document.cookie).not.toContain('secret-token')
  })
  it('reports an unreachable server instead of failing the navigation', async () => {
    fetch.mockRejectedValue(new TypeError('offline'))
    expect(await session.restoreSession()).toBeNull()
    expect(session.useSession().problem.value?.kind).toBe('network')
    fetch.mockResolvedValue(json(200, signedIn()))
    expect((await session.restoreSession())?.username).toBe('li') // asks again next time
  })
  it('keeps a live session when a second read fails on the network', async () => {
    fetch.mockResolvedValueOnce(json(200, signedIn()))
    await session.restoreSession()
    fetch.mockRejectedValueOnce(new TypeError('offline'))
    expect((await session.restoreSession(true))?.username).toBe('li')
    expect(session.csrfToken()).toBe('tok-1')
  })
})

describe('signing out', () => {
  it('sends the token, forgets the session and tells who loaded data', async () => {
    fetch.mockResolvedValueOnce(json(200, signedIn()))
    await session.signIn('li', 'secret-pass-1')
    const dropped = vi.fn()
    session.onSessionEnd(dropped)
    fetch.mockResolvedValueOnce(new Response(null, { status: 204 }))
    await session.signOut()
    const [url, init] = fetch.mock.calls[1]
    expect(url).toBe('/auth/signout')
    expect(new Headers(init.headers).get('X-CSRF-Token')).toBe('tok-1')
    expect(session.currentUser.value).toBeNull()
    expect(session.csrfToken()).toBeUndefined()
    expect(dropped).toHaveBeenCalledOnce()
    expect(await session.restoreSession()).toBeNull() // no second request
    expect(fetch).toHaveBeenCalledTimes(2)
  })
  it('forgets the session even when the server cannot be told', async () => {
    fetch.mockResolvedValueOnce(json(200, signedIn()))
    await session.signIn('li', 'secret-pass-1')
    fetch.mockRejectedValueOnce(new TypeError('offline'))
    await expect(session.signOut()).rejects.toThrow()
    expect(session.currentUser.value).toBeNull()
  })
})

describe('an expired session', () => {
  it('is forgotten and sent to sign in, once', async () => {
    fetch.mockResolvedValueOnce(json(200, signedIn()))
    await session.restoreSession()
    const expired = vi.fn()
    session.onSessionExpired(expired)
    session.sessionExpired()
    session.sessionExpired()
    expect(expired).toHaveBeenCalledOnce()
    expect(session.currentUser.value).toBeNull()
  })
  it('found gone on a forced read is expired too', async () => {
    fetch.mockResolvedValueOnce(json(200, signedIn()))
    await session.restoreSession()
    const expired = vi.fn()
    session.onSessionExpired(expired)
    fetch.mockResolvedValueOnce(anonymous())
    expect(await session.restoreSession(true)).toBeNull()
    expect(expired).toHaveBeenCalledOnce()
  })
})
