import { describe, expect, it } from 'vitest'
import { memberCount } from './memberCount'

describe('memberCount', () => {
  const memberships = [
    { startedOn: '2020-01-01', endedOn: null },
    { startedOn: '2020-01-01', endedOn: '2024-06-30' },
  ]
  it('counts a branch by the memberships in force on the day', () => {
    expect(memberCount({ memberships }, 'BRANCH', '2025-01-01')).toBe(1)
    expect(memberCount({ memberships }, 'BRANCH', '2024-01-01')).toBe(2)
  })
  it('counts a Party group by its members, whose memberships sit in the branch', () => {
    expect(memberCount({ memberships: [], groupMembers: [{ id: '1' }, { id: '2' }] }, 'PARTY_GROUP', '2025-01-01')).toBe(2)
  })
})
