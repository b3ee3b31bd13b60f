import { describe, expect, it } from 'vitest'
import { actorParts, enumOf, linkOf, readValue } from './auditWords'

const names: Record<string, string> = { 'area 8589934606': '文化路一网格', 'area 8589934607': '文化路二网格', 'organization 4294967297': '文化路社区党委' }
const nameOf = (kind: string, id: string) => names[`${kind} ${id}`]
const enumName = (e: string, v: string) => (e === 'UnitKind' && v === 'NON_PUBLIC_ENTERPRISE' ? '非公有制企业' : undefined)

describe('audit words', () => {
  it('names enum values by the record type and field', () => {
    expect(enumOf('Unit', 'kind')).toBe('UnitKind')
    expect(enumOf('Organization', 'kind')).toBe('OrganizationKind')
    expect(enumOf('Member', 'name')).toBeUndefined()
    expect(readValue('NON_PUBLIC_ENTERPRISE', 'Unit', 'kind', enumName, nameOf)).toBe('非公有制企业')
  })

  it('names linked records instead of their IDs', () => {
    expect(linkOf('Unit', 'grid')).toBe('area')
    expect(linkOf('Organization', 'parent')).toBe('organization')
    expect(readValue('[8589934606]', 'Unit', 'grid', enumName, nameOf)).toBe('文化路一网格')
    expect(readValue('[8589934606,8589934607]', 'Organization', 'areas', enumName, nameOf)).toBe('文化路一网格、文化路二网格')
    expect(readValue('4294967297', 'Organization', 'parent', enumName, nameOf)).toBe('文化路社区党委')
    expect(readValue('[99]', 'Unit', 'grid', enumName, nameOf)).toBe('99')
  })

  it('leaves other values as they are', () => {
    expect(readValue('示例驾校', 'Unit', 'name', enumName, nameOf)).toBe('示例驾校')
    expect(readValue(null, 'Unit', 'grid', enumName, nameOf)).toBeNull()
  })

  it('splits the actor into its kind and name', () => {
    expect(actorParts('user e2e-editor')).toEqual({ kind: 'user', name: 'e2e-editor' })
    expect(actorParts('token 报表工具')).toEqual({ kind: 'token', name: '报表工具' })
    expect(actorParts('system')).toEqual({ kind: 'system', name: '' })
    expect(actorParts('someone')).toEqual({ kind: 'other', name: 'someone' })
  })
})
