// Colours of coverage on the map, the legend, tags and the wall screen.
// Chosen to be told apart by people with red–green colour blindness too
// (blue / amber / red-orange) and to reach 4.5:1 against white text
// where used as a tag background.
import type { GridStatus, Severity } from '@/gql/graphql'

/** The statuses in legend order. */
export const gridStatuses: readonly GridStatus[] = ['COVERED', 'PARTIAL', 'UNCOVERED']

/** statusColor is the fill of a grid on the map. */
export const statusColor: Record<GridStatus, string> = {
  COVERED: '#2f6fba',
  PARTIAL: '#e0a100',
  UNCOVERED: '#c8372d',
}

/** noDataColor fills a grid whose status is unknown (e.g. a grid outside the date). */
export const noDataColor = '#b8bec7'

/** colorOf is the fill for a status that may be missing or unknown. */
export function colorOf(status: unknown): string {
  return typeof status === 'string' && status in statusColor ? statusColor[status as GridStatus] : noDataColor
}

/** statusInk is the text colour on a status fill, dark on amber. */
export const statusInk: Record<GridStatus, string> = {
  COVERED: '#ffffff',
  PARTIAL: '#1f2329',
  UNCOVERED: '#ffffff',
}

/** The severities from most to least urgent. */
export const severities: readonly Severity[] = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW']

/** severityTag is the Element Plus tag type of a severity. */
export const severityTag: Record<Severity, 'danger' | 'warning' | 'primary' | 'info'> = {
  CRITICAL: 'danger',
  HIGH: 'warning',
  MEDIUM: 'primary',
  LOW: 'info',
}

/** bySeverity orders items most urgent first. */
export function bySeverity<T extends { severity: Severity }>(a: T, b: T): number {
  return severities.indexOf(a.severity) - severities.indexOf(b.severity)
}
