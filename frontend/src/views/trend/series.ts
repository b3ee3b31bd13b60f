// The trend's series as the chart and the table show them: each day's
// figures and rates as the API gives them.
import type { TrendQuery } from '@/gql/graphql'

type Point = TrendQuery['coverageTrend'][number]

/** familyCount is a day's gaps of one rule family. */
export const familyCount = (p: Point, family: string) => p.families.find((f) => f.family === family)?.count ?? 0
