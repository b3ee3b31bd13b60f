// Names of the schema's enum values in both languages, side by side. Typed
// against the generated enums: a value added to the schema fails the build
// until it has a name here.
import type {
  AffiliatedOrganizationKind,
  Attribute,
  AppointmentRole,
  AreaKind,
  AuditEntryAction,
  GridStatus,
  MeetingType,
  MemberCategory,
  MemberGender,
  MemberMobility,
  MemberStatus,
  MembershipEndReason,
  MembershipStartReason,
  OrganizationFormation,
  OrganizationKind,
  RuleCode,
  RuleFamily,
  Severity,
  UnitKind,
} from '@/gql/graphql'
import type { CoverageMode } from '@/lib/coverageMode'
import type { TermState } from '@/lib/orgTree'

type Names<K extends string> = Record<K, readonly [zh: string, en: string]>

const AreaKind: Names<AreaKind> = {
  SUBDISTRICT: ['街道', 'Sub-district'],
  COMMUNITY: ['社区', 'Community'],
  GRID: ['网格', 'Grid'],
  ESTATE: ['小区', 'Estate'],
  BUILDING: ['楼栋', 'Building'],
}

const OrganizationKind: Names<OrganizationKind> = {
  SUBDISTRICT_WORKING_COMMITTEE: ['街道党工委', 'Working committee'],
  COMMUNITY_COMMITTEE: ['社区党委', 'Community committee'],
  COMMITTEE: ['党委', 'Committee'],
  GENERAL_BRANCH: ['党总支', 'General branch'],
  BRANCH: ['党支部', 'Branch'],
  GRID_BRANCH: ['网格党支部', 'Grid branch'],
  PARTY_GROUP: ['党小组', 'Party group'],
}

const OrganizationFormation: Names<OrganizationFormation> = {
  STANDALONE: ['单独组建', 'Standalone'],
  JOINT: ['联合组建', 'Joint'],
  TEMPORARY: ['临时组建', 'Temporary'],
  TERRITORIAL: ['按区域组建', 'Territorial'],
}

const UnitKind: Names<UnitKind> = {
  NON_PUBLIC_ENTERPRISE: ['非公有制企业', 'Non-public enterprise'],
  SOCIAL_ORGANIZATION: ['社会组织', 'Social organisation'],
  STATIONED_UNIT: ['驻区单位', 'Stationed unit'],
  CONSTRUCTION_SITE: ['工地', 'Construction site'],
  MARKET: ['市场', 'Market'],
  COMMERCIAL_OUTLET: ['商业网点', 'Commercial outlet'],
}

const MemberCategory: Names<MemberCategory> = {
  IN_SERVICE: ['在职党员', 'In service'],
  RETIRED: ['离退休党员', 'Retired'],
  SELF_EMPLOYED: ['个体党员', 'Self-employed'],
  MOBILE: ['流动党员', 'Mobile'],
}

const MemberStatus: Names<MemberStatus> = { FULL: ['正式党员', 'Full'], PROBATIONARY: ['预备党员', 'Probationary'] }
const MemberGender: Names<MemberGender> = { MALE: ['男', 'Male'], FEMALE: ['女', 'Female'] }
const MemberMobility: Names<MemberMobility> = { OUTFLOW: ['流出', 'Outflow'], INFLOW: ['流入', 'Inflow'] }

const MembershipStartReason: Names<MembershipStartReason> = {
  JOINED_PARTY: ['入党', 'Joined the Party'],
  TRANSFERRED_IN: ['转入', 'Transferred in'],
  WHOLE_UNIT_TRANSFERRED: ['整建制转入', 'Whole unit transferred'],
}

const MembershipEndReason: Names<MembershipEndReason> = {
  TRANSFERRED_OUT: ['转出', 'Transferred out'],
  WHOLE_UNIT_TRANSFERRED: ['整建制转出', 'Whole unit transferred'],
  DIED: ['去世', 'Died'],
  LEFT_PARTY: ['出党', 'Left the Party'],
}

const AppointmentRole: Names<AppointmentRole> = {
  SECRETARY: ['书记', 'Secretary'],
  DEPUTY_SECRETARY: ['副书记', 'Deputy secretary'],
  COMMITTEE_MEMBER: ['委员', 'Committee member'],
  GROUP_LEADER: ['党小组组长', 'Group leader'],
  PART_TIME_COMMITTEE_MEMBER: ['兼职委员', 'Part-time committee member'],
  PARTY_BUILDING_INSTRUCTOR: ['党建指导员', 'Party-building instructor'],
  LIAISON: ['党建联络员', 'Liaison'],
}

