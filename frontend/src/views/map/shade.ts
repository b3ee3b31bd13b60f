// The shade of a grid on the map: its coverage status, with a covered grid
// that still has open gaps (of medium or low severity: a HIGH or CRITICAL
// gap already makes it PARTIAL on the server) told apart from one that has
// none, so that no grid with an open gap looks done.
import type { Grid, GridFeature } from '@/lib/gridMap'
import { noDataColor, statusColor } from '@/lib/status'

/** Shade is what a grid's colour says. */
export type Shade = 'COVERED' | 'MINOR_GAPS' | 'PARTIAL' | 'UNCOVERED' | 'NO_DATA'

/** The shades in legend order, best first. */
export const shades: readonly Shade[] = ['COVERED', 'MINOR_GAPS', 'PARTIAL', 'UNCOVERED']

/** shadeColor is the fill of each shade; MINOR_GAPS is a pale blue, kin to covered yet visibly not it. */
export const shadeColor: Record<Shade, string> = {
  COVERED: statusColor.COVERED,
  MINOR_GAPS: '#8fb8e8',
  PARTIAL: statusColor.PARTIAL,
  UNCOVERED: statusColor.UNCOVERED,
  NO_DATA: noDataColor,
}

/** shadeOf is the shade of a grid; without status (the register's own boundaries) there is no data. */
export function shadeOf(grid: Pick<Grid, 'status' | 'gaps'>, hasStatus = true): Shade {
  if (!hasStatus || !grid.status) return 'NO_DATA'
  if (grid.status === 'COVERED' && (grid.gaps ?? 0) > 0) return 'MINOR_GAPS'
  return grid.status
}

/** minorGapsIn counts the covered grids with open gaps, of all the features or of those in an area (a community or a grid). */
export function minorGapsIn(features: readonly GridFeature[], areaId?: string): number {
  return features.filter((f) => shadeOf(f.grid) === 'MINOR_GAPS' && (!areaId || f.grid.id === areaId || f.grid.communityId === areaId)).length
}
