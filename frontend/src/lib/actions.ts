// Deep links to the operations of the record pages: each opens from the
// URL, `?action=NAME` plus prefill parameters, so that a gap (in the gaps
// table or the grid panel) can link to the remedy, filled in. Every action
// also takes `on` (the effective day, YYYY-MM-DD; today when left out).
//
// member page (/members/:id)
//   place         organization   the organisation to place the member in
//   transfer      organization   the receiving organisation; out=1 for out of the sub-district
//   confirm       mode           mode=extend opens 延长预备期 instead of 转正
//   move          grid           the new grid of residence
//   workUnit      unit           the new work unit
//   category      category       IN_SERVICE | RETIRED | SELF_EMPLOYED
//   flow          direction, place   OUTFLOW | INFLOW, and where to / from
//   mobileReport  (none)
// unit page (/units/:id)
//   cover         organization, mode   mode OWN | JOINT | AFFILIATED narrows the organisations offered
//   endCover      (none)         ends one of the current coverages
//   instructor    role           PARTY_BUILDING_INSTRUCTOR | LIAISON
//   endInstructor (none)         ends a current instructor's or liaison's assignment
//   massOrg       kind           UNION | WOMENS_ORGANIZATION | YOUTH_LEAGUE
//   visit         (none)
//   move          grid           the new grid
//   resize        (none)
// grid panel (/map?grid=:id)
//   responsible   organization   the organisation to make responsible
//   boundary      (none)

/** ActionKind is the kind of record an action is carried out on. */
export type ActionKind = 'member' | 'unit' | 'grid'

/** memberActions lists the member page's actions. */
export const memberActions = ['place', 'transfer', 'confirm', 'move', 'workUnit', 'category', 'flow', 'mobileReport'] as const
/** unitActions lists the unit page's actions. */
export const unitActions = ['cover', 'endCover', 'instructor', 'endInstructor', 'massOrg', 'visit', 'move', 'resize'] as const
/** gridActions lists the grid panel's actions. */
export const gridActions = ['responsible', 'boundary'] as const

/** ActionParams are the prefill parameters each action takes. */
export interface ActionParams {
  member: {
    place: { organization?: string }
    transfer: { organization?: string; out?: '1' }
    confirm: { mode?: 'extend' }
    move: { grid?: string }
    workUnit: { unit?: string }
    category: { category?: string }
    flow: { direction?: 'OUTFLOW' | 'INFLOW'; place?: string }
    mobileReport: Record<string, never>
  }
  unit: {
    cover: { organization?: string; mode?: 'OWN' | 'JOINT' | 'AFFILIATED' }
    endCover: Record<string, never>
    instructor: { role?: 'PARTY_BUILDING_INSTRUCTOR' | 'LIAISON' }
    endInstructor: Record<string, never>
    massOrg: { kind?: 'UNION' | 'WOMENS_ORGANIZATION' | 'YOUTH_LEAGUE' }
    visit: Record<string, never>
    move: { grid?: string }
    resize: Record<string, never>
  }
  grid: {
    responsible: { organization?: string }
    boundary: Record<string, never>
  }
}

/** actionParamNames lists every prefill parameter, so that closing an action removes them from the URL. */
export const actionParamNames = ['action', 'on', 'organization', 'out', 'mode', 'grid', 'unit', 'category', 'direction', 'place', 'role', 'kind'] as const

/**
 * actionLink is the location that opens an action on a record, prefilled:
 * actionLink('member', id, 'transfer', { organization: orgId }). A grid's
 * actions open on the map with the grid's panel.
 */
export function actionLink<K extends ActionKind, A extends keyof ActionParams[K] & string>(
  kind: K,
  id: string,
  action: A,
  params: ActionParams[K][A] & { on?: string } = {} as ActionParams[K][A] & { on?: string },
): { path: string; query: Record<string, string> } {
  const query: Record<string, string> = { action }
  for (const [k, v] of Object.entries(params as Record<string, string | undefined>)) if (v) query[k] = v
  if (kind === 'grid') return { path: '/map', query: { grid: id, ...query } }
  return { path: `/${kind}s/${id}`, query }
}