const MeetingType: Names<MeetingType> = {
  MEMBERS_ASSEMBLY: ['支部党员大会', "Members' assembly"],
  BRANCH_COMMITTEE: ['支委会', 'Branch committee meeting'],
  PARTY_GROUP_MEETING: ['党小组会', 'Party group meeting'],
  PARTY_LECTURE: ['党课', 'Party lecture'],
  THEMED_PARTY_DAY: ['主题党日', 'Themed Party day'],
  MONTHLY_MEETING: ['月例会', 'Monthly meeting'],
  JOINT_MEETING: ['联席会议', 'Joint meeting'],
  ORGANIZATIONAL_LIFE_MEETING: ['组织生活会', 'Organisational life meeting'],
}

const AffiliatedOrganizationKind: Names<AffiliatedOrganizationKind> = {
  UNION: ['工会', 'Union'],
  WOMENS_ORGANIZATION: ['妇女组织', "Women's organisation"],
  YOUTH_LEAGUE: ['共青团', 'Youth league'],
  UNION_VOLUNTEER_TEAM: ['工会志愿服务队', 'Union volunteer team'],
}

const RuleCode: Names<RuleCode> = {
  WORK_GRID_UNCOVERED: ['网格无党组织负责', 'Grid with no responsible organisation'],
  WORK_COMMUNITY_UNORGANIZED: ['社区未建党组织', 'Community with no Party organisation'],
  WORK_UNIT_UNREACHED: ['单位党的工作未覆盖', 'Unit not reached by Party work'],
  ORG_UNIT_SHOULD_ORGANIZE: ['应建未建', 'Should set up an organisation'],
  ORG_UNIT_NEEDS_JOINT: ['未联合组建或挂靠', 'Not in a joint branch or affiliated'],
  ORG_MEMBER_UNATTACHED: ['口袋党员', 'Pocket member'],
  ORG_MOBILE_REPORT_OVERDUE: ['流动党员未按月报告', 'Mobile member report overdue'],
  ORG_MEMBER_LAPSE_RISK: ['连续六个月未过组织生活', 'Six months without organisational life'],
  LIFE_NO_SECRETARY: ['书记空缺', 'No secretary'],
  LIFE_TERM_EXPIRED: ['换届逾期', 'Term expired'],
  LIFE_TERM_EXPIRING: ['即将换届', 'Term ending soon'],
  LIFE_MEETINGS_BEHIND: ['组织生活不经常', 'Meetings behind'],
  LIFE_SECRETARY_TRAINING_MISSED: ['书记缺席网格月例会', 'Secretary missed the monthly meeting'],
  STRUCT_BRANCH_OVERSIZE: ['支部党员超过50名', 'Branch too large'],
  STRUCT_COMMITTEE_MISSING: ['未设支部委员会', 'No branch committee'],
  STRUCT_JOINT_OVERWIDE: ['联合支部覆盖过宽', 'Joint branch too wide'],
  STRUCT_COMMITTEE_OVERSIZE: ['支委会超员', 'Committee too large'],
  STRUCT_UPGRADE_TO_COMMITTEE: ['党总支可设党委', 'General branch may become a committee'],
  STRUCT_TEMPORARY_STALE: ['临时支部超期', 'Temporary branch outlived its site'],
}

const RuleFamily: Names<RuleFamily> = {
  WORK: ['党的工作覆盖', 'Work coverage'],
  ORGANIZATION: ['党的组织覆盖', 'Organisation coverage'],
  LIFE: ['组织生活', 'Organisational life'],
  STRUCTURE: ['组织设置', 'Structure'],
}

const Severity: Names<Severity> = {
  CRITICAL: ['严重', 'Critical'],
  HIGH: ['高', 'High'],
  MEDIUM: ['中', 'Medium'],
  LOW: ['低', 'Low'],
}

const GridStatus: Names<GridStatus> = {
  COVERED: ['已覆盖', 'Covered'],
  PARTIAL: ['有缺口', 'Gaps'],
  UNCOVERED: ['未覆盖', 'Uncovered'],
}

