import { describe, expect, it } from 'vitest'
import { mask } from './mask'

describe('mask', () => {
  it('hides the middle of a phone number and an ID number', () => {
    expect(mask('13912345678')).toBe('139****5678')
    expect(mask('652302199001011234', 6, 4)).toBe('652302********1234')
  })
  it('hides a short value whole and shows a dash for none', () => {
    expect(mask('1234')).toBe('****')
    expect(mask(null)).toBe('—')
  })
})
