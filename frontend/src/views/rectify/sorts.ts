// The orders the ledger offers, as the URL writes them ("-" for newest or
// latest first), and the API's orderBy of each.
import type { RectificationOrder } from '@/gql/graphql'

/** sorts in the order of the menu; the first is the default. */
export const sorts = ['deadline', '-deadline', '-handedOverOn', 'status', '-verifiedOn'] as const

/** Sort is one of the ledger's orders. */
export type Sort = (typeof sorts)[number]

/** isSort reports whether a value from the URL is an order. */
export function isSort(v: unknown): v is Sort {
  return typeof v === 'string' && (sorts as readonly string[]).includes(v)
}

const fields = { deadline: 'DEADLINE', handedOverOn: 'HANDED_OVER_ON', status: 'STATUS', verifiedOn: 'VERIFIED_ON' } as const

/** orderOf is the API's order for a sort, the deadline breaking ties. */
export function orderOf(s: Sort): RectificationOrder[] {
  const desc = s.startsWith('-')
  const field = fields[s.replace(/^-/, '') as keyof typeof fields]
  const out: RectificationOrder[] = [{ field, direction: desc ? 'DESC' : 'ASC' }]
  if (field !== 'DEADLINE') out.push({ field: 'DEADLINE', direction: 'ASC' })
  return out
}
