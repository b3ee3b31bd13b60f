// How many members an organisation has on a day, counted one way on every
// page (the tree, the organisation's page, the meeting form, the roll-up):
// a Party group's members are those placed in the group, whose
// relationship (membership) sits in its branch; any other organisation's are
// the memberships in force in it. Counting a group by memberships gives 0
// (the group page once said 党员 0 while the tree said 18).
import type { OrganizationKind } from '@/gql/graphql'
import { activeOn } from './dates'

/** Counted is what the count reads of an organisation. */
export interface Counted {
  memberships?: ReadonlyArray<{ startedOn: string; endedOn?: string | null }> | null
  groupMembers?: ReadonlyArray<unknown> | null
}

/** memberCount is the organisation's members on asOf, by its kind on that day. */
export function memberCount(org: Counted, kind: OrganizationKind | string, asOf: string): number {
  if (kind === 'PARTY_GROUP') return org.groupMembers?.length ?? 0
  return (org.memberships ?? []).filter((m) => activeOn(asOf, m.startedOn, m.endedOn)).length
}
