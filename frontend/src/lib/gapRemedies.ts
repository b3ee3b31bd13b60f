// The operation that remedies a gap, as a deep link into the dialog on the
// right record, pre-filled: 任命书记 opens the organisation's appoint, 换届
// its renewal, 转入组织关系 the member's place, 挂靠 / 单独组建 the unit's
// cover or a suggested organisation's coverUnit … The member, unit and grid
// links follow the URL convention of their pages (?action=NAME + params).
import type { GapFieldsFragment, RuleCode } from '@/gql/graphql'
import { orgActionLink, type ActionLink } from './orgActions'

/** Remedy is a link to the operation that remedies a gap, and its label's key (orgOps.remedy.*). */
export interface Remedy {
  label: string
  /** named fills the label (the suggested organisation's name). */
  named?: Record<string, string>
  to: ActionLink
}

type Gap = Pick<GapFieldsFragment, 'rule' | 'subject' | 'suggestions' | 'grid'>

const member = (id: string, action: string): ActionLink => ({ path: `/members/${id}`, query: { action } })
const unit = (id: string, action: string, extra: Record<string, string> = {}): ActionLink => ({
  path: `/units/${id}`,
  query: { action, ...extra },
})

/** orgRemedies maps the rules about an organisation to its operation. */
const orgRemedies: Partial<Record<RuleCode, (id: string) => Remedy>> = {
  LIFE_NO_SECRETARY: (id) => ({ label: 'appoint', to: orgActionLink(id, 'appoint', { role: 'SECRETARY' }) }),
  LIFE_TERM_EXPIRED: (id) => ({ label: 'renew', to: orgActionLink(id, 'renew') }),
  LIFE_TERM_EXPIRING: (id) => ({ label: 'renew', to: orgActionLink(id, 'renew') }),
  LIFE_MEETINGS_BEHIND: (id) => ({ label: 'meeting', to: orgActionLink(id, 'meeting') }),
  STRUCT_BRANCH_OVERSIZE: (id) => ({ label: 'upgrade', to: orgActionLink(id, 'upgrade', { toKind: 'GENERAL_BRANCH' }) }),
  STRUCT_UPGRADE_TO_COMMITTEE: (id) => ({ label: 'upgrade', to: orgActionLink(id, 'upgrade') }),
  STRUCT_COMMITTEE_MISSING: (id) => ({ label: 'term', to: orgActionLink(id, 'term') }),
  STRUCT_COMMITTEE_OVERSIZE: (id) => ({ label: 'endOffice', to: orgActionLink(id, 'endOffice') }),
  STRUCT_JOINT_OVERWIDE: (id) => ({ label: 'stopCover', to: orgActionLink(id, 'coverUnit', { stop: true }) }),
  STRUCT_TEMPORARY_STALE: (id) => ({ label: 'dissolve', to: orgActionLink(id, 'dissolve') }),
}

/** remedyOf is the link that remedies the gap, or undefined where no single operation does (a talk with a lapsing member). */
export function remedyOf(g: Gap): Remedy | undefined {
  const id = g.subject?.id
  if (!id) return undefined
  switch (g.subject.__typename) {
    case 'Organization':
      return orgRemedies[g.rule]?.(id)
    case 'Member':
      if (g.rule === 'ORG_MEMBER_UNATTACHED') return { label: 'place', to: member(id, 'place') }
      if (g.rule === 'ORG_MOBILE_REPORT_OVERDUE') return { label: 'mobileReport', to: member(id, 'mobileReport') }
      return undefined
    case 'Unit':
      if (g.rule === 'ORG_UNIT_SHOULD_ORGANIZE') return { label: 'coverOwn', to: unit(id, 'cover', { mode: 'OWN' }) }
      if (g.rule === 'ORG_UNIT_NEEDS_JOINT') {
        const s = g.suggestions?.[0]
        if (s) return { label: 'coverUnit', named: { name: s.name }, to: orgActionLink(s.id, 'coverUnit', { unit: id }) }
        return { label: 'coverJoint', to: unit(id, 'cover', { mode: 'JOINT' }) }
      }
      if (g.rule === 'WORK_UNIT_UNREACHED') return { label: 'instructor', to: unit(id, 'instructor') }
      return undefined
    case 'Area':
      if (g.rule === 'WORK_GRID_UNCOVERED') return { label: 'responsible', to: { path: '/map', query: { grid: id, action: 'responsible' } } }
      if (g.rule === 'WORK_COMMUNITY_UNORGANIZED') return { label: 'newOrganization', to: { path: '/organizations/new', query: { area: id } } }
      return undefined
  }
  return undefined
}
