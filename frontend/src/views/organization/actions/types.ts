import type { Org } from '../types'

/** DialogProps are what every operation's dialog on the organisation page receives. */
export interface DialogProps {
  org: Org
  /** asOf is the day the page shows. */
  asOf: string
  /** prefill is what the deep link pre-filled (?role=…, ?unit=…). */
  prefill: Record<string, string>
}

/** membersOn are the organisation's members on a day: a group's own members, else its memberships then. */
export function membersOn(org: Org, day: string): { id: string; name: string }[] {
  if ((org.kindOn ?? org.kind) === 'PARTY_GROUP') return (org.groupMembers ?? []).map((m) => ({ id: m.id, name: m.name }))
  const seen = new Map<string, string>()
  for (const m of org.memberships ?? []) {
    if ((!m.startedOn || m.startedOn <= day) && (!m.endedOn || m.endedOn > day)) seen.set(m.member.id, m.member.name)
  }
  return [...seen].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))
}
