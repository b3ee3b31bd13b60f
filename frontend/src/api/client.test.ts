// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { TypedDocumentString } from '@/gql/graphql'

type Modules = { client: typeof import('./client'); session: typeof import('@/state/session') }
let m: Modules
let fetch: ReturnType<typeof vi.fn>

const json = (status: number, value: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(value), { status, headers: { 'Content-Type': 'application/json', ...headers } })
const me = (csrfToken: string) => json(200, { user: { id: '1', username: 'admin', role: 'ADMIN', areaIds: [] }, csrfToken })
const doc = '{ __typename }' as unknown as TypedDocumentString<{ __typename: string }, Record<string, never>>
const sentToken = (call: number) => new Headers(fetch.mock.calls[call][1].headers).get('X-CSRF-Token')

beforeEach(async () => {
  vi.resetModules()
  fetch = vi.fn()
  vi.stubGlobal('fetch', fetch)
  m = { client: await import('./client'), session: await import('@/state/session') }
  fetch.mockResolvedValueOnce(me('tok-1'))
  await m.session.restoreSession()
})
afterEach(() => vi.unstubAllGlobals())

describe('request', () => {
  it('sends a mutation with its own Idempotency-Key, and a query without one', async () => {
    fetch.mockImplementation(async () => json(200, { data: { __typename: 'Mutation' } }))
    const mutation = 'mutation { __typename }' as unknown as typeof doc
    await m.client.request(mutation, {})
    await m.client.request(mutation, {})
    await m.client.request(doc, {})
    const key = (call: number) => new Headers(fetch.mock.calls[call][1].headers).get('Idempotency-Key')
    expect(key(1)).toMatch(/^[0-9a-f]{32}$/)
    expect(key(2)).toMatch(/^[0-9a-f]{32}$/)
    expect(key(2)).not.toBe(key(1))
    expect(key(3)).toBeNull()
  })
  it('sends the session’s cross-site token with every query', async () => {
    fetch.mockImplementation(async () => json(200, { data: { __typename: 'Query' } }))
    await m.client.request(doc, {})
    await m.client.request(doc, {})
    expect(fetch.mock.calls[1][0]).toBe('/query')
    expect(sentToken(1)).toBe('tok-1')
    expect(sentToken(2)).toBe('tok-1')
  })
  it('ends the session on 401, so the router asks to sign in', async () => {
    const expired = vi.fn()
    m.session.onSessionExpired(expired)
    fetch.mockResolvedValueOnce(json(401, { errors: [{ message: 'the session is not valid', extensions: { code: 'UNAUTHENTICATED' } }] }))
    await expect(m.client.request(doc, {})).rejects.toMatchObject({ kind: 'http', problems: [{ code: 'UNAUTHENTICATED' }] })
    expect(expired).toHaveBeenCalledOnce()
    expect(m.session.csrfToken()).toBeUndefined()
  })
  it('says how long to wait on 429', async () => {
    fetch.mockResolvedValueOnce(json(429, { errors: [{ message: 'too many requests', extensions: { code: 'RATE_LIMITED' } }] }, { 'Retry-After': '3' }))
    await expect(m.client.request(doc, {})).rejects.toMatchObject({ problems: [{ code: 'RATE_LIMITED', retryAfter: 3 }] })
  })
  it('sends again, after the Retry-After, a request refused for too many at once', async () => {
    vi.useFakeTimers()
    try {
      const refused = () =>
        json(429, { errors: [{ message: 'too many requests at once', extensions: { code: 'RATE_LIMITED', reason: 'CONCURRENT' } }] }, { 'Retry-After': '1' })
      fetch.mockResolvedValueOnce(refused()).mockResolvedValueOnce(json(200, { data: { __typename: 'Query' } }))
      const answer = m.client.request(doc, {})
      await vi.advanceTimersByTimeAsync(999)
      expect(fetch).toHaveBeenCalledTimes(2) // the session's, and the refused one
      await vi.advanceTimersByTimeAsync(300)
      expect(await answer).toEqual({ __typename: 'Query' })
      expect(fetch).toHaveBeenCalledTimes(3)
    } finally {
      vi.useRealTimers()
    }
  })
  it('gives up after some tries, and stops waiting when the request is aborted', async () => {
    vi.useFakeTimers()
    try {
      const refused = () =>
        json(429, { errors: [{ message: 'too many requests at once', extensions: { code: 'RATE_LIMITED', reason: 'CONCURRENT' } }] }, { 'Retry-After': '1' })
      fetch.mockImplementation(async () => refused())
      const answer = m.client.request(doc, {})
      const failed = expect(answer).rejects.toMatchObject({ problems: [{ code: 'RATE_LIMITED', reason: 'CONCURRENT', retryAfter: 1 }] })
      await vi.advanceTimersByTimeAsync(10_000)
      await failed
      expect(fetch).toHaveBeenCalledTimes(1 + 1 + m.client.concurrentRetries)

      fetch.mockClear()
      const controller = new AbortController()
      const aborted = m.client.request(doc, {}, controller.signal)
      const stopped = expect(aborted).rejects.toBeDefined()
      await vi.advanceTimersByTimeAsync(100)
      controller.abort()
      await stopped
      await vi.advanceTimersByTimeAsync(10_000)
      expect(fetch).toHaveBeenCalledTimes(1)
    } finally {
      vi.useRealTimers()
    }
  })
  it('reads the session again after a 403 for a stale token, and retries once with the new one', async () => {
    fetch
      .mockResolvedValueOnce(json(403, { errors: [{ message: 'send the token', extensions: { code: 'FORBIDDEN' } }] }))
      .mockResolvedValueOnce(me('tok-2'))
      .mockResolvedValueOnce(json(200, { data: { __typename: 'Query' } }))
    expect(await m.client.request(doc, {})).toEqual({ __typename: 'Query' })
    expect(fetch.mock.calls[2][0]).toBe('/auth/me')
    expect(sentToken(3)).toBe('tok-2')
  })
  it('reports a 403 when the token was not stale', async () => {
    const forbidden = () => json(403, { errors: [{ message: 'send the token', extensions: { code: 'FORBIDDEN' } }] })
    fetch.mockResolvedValueOnce(forbidden()).mockResolvedValueOnce(me('tok-1'))
    await expect(m.client.request(doc, {})).rejects.toMatchObject({ problems: [{ code: 'FORBIDDEN', message: 'send the token' }] })
    expect(fetch).toHaveBeenCalledTimes(3)
  })
  it('passes a refused write’s FORBIDDEN on as a GraphQL problem', async () => {
    const message = 'an editor may change records in their own areas only; this Unit is in 文化路社区'
    fetch.mockResolvedValueOnce(json(200, { errors: [{ message, extensions: { code: 'FORBIDDEN' } }], data: null }))
    await expect(m.client.request(doc, {})).rejects.toMatchObject({ kind: 'graphql', problems: [{ code: 'FORBIDDEN', message }] })
    expect(m.session.currentUser.value?.username).toBe('admin')
  })
})
