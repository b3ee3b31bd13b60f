// The ledger's statuses in the order a committee reads them, their tags'
// colours (逾期 red, 已核销 green), and the ones a community sets by hand:
// VERIFIED and OVERDUE follow from the register, WAIVED is the committee's.
import type { RectificationStatus } from '@/gql/graphql'

/** statuses in the order of the filter and the legend. */
export const statuses: readonly RectificationStatus[] = ['OPEN', 'IN_PROGRESS', 'DONE', 'OVERDUE', 'VERIFIED', 'WAIVED']

/** openStatuses are the statuses of items still followed up. */
export const openStatuses: readonly RectificationStatus[] = ['OPEN', 'IN_PROGRESS', 'DONE', 'OVERDUE']

/** workStatuses are the statuses a community sets on its item. */
export const workStatuses: readonly RectificationStatus[] = ['OPEN', 'IN_PROGRESS', 'DONE']

/** statusTag is the Element Plus tag type of a status. */
export const statusTag: Record<RectificationStatus, 'danger' | 'warning' | 'primary' | 'info' | 'success'> = {
  OPEN: 'warning',
  IN_PROGRESS: 'primary',
  DONE: 'primary',
  VERIFIED: 'success',
  OVERDUE: 'danger',
  WAIVED: 'info',
}

/** isStatus reports whether a value from the URL is a status. */
export function isStatus(v: unknown): v is RectificationStatus {
  return typeof v === 'string' && (statuses as readonly string[]).includes(v)
}

/** isClosed reports whether an item is no longer followed up. */
export function isClosed(s: RectificationStatus): boolean {
  return s === 'VERIFIED' || s === 'WAIVED'
}
