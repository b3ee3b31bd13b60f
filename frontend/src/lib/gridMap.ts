// Reads the gridMap GeoJSON FeatureCollection (coverage.graphqls) into what
// the map draws. The contract lists the properties of each feature but not
// all their shapes, so reading is lenient: a community may come as a name or
// as {id, name}; organisations as names, as {id, name} or as a count.
import type { GridStatus } from '@/gql/graphql'
import { compareIds, compareNames } from './names'

/** Position is [longitude, latitude]. */
export type Position = [number, number]

/** Geometry is a GeoJSON Polygon or MultiPolygon. */
export type Geometry =
  | { type: 'Polygon'; coordinates: Position[][] }
  | { type: 'MultiPolygon'; coordinates: Position[][][] }

/** Grid is one feature's properties, read. */
export interface Grid {
  id: string
  name: string
  community: string
  communityId?: string
  status?: GridStatus
  organizations: { id?: string; name: string }[]
  organizationCount: number
  members?: number
  units?: number
  residents?: number
  gaps?: number
}

/** GridFeature is a grid with its boundary. */
export interface GridFeature {
  grid: Grid
  geometry: Geometry
}

const statuses = ['COVERED', 'PARTIAL', 'UNCOVERED']

function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined
}

function named(v: unknown): { id?: string; name: string } | undefined {
  if (typeof v === 'string') return { name: v }
  if (v && typeof v === 'object' && 'name' in v && typeof v.name === 'string') {
    const id = 'id' in v && v.id != null ? String(v.id) : undefined
    return { id, name: v.name }
  }
  return undefined
}

function isGeometry(g: unknown): g is Geometry {
  if (!g || typeof g !== 'object') return false
  const { type, coordinates } = g as { type?: unknown; coordinates?: unknown }
  return (type === 'Polygon' || type === 'MultiPolygon') && Array.isArray(coordinates)
}

/** readGrid reads one feature's properties. */
export function readGrid(props: Record<string, unknown>): Grid | undefined {
  if (props.id == null) return undefined
  const community = named(props.community)
  const orgs = Array.isArray(props.organizations)
    ? props.organizations.map(named).filter((o): o is { id?: string; name: string } => o !== undefined)
    : []
  const status = typeof props.status === 'string' && statuses.includes(props.status) ? (props.status as GridStatus) : undefined
  return {
    id: String(props.id),
    name: typeof props.name === 'string' ? props.name : String(props.id),
    community: community?.name ?? '',
    communityId: community?.id ?? (props.communityId != null ? String(props.communityId) : undefined),
    status,
    organizations: orgs,
    organizationCount: num(props.organizations) ?? orgs.length,
    members: num(props.members),
    units: num(props.units),
    residents: num(props.residents),
    gaps: num(props.gaps) ?? (Array.isArray(props.gaps) ? props.gaps.length : undefined),
  }
}

/** readGridMap reads the FeatureCollection, skipping features without an id or a polygon. */
export function readGridMap(collection: unknown): GridFeature[] {
  const features = (collection as { features?: unknown })?.features
  if (!Array.isArray(features)) return []
  const out: GridFeature[] = []
  for (const f of features) {
    const grid = readGrid((f?.properties ?? {}) as Record<string, unknown>)
    if (grid && isGeometry(f?.geometry)) out.push({ grid, geometry: f.geometry })
  }
  // Communities in the order they were registered (the talk's order in the demo), grids by number.
  const community = (g: Grid) => g.communityId ?? g.community
  return out.sort(
    (a, b) =>
      (a.grid.communityId && b.grid.communityId
        ? compareIds(a.grid.communityId, b.grid.communityId)
        : compareNames(community(a.grid), community(b.grid))) || compareNames(a.grid.name, b.grid.name),
  )
}

/**
 * echartsMap is the FeatureCollection ECharts registers: each region is
 * named by the grid's ID, since grid names repeat across communities.
 */
export function echartsMap(features: readonly GridFeature[]) {
  return {
    type: 'FeatureCollection' as const,
    features: features.map((f) => ({ type: 'Feature' as const, properties: { name: f.grid.id }, geometry: f.geometry })),
  }
}

function rings(g: Geometry): Position[][] {
  return g.type === 'Polygon' ? g.coordinates : g.coordinates.flat()
}

const key = (p: Position) => `${p[0].toFixed(7)},${p[1].toFixed(7)}`

/**
 * communityBorders draws each community's outline from its grids: an edge
 * that two of the community's grids share lies inside the community, any
 * other edge is on its border. Grids drawn on shared vertices give clean
 * outlines; where they do not, every grid edge is kept, which is still right.
 */
export function communityBorders(features: readonly GridFeature[]): { community: string; segments: Position[][] }[] {
  const byCommunity = new Map<string, Map<string, { edge: Position[]; count: number }>>()
  for (const f of features) {
    const edges = byCommunity.get(f.grid.community) ?? new Map()
    byCommunity.set(f.grid.community, edges)
    for (const ring of rings(f.geometry)) {
      for (let i = 0; i + 1 < ring.length; i++) {
        const [a, b] = [ring[i], ring[i + 1]]
        if (key(a) === key(b)) continue
        const k = [key(a), key(b)].sort().join('|')
        const seen = edges.get(k)
        if (seen) seen.count++
        else edges.set(k, { edge: [a, b], count: 1 })
      }
    }
  }
  return [...byCommunity].map(([community, edges]) => ({
    community,
    segments: [...edges.values()].filter((e) => e.count === 1).map((e) => e.edge),
  }))
}

/** labelPoint is where a community's name is written: the middle of its grids' extent. */
export function labelPoint(features: readonly GridFeature[]): Position {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity]
  for (const f of features) {
    for (const ring of rings(f.geometry)) {
      for (const [x, y] of ring) {
        minX = Math.min(minX, x)
        maxX = Math.max(maxX, x)
        minY = Math.min(minY, y)
        maxY = Math.max(maxY, y)
      }
    }
  }
  return [(minX + maxX) / 2, (minY + maxY) / 2]
}
