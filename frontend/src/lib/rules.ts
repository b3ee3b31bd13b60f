// The rules of coverage (coverage.graphqls) grouped as the gaps filter and
// the wall screen show them. Typed against the generated RuleCode: a rule
// added to the schema fails the build until it has a family here.
import type { RuleCode, RuleFamily } from '@/gql/graphql'

const ruleFamily: Record<RuleCode, RuleFamily> = {
  WORK_GRID_UNCOVERED: 'WORK',
  WORK_COMMUNITY_UNORGANIZED: 'WORK',
  WORK_UNIT_UNREACHED: 'WORK',
  ORG_UNIT_SHOULD_ORGANIZE: 'ORGANIZATION',
  ORG_UNIT_NEEDS_JOINT: 'ORGANIZATION',
  ORG_MEMBER_UNATTACHED: 'ORGANIZATION',
  ORG_MOBILE_REPORT_OVERDUE: 'ORGANIZATION',
  ORG_MEMBER_LAPSE_RISK: 'ORGANIZATION',
  LIFE_NO_SECRETARY: 'LIFE',
  LIFE_TERM_EXPIRED: 'LIFE',
  LIFE_TERM_EXPIRING: 'LIFE',
  LIFE_MEETINGS_BEHIND: 'LIFE',
  LIFE_SECRETARY_TRAINING_MISSED: 'LIFE',
  STRUCT_BRANCH_OVERSIZE: 'STRUCTURE',
  STRUCT_COMMITTEE_MISSING: 'STRUCTURE',
  STRUCT_JOINT_OVERWIDE: 'STRUCTURE',
  STRUCT_COMMITTEE_OVERSIZE: 'STRUCTURE',
  STRUCT_UPGRADE_TO_COMMITTEE: 'STRUCTURE',
  STRUCT_TEMPORARY_STALE: 'STRUCTURE',
}

/** families in the order of the talk's three rules, then structure. */
export const families: readonly RuleFamily[] = ['WORK', 'ORGANIZATION', 'LIFE', 'STRUCTURE']

/** allRules is every rule, family by family. */
export const allRules = families.flatMap((f) =>
  (Object.keys(ruleFamily) as RuleCode[]).filter((r) => ruleFamily[r] === f),
)

/** familyOf is the family a rule belongs to. */
export function familyOf(rule: RuleCode): RuleFamily {
  return ruleFamily[rule]
}

/** rulesOf lists a family's rules. */
export function rulesOf(family: RuleFamily): RuleCode[] {
  return allRules.filter((r) => ruleFamily[r] === family)
}

/** isRule tells whether a string from the URL is a rule. */
export function isRule(s: string): s is RuleCode {
  return s in ruleFamily
}
