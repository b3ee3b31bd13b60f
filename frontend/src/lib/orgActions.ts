// The operations on an organisation's page, each opened by a deep link
// /organizations/ID?action=NAME plus what it is pre-filled with, so that a
// gap, a list or another page can send the user straight into the dialog.
import type { AppointmentRole, OrganizationKind } from '@/gql/graphql'

/** CoverMode is how a unit is covered (DOMAIN.md: 单独组建 / 联合组建 / 挂靠). */
export type CoverMode = 'OWN' | 'JOINT' | 'AFFILIATED'

/** OrgActionParams lists each operation and what a link may pre-fill in it. */
export interface OrgActionParams {
  appoint: { role?: AppointmentRole }
  endOffice: { appointment?: string }
  term: Record<string, never>
  renew: Record<string, never>
  meeting: Record<string, never>
  exemption: Record<string, never>
  /** unit: the unit to cover; mode: how the caller expects it covered; stop: end a coverage instead. */
  coverUnit: { unit?: string; mode?: CoverMode; stop?: boolean }
  addGroup: Record<string, never>
  upgrade: { toKind?: OrganizationKind }
  dissolve: Record<string, never>
}

/** OrgAction is the name of an operation on an organisation's page. */
export type OrgAction = keyof OrgActionParams

/** orgActions lists the operations in the order the page offers them. */
export const orgActions: readonly OrgAction[] = [
  'appoint',
  'endOffice',
  'term',
  'renew',
  'meeting',
  'exemption',
  'coverUnit',
  'addGroup',
  'upgrade',
  'dissolve',
]

/** isOrgAction reports whether a value read from the URL names an operation. */
export function isOrgAction(v: unknown): v is OrgAction {
  return typeof v === 'string' && (orgActions as readonly string[]).includes(v)
}

/** A link is a path and its query, as useViewState().link takes them. */
export interface ActionLink {
  path: string
  query: Record<string, string>
}

/** orgActionLink is the deep link that opens an operation on an organisation, pre-filled. */
export function orgActionLink<A extends OrgAction>(orgId: string, action: A, params?: OrgActionParams[A]): ActionLink {
  const query: Record<string, string> = { action }
  for (const [k, v] of Object.entries(params ?? {})) {
    if (v === undefined || v === false) continue
    query[k] = v === true ? '1' : String(v)
  }
  return { path: `/organizations/${orgId}`, query }
}

/** actionParams are the names a link may pre-fill, cleared from the URL when a dialog closes. */
export const actionParams = ['action', 'role', 'appointment', 'unit', 'mode', 'stop', 'toKind'] as const

/** upgradeTargets are the kinds an organisation of a kind may be upgraded to (升格). */
export function upgradeTargets(kind: OrganizationKind): OrganizationKind[] {
  if (kind === 'BRANCH' || kind === 'GRID_BRANCH') return ['GENERAL_BRANCH']
  if (kind === 'GENERAL_BRANCH') return ['COMMUNITY_COMMITTEE', 'COMMITTEE']
  return []
}
