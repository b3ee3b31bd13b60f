import { describe, expect, it } from 'vitest'
import { camelField, changesOf, entityPath, showValue } from './auditChanges'

describe('changesOf', () => {
  it('lists the fields an update changed, before and after', () => {
    const before = { address: '旧地址', employees: 10, credit_code: '91652302MA7XXXXXXX', updated_at: '2026-06-01T08:00:00Z' }
    const after = { address: '新地址', employees: 10, credit_code: null, updated_at: '2026-07-01T08:00:00Z' }
    expect(changesOf(before, after)).toEqual([
      { field: 'address', before: '旧地址', after: '新地址' },
      { field: 'creditCode', before: '91652302MA7XXXXXXX', after: null },
    ])
  })
  it('lists the values a creation set, without the empty ones', () => {
    expect(changesOf(null, { name: 'e2e 单位', grid: ['8589934600'], address: '' })).toEqual([
      { field: 'grid', after: '["8589934600"]' },
      { field: 'name', after: 'e2e 单位' },
    ])
  })
  it('lists nothing for an entry without values (a sign-in, a read)', () => {
    expect(changesOf(undefined, undefined)).toEqual([])
  })
})

describe('showValue', () => {
  it('shortens a long value and reports none for empty', () => {
    expect(showValue('x'.repeat(100), 10)).toBe(`${'x'.repeat(9)}…`)
    expect(showValue('')).toBeNull()
    expect(showValue(0)).toBe('0')
    expect(showValue(false)).toBe('false')
  })
})

describe('names and links', () => {
  it('spells column names as the API does', () => {
    expect(camelField('id_number')).toBe('idNumber')
    expect(camelField('name')).toBe('name')
  })
  it('links records that have a page', () => {
    expect(entityPath('Unit', '12')).toBe('/units/12')
    expect(entityPath('Member', '7')).toBe('/members/7')
    expect(entityPath('User', '3')).toBeUndefined()
    expect(entityPath('Unit', null)).toBeUndefined()
  })
})
