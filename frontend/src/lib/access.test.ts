import { describe, expect, it } from 'vitest'
import { allows, canWrite, isRole, readsAuditLog, roles, seesPersonalData } from './access'

describe('roles', () => {
  it('knows the four roles and nothing else', () => {
    expect(roles).toEqual(['ADMIN', 'EDITOR', 'ANALYST', 'REPORTER'])
    expect(isRole('EDITOR')).toBe(true)
    expect(isRole('editor')).toBe(false)
    expect(isRole(undefined)).toBe(false)
  })
  it('lets administrators and editors write, and no one else', () => {
    expect(roles.filter(canWrite)).toEqual(['ADMIN', 'EDITOR'])
    expect(canWrite(null)).toBe(false)
  })
  it('shows personal data and the audit log to administrators only', () => {
    expect(roles.filter(seesPersonalData)).toEqual(['ADMIN'])
    expect(roles.filter(readsAuditLog)).toEqual(['ADMIN'])
  })
})

describe('allows', () => {
  it('opens the sign-in view to anyone, and the rest to a session', () => {
    expect(allows(null, 'public')).toBe(true)
    expect(allows(null, 'signedIn')).toBe(false)
    for (const role of roles) expect(allows(role, 'signedIn')).toBe(true)
  })
  it('opens forms to the roles that write', () => {
    expect(roles.filter((r) => allows(r, 'write'))).toEqual(['ADMIN', 'EDITOR'])
    expect(allows(undefined, 'write')).toBe(false)
  })
  it('opens the audit log to administrators', () => {
    expect(roles.filter((r) => allows(r, 'admin'))).toEqual(['ADMIN'])
  })
})
