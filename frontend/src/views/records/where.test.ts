import { describe, expect, it } from 'vitest'
import { memberWhere, orderOf, organizationWhere, unitWhere } from './where'

describe('the register lists’ filters', () => {
  it('narrow nothing when nothing is chosen', () => {
    const f = { search: '', areaIds: [] }
    expect(unitWhere(f)).toBeUndefined()
    expect(memberWhere(f)).toBeUndefined()
    expect(organizationWhere(f)).toBeUndefined()
  })
  it('narrow to the records the server places in the areas, joining filters with and', () => {
    expect(unitWhere({ search: '超市', areaIds: ['7', '8'], kind: 'MARKET', status: 'current' })).toEqual({
      and: [{ nameContainsFold: '超市' }, { placed: { areaIDs: ['7', '8'] } }, { kindIn: ['MARKET'] }, { closedOnIsNil: true }],
    })
    expect(memberWhere({ search: '', areaIds: ['7'] })).toEqual({ placed: { areaIDs: ['7'] } })
    expect(organizationWhere({ search: '', areaIds: ['7'] })).toEqual({ placed: { areaIDs: ['7'] } })
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
