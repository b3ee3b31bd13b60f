// Where to go around signing in: an anonymous visit goes to /login with the
// place it wanted (path and query, so the view's state survives), and a
// sign-in returns there. Only a path of this site is ever followed.

/** loginPath is the sign-in view. */
export const loginPath = '/login'

/** home is where a sign-in goes when nothing else was wanted. */
export const home = '/map'

/** Pages of the site outside the app's router, reached with a full page load. */
const pagesOutsideApp = /^\/graphiql(\.html)?(?:[?#]|$)/

/**
 * safeRedirect returns the path to go to after signing in: the one asked
 * for when it is a path of this site (not "//host", not a URL, not the
 * sign-in view itself), else home.
 */
export function safeRedirect(raw: unknown): string {
  const value = Array.isArray(raw) ? raw[0] : raw
  if (typeof value !== 'string' || !value.startsWith('/')) return home
  // "//evil.example" and "/\evil.example" leave the site in a browser.
  if (value.startsWith('//') || value.startsWith('/\\')) return home
  if (isLogin(value)) return home
  return value
}

/** isLogin reports whether a path is the sign-in view. */
export function isLogin(path: string): boolean {
  return path === loginPath || path.startsWith(`${loginPath}?`) || path.startsWith(`${loginPath}/`)
}

/** isOutsideApp reports whether a path is a page of its own (GraphiQL), loaded in full. */
export function isOutsideApp(path: string): boolean {
  return pagesOutsideApp.test(path)
}

/**
 * loginQuery is the query of the sign-in view for a visit to fullPath: it
 * remembers the place unless that is the start page or the sign-in view.
 */
export function loginQuery(fullPath: string): { redirect?: string } {
  if (!fullPath || fullPath === '/' || isLogin(fullPath)) return {}
  return { redirect: fullPath }
}

/** loginHref is the sign-in view's URL for a visit to fullPath, for a full page load. */
export function loginHref(fullPath: string): string {
  const { redirect } = loginQuery(fullPath)
  return redirect ? `${loginPath}?redirect=${encodeURIComponent(redirect)}` : loginPath
}
