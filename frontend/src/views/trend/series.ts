// The trend's series as the chart and the table show them: each day's
// figures as the API gives them, and two shares of them in per cent.
import type { TrendQuery } from '@/gql/graphql'

type Point = TrendQuery['coverageTrend'][number]

/** percent is part of whole in per cent with one decimal; null when whole is 0. */
export function percent(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part * 1000) / whole) / 10 : null
}

/** unitRate is the share of units with an organisation of their own or a joint branch. */
export const unitRate = (p: Point) => percent(p.report.units.total - p.report.units.withoutOrganization, p.report.units.total)

/** gridRate is the share of grids an organisation is responsible for with no serious gap. */
export const gridRate = (p: Point) => percent(p.report.grids.covered, p.report.grids.total)

/** familyCount is a day's gaps of one rule family. */
export const familyCount = (p: Point, family: string) => p.families.find((f) => f.family === family)?.count ?? 0
