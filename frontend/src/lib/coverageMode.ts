// How a unit is covered on a day (DOMAIN.md section 3): the covering
// organisation's formation decides OWN / JOINT / AFFILIATED; a unit with no
// covering organisation may still be reached by a union or women's
// organisation, or by an instructor or liaison.
//
// The API has no field for this yet, so the grid panel derives it from the
// unit's links; the rule lives here, in one tested function.
import type { AffiliatedOrganizationKind, AppointmentRole, OrganizationFormation } from '@/gql/graphql'
import { activeOn } from './dates'

/** CoverageMode is how a unit is covered, best first. */
export type CoverageMode = 'OWN' | 'JOINT' | 'AFFILIATED' | 'MASS_ORGANIZATION_ONLY' | 'INSTRUCTOR_ONLY' | 'NONE'

/** coverageModes in the order the grid panel lists and counts them. */
export const coverageModes: readonly CoverageMode[] = [
  'OWN',
  'JOINT',
  'AFFILIATED',
  'MASS_ORGANIZATION_ONLY',
  'INSTRUCTOR_ONLY',
  'NONE',
]

/** The links of a unit the mode is read from. */
export interface UnitLinks {
  coverages?: ReadonlyArray<{
    startedOn: string
    endedOn?: string | null
    organization: { id: string; name: string; formation: OrganizationFormation; dissolvedOn?: string | null }
  }> | null
  affiliatedOrganizations?: ReadonlyArray<{
    kind: AffiliatedOrganizationKind
    establishedOn?: string | null
    dissolvedOn?: string | null
  }> | null
  appointments?: ReadonlyArray<{ role: AppointmentRole; startedOn: string; endedOn?: string | null }> | null
}

/** The mode with the organisation that gives it, where one does. */
export interface Coverage {
  mode: CoverageMode
  organization?: { id: string; name: string }
}

const formationMode: Record<OrganizationFormation, CoverageMode> = {
  STANDALONE: 'OWN',
  TEMPORARY: 'OWN',
  JOINT: 'JOINT',
  TERRITORIAL: 'AFFILIATED',
}

const massOrganizations: readonly AffiliatedOrganizationKind[] = ['UNION', 'WOMENS_ORGANIZATION', 'YOUTH_LEAGUE']
const outreachRoles: readonly AppointmentRole[] = ['PARTY_BUILDING_INSTRUCTOR', 'LIAISON']

/** coverageOf is how the unit was covered on asOf; with several organisations, the best mode wins. */
export function coverageOf(unit: UnitLinks, asOf: string): Coverage {
  let best: Coverage = { mode: 'NONE' }
  for (const c of unit.coverages ?? []) {
    if (!activeOn(asOf, c.startedOn, c.endedOn) || !activeOn(asOf, null, c.organization.dissolvedOn)) continue
    const mode = formationMode[c.organization.formation]
    if (best.mode === 'NONE' || coverageModes.indexOf(mode) < coverageModes.indexOf(best.mode)) {
      best = { mode, organization: { id: c.organization.id, name: c.organization.name } }
    }
  }
  if (best.mode !== 'NONE') return best
  const massOrg = (unit.affiliatedOrganizations ?? []).some(
    (a) => massOrganizations.includes(a.kind) && activeOn(asOf, a.establishedOn, a.dissolvedOn),
  )
  if (massOrg) return { mode: 'MASS_ORGANIZATION_ONLY' }
  const instructor = (unit.appointments ?? []).some(
    (a) => outreachRoles.includes(a.role) && activeOn(asOf, a.startedOn, a.endedOn),
  )
  return { mode: instructor ? 'INSTRUCTOR_ONLY' : 'NONE' }
}
