import { describe, expect, it } from 'vitest'
import { lastEnded, monthSpan, span } from './halfYear'

describe('half years', () => {
  it('ends a half year under way today', () => {
    expect(span(2026, 2, '2026-12-02')).toEqual({ from: '2026-07-01', to: '2026-12-02', inProgress: true })
    expect(span(2026, 1, '2026-12-02')).toEqual({ from: '2026-01-01', to: '2026-06-30', inProgress: false })
  })
  it('has none before it begins', () => expect(span(2027, 1, '2026-12-02')).toBeNull())
  it('finds the last half year ended', () => {
    expect(lastEnded('2026-12-02')).toEqual({ year: 2026, half: 1 })
    expect(lastEnded('2026-03-01')).toEqual({ year: 2025, half: 2 })
    expect(lastEnded('2026-12-31')).toEqual({ year: 2026, half: 2 })
    expect(lastEnded('2026-07-01')).toEqual({ year: 2026, half: 1 })
  })
})

describe('months', () => {
  it('runs from the first to the last day of the month', () => {
    expect(monthSpan(2024, 2, '2026-12-02')).toEqual({ from: '2024-02-01', to: '2024-02-29', inProgress: false })
    expect(monthSpan(2026, 11, '2026-12-02')).toEqual({ from: '2026-11-01', to: '2026-11-30', inProgress: false })
  })
  it('ends a month under way today', () => expect(monthSpan(2026, 12, '2026-12-02')).toEqual({ from: '2026-12-01', to: '2026-12-02', inProgress: true }))
  it('has none before it begins', () => expect(monthSpan(2027, 1, '2026-12-02')).toBeNull())
})
