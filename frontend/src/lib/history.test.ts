import { describe, expect, it } from 'vitest'
import { historyRows, type PeriodLike } from './history'

let n = 0
const period = (attribute: PeriodLike['attribute'], validFrom: string, validTo: string | null, value: Partial<PeriodLike> = {}): PeriodLike => ({
  id: String(++n),
  attribute,
  validFrom,
  validTo,
  ...value,
})

describe('historyRows', () => {
  it('names 转正, a move, a work unit change and an outflow, newest first', () => {
    const rows = historyRows([
      period('MEMBER_STATUS', '2023-05-01', '2024-05-01', { text: 'PROBATIONARY' }),
      period('MEMBER_STATUS', '2024-05-01', null, { text: 'FULL' }),
      period('MEMBER_RESIDENCE_GRID', '2023-05-01', '2025-03-05', { refID: 1 }),
      period('MEMBER_RESIDENCE_GRID', '2025-03-05', null, { refID: 2 }),
      period('MEMBER_WORK_UNIT', '2023-05-01', '2025-06-01', { refID: 7 }),
      period('MEMBER_WORK_UNIT', '2025-06-01', null, { refID: 8 }),
      period('MEMBER_MOBILITY', '2025-09-01', null, { text: 'OUTFLOW' }),
    ])
    expect(rows.map((r) => [r.validFrom, r.attribute, r.event])).toEqual([
      ['2025-09-01', 'MEMBER_MOBILITY', 'OUTFLOW'],
      ['2025-06-01', 'MEMBER_WORK_UNIT', 'WORK_UNIT_CHANGED'],
      ['2025-03-05', 'MEMBER_RESIDENCE_GRID', 'MOVED'],
      ['2024-05-01', 'MEMBER_STATUS', 'CONFIRMED'],
      ['2023-05-01', 'MEMBER_STATUS', 'INITIAL'],
      ['2023-05-01', 'MEMBER_RESIDENCE_GRID', 'INITIAL'],
      ['2023-05-01', 'MEMBER_WORK_UNIT', 'INITIAL'],
    ])
  })
  it('names a first mobility period as the flow, and a member recorded full as the start', () => {
    const rows = historyRows([period('MEMBER_MOBILITY', '2025-01-01', null, { text: 'OUTFLOW' }), period('MEMBER_STATUS', '2000-01-01', null, { text: 'FULL' })])
    expect(rows.map((r) => r.event)).toEqual(['OUTFLOW', 'INITIAL'])
  })
  it('names each area of a set as a change, and an upgrade as a change of kind', () => {
    const rows = historyRows([
      period('ORGANIZATION_KIND', '2020-01-01', '2024-07-01', { text: 'BRANCH' }),
      period('ORGANIZATION_KIND', '2024-07-01', null, { text: 'GENERAL_BRANCH' }),
      period('ORGANIZATION_AREA', '2020-01-01', null, { refID: 3 }),
    ])
    expect(rows.map((r) => r.event)).toEqual(['KIND_CHANGED', 'INITIAL', 'CHANGED'])
  })
})
