import { describe, expect, it } from 'vitest'
import { isAfterToday, preHistory } from './registerDays'

describe('isAfterToday', () => {
  it('refuses the day after today and keeps today', () => {
    expect(isAfterToday('2026-12-02', '2026-12-01')).toBe(true)
    expect(isAfterToday('2026-12-01', '2026-12-01')).toBe(false)
    expect(isAfterToday('2025-12-31', '2026-12-01')).toBe(false)
  })
})

describe('preHistory', () => {
  // The server's first complete day for a register recorded since 1 September
  // 2024 with a twelve-month window: 31 August 2025 reads from 1 September on.
  const since = '2024-09-01'
  const complete = '2025-08-31'
  it('says so for a day before the first recorded meeting', () => {
    expect(preHistory('2024-08-31', since, complete)).toBe('DAY')
  })
  it('says so when only the window reaches before it', () => {
    expect(preHistory(since, since, complete)).toBe('WINDOW')
    expect(preHistory('2025-08-30', since, complete)).toBe('WINDOW')
  })
  it('is quiet from the first day whose whole window is recorded', () => {
    expect(preHistory('2025-08-31', since, complete)).toBeNull()
    expect(preHistory('2025-09-01', since, complete)).toBeNull()
  })
  it('is quiet when the register records no meeting', () => {
    expect(preHistory('2020-01-01', null, null)).toBeNull()
  })
})