const CoverageMode: Names<CoverageMode> = {
  OWN: ['单独建立', 'Own organisation'],
  JOINT: ['联合组建', 'Joint branch'],
  AFFILIATED: ['挂靠', 'Affiliated'],
  MASS_ORGANIZATION_ONLY: ['仅建工会/妇女组织', "Union or women's organisation only"],
  INSTRUCTOR_ONLY: ['仅派驻指导员', 'Instructor only'],
  NONE: ['未覆盖', 'Not covered'],
}

const Attribute: Names<Attribute> = {
  MEMBER_STATUS: ['党员身份', 'Status'],
  MEMBER_CATEGORY: ['党员类别', 'Category'],
  MEMBER_MOBILITY: ['流动情况', 'Mobility'],
  MEMBER_MOBILE_PLACE: ['流动去向', 'Mobile to / from'],
  MEMBER_WORK_UNIT: ['工作单位', 'Work unit'],
  MEMBER_RESIDENCE_GRID: ['居住网格', 'Grid of residence'],
  MEMBER_PARTY_GROUP: ['所在党小组', 'Party group'],
  MEMBER_EXTERNAL_ORGANIZATION: ['街道外组织关系', 'Relationship held outside'],
  ORGANIZATION_NAME: ['名称', 'Name'],
  ORGANIZATION_KIND: ['组织类别', 'Kind'],
  ORGANIZATION_FORMATION: ['组建方式', 'Formation'],
  ORGANIZATION_PARENT: ['上级组织', 'Parent'],
  ORGANIZATION_AREA: ['责任区域', 'Area of responsibility'],
  ORGANIZATION_SITE_MEMBER: ['参加活动党员', 'Member taking part'],
  UNIT_GRID: ['所在网格', 'Grid'],
  UNIT_EMPLOYEES: ['从业人数', 'Employees'],
  UNIT_ABOVE_DESIGNATED_SIZE: ['规模以上', 'Above designated size'],
  AREA_PARENT: ['上级区域', 'Parent area'],
  AREA_RESIDENTS: ['常住人口', 'Residents'],
  AREA_HOUSEHOLDS: ['户数', 'Households'],
  RULE_SETTING_VALUE: ['设定值', 'Value'],
  RULE_SETTING_PERIOD_MONTHS: ['周期（月）', 'Period (months)'],
}

const TermState: Names<TermState> = {
  NONE: ['无任期', 'No term'],
  CURRENT: ['任期内', 'In term'],
  EXPIRING: ['即将换届', 'Ending soon'],
  EXPIRED: ['换届逾期', 'Expired'],
}

const AuditEntryAction: Names<AuditEntryAction> = {
  CREATE: ['新建', 'Created'],
  UPDATE: ['修改', 'Changed'],
  READ_PERSONAL: ['查看个人信息', 'Read personal data'],
  SIGN_IN: ['登录', 'Signed in'],
  SIGN_IN_FAILED: ['登录失败', 'Sign-in failed'],
  SIGN_OUT: ['退出登录', 'Signed out'],
  USER_CREATED: ['新建用户', 'User created'],
  USER_CHANGED: ['修改用户', 'User changed'],
  TOKEN_CREATED: ['新建令牌', 'Token created'],
  TOKEN_REVOKED: ['吊销令牌', 'Token revoked'],
  BACKUP: ['备份', 'Backup'],
  RESTORE: ['恢复', 'Restore'],
}

const all = {
  AreaKind,
  OrganizationKind,
  OrganizationFormation,
  UnitKind,
  MemberCategory,
  MemberStatus,
  MemberGender,
  MemberMobility,
  MembershipStartReason,
  MembershipEndReason,
  AppointmentRole,
  MeetingType,
  AffiliatedOrganizationKind,
  RuleCode,
  RuleFamily,
  Severity,
  GridStatus,
  CoverageMode,
  Attribute,
  TermState,
  AuditEntryAction,
}

/** EnumName names an enum the messages hold. */
export type EnumName = keyof typeof all

/** enumValues lists an enum's values in their order here. */
export function enumValues<E extends EnumName>(name: E): (keyof (typeof all)[E])[] {
  return Object.keys(all[name]) as (keyof (typeof all)[E])[]
}

/** enumMessages is the enum part of one language's messages. */
export function enumMessages(lang: 0 | 1): Record<string, Record<string, string>> {
  return Object.fromEntries(
    Object.entries(all).map(([e, names]) => [e, Object.fromEntries(Object.entries(names).map(([k, v]) => [k, v[lang]]))]),
  )
}
