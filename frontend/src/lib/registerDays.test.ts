import { describe, expect, it } from 'vitest'
import { isAfterToday, preHistory, windowStart } from './registerDays'

describe('isAfterToday', () => {
  it('refuses the day after today and keeps today', () => {
    expect(isAfterToday('2026-12-02', '2026-12-01')).toBe(true)
    expect(isAfterToday('2026-12-01', '2026-12-01')).toBe(false)
    expect(isAfterToday('2025-12-31', '2026-12-01')).toBe(false)
  })
})

describe('windowStart', () => {
  it('starts the day after the same day twelve calendar months before', () => {
    expect(windowStart('2025-08-31')).toBe('2024-09-01')
    expect(windowStart('2025-03-15')).toBe('2024-03-16')
  })
  it('clamps to the end of a shorter month', () => {
    // 12 months before 29 February 2024 is 28 February 2023.
    expect(windowStart('2024-02-29')).toBe('2023-03-01')
    expect(windowStart('2025-02-28')).toBe('2024-02-29')
  })
})

describe('preHistory', () => {
  const since = '2024-09-01'
  it('says so for a day before the first recorded meeting', () => {
    expect(preHistory('2024-08-31', since)).toBe('DAY')
  })
  it('says so when only the window reaches before it', () => {
    expect(preHistory(since, since)).toBe('WINDOW')
    expect(preHistory('2025-08-30', since)).toBe('WINDOW')
  })
  it('is quiet once the whole window is recorded: 12 months before 2025-08-31', () => {
    expect(preHistory('2025-08-31', since)).toBeNull()
    expect(preHistory('2025-09-01', since)).toBeNull()
    expect(preHistory('2025-08-31', '2024-09-02')).toBe('WINDOW')
  })
  it('is quiet when the register records no meeting', () => {
    expect(preHistory('2020-01-01', null)).toBeNull()
  })
})
