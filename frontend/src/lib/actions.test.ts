import { describe, expect, it } from 'vitest'
import { actionLink } from './actions'

describe('actionLink', () => {
  it('opens a record page’s action with its prefill', () => {
    expect(actionLink('member', '7', 'transfer', { organization: '9' })).toEqual({ path: '/members/7', query: { action: 'transfer', organization: '9' } })
    expect(actionLink('unit', '3', 'cover', { mode: 'JOINT', on: '2026-01-05' })).toEqual({
      path: '/units/3',
      query: { action: 'cover', mode: 'JOINT', on: '2026-01-05' },
    })
  })

  it('opens a grid’s action on the map with its panel', () => {
    expect(actionLink('grid', '5', 'responsible')).toEqual({ path: '/map', query: { grid: '5', action: 'responsible' } })
  })
})
