import { describe, expect, it } from 'vitest'
import { remedyOf } from './gapRemedies'
import { orgActionLink } from './orgActions'

const gap = (rule: string, __typename: string, suggestions: { id: string; name: string }[] = []) =>
  ({ rule, subject: { __typename, id: '7' }, suggestions, grid: null }) as unknown as Parameters<typeof remedyOf>[0]

describe('remedyOf', () => {
  it('sends a missing secretary to the organisation’s appoint, pre-filled', () => {
    expect(remedyOf(gap('LIFE_NO_SECRETARY', 'Organization'))?.to).toEqual({ path: '/organizations/7', query: { action: 'appoint', role: 'SECRETARY' } })
  })
  it('sends an expired term to its renewal', () => {
    expect(remedyOf(gap('LIFE_TERM_EXPIRED', 'Organization'))?.to.query.action).toBe('renew')
  })
  it('sends a unit needing a joint branch to the suggested branch’s coverUnit', () => {
    const r = remedyOf(gap('ORG_UNIT_NEEDS_JOINT', 'Unit', [{ id: '9', name: '联合党支部' }]))
    expect(r?.to).toEqual({ path: '/organizations/9', query: { action: 'coverUnit', unit: '7' } })
    expect(r?.named).toEqual({ name: '联合党支部' })
  })
  it('sends a unit without suggestions to its own cover dialog', () => {
    expect(remedyOf(gap('ORG_UNIT_NEEDS_JOINT', 'Unit'))?.to).toEqual({ path: '/units/7', query: { action: 'cover', mode: 'JOINT' } })
    expect(remedyOf(gap('ORG_UNIT_SHOULD_ORGANIZE', 'Unit'))?.to.query).toEqual({ action: 'cover', mode: 'OWN' })
  })
  it('sends an unattached member to place', () => {
    expect(remedyOf(gap('ORG_MEMBER_UNATTACHED', 'Member'))?.to).toEqual({ path: '/members/7', query: { action: 'place' } })
  })
  it('offers nothing where no single operation remedies the gap', () => {
    expect(remedyOf(gap('ORG_MEMBER_LAPSE_RISK', 'Member'))).toBeUndefined()
  })
})

describe('orgActionLink', () => {
  it('writes the prefill into the query, flags as 1', () => {
    expect(orgActionLink('3', 'coverUnit', { unit: '5', stop: true })).toEqual({ path: '/organizations/3', query: { action: 'coverUnit', unit: '5', stop: '1' } })
  })
})
