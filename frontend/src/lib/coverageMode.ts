// How a unit is covered on a day (DOMAIN.md section 3) is the coverage
// analysis's answer, read from Unit.coverageMode(asOf); the dashboard only
// orders the modes, best first, to list and count them.
import type { CoverageMode } from '@/gql/graphql'

export type { CoverageMode }

/** coverageModes in the order the grid panel lists and counts them. */
export const coverageModes: readonly CoverageMode[] = [
  'OWN',
  'JOINT',
  'AFFILIATED',
  'MASS_ORGANIZATION_ONLY',
  'INSTRUCTOR_ONLY',
  'NONE',
]
