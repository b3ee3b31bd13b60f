import { describe, expect, it } from 'vitest'
import type { GridFeature as FileFeature } from '@/api/ledger'
import type { GridFeature } from '@/lib/gridMap'
import { previewMap, previewOption } from './previewOption'

const square = (x: number): GridFeature['geometry'] => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, 0],
      [x + 1, 0],
      [x + 1, 1],
      [x, 1],
      [x, 0],
    ],
  ],
})
const current: GridFeature[] = [
  { grid: { id: '7', name: '第一网格', community: '大桥社区', organizations: [], organizationCount: 0 }, geometry: square(0) },
  { grid: { id: '8', name: '第二网格', community: '大桥社区', organizations: [], organizationCount: 0 }, geometry: square(1) },
]
const imported: FileFeature[] = [
  { index: 1, name: '第一网格', areaId: 7, action: 'UPDATED', boundary: square(0.2) as FileFeature['boundary'] },
  { index: 2, name: '不存在的网格', action: 'FAILED', problem: '系统中没有' },
]
const labels = { current: '现有边界', imported: '导入的边界', failed: '有问题的要素' }

describe('the grid preview', () => {
  it('registers the current grids and then the file’s boundaries, so the new are drawn over the old', () => {
    const names = previewMap(current, imported).features.map((f) => f.properties.name)
    expect(names).toEqual(['old:7', 'old:8', 'new:1'])
  })

  it('draws the current grids dashed and the imported ones in blue, naming a replaced grid once', () => {
    const o = previewOption('m', current, imported, labels)
    const regions = o.geo.regions
    expect(regions.map((r) => r.name)).toEqual(['old:7', 'old:8', 'new:1'])
    expect(regions[0].itemStyle).toMatchObject({ borderType: 'dashed' })
    expect(regions[2].itemStyle).toMatchObject({ borderColor: '#409eff' })
    const label = o.geo.label.formatter
    expect([label({ name: 'old:7' }), label({ name: 'old:8' }), label({ name: 'new:1' })]).toEqual(['', '第二网格', '第一网格'])
    expect(o.geo.tooltip.formatter({ name: 'new:1' })).toBe('第一网格（导入的边界）')
    expect(o.geo.tooltip.formatter({ name: 'old:8' })).toBe('第二网格（现有边界）')
  })
})
