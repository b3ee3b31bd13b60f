import { describe, expect, it } from 'vitest'
import { list, normalizeQuery, readState, withQuery } from './query'

const today = '2026-03-15'

describe('readState', () => {
  it('reads the date and the area', () => {
    expect(readState({ asOf: '2025-12-31', area: '42' }, today)).toEqual({ asOf: '2025-12-31', area: '42' })
  })
  it('takes today for a missing or impossible date', () => {
    expect(readState({}, today).asOf).toBe(today)
    expect(readState({ asOf: '2025-02-30' }, today).asOf).toBe(today)
    expect(readState({ asOf: 'yesterday' }, today).asOf).toBe(today)
  })
  it('ignores an area that cannot be an ID', () => {
    expect(readState({ area: 'abc' }, today).area).toBeUndefined()
  })
})

describe('normalizeQuery', () => {
  it('leaves a complete URL alone', () => {
    expect(normalizeQuery({ asOf: '2025-01-01', area: '7', rule: 'X' }, today)).toBeNull()
  })
  it('writes today in when the date is missing, keeping the rest', () => {
    expect(normalizeQuery({ rule: 'X' }, today)).toEqual({ rule: 'X', asOf: today })
  })
  it('drops a bad area and fixes a bad date', () => {
    expect(normalizeQuery({ asOf: '2025-13-01', area: 'x' }, today)).toEqual({ asOf: today })
  })
})

describe('list and withQuery', () => {
  it('reads repeated and comma-separated values', () => {
    expect(list(['A,B', 'C'])).toEqual(['A', 'B', 'C'])
    expect(list(undefined)).toEqual([])
  })
  it('merges changes and removes emptied keys', () => {
    expect(withQuery({ asOf: today, grid: '5', rule: 'A' }, { grid: undefined, rule: [], severity: ['HIGH', 'LOW'] })).toEqual({
      asOf: today,
      severity: 'HIGH,LOW',
    })
  })
})
