// Who may do what in the dashboard, by role. The server decides every read
// and write (policy/, viewer/); these checks only keep the dashboard from
// offering what the server would refuse: buttons, forms and views.

/**
 * Role is a user's role as /auth/signin and /auth/me report it (viewer.Role
 * on the server). The GraphQL schema has no Role type to generate it from,
 * so the values are listed here and checked when a session is read.
 */
export type Role = 'ADMIN' | 'EDITOR' | 'ANALYST' | 'REPORTER'

/** roles lists the roles, from the most to the least allowed. */
export const roles: readonly Role[] = ['ADMIN', 'EDITOR', 'ANALYST', 'REPORTER']

/** isRole reports whether a value read from the server is a known role. */
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (roles as readonly string[]).includes(value)
}

/**
 * canWrite reports whether the role changes records at all: administrators
 * anywhere, editors in their areas (the server refuses the rest, saying why).
 */
export function canWrite(role: Role | null | undefined): boolean {
  return role === 'ADMIN' || role === 'EDITOR'
}

/** seesPersonalData reports whether the server sends the role unmasked phone numbers, ID numbers and addresses. */
export function seesPersonalData(role: Role | null | undefined): boolean {
  return role === 'ADMIN'
}

/** readsAuditLog reports whether the role may open the audit log. */
export function readsAuditLog(role: Role | null | undefined): boolean {
  return role === 'ADMIN'
}

/**
 * Access is what a view asks of its viewer: nothing (the sign-in page), a
 * session, a role that writes, or an administrator.
 */
export type Access = 'public' | 'signedIn' | 'write' | 'admin'

/** allows reports whether a viewer with role (null: nobody signed in) may open a view asking access. */
export function allows(role: Role | null | undefined, access: Access): boolean {
  switch (access) {
    case 'public':
      return true
    case 'signedIn':
      return !!role
    case 'write':
      return canWrite(role)
    case 'admin':
      return readsAuditLog(role)
  }
}
