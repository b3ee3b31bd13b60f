// The ECharts option of the grid map: grids filled by their shade (status,
// and open gaps of a covered grid; see shade.ts), community
// outlines drawn over them, community names, and a tooltip per grid.
import { communityBorders, labelPoint, type Grid, type GridFeature } from '@/lib/gridMap'
import { escapeHtml } from '@/lib/html'
import { shadeColor, shadeOf } from './shade'

/** Labels are the words the option needs, in the chosen language. */
export interface MapLabels {
  status: (grid: Grid) => string
  community: string
  organizations: string
  members: string
  units: string
  residents: string
  gaps: string
  none: string
}

/** tooltipHtml is the tooltip of one grid. */
export function tooltipHtml(grid: Grid, l: MapLabels): string {
  const orgs = grid.organizations.length
    ? grid.organizations.map((o) => escapeHtml(o.name)).join('、')
    : grid.organizationCount
      ? String(grid.organizationCount)
      : l.none
  const row = (label: string, value: unknown) =>
    `<div><span style="color:#5c6370">${escapeHtml(label)}</span> ${value === undefined ? '—' : escapeHtml(value)}</div>`
  return [
    `<div style="font-weight:600;margin-bottom:4px">${escapeHtml(grid.name)}</div>`,
    row(l.community, grid.community),
    `<div><span style="color:#5c6370">${escapeHtml(l.organizations)}</span> ${orgs}</div>`,
    row(l.members, grid.members),
    row(l.units, grid.units),
    row(l.residents, grid.residents),
    row(l.gaps, grid.gaps),
    `<div style="margin-top:4px;font-weight:600;color:${shadeColor[shadeOf(grid)]}">${escapeHtml(l.status(grid))}</div>`,
  ].join('')
}

/** mapOption builds the option for the registered map mapName. */
export function mapOption(mapName: string, features: readonly GridFeature[], l: MapLabels, opts: { dark?: boolean; selected?: string } = {}) {
  const grids = new Map(features.map((f) => [f.grid.id, f.grid]))
  const communities = new Map<string, GridFeature[]>()
  for (const f of features) communities.set(f.grid.community, [...(communities.get(f.grid.community) ?? []), f])
  const ink = opts.dark ? '#e8eef7' : '#1f2329'
  const formatter = (p: { name?: string }) => {
    const grid = p.name ? grids.get(p.name) : undefined
    return grid ? tooltipHtml(grid, l) : ''
  }
  return {
    animation: false,
    tooltip: { trigger: 'item', confine: true },
    geo: {
      map: mapName,
      roam: true,
      scaleLimit: { min: 0.8, max: 8 },
      layoutCenter: ['50%', '50%'],
      layoutSize: '96%',
      selectedMode: false,
      tooltip: { show: true, formatter },
      label: {
        show: true,
        color: '#fff',
        fontSize: opts.dark ? 14 : 12,
        textBorderColor: 'rgba(0,0,0,0.55)',
        textBorderWidth: 2,
        formatter: (p: { name: string }) => grids.get(p.name)?.name ?? '',
      },
      itemStyle: { borderColor: '#ffffff', borderWidth: 1 },
      emphasis: { label: { show: true, color: '#fff' }, itemStyle: { areaColor: '#5b8def' } },
      regions: features.map((f) => ({
        name: f.grid.id,
        itemStyle: {
          areaColor: shadeColor[shadeOf(f.grid)],
          borderColor: f.grid.id === opts.selected ? ink : '#ffffff',
          borderWidth: f.grid.id === opts.selected ? 3 : 1,
        },
      })),
    },
    series: [
      {
        type: 'lines',
        coordinateSystem: 'geo',
        silent: true,
        z: 3,
        lineStyle: { color: ink, width: 2.5, opacity: 0.9, type: 'solid' },
        data: communityBorders(features).flatMap((c) => c.segments.map((coords) => ({ coords }))),
      },
      {
        type: 'scatter',
        coordinateSystem: 'geo',
        silent: true,
        z: 4,
        symbolSize: 0,
        label: {
          show: true,
          formatter: '{b}',
          color: ink,
          fontSize: opts.dark ? 18 : 14,
          fontWeight: 'bold',
          textBorderColor: opts.dark ? '#0b1a33' : '#fff',
          textBorderWidth: 3,
          position: 'top',
          distance: 14,
        },
        data: [...communities]
          .filter(([name]) => name)
          .map(([name, fs]) => ({ name, value: labelPoint(fs) })),
      },
    ],
  }
}
