import { describe, expect, it } from 'vitest'
import { memberWhere, orderOf, organizationWhere, unitWhere } from './where'

describe('the register lists’ filters', () => {
  it('narrow nothing when nothing is chosen', () => {
    const f = { search: '', areaIds: [] }
    expect(unitWhere(f)).toBeUndefined()
    expect(memberWhere(f)).toBeUndefined()
    expect(organizationWhere(f)).toBeUndefined()
  })
  it('put a unit in its grid and join filters with and', () => {
    expect(unitWhere({ search: '超市', areaIds: ['7', '8'], kind: 'MARKET', status: 'current' })).toEqual({
      and: [{ nameContainsFold: '超市' }, { hasGridWith: [{ idIn: ['7', '8'] }] }, { kindIn: ['MARKET'] }, { closedOnIsNil: true }],
    })
  })
  it('place a member where they live, else work, else where their organisation is', () => {
    const w = memberWhere({ search: '', areaIds: ['7'] })
    expect(w?.or).toHaveLength(3)
    expect(w?.or?.[1]).toMatchObject({ residenceGridIDIsNil: true })
    expect(w?.or?.[2]).toMatchObject({ residenceGridIDIsNil: true, workUnitIDIsNil: true })
  })
  it('read a member’s kind as category and status as status', () => {
    expect(memberWhere({ search: '', areaIds: [], kind: 'RETIRED', status: 'FULL' })).toEqual({ and: [{ categoryIn: ['RETIRED'] }, { statusIn: ['FULL'] }] })
  })
  it('tell dissolved organisations from current ones', () => {
    expect(organizationWhere({ search: '', areaIds: [], status: 'ended' })).toEqual({ dissolvedOnNotNil: true })
  })
})

describe('orderOf', () => {
  it('sorts by a known column, else by name', () => {
    expect(orderOf('KIND', ['NAME', 'KIND'], true)).toEqual([{ field: 'KIND', direction: 'DESC' }])
    expect(orderOf('phone', ['NAME', 'KIND'], false)).toEqual([{ field: 'NAME', direction: 'ASC' }])
  })
})
