// The session: who is signed in, and the cross-site token that every API
// request sends back. Both live in memory only — not in localStorage, where
// any script of the page could read the token long after — so a reload asks
// the server again (GET /auth/me), with the HttpOnly cookie the browser keeps.
import { computed, shallowRef } from 'vue'
import { AuthError, fetchMe, postSignIn, postSignOut, type Session, type SessionUser } from '@/api/auth'
import { canWrite, readsAuditLog, seesPersonalData } from '@/lib/access'

const session = shallowRef<Session | null>(null)
/** Why the session could not be read on load (the server unreachable), for the sign-in view to say. */
const problem = shallowRef<AuthError>()
let restoring: Promise<SessionUser | null> | undefined
const endListeners = new Set<() => void>()
let expiredListener: (() => void) | undefined

/** currentUser is who is signed in, or null. */
export const currentUser = computed(() => session.value?.user ?? null)

/** csrfToken is the session's cross-site token, for the X-CSRF-Token header. */
export function csrfToken(): string | undefined {
  return session.value?.csrfToken
}

/**
 * restoreSession reads the session of the browser's cookie from /auth/me,
 * once (again when forced): the user, or null when nobody is signed in.
 * When the server cannot be reached it keeps what it knew (nobody, on
 * load) and useSession().problem says why.
 */
export function restoreSession(force = false): Promise<SessionUser | null> {
  if (!restoring || force) {
    restoring = fetchMe().then(
      (s) => {
        problem.value = undefined
        if (!s && session.value) {
          // Read again because a request was refused, and the session is gone.
          forget()
          expiredListener?.()
        }
        session.value = s
        return s?.user ?? null
      },
      (err: unknown) => {
        problem.value = err instanceof AuthError ? err : new AuthError('server', String(err))
        restoring = undefined // ask again next time
        return session.value?.user ?? null
      },
    )
  }
  return restoring
}

/** signIn signs in and keeps the session; it throws an AuthError saying why it failed. */
export async function signIn(username: string, password: string): Promise<SessionUser> {
  const s = await postSignIn(username, password)
  problem.value = undefined
  session.value = s
  restoring = Promise.resolve(s.user)
  return s.user
}

/** signOut ends the session on the server and forgets it here, even when the server cannot be told. */
export async function signOut(): Promise<void> {
  const token = csrfToken()
  try {
    if (token) await postSignOut(token)
  } finally {
    forget()
  }
}

/**
 * sessionExpired is called when the server answers 401 to a request made in
 * a session: it forgets the session and tells the listener (the router,
 * which goes to the sign-in view).
 */
export function sessionExpired(): void {
  if (!session.value) return
  forget()
  expiredListener?.()
}

/** onSessionExpired sets what happens when the server ends a session (one listener: the router's). */
export function onSessionExpired(listener: () => void): void {
  expiredListener = listener
}

/** onSessionEnd adds a listener called whenever the session ends, to drop what it loaded. */
export function onSessionEnd(listener: () => void): () => void {
  endListeners.add(listener)
  return () => endListeners.delete(listener)
}

function forget() {
  session.value = null
  restoring = Promise.resolve(null)
  for (const listener of endListeners) listener()
}

/** useSession gives a component who is signed in and what their role allows. */
export function useSession() {
  const role = computed(() => currentUser.value?.role ?? null)
  return {
    user: currentUser,
    role,
    problem,
    canWrite: computed(() => canWrite(role.value)),
    seesPersonalData: computed(() => seesPersonalData(role.value)),
    readsAuditLog: computed(() => readsAuditLog(role.value)),
  }
}
