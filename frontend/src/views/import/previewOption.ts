// The option of the grid-boundary preview, on the grid map's geo layer:
// the register's grids as they are (grey, dashed) under the boundaries a
// GeoJSON file would save (blue; red where the feature has a problem), each
// labelled with its grid's name. Both sets are regions of one registered
// map, so the view frames them together, wherever the file puts them.
import type { GridFeature as FileFeature } from '@/api/ledger'
import type { Geometry, GridFeature } from '@/lib/gridMap'

/** PreviewLabels are the words of the preview, in the chosen language. */
export interface PreviewLabels {
  current: string
  imported: string
  failed: string
}

export const previewColors = { current: '#c9cdd4', imported: '#409eff', failed: '#f56c6c' }

const oldName = (id: string) => `old:${id}`
const newName = (index: number) => `new:${index}`

/** previewMap is the FeatureCollection to register: the current grids, then the file's. */
export function previewMap(current: readonly GridFeature[], imported: readonly FileFeature[]) {
  return {
    type: 'FeatureCollection' as const,
    features: [
      ...current.map((f) => ({ type: 'Feature' as const, properties: { name: oldName(f.grid.id) }, geometry: f.geometry })),
      ...imported
        .filter((f) => f.boundary)
        .map((f) => ({ type: 'Feature' as const, properties: { name: newName(f.index) }, geometry: f.boundary as Geometry })),
    ],
  }
}

/** previewOption draws the registered preview map mapName. */
export function previewOption(mapName: string, current: readonly GridFeature[], imported: readonly FileFeature[], l: PreviewLabels) {
  const names = new Map<string, { name: string; what: string }>()
  for (const f of current) names.set(oldName(f.grid.id), { name: f.grid.name, what: l.current })
  for (const f of imported) names.set(newName(f.index), { name: f.name, what: f.action === 'FAILED' ? l.failed : l.imported })
  const replaced = new Set(imported.filter((f) => f.areaId != null).map((f) => String(f.areaId)))
  return {
    animation: false,
    tooltip: { trigger: 'item', confine: true },
    geo: {
      map: mapName,
      roam: true,
      scaleLimit: { min: 0.5, max: 12 },
      layoutCenter: ['50%', '50%'],
      layoutSize: '92%',
      selectedMode: false,
      tooltip: {
        show: true,
        formatter: (p: { name?: string }) => {
          const n = p.name ? names.get(p.name) : undefined
          return n ? `${n.name}（${n.what}）` : ''
        },
      },
      label: {
        show: true,
        fontSize: 12,
        color: '#1f2329',
        textBorderColor: '#fff',
        textBorderWidth: 2,
        // The file's grids are named; a current grid only where nothing replaces it.
        formatter: (p: { name: string }) => (p.name.startsWith('new:') || !replaced.has(p.name.slice(4)) ? (names.get(p.name)?.name ?? '') : ''),
      },
      itemStyle: { areaColor: 'transparent', borderColor: previewColors.current },
      emphasis: { label: { show: true }, itemStyle: { areaColor: 'rgba(64,158,255,0.15)' } },
      regions: [
        ...current.map((f) => ({
          name: oldName(f.grid.id),
          itemStyle: {
            areaColor: replaced.has(f.grid.id) ? 'rgba(201,205,212,0.45)' : 'rgba(201,205,212,0.25)',
            borderColor: '#86909c',
            borderWidth: 1,
            borderType: 'dashed',
          },
        })),
        ...imported
          .filter((f) => f.boundary)
          .map((f) => {
            const color = f.action === 'FAILED' ? previewColors.failed : previewColors.imported
            return {
              name: newName(f.index),
              itemStyle: { areaColor: f.action === 'FAILED' ? 'rgba(245,108,108,0.25)' : 'rgba(64,158,255,0.3)', borderColor: color, borderWidth: 2.5 },
            }
          }),
      ],
    },
  }
}
