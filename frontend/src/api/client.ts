// A small typed GraphQL client: posts a generated document to /query with
// the session's cross-site token and returns its typed data, or throws a
// RequestError that says what went wrong. A 401 ends the session (the
// router then asks the user to sign in again); a 403 for a stale token
// (the user signed in again in another tab) reads the session anew and
// retries once; a 429 for too many requests at once (CONCURRENT) is sent
// again after the Retry-After. Each mutation is sent with its own
// Idempotency-Key, kept for those retries, so that the server never saves
// one submission twice.
import type { TypedDocumentString } from '@/gql/graphql'
import { csrfToken, restoreSession, sessionExpired } from '@/state/session'
import { csrfHeader, retryAfterSeconds } from './auth'
import { problemsOf, RequestError } from './errors'

/** endpoint is where the server answers GraphQL; the SPA is served by the same server. */
export const endpoint = '/query'

/** request sends one operation. Partial data with errors counts as a failure. */
export async function request<R, V>(
  document: TypedDocumentString<R, V>,
  variables: V,
  signal?: AbortSignal,
): Promise<R> {
  const key = /^\s*mutation\b/.test(document.toString()) ? idempotencyKey() : undefined
  return send(document, variables, signal, true, key)
}

/**
 * requestLanguage is the dashboard's language as Accept-Language: the page's
 * lang, which i18n/setLang keeps; Chinese when there is none.
 */
export function requestLanguage(): string {
  return globalThis.document?.documentElement?.lang === 'en' ? 'en' : 'zh-CN'
}

/** idempotencyKey is a random key for one submission (crypto.randomUUID needs HTTPS; this does not). */
export function idempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}

/**
 * concurrentRetries is how many times a request refused for being one too
 * many at once for its user (429, reason CONCURRENT: the server's
 * --concurrent) is sent again, after the Retry-After the server gives.
 */
export const concurrentRetries = 5

/** pause waits ms, or rejects as fetch does when the signal aborts. */
function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const stop = () => {
      clearTimeout(timer)
      reject(signal?.reason)
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', stop)
      resolve()
    }, ms)
    signal?.addEventListener('abort', stop, { once: true })
  })
}

async function send<R, V>(
  document: TypedDocumentString<R, V>,
  variables: V,
  signal: AbortSignal | undefined,
  mayRetry: boolean,
  key?: string,
  tries = 0,
): Promise<R> {
  const token = csrfToken()
  // The server writes its messages in the dashboard's language.
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    Accept: 'application/json',
    'Accept-Language': requestLanguage(),
  }
  if (token) headers[csrfHeader] = token
  if (key) headers['Idempotency-Key'] = key
  let response: Response
  try {
    response = await fetch(endpoint, {
      method: 'POST',
      headers,
      credentials: 'same-origin',
      body: JSON.stringify({ query: document.toString(), variables }),
      signal,
    })
  } catch (err) {
    if (signal?.aborted) throw err
    throw new RequestError('network', [{ message: 'network', code: 'NETWORK' }])
  }
  let body: { data?: R | null; errors?: unknown } | undefined
  try {
    body = await response.json()
  } catch {
    body = undefined
  }
  if (response.status === 403 && token && mayRetry) {
    // The server refuses a token that is not the cookie's session's: read the session again.
    await restoreSession(true)
    const fresh = csrfToken()
    if (fresh && fresh !== token && !signal?.aborted) return send(document, variables, signal, false, key)
  }
  const problems = problemsOf(body?.errors)
  if (response.status === 401) sessionExpired()
  if (response.status === 429) {
    const wait = retryAfterSeconds(response.headers.get('Retry-After'))
    if (problems.length === 0) problems.push({ message: 'rate limited', code: 'RATE_LIMITED' })
    for (const p of problems) p.retryAfter = wait
  }
  if (response.status === 429 && tries < concurrentRetries && problems.some((p) => p.reason === 'CONCURRENT') && !signal?.aborted) {
    // Refused unread, before any work: the user had as many requests served
    // as the server allows at once. Wait as it says and send it again.
    await pause((problems[0].retryAfter ?? 1) * 1000 + Math.random() * 250, signal)
    return send(document, variables, signal, mayRetry, key, tries + 1)
  }
  if (problems.length > 0) throw new RequestError(response.ok ? 'graphql' : 'http', problems)
  if (!response.ok || body?.data == null) {
    throw new RequestError('http', [{ message: `HTTP ${response.status}`, code: `HTTP_${response.status}` }])
  }
  return body.data
}
