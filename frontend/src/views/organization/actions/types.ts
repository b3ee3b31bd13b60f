import type { Org } from '../types'

/** DialogProps are what every operation's dialog on the organisation page receives. */
export interface DialogProps {
  org: Org
  /** asOf is the day the page shows. */
  asOf: string
  /** prefill is what the deep link pre-filled (?role=…, ?unit=…). */
  prefill: Record<string, string>
}
