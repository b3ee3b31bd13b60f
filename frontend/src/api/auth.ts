// The browser's side of signing in (auth/http.go on the server): POST
// /auth/signin sets the HttpOnly session cookie and answers with the user
// and the session's cross-site token; GET /auth/me answers the same for a
// live session; POST /auth/signout ends it. The token is returned to the
// caller, never stored by the browser: every /query request sends it back
// in the X-CSRF-Token header, which another site's page cannot.
import { isRole, type Role } from '@/lib/access'

/** csrfHeader is the header that carries the session's cross-site token. */
export const csrfHeader = 'X-CSRF-Token'

/** SessionUser is who is signed in. */
export interface SessionUser {
  id: string
  username: string
  role: Role
  /** An editor's areas (the server also lets them write below these). */
  areaIds: string[]
}

/** Session is a signed-in session as the server describes it. */
export interface Session {
  user: SessionUser
  csrfToken: string
  expiresAt?: string
}

/** AuthError says why signing in (or out) failed, in terms the sign-in view shows. */
export class AuthError extends Error {
  readonly kind: 'credentials' | 'rateLimited' | 'network' | 'server'
  /** Seconds to wait before trying again, when the server said (429 Retry-After). */
  readonly retryAfter?: number

  constructor(kind: AuthError['kind'], message: string, retryAfter?: number) {
    super(message)
    this.name = 'AuthError'
    this.kind = kind
    this.retryAfter = retryAfter
  }
}

/** retryAfterSeconds reads a Retry-After header given in seconds. */
export function retryAfterSeconds(header: string | null | undefined): number | undefined {
  if (!header) return undefined
  const n = Number(header)
  return Number.isFinite(n) && n >= 0 ? Math.ceil(n) : undefined
}

/** readSession checks the body of /auth/signin or /auth/me; a body of another shape is a server error. */
export function readSession(body: unknown): Session {
  const b = body as { user?: Record<string, unknown>; csrfToken?: unknown; expiresAt?: unknown } | null
  const u = b?.user
  if (!u || typeof b?.csrfToken !== 'string' || !b.csrfToken || typeof u.username !== 'string' || !isRole(u.role)) {
    throw new AuthError('server', 'the server described the session in an unexpected shape')
  }
  return {
    user: {
      id: String(u.id ?? ''),
      username: u.username,
      role: u.role,
      areaIds: Array.isArray(u.areaIds) ? u.areaIds.map(String) : [],
    },
    csrfToken: b.csrfToken,
    expiresAt: typeof b.expiresAt === 'string' ? b.expiresAt : undefined,
  }
}

async function send(path: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(path, { credentials: 'same-origin', ...init, headers: { Accept: 'application/json', ...init.headers } })
  } catch {
    throw new AuthError('network', 'network')
  }
}

async function messageOf(res: Response): Promise<string> {
  try {
    const body = await res.json()
    return String(body?.error?.message ?? body?.errors?.[0]?.message ?? `HTTP ${res.status}`)
  } catch {
    return `HTTP ${res.status}`
  }
}

async function failure(res: Response): Promise<AuthError> {
  const message = await messageOf(res)
  if (res.status === 401) return new AuthError('credentials', message)
  if (res.status === 429) return new AuthError('rateLimited', message, retryAfterSeconds(res.headers.get('Retry-After')))
  return new AuthError('server', message)
}

/**
 * fetchMe returns the live session of the browser's cookie, or null when
 * there is none: the server answers {"user": null} (or, from an older
 * server, 401).
 */
export async function fetchMe(): Promise<Session | null> {
  const res = await send('/auth/me', { method: 'GET', cache: 'no-store' })
  if (res.status === 401) {
    // Read the body all the same: a response left unread stays open in the browser.
    await res.text().catch(() => '')
    return null
  }
  if (!res.ok) throw await failure(res)
  const body = await res.json()
  if (body?.user === null) return null
  return readSession(body)
}

/** postSignIn signs in with a username and password. */
export async function postSignIn(username: string, password: string): Promise<Session> {
  const res = await send('/auth/signin', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  })
  if (!res.ok) throw await failure(res)
  return readSession(await res.json())
}

/** postSignOut ends the session; the server wants its cross-site token. */
export async function postSignOut(csrfToken: string): Promise<void> {
  const res = await send('/auth/signout', { method: 'POST', headers: { [csrfHeader]: csrfToken } })
  if (!res.ok && res.status !== 401) throw await failure(res)
  await res.text().catch(() => '')
}
