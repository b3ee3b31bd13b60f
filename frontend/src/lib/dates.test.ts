import { describe, expect, it } from 'vitest'
import { activeOn, addMonths, isDate, localDate } from './dates'

describe('dates', () => {
  it('accepts only real calendar dates', () => {
    expect(isDate('2024-02-29')).toBe(true)
    expect(isDate('2023-02-29')).toBe(false)
    expect(isDate('2024-2-1')).toBe(false)
    expect(isDate(undefined)).toBe(false)
  })
  it('writes the local day', () => {
    expect(localDate(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05')
  })
  it('treats the end date as the first day a record no longer holds', () => {
    expect(activeOn('2024-01-01', '2024-01-01', null)).toBe(true)
    expect(activeOn('2023-12-31', '2024-01-01', null)).toBe(false)
    expect(activeOn('2024-06-30', '2024-01-01', '2024-07-01')).toBe(true)
    expect(activeOn('2024-07-01', '2024-01-01', '2024-07-01')).toBe(false)
  })
  it('moves by months, clamping to the month’s end', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29')
    expect(addMonths('2024-03-15', -6)).toBe('2023-09-15')
  })
})
