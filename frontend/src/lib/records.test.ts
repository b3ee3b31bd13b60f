import { describe, expect, it } from 'vitest'
import { familyOf, isRule, allRules } from './rules'
import { figureText, recordPath } from './records'

describe('recordPath', () => {
  it('leads each kind of record to its page', () => {
    expect(recordPath({ __typename: 'Unit', id: '7' })).toEqual({ path: '/units/7' })
    expect(recordPath({ __typename: 'Organization', id: '8' })).toEqual({ path: '/organizations/8' })
    expect(recordPath({ __typename: 'Member', id: '9' })).toEqual({ path: '/members/9' })
    expect(recordPath({ __typename: 'Area', id: '3' })).toEqual({ path: '/map', query: { grid: '3' } })
    expect(recordPath({ __typename: 'Term', id: '1' })).toBeUndefined()
  })
})

describe('figureText', () => {
  it('writes a figure with its threshold', () => {
    expect(figureText({ name: 'fullMembers', value: 4, threshold: 3 }, (n) => n)).toBe('fullMembers 4 / 3')
    expect(figureText({ name: 'residents', value: 860 }, () => '居民')).toBe('居民 860')
    expect(figureText({ name: 'x', value: 1.25 }, (n) => n)).toBe('x 1.3')
  })
})

describe('rules', () => {
  it('puts every rule in its family', () => {
    expect(allRules).toHaveLength(19)
    expect(familyOf('ORG_MEMBER_UNATTACHED')).toBe('ORGANIZATION')
    expect(isRule('LIFE_NO_SECRETARY')).toBe(true)
    expect(isRule('DROP TABLE')).toBe(false)
  })
})
