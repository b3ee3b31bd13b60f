import { describe, expect, it } from 'vitest'
import { communityBorders, echartsMap, readGrid, readGridMap, type Position } from './gridMap'

const square = (x: number, y: number): Position[][] => [
  [
    [x, y],
    [x + 1, y],
    [x + 1, y + 1],
    [x, y + 1],
    [x, y],
  ],
]

const feature = (id: string, name: string, community: string, x: number, y: number, status = 'COVERED') => ({
  type: 'Feature',
  geometry: { type: 'Polygon', coordinates: square(x, y) },
  properties: { id, name, community, communityId: `c-${community}`, status, organizations: ['branch'], members: 3, units: 1, gaps: 0 },
})

describe('readGrid', () => {
  it('reads the properties the server writes', () => {
    expect(readGrid(feature('1', '第一网格', '大桥社区', 0, 0).properties)).toMatchObject({
      id: '1',
      name: '第一网格',
      community: '大桥社区',
      communityId: 'c-大桥社区',
      status: 'COVERED',
      organizations: [{ name: 'branch' }],
      organizationCount: 1,
      members: 3,
      gaps: 0,
    })
  })
  it('accepts a community and organisations as objects, and counts', () => {
    const g = readGrid({ id: 5, community: { id: 2, name: 'X' }, organizations: 3, gaps: [{}, {}], status: 'BOGUS' })
    expect(g).toMatchObject({ id: '5', name: '5', community: 'X', communityId: '2', organizationCount: 3, gaps: 2 })
    expect(g?.status).toBeUndefined()
  })
})

describe('readGridMap', () => {
  it('keeps features with an id and a polygon, in natural order', () => {
    const grids = readGridMap({
      features: [
        feature('2', '第十网格', 'A', 1, 0),
        feature('1', '第二网格', 'A', 0, 0),
        { properties: { id: '3' }, geometry: { type: 'Point', coordinates: [0, 0] } },
        { properties: {}, geometry: { type: 'Polygon', coordinates: square(5, 5) } },
      ],
    })
    expect(grids.map((g) => g.grid.name)).toEqual(['第二网格', '第十网格'])
  })
  it('reads nothing from something that is not a collection', () => {
    expect(readGridMap(null)).toEqual([])
  })
})

describe('echartsMap', () => {
  it('names each region by the grid ID', () => {
    const map = echartsMap(readGridMap({ features: [feature('9', 'G', 'A', 0, 0)] }))
    expect(map.features[0].properties).toEqual({ name: '9' })
  })
})

describe('communityBorders', () => {
  it('draws the outline of two neighbouring grids, not the edge they share', () => {
    const grids = readGridMap({ features: [feature('1', 'a', 'A', 0, 0), feature('2', 'b', 'A', 1, 0)] })
    const [border] = communityBorders(grids)
    expect(border.community).toBe('A')
    expect(border.segments).toHaveLength(6)
    const shared = border.segments.some((s) => s.every(([x]) => x === 1))
    expect(shared).toBe(false)
  })
  it('keeps the edge between two communities in both outlines', () => {
    const grids = readGridMap({ features: [feature('1', 'a', 'A', 0, 0), feature('2', 'b', 'B', 1, 0)] })
    expect(communityBorders(grids).map((b) => b.segments.length)).toEqual([4, 4])
  })
})
