import { describe, expect, it } from 'vitest'
import { buildOrgTree, countNodes, filterTree, holderOn, kindOn, termOn, type OrgRow } from './orgTree'

const rows: OrgRow[] = [
  { id: '1', name: '阜新街道党工委', kind: 'SUBDISTRICT_WORKING_COMMITTEE', formation: 'TERRITORIAL', establishedOn: '2000-01-01' },
  {
    id: '2',
    name: '百合村社区党总支',
    kind: 'GENERAL_BRANCH',
    formation: 'TERRITORIAL',
    parentID: '1',
    establishedOn: '2005-01-01',
    kindChanges: [{ fromKind: 'BRANCH', toKind: 'GENERAL_BRANCH', changedOn: '2020-07-01' }],
    memberships: [{ startedOn: '2010-01-01' }, { startedOn: '2010-01-01', endedOn: '2019-01-01' }],
    terms: [{ startedOn: '2020-07-01', dueOn: '2023-07-01' }],
    appointments: [
      { role: 'SECRETARY', startedOn: '2015-01-01', endedOn: '2021-01-01', member: { name: '甲' } },
      { role: 'SECRETARY', startedOn: '2021-01-01', holderName: '乙' },
    ],
  },
  {
    id: '3',
    name: '百合村第二网格党支部',
    kind: 'GRID_BRANCH',
    formation: 'TERRITORIAL',
    parentID: '2',
    establishedOn: '2018-01-01',
    memberships: [{ startedOn: '2018-01-01' }, { startedOn: '2018-01-01' }],
    unitCoverages: [{ startedOn: '2018-01-01' }],
  },
  { id: '4', name: '第一党小组', kind: 'PARTY_GROUP', formation: 'TERRITORIAL', parentID: '3', establishedOn: '2018-01-01', groupMembers: [{ id: 'm' }] },
  { id: '5', name: '百合村第十网格党支部', kind: 'GRID_BRANCH', formation: 'TERRITORIAL', parentID: '2', establishedOn: '2018-01-01', dissolvedOn: '2022-01-01' },
]

describe('kindOn', () => {
  it('undoes an upgrade made after the day', () => {
    expect(kindOn(rows[1], '2020-06-30')).toBe('BRANCH')
    expect(kindOn(rows[1], '2020-07-01')).toBe('GENERAL_BRANCH')
  })
})

describe('termOn', () => {
  it('tells a term in force from one that ran out unrenewed', () => {
    expect(termOn(rows[1].terms, '2023-06-30')).toEqual({ state: 'CURRENT', dueOn: '2023-07-01' })
    expect(termOn(rows[1].terms, '2023-07-01')).toEqual({ state: 'EXPIRED', dueOn: '2023-07-01' })
    expect(termOn([{ startedOn: '2020-01-01', dueOn: '2023-01-01', renewedOn: '2022-12-01' }], '2024-01-01').state).toBe('CURRENT')
    expect(termOn([], '2024-01-01')).toEqual({ state: 'NONE' })
  })
})

describe('holderOn', () => {
  it('finds who held the office on the day', () => {
    expect(holderOn(rows[1].appointments, ['SECRETARY'], '2020-01-01')).toBe('甲')
    expect(holderOn(rows[1].appointments, ['SECRETARY'], '2022-01-01')).toBe('乙')
  })
})

describe('buildOrgTree', () => {
  it('nests the organisations of the day with their figures', () => {
    const [root] = buildOrgTree(rows, '2021-06-01')
    expect(root.name).toBe('阜新街道党工委')
    const general = root.children[0]
    expect(general).toMatchObject({ kind: 'GENERAL_BRANCH', members: 1, secretary: '乙', term: 'CURRENT' })
    expect(general.children.map((c) => c.name)).toEqual(['百合村第二网格党支部', '百合村第十网格党支部'])
    const grid = general.children[0]
    expect(grid).toMatchObject({ members: 2, totalMembers: 2, units: 1 })
    expect(grid.children[0]).toMatchObject({ kind: 'PARTY_GROUP', members: 1 })
    expect(general.totalMembers).toBe(3)
    expect(root.totalMembers).toBe(3)
  })
  it('leaves out dissolved organisations and takes the analysis’s term flags', () => {
    const tree = buildOrgTree(rows, '2022-06-01', new Map([['2', 'EXPIRING']]))
    expect(countNodes(tree)).toBe(4)
    expect(tree[0].children[0].term).toBe('EXPIRING')
  })
  it('makes an organisation whose parent did not exist yet a root', () => {
    expect(buildOrgTree(rows.slice(2), '2021-01-01').map((n) => n.id)).toEqual(['3', '5'])
  })
})

describe('filterTree', () => {
  it('keeps matches with the path to them', () => {
    const tree = filterTree(buildOrgTree(rows, '2021-06-01'), '小组')
    expect(tree[0].children[0].children[0].children[0].name).toBe('第一党小组')
    expect(countNodes(tree)).toBe(4)
    expect(filterTree(tree, 'nothing')).toEqual([])
  })
})
