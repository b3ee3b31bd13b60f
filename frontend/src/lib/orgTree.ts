// The organisation tree as of a day: which organisations existed, of which
// kind (an upgrade changes the kind from a day on), with their members,
// covered units, secretary and term.
import type { AppointmentRole, OrganizationFormation, OrganizationKind } from '@/gql/graphql'
import { memberCount } from './memberCount'
import { activeOn } from './dates'
import { compareNames } from './names'

/** OrgRow is an organisation as the tree query returns it. */
export interface OrgRow {
  id: string
  name: string
  kind: OrganizationKind
  formation: OrganizationFormation
  parentID?: string | null
  establishedOn: string
  dissolvedOn?: string | null
  memberships?: ReadonlyArray<{ startedOn: string; endedOn?: string | null }> | null
  unitCoverages?: ReadonlyArray<{ startedOn: string; endedOn?: string | null }> | null
  groupMembers?: ReadonlyArray<{ id: string }> | null
  terms?: ReadonlyArray<{ startedOn: string; dueOn: string; renewedOn?: string | null }> | null
  kindChanges?: ReadonlyArray<{ fromKind: OrganizationKind; toKind: OrganizationKind; changedOn: string }> | null
  appointments?: ReadonlyArray<{
    role: AppointmentRole
    startedOn: string
    endedOn?: string | null
    holderName?: string | null
    member?: { name: string } | null
  }> | null
}

/** TermState is where an organisation's committee stands in its term. */
export type TermState = 'NONE' | 'CURRENT' | 'EXPIRING' | 'EXPIRED'

/** OrgNode is one organisation in the tree. */
export interface OrgNode {
  id: string
  name: string
  kind: OrganizationKind
  formation: OrganizationFormation
  secretary?: string
  /** Members whose relationship sits in this organisation itself (for a Party group: its members). */
  members: number
  /** Members in this organisation and all below it. */
  totalMembers: number
  units: number
  term: TermState
  dueOn?: string
  children: OrgNode[]
}

/** kindOn is the kind an organisation had on a day, undoing upgrades made after it. */
export function kindOn(row: Pick<OrgRow, 'kind' | 'kindChanges'>, asOf: string): OrganizationKind {
  const later = [...(row.kindChanges ?? [])].filter((c) => c.changedOn > asOf).sort((a, b) => (a.changedOn < b.changedOn ? -1 : 1))
  return later.length > 0 ? later[0].fromKind : row.kind
}

/** termOn is the term in force on a day: expired when it was due and not renewed by then. */
export function termOn(terms: OrgRow['terms'], asOf: string): { state: TermState; dueOn?: string } {
  const started = [...(terms ?? [])].filter((t) => t.startedOn <= asOf).sort((a, b) => (a.startedOn < b.startedOn ? 1 : -1))
  const term = started[0]
  if (!term) return { state: 'NONE' }
  if (term.renewedOn && term.renewedOn <= asOf) return { state: 'CURRENT', dueOn: term.dueOn }
  return { state: term.dueOn <= asOf ? 'EXPIRED' : 'CURRENT', dueOn: term.dueOn }
}

/** holderOn is who held a role on a day. */
export function holderOn(appointments: OrgRow['appointments'], roles: readonly AppointmentRole[], asOf: string): string | undefined {
  const a = (appointments ?? []).find((x) => roles.includes(x.role) && activeOn(asOf, x.startedOn, x.endedOn))
  return a ? (a.member?.name ?? a.holderName ?? undefined) : undefined
}

/**
 * buildOrgTree arranges the organisations that existed on asOf under their
 * parents; one whose parent did not exist then becomes a root.
 */
export function buildOrgTree(rows: readonly OrgRow[], asOf: string, flagged: Map<string, TermState> = new Map()): OrgNode[] {
  const alive = rows.filter((r) => activeOn(asOf, r.establishedOn, r.dissolvedOn))
  const nodes = new Map<string, OrgNode>()
  for (const r of alive) {
    const kind = kindOn(r, asOf)
    const group = kind === 'PARTY_GROUP'
    const term = termOn(r.terms, asOf)
    const members = memberCount(r, kind, asOf)
    nodes.set(r.id, {
      id: r.id,
      name: r.name,
      kind,
      formation: r.formation,
      secretary: holderOn(r.appointments, group ? ['GROUP_LEADER'] : ['SECRETARY'], asOf),
      members,
      totalMembers: 0,
      units: (r.unitCoverages ?? []).filter((c) => activeOn(asOf, c.startedOn, c.endedOn)).length,
      term: flagged.get(r.id) ?? term.state,
      dueOn: term.dueOn,
      children: [],
    })
  }
  const roots: OrgNode[] = []
  for (const r of alive) {
    const node = nodes.get(r.id)!
    const parent = r.parentID ? nodes.get(r.parentID) : undefined
    if (parent) parent.children.push(node)
    else roots.push(node)
  }
  const order: OrganizationKind[] = ['SUBDISTRICT_WORKING_COMMITTEE', 'COMMUNITY_COMMITTEE', 'COMMITTEE', 'GENERAL_BRANCH', 'BRANCH', 'GRID_BRANCH', 'PARTY_GROUP']
  const total = (n: OrgNode): number => {
    n.children.sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || compareNames(a.name, b.name))
    // A Party group's members also have their relationship in its branch: not counted twice.
    n.totalMembers = n.members + n.children.filter((c) => c.kind !== 'PARTY_GROUP').reduce((s, c) => s + total(c), 0)
    n.children.filter((c) => c.kind === 'PARTY_GROUP').forEach(total)
    return n.totalMembers
  }
  roots.forEach(total)
  return roots
}

/** filterTree keeps the nodes whose name contains the query, with their ancestors. */
export function filterTree(nodes: readonly OrgNode[], query: string): OrgNode[] {
  const q = query.trim().toLowerCase()
  if (!q) return [...nodes]
  const out: OrgNode[] = []
  for (const n of nodes) {
    if (n.name.toLowerCase().includes(q)) out.push(n)
    else {
      const children = filterTree(n.children, q)
      if (children.length > 0) out.push({ ...n, children })
    }
  }
  return out
}

/** countNodes counts the organisations in a tree. */
export function countNodes(nodes: readonly OrgNode[]): number {
  return nodes.reduce((s, n) => s + 1 + countNodes(n.children), 0)
}
