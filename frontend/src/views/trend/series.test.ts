import { describe, expect, it } from 'vitest'
import { percent } from './series'

describe('percent', () => {
  it('rounds to one decimal', () => expect(percent(1, 3)).toBe(33.3))
  it('is null with nothing to divide', () => expect(percent(0, 0)).toBeNull())
  it('is 100 for all', () => expect(percent(7, 7)).toBe(100))
})
