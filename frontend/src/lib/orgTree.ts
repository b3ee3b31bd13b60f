// The organisation tree as of a day. What each organisation was on that day
// (its kind, parent, members, units, term and secretary) is the server's
// reading (Organization.standing(asOf), the coverage analysis's own
// definitions); the dashboard only arranges and orders the rows.
import type { OrganizationFormation, OrganizationKind, TermState } from '@/gql/graphql'
import { compareNames } from './names'

export type { TermState }

/** OrgRow is an organisation as the tree query returns it; standing is null on a day it did not exist. */
export interface OrgRow {
  id: string
  standing?: {
    name: string
    kind: OrganizationKind
    formation: OrganizationFormation
    parent?: { id: string } | null
    members: number
    units: number
    term: TermState
    termDueOn?: string | null
    leader?: string | null
  } | null
}

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

const order: OrganizationKind[] = ['SUBDISTRICT_WORKING_COMMITTEE', 'COMMUNITY_COMMITTEE', 'COMMITTEE', 'GENERAL_BRANCH', 'BRANCH', 'GRID_BRANCH', 'PARTY_GROUP']

/**
 * buildOrgTree arranges the organisations that existed on the day under
 * their parents of that day; one whose parent did not exist then becomes a root.
 */
export function buildOrgTree(rows: readonly OrgRow[]): OrgNode[] {
  const nodes = new Map<string, OrgNode>()
  const parents = new Map<string, string | undefined>()
  for (const r of rows) {
    const s = r.standing
    if (!s) continue
    nodes.set(r.id, {
      id: r.id,
      name: s.name,
      kind: s.kind,
      formation: s.formation,
      secretary: s.leader ?? undefined,
      members: s.members,
      totalMembers: 0,
      units: s.units,
      term: s.term,
      dueOn: s.termDueOn ?? undefined,
      children: [],
    })
    parents.set(r.id, s.parent?.id)
  }
  const roots: OrgNode[] = []
  for (const [id, node] of nodes) {
    const p = parents.get(id)
    const parent = p ? nodes.get(p) : undefined
    if (parent) parent.children.push(node)
    else roots.push(node)
  }
  const total = (n: OrgNode): number => {
    n.children.sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || compareNames(a.name, b.name))
    // A Party group's members also have their relationship in its branch: not counted twice.
    n.totalMembers = n.members + n.children.filter((c) => c.kind !== 'PARTY_GROUP').reduce((s, c) => s + total(c), 0)
    n.children.filter((c) => c.kind === 'PARTY_GROUP').forEach(total)
    return n.totalMembers
  }
  roots.sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || compareNames(a.name, b.name))
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
