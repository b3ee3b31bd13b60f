// A record's history as the API gives it (history: one period per value of
// each attribute, [validFrom, validTo)), arranged for reading: newest first,
// each period named by the change that opened it (转正, a move, a new work
// unit, an outflow…), found by comparing it with the attribute's previous
// period. The values and their days are the server's; nothing is re-derived.
import type { Attribute } from '@/gql/graphql'

/** PeriodLike is what a history row needs of a period. */
export interface PeriodLike {
  id: string
  attribute: Attribute
  text?: string | null
  number?: number | null
  refID?: number | null
  validFrom: string
  validTo?: string | null
}

/** HistoryEvent names the change a period records. */
export type HistoryEvent =
  | 'INITIAL'
  | 'CONFIRMED'
  | 'MOVED'
  | 'WORK_UNIT_CHANGED'
  | 'OUTFLOW'
  | 'INFLOW'
  | 'RELOCATED'
  | 'KIND_CHANGED'
  | 'CHANGED'

/** HistoryRow is a period with the change that opened it. */
export type HistoryRow<P extends PeriodLike> = P & { event: HistoryEvent }

/** Set-valued attributes: several periods hold at once, each its own event. */
const sets: readonly Attribute[] = ['ORGANIZATION_AREA', 'ORGANIZATION_SITE_MEMBER']

function eventOf(p: PeriodLike, previous: PeriodLike | undefined): HistoryEvent {
  // Mobility has no value until a member flows: its first period is a flow.
  if (p.attribute === 'MEMBER_MOBILITY') return p.text === 'OUTFLOW' ? 'OUTFLOW' : p.text === 'INFLOW' ? 'INFLOW' : 'CHANGED'
  if (!previous && !sets.includes(p.attribute)) return 'INITIAL'
  switch (p.attribute) {
    case 'MEMBER_STATUS':
      return p.text === 'FULL' && previous?.text === 'PROBATIONARY' ? 'CONFIRMED' : 'CHANGED'
    case 'MEMBER_RESIDENCE_GRID':
      return 'MOVED'
    case 'MEMBER_WORK_UNIT':
      return 'WORK_UNIT_CHANGED'
    case 'UNIT_GRID':
      return 'RELOCATED'
    case 'ORGANIZATION_KIND':
      return 'KIND_CHANGED'
    default:
      return 'CHANGED'
  }
}

/** historyRows names each period's change and orders them newest first. */
export function historyRows<P extends PeriodLike>(periods: readonly P[]): HistoryRow<P>[] {
  const oldest = [...periods].sort((a, b) => (a.validFrom < b.validFrom ? -1 : a.validFrom > b.validFrom ? 1 : 0))
  const last = new Map<Attribute, P>()
  const rows = oldest.map((p) => {
    const row = { ...p, event: eventOf(p, last.get(p.attribute)) }
    last.set(p.attribute, p)
    return row
  })
  // Newest first; periods of one day keep the server's order (by attribute).
  return rows.sort((a, b) => (a.validFrom < b.validFrom ? 1 : a.validFrom > b.validFrom ? -1 : 0))
}
