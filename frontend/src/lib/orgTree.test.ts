import { describe, expect, it } from 'vitest'
import { buildOrgTree, countNodes, filterTree, type OrgRow } from './orgTree'

type Standing = NonNullable<OrgRow['standing']>
const org = (id: string, s: Partial<Standing> & Pick<Standing, 'name' | 'kind'>, parent?: string): OrgRow => ({
  id,
  standing: { formation: 'TERRITORIAL', members: 0, units: 0, term: 'NONE', parent: parent ? { id: parent } : null, ...s },
})

// As the server reads them on a day: organisation 5 did not exist (null standing).
const rows: OrgRow[] = [
  org('1', { name: '阜新街道党工委', kind: 'SUBDISTRICT_WORKING_COMMITTEE' }),
  org('2', { name: '百合村社区党总支', kind: 'GENERAL_BRANCH', members: 1, leader: '乙', term: 'CURRENT', termDueOn: '2023-07-01' }, '1'),
  org('3', { name: '百合村第二网格党支部', kind: 'GRID_BRANCH', members: 2, units: 1 }, '2'),
  org('6', { name: '百合村第十一网格党支部', kind: 'GRID_BRANCH' }, '2'),
  org('4', { name: '第一党小组', kind: 'PARTY_GROUP', members: 1 }, '3'),
  { id: '5', standing: null },
]

describe('buildOrgTree', () => {
  it('nests the organisations of the day under their parents, with the server’s figures', () => {
    const [root] = buildOrgTree(rows)
    expect(root.name).toBe('阜新街道党工委')
    const general = root.children[0]
    expect(general).toMatchObject({ kind: 'GENERAL_BRANCH', members: 1, secretary: '乙', term: 'CURRENT', dueOn: '2023-07-01' })
    expect(general.children.map((c) => c.name)).toEqual(['百合村第二网格党支部', '百合村第十一网格党支部'])
    const grid = general.children[0]
    expect(grid).toMatchObject({ members: 2, totalMembers: 2, units: 1 })
    // A Party group's members have their relationship in its branch: not counted twice.
    expect(grid.children[0]).toMatchObject({ kind: 'PARTY_GROUP', members: 1 })
    expect(general.totalMembers).toBe(3)
    expect(root.totalMembers).toBe(3)
    expect(countNodes(buildOrgTree(rows))).toBe(5)
  })
  it('makes an organisation whose parent did not exist on the day a root', () => {
    expect(buildOrgTree(rows.slice(2)).map((n) => n.id)).toEqual(['3', '6'])
  })
})

describe('filterTree', () => {
  it('keeps matches with the path to them', () => {
    const tree = filterTree(buildOrgTree(rows), '小组')
    expect(tree[0].children[0].children[0].children[0].name).toBe('第一党小组')
    expect(countNodes(tree)).toBe(4)
    expect(filterTree(tree, 'nothing')).toEqual([])
  })
})
