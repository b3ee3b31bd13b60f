import { describe, expect, it } from 'vitest'
import { shadeColor, shadeOf, shades } from './shade'

describe('shadeOf', () => {
  it('tells a covered grid with open gaps from one without', () => {
    expect(shadeOf({ status: 'COVERED', gaps: 0 })).toBe('COVERED')
    expect(shadeOf({ status: 'COVERED', gaps: 2 })).toBe('MINOR_GAPS')
  })
  it('keeps the server status of partial and uncovered grids', () => {
    expect(shadeOf({ status: 'PARTIAL', gaps: 3 })).toBe('PARTIAL')
    expect(shadeOf({ status: 'UNCOVERED', gaps: 1 })).toBe('UNCOVERED')
  })
  it('has no data without a status', () => {
    expect(shadeOf({ status: undefined, gaps: 1 })).toBe('NO_DATA')
    expect(shadeOf({ status: 'COVERED', gaps: 1 }, false)).toBe('NO_DATA')
  })
  it('gives every shade its own colour', () => {
    expect(new Set(shades.map((s) => shadeColor[s])).size).toBe(shades.length)
  })
})
