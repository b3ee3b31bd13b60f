import { afterEach, describe, expect, it, vi } from 'vitest'
import { AuthError, fetchMe, postSignIn, postSignOut, readSession, retryAfterSeconds } from './auth'

const body = { user: { id: '7', username: 'li', role: 'EDITOR', areaIds: ['8589934594'] }, csrfToken: 'tok', expiresAt: '2026-07-01T12:00:00Z' }
const json = (status: number, value: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(value), { status, headers: { 'Content-Type': 'application/json', ...headers } })

afterEach(() => vi.unstubAllGlobals())

describe('readSession', () => {
  it('reads the user, role and token', () => {
    expect(readSession(body)).toEqual({ user: body.user, csrfToken: 'tok', expiresAt: body.expiresAt })
  })
  it('refuses a body without a token or with an unknown role', () => {
    expect(() => readSession({ ...body, csrfToken: '' })).toThrow(AuthError)
    expect(() => readSession({ ...body, user: { ...body.user, role: 'ROOT' } })).toThrow(AuthError)
    expect(() => readSession(null)).toThrow(AuthError)
  })
})

describe('retryAfterSeconds', () => {
  it('reads seconds and ignores what is not', () => {
    expect(retryAfterSeconds('7')).toBe(7)
    expect(retryAfterSeconds('1.2')).toBe(2)
    expect(retryAfterSeconds(null)).toBeUndefined()
    expect(retryAfterSeconds('Wed, 21 Oct 2015 07:28:00 GMT')).toBeUndefined()
  })
})

describe('the sign-in endpoints', () => {
  it('say nobody is signed in when /auth/me answers {"user": null}', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => json(200, { user: null })))
    expect(await fetchMe()).toBeNull()
  })
  it('say nobody is signed in on 401 from /auth/me', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => json(401, { error: { code: 'UNAUTHENTICATED', message: 'not signed in' } })))
    expect(await fetchMe()).toBeNull()
  })
  it('post the username and password as JSON', async () => {
    const fetch = vi.fn(async (_url: string, _init?: RequestInit) => json(200, body))
    vi.stubGlobal('fetch', fetch)
    await postSignIn('li', 'secret-pass-1')
    const [url, init] = fetch.mock.calls[0]
    expect(url).toBe('/auth/signin')
    expect(init?.method).toBe('POST')
    expect(JSON.parse(String(init?.body))).toEqual({ username: 'li', password: 'secret-pass-1' })
  })
  it('tell a wrong password from too many attempts', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => json(401, { error: { code: 'UNAUTHENTICATED', message: 'wrong username or password' } })))
    await expect(postSignIn('li', 'x')).rejects.toMatchObject({ kind: 'credentials' })
    vi.stubGlobal('fetch', vi.fn(async () => json(429, { errors: [{ message: 'slow down' }] }, { 'Retry-After': '30' })))
    await expect(postSignIn('li', 'x')).rejects.toMatchObject({ kind: 'rateLimited', retryAfter: 30 })
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('offline'))))
    await expect(postSignIn('li', 'x')).rejects.toMatchObject({ kind: 'network' })
  })
  it('send the cross-site token to sign out', async () => {
    const fetch = vi.fn(async (_url: string, _init?: RequestInit) => new Response(null, { status: 204 }))
    vi.stubGlobal('fetch', fetch)
    await postSignOut('tok')
    expect(fetch.mock.calls[0][0]).toBe('/auth/signout')
    expect(new Headers(fetch.mock.calls[0][1]?.headers).get('X-CSRF-Token')).toBe('tok')
  })
})
