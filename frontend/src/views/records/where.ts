// The filters of the register lists as the API's where inputs: an area
// (the header's, or a community chosen in the list) as the set of its own
// and its grids' IDs, a kind and a status. Records are in an area as the
// analysis places them today: the server's placed filter reads the
// coverage package's placement (a member where they live, else work, else
// where their organisation is; a unit in its grid; an organisation where it
// is responsible, else where a unit it covers is, else where its parent is).
import type { MemberWhereInput, OrganizationWhereInput, UnitWhereInput } from '@/gql/graphql'

/** Filters are what a list is narrowed to; an empty area list means everywhere. */
export interface Filters {
  search: string
  areaIds: readonly string[]
  kind?: string
  status?: string
}

const all = <T>(parts: (T | undefined)[]): T | undefined => {
  const ps = parts.filter((p): p is T => p !== undefined)
  return ps.length === 0 ? undefined : ps.length === 1 ? ps[0] : ({ and: ps } as T)
}
const named = (search: string) => (search ? { nameContainsFold: search } : undefined)
/** placedIn narrows a list to the records the analysis places in the areas today. */
const placedIn = (f: Filters) => (f.areaIds.length ? { placed: { areaIDs: [...f.areaIds] } } : undefined)

export function unitWhere(f: Filters): UnitWhereInput | undefined {
  return all<UnitWhereInput>([
    named(f.search),
    placedIn(f),
    f.kind ? { kindIn: [f.kind as never] } : undefined,
    f.status === 'current' ? { closedOnIsNil: true } : f.status === 'ended' ? { closedOnNotNil: true } : undefined,
  ])
}

export function memberWhere(f: Filters): MemberWhereInput | undefined {
  return all<MemberWhereInput>([
    named(f.search),
    placedIn(f),
    f.kind ? { categoryIn: [f.kind as never] } : undefined,
    f.status ? { statusIn: [f.status as never] } : undefined,
  ])
}

export function organizationWhere(f: Filters): OrganizationWhereInput | undefined {
  return all<OrganizationWhereInput>([
    named(f.search),
    placedIn(f),
    f.kind ? { kindIn: [f.kind as never] } : undefined,
    f.status === 'current' ? { dissolvedOnIsNil: true } : f.status === 'ended' ? { dissolvedOnNotNil: true } : undefined,
  ])
}

/** orderOf is the API's order for a column sorted by a table, the name (natural order) when none. */
export function orderOf<F extends string>(sort: string | undefined, fields: readonly F[], descending: boolean) {
  const field = fields.includes(sort as F) ? (sort as F) : ('NAME' as F)
  return [{ field, direction: descending ? ('DESC' as const) : ('ASC' as const) }]
}
