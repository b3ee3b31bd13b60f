package coverage

import (
	"fmt"
	"math"
	"time"

	"jiceng/calendar"
)

// rule is one rule of 全覆盖: which fact table it reads, when it fires (a
// SQL condition over the fact row f), the figures it reports and what it says.
type rule struct {
	Code     RuleCode
	Family   RuleFamily
	Severity Severity
	facts    string   // the fact table: unit_facts, member_facts, org_facts, meeting_facts, area_facts
	subject  string   // the table of the subject: units, members, organizations, areas
	needs    []string // common table expressions when reads besides facts
	when     func(e *env) string
	columns  []string // SQL expressions over f read by figures
	figures  func(e *env, v []any) []*Figure
	message  func(name, detail string, f []*Figure) LocalizedText
	remedy   LocalizedText
}

// rules in the order gaps of one severity are listed: the order of the
// RuleCode enum.
var rules = []*rule{
	{Code: "WORK_GRID_UNCOVERED", Family: Work, Severity: High, facts: "area_facts", subject: "areas",
		when:    func(*env) string { return "f.kind = 'GRID' AND f.residents > 0 AND f.orgs = 0" },
		columns: []string{"f.residents", "f.households"},
		figures: func(_ *env, v []any) []*Figure {
			return []*Figure{fig("residents", v[0], nil), fig("households", v[1], nil)}
		},
		message: func(name, _ string, f []*Figure) LocalizedText {
			return text(fmt.Sprintf("网格“%s”有居民%s人，但没有负责的党组织", name, f[0].str()),
				fmt.Sprintf("Grid %s has %s residents but no Party organisation responsible for it", name, f[0].str()))
		},
		remedy: text("在网格建立网格党支部或党小组，或把网格划入相邻党组织的责任区",
			"Set up a grid branch or Party group, or add the grid to a neighbouring organisation's areas"),
	},
	{Code: "WORK_COMMUNITY_UNORGANIZED", Family: Work, Severity: Critical, facts: "area_facts", subject: "areas",
		when:    func(*env) string { return "f.kind = 'COMMUNITY' AND f.community_orgs = 0" },
		columns: []string{"f.community_orgs", "f.residents"},
		figures: func(_ *env, v []any) []*Figure {
			return []*Figure{fig("communityOrganizations", v[0], ptr(1))}
		},
		message: func(name, _ string, _ []*Figure) LocalizedText {
			return text(fmt.Sprintf("社区“%s”没有社区党组织", name), fmt.Sprintf("Community %s has no community Party organisation", name))
		},
		remedy: text("组建社区党委、党总支或党支部，负责社区", "Set up a community committee, general branch or branch responsible for the community"),
	},
	{Code: "WORK_UNIT_UNREACHED", Family: Work, Severity: Medium, facts: "unit_facts", subject: "units",
		when:    func(*env) string { return "f.members = 0 AND f.links = 0 AND f.mass_orgs = 0 AND f.instructors = 0" },
		columns: []string{"f.employees"},
		figures: func(_ *env, v []any) []*Figure {
			return []*Figure{fig("members", 0, nil), fig("employees", v[0], nil)}
		},
		message: func(name, _ string, f []*Figure) LocalizedText {
			return text(fmt.Sprintf("“%s”（职工%s人）没有党员，也没有挂靠党组织、工青妇组织或党建指导员", name, f[1].str()),
				fmt.Sprintf("%s (%s employees) has no members, no covering organisation, no union or women's organisation and no instructor", name, f[1].str()))
		},
		remedy: text("选派党建指导员或联络员，指导建立工会、妇联等组织", "Assign a Party-building instructor or liaison and help the unit set up a union or women's organisation"),
	},
	{Code: "ORG_UNIT_SHOULD_ORGANIZE", Family: Organization, Severity: High, facts: "unit_facts", subject: "units",
		when:    func(*env) string { return "f.full_members >= {org_min} AND f.own_rank = 0" },
		columns: []string{"f.full_members"},
		figures: func(e *env, v []any) []*Figure {
			return []*Figure{fig("fullMembers", v[0], ptr(e.settings.Value("ORG_REQUIRED_FULL_MEMBERS", "")))}
		},
		message: func(name, _ string, f []*Figure) LocalizedText {
			return text(fmt.Sprintf("“%s”有正式党员%s名，达到%s名，应建未建党组织", name, f[0].str(), f[0].thresholdStr()),
				fmt.Sprintf("%s has %s full members, at least %s, but no Party organisation of its own", name, f[0].str(), f[0].thresholdStr()))
		},
		remedy: text("单独组建党支部（党章第三十条）", "Set up a branch of its own (Party Constitution Art. 30)"),
	},
	{Code: "ORG_UNIT_NEEDS_JOINT", Family: Organization, Severity: Medium, facts: "unit_facts", subject: "units",
		when: func(*env) string {
			return "f.members > 0 AND f.full_members < {org_min} AND f.own_rank = 0 AND f.joint = 0 AND f.affiliated = 0"
		},
		columns: []string{"f.full_members", "f.members"},
		figures: func(e *env, v []any) []*Figure {
			return []*Figure{fig("fullMembers", v[0], ptr(e.settings.Value("ORG_REQUIRED_FULL_MEMBERS", ""))), fig("members", v[1], nil)}
		},
		message: func(name, _ string, f []*Figure) LocalizedText {
			if f[0].Value == 0 {
				return text(fmt.Sprintf("“%s”有预备党员%s名，既未联合组建也未挂靠党组织", name, f[1].str()),
					fmt.Sprintf("%s has %s probationary member(s) and is neither in a joint branch nor attached to an organisation", name, f[1].str()))
			}
			return text(fmt.Sprintf("“%s”有正式党员%s名，既未联合组建也未挂靠党组织", name, f[0].str()),
				fmt.Sprintf("%s has %s full member(s) and is neither in a joint branch nor attached to an organisation", name, f[0].str()))
		},
		remedy: text("加入同网格或社区的联合党支部，或挂靠社区、网格党组织", "Join a joint branch in the same grid or community, or attach the members to the community or grid organisation"),
	},
	{Code: "ORG_MEMBER_UNATTACHED", Family: Organization, Severity: High, facts: "member_facts", subject: "members",
		when:    func(*env) string { return "f.org_id IS NULL AND f.external = 0" },
		figures: func(*env, []any) []*Figure { return []*Figure{fig("currentMemberships", 0, ptr(1))} },
		message: func(name, _ string, _ []*Figure) LocalizedText {
			return text(fmt.Sprintf("党员%s的组织关系不在任何党组织（口袋党员）", name),
				fmt.Sprintf("Member %s's relationship sits in no organisation (a pocket member)", name))
		},
		remedy: text("联系本人，将组织关系转入所在社区或单位党组织", "Contact the member and transfer the relationship into the community's or unit's organisation"),
	},
	{Code: "ORG_MOBILE_REPORT_OVERDUE", Family: Organization, Severity: Medium, facts: "member_facts", subject: "members",
		when: func(*env) string {
			return "f.category = 'MOBILE' AND NOT EXISTS (SELECT 1 FROM mobile_reports r WHERE r.member_id = f.id AND r.reported_on > {report_start} AND r.reported_on <= {d})"
		},
		columns: []string{"(SELECT MAX(r.reported_on) FROM mobile_reports r WHERE r.member_id = f.id AND r.reported_on <= {d})"},
		figures: func(e *env, v []any) []*Figure {
			limit := ptr(e.settings.Value("MOBILE_REPORT_MONTHS", ""))
			last, ok := sqlDate(v[0])
			if !ok {
				return []*Figure{fig("reports", 0, nil)}
			}
			return []*Figure{fig("monthsSinceReport", monthsBetween(last, e.asOf), limit)}
		},
		message: func(name, _ string, f []*Figure) LocalizedText {
			if f[0].Name == "reports" {
				return text(fmt.Sprintf("流动党员%s从未报告", name), fmt.Sprintf("Mobile member %s has never reported", name))
			}
			return text(fmt.Sprintf("流动党员%s已%s个月未报告", name, f[0].str()),
				fmt.Sprintf("Mobile member %s has not reported for %s month(s)", name, f[0].str()))
		},
		remedy: text("按“四个一”要求联系本人，督促每月报告", "Contact the member as the four-ones require and remind them to report every month"),
	},
	{Code: "ORG_MEMBER_LAPSE_RISK", Family: Organization, Severity: Critical, facts: "member_facts", subject: "members",
		needs: []string{"rollless"},
		when: func(*env) string {
			return "f.org_id IS NOT NULL AND f.life_from <= {lapse_start} AND NOT " + lifeSince
		},
		columns: []string{lastLife, "f.life_from"},
		figures: func(e *env, v []any) []*Figure {
			last, ok := sqlDate(v[0])
			if !ok {
				last, _ = sqlDate(v[1])
			}
			return []*Figure{fig("monthsWithoutLife", monthsBetween(last, e.asOf), ptr(e.settings.Value("LAPSE_MONTHS", "")))}
		},
		message: func(name, _ string, f []*Figure) LocalizedText {
			return text(fmt.Sprintf("党员%s已连续%s个月没有参加党的组织生活", name, f[0].str()),
				fmt.Sprintf("Member %s has had no organisational life for %s consecutive months", name, f[0].str()))
		},
		remedy: text("立即谈心谈话、了解原因；连续六个月不参加组织生活的按党章第九条处理", "Talk with the member now; six months without organisational life is dealt with under Party Constitution Art. 9"),
	},
	{Code: "LIFE_NO_SECRETARY", Family: Life, Severity: High, facts: "org_facts", subject: "organizations",
		when:    func(*env) string { return "f.leaders = 0" },
		columns: []string{"f.kind"},
		figures: func(*env, []any) []*Figure { return []*Figure{fig("secretaries", 0, ptr(1))} },
		message: func(name, _ string, _ []*Figure) LocalizedText {
			return text(fmt.Sprintf("“%s”没有在任书记（组长）", name), fmt.Sprintf("%s has no secretary (or group leader) in office", name))
		},
		remedy: text("尽快选举或任命书记", "Elect or appoint a secretary without delay"),
	},
	{Code: "LIFE_TERM_EXPIRED", Family: Life, Severity: High, facts: "org_facts", subject: "organizations",
		when:    termExpired,
		columns: []string{"f.term_due", "f.established_on", "f.term_years"},
		figures: func(e *env, v []any) []*Figure {
			due, ok := sqlDate(v[0])
			if !ok {
				established, _ := sqlDate(v[1])
				due = calendar.AddYears(established, int(toFloat(v[2])))
			}
			return []*Figure{fig("daysOverdue", daysBetween(due, e.asOf), nil),
				fig("postponementMonthsAllowed", e.settings.Value("TERM_MAX_POSTPONE_MONTHS", ""), nil)}
		},
		message: func(name, _ string, f []*Figure) LocalizedText {
			return text(fmt.Sprintf("“%s”任期已届满%s天，尚未换届", name, f[0].str()),
				fmt.Sprintf("%s's term ended %s days ago without renewal", name, f[0].str()))
		},
		remedy: text("按期召开党员大会换届选举；确需延期的须报上级批准，延期不超过一年", "Hold the election at the members' assembly; a postponement needs approval and may not exceed one year"),
	},
	{Code: "LIFE_TERM_EXPIRING", Family: Life, Severity: Low, facts: "org_facts", subject: "organizations",
		when:    termExpiring,
		columns: []string{"f.term_due"},
		figures: func(e *env, v []any) []*Figure {
			due, _ := sqlDate(v[0])
			return []*Figure{fig("daysLeft", daysBetween(e.asOf, due), nil), fig("monthsAhead", e.settings.Value("TERM_EXPIRING_MONTHS", ""), nil)}
		},
		message: func(name, _ string, f []*Figure) LocalizedText {
			return text(fmt.Sprintf("“%s”任期还有%s天届满", name, f[0].str()), fmt.Sprintf("%s's term ends in %s days", name, f[0].str()))
		},
		remedy: text("提前准备换届选举", "Prepare the election of the next committee"),
	},
	// Read from the behind list of each organisation (env.behindList), one
	// gap per meeting type: the columns are the held and required counts.
	{Code: "LIFE_MEETINGS_BEHIND", Family: Life, Severity: Medium, facts: "meetings", subject: "organizations",
		columns: []string{"held", "required"},
		figures: func(_ *env, v []any) []*Figure {
			return []*Figure{fig("held", v[0], nil), fig("required", v[1], nil)}
		},
		message: func(name, detail string, f []*Figure) LocalizedText {
			return text(fmt.Sprintf("“%s”近一个考察期内召开%s %s次，应不少于%s次", name, meetingNameZh[detail], f[0].str(), f[1].str()),
				fmt.Sprintf("%s held %s %s meeting(s) in the window; %s are required", name, f[0].str(), detail, f[1].str()))
		},
		remedy: text("按“三会一课”制度补开会议，或对确有原因的登记免开说明", "Hold the missing meetings as 三会一课 requires, or record an exemption with its reason"),
	},
	// The sub-district's monthly meeting (网格月例会) trains the grid
	// secretaries by holding a meeting (以会代训): its roll says who came.
	{Code: "LIFE_SECRETARY_TRAINING_MISSED", Family: Life, Severity: Low, facts: "org_facts", subject: "organizations",
		needs: []string{"working_committees"},
		when: func(*env) string {
			return "f.kind = 'GRID_BRANCH' AND " + trainingMissed + " > 0"
		},
		columns: []string{trainingMissed, trainingHeld},
		figures: func(e *env, v []any) []*Figure {
			return []*Figure{fig("missed", v[0], ptr(0)), fig("held", v[1], nil),
				fig("windowMonths", e.settings.Value("SECRETARY_TRAINING_MONTHS", ""), nil)}
		},
		message: func(name, _ string, f []*Figure) LocalizedText {
			return text(fmt.Sprintf("“%s”书记近%s个月缺席街道网格月例会%s次（共%s次）", name, f[2].str(), f[0].str(), f[1].str()),
				fmt.Sprintf("%s's secretary missed %s of the %s monthly meeting(s) of grid secretaries in the last %s month(s)", name, f[0].str(), f[1].str(), f[2].str()))
		},
		remedy: text("督促网格党支部书记参加街道网格月例会（以会代训），缺席的及时补学", "Ask the grid branch's secretary to attend the sub-district's monthly meeting (以会代训) and catch up on what was missed"),
	},
	{Code: "STRUCT_BRANCH_OVERSIZE", Family: Structure, Severity: Medium, facts: "org_facts", subject: "organizations",
		when: func(e *env) string {
			return "f.kind IN " + branchKinds + " AND f.members > " + e.settings.byKind("BRANCH_MAX_MEMBERS", "f.kind")
		},
		columns: []string{"f.members", "f.kind"},
		figures: func(e *env, v []any) []*Figure {
			return []*Figure{fig("members", v[0], ptr(e.settings.Value("BRANCH_MAX_MEMBERS", kindOf(v[1])))),
				fig("generalBranchFrom", e.settings.Value("GENERAL_BRANCH_MIN_MEMBERS", kindOf(v[1])), nil)}
		},
		message: func(name, _ string, f []*Figure) LocalizedText {
			if f[0].Value >= f[1].Value {
				return text(fmt.Sprintf("“%s”有党员%s名，超过%s名，已达到设立党总支的%s名", name, f[0].str(), f[0].thresholdStr(), f[1].str()),
					fmt.Sprintf("%s has %s members, more than %s and at least the %s from which a general branch is set up", name, f[0].str(), f[0].thresholdStr(), f[1].str()))
			}
			return text(fmt.Sprintf("“%s”有党员%s名，超过%s名", name, f[0].str(), f[0].thresholdStr()),
				fmt.Sprintf("%s has %s members, more than %s", name, f[0].str(), f[0].thresholdStr()))
		},
		remedy: text("升格为党总支（党员50人以上），或拆分党支部", "Upgrade the branch to a general branch (50 members or more), or split it"),
	},
	{Code: "STRUCT_COMMITTEE_MISSING", Family: Structure, Severity: Medium, facts: "org_facts", subject: "organizations",
		when: func(e *env) string {
			return "f.kind IN " + branchKinds + " AND f.full_members >= " + e.settings.byKind("BRANCH_COMMITTEE_REQUIRED_FULL_MEMBERS", "f.kind") +
				" AND f.office_holders < " + e.settings.byKind("BRANCH_COMMITTEE_MIN_SIZE", "f.kind")
		},
		columns: []string{"f.full_members", "f.office_holders", "f.kind"},
		figures: func(e *env, v []any) []*Figure {
			k := kindOf(v[2])
			return []*Figure{fig("fullMembers", v[0], ptr(e.settings.Value("BRANCH_COMMITTEE_REQUIRED_FULL_MEMBERS", k))),
				fig("officeHolders", v[1], ptr(e.settings.Value("BRANCH_COMMITTEE_MIN_SIZE", k)))}
		},
		message: func(name, _ string, f []*Figure) LocalizedText {
			return text(fmt.Sprintf("“%s”有正式党员%s名，支委会成员只有%s名", name, f[0].str(), f[1].str()),
				fmt.Sprintf("%s has %s full members but only %s committee office holder(s)", name, f[0].str(), f[1].str()))
		},
		remedy: text("选举产生支部委员会（3至5人，最多不超过7人）", "Elect a branch committee of 3 to 5 members, at most 7"),
	},
	{Code: "STRUCT_COMMITTEE_OVERSIZE", Family: Structure, Severity: Low, facts: "org_facts", subject: "organizations",
		when: func(e *env) string {
			return "f.kind IN " + branchKinds + " AND f.office_holders > " + e.settings.byKind("BRANCH_COMMITTEE_MAX_SIZE", "f.kind")
		},
		columns: []string{"f.office_holders", "f.kind"},
		figures: func(e *env, v []any) []*Figure {
			return []*Figure{fig("officeHolders", v[0], ptr(e.settings.Value("BRANCH_COMMITTEE_MAX_SIZE", kindOf(v[1]))))}
		},
		message: func(name, _ string, f []*Figure) LocalizedText {
			return text(fmt.Sprintf("“%s”支委会有%s名成员，超过%s名", name, f[0].str(), f[0].thresholdStr()),
				fmt.Sprintf("%s's committee has %s office holders, more than %s", name, f[0].str(), f[0].thresholdStr()))
		},
		remedy: text("支部委员会一般3至5人，最多不超过7人：在换届时调整委员职数", "A branch committee has 3 to 5 members, at most 7: reduce the number at the next election"),
	},
	{Code: "STRUCT_UPGRADE_TO_COMMITTEE", Family: Structure, Severity: Low, facts: "org_facts", subject: "organizations",
		when: func(e *env) string {
			return "f.kind = 'GENERAL_BRANCH' AND f.members >= " + e.settings.byKind("COMMITTEE_MIN_MEMBERS", "f.kind")
		},
		columns: []string{"f.members", "f.kind"},
		figures: func(e *env, v []any) []*Figure {
			return []*Figure{fig("members", v[0], ptr(e.settings.Value("COMMITTEE_MIN_MEMBERS", kindOf(v[1]))))}
		},
		message: func(name, _ string, f []*Figure) LocalizedText {
			return text(fmt.Sprintf("党总支“%s”有党员%s名，达到%s名，可设立党委", name, f[0].str(), f[0].thresholdStr()),
				fmt.Sprintf("General branch %s has %s members, at least %s: it may become a committee", name, f[0].str(), f[0].thresholdStr()))
		},
		remedy: text("经上级党组织批准，召开党员大会选举产生党的基层委员会", "With the approval of the organisation above, elect a primary-level committee at the members' assembly"),
	},
	{Code: "STRUCT_JOINT_OVERWIDE", Family: Structure, Severity: Medium, facts: "org_facts", subject: "organizations",
		when: func(e *env) string {
			return "f.formation = 'JOINT' AND (f.units > " + e.settings.byKind("JOINT_MAX_UNITS", "f.kind") + " OR f.units_enough > 0)"
		},
		columns: []string{"f.units", "f.units_enough", "f.kind"},
		figures: func(e *env, v []any) []*Figure {
			return []*Figure{fig("units", v[0], ptr(e.settings.Value("JOINT_MAX_UNITS", kindOf(v[2])))),
				fig("unitsWithEnoughMembers", v[1], ptr(0))}
		},
		message: func(name, _ string, f []*Figure) LocalizedText {
			if f[1].Value > 0 {
				return text(fmt.Sprintf("联合党支部“%s”覆盖的%s个单位已有3名以上正式党员", name, f[1].str()),
					fmt.Sprintf("Joint branch %s covers %s unit(s) that now have enough full members to organise on their own", name, f[1].str()))
			}
			return text(fmt.Sprintf("联合党支部“%s”覆盖%s个单位，超过%s个", name, f[0].str(), f[0].thresholdStr()),
				fmt.Sprintf("Joint branch %s covers %s units, more than %s", name, f[0].str(), f[0].thresholdStr()))
		},
		remedy: text("党员达到3名的单位单独组建；其余单位调整到其他联合党支部", "Let units with enough members organise on their own and move the others to another joint branch"),
	},
	{Code: "STRUCT_TEMPORARY_STALE", Family: Structure, Severity: Low, facts: "org_facts", subject: "organizations",
		when: func(*env) string {
			return "f.formation = 'TEMPORARY' AND ((f.links_ever > 0 AND f.units = 0) OR f.sites_past_close > 0 OR f.sites_short > 0)"
		},
		columns: []string{"f.units", "f.sites_past_close", "f.sites_short"},
		figures: func(e *env, v []any) []*Figure {
			return []*Figure{fig("openSites", v[0], ptr(1)), fig("sitesPastPlannedClose", v[1], ptr(0)),
				fig("sitesShorterThanMinimum", v[2], ptr(0)), fig("minimumMonths", e.settings.Value("SITE_BRANCH_MIN_MONTHS", ""), nil)}
		},
		message: func(name, _ string, f []*Figure) LocalizedText {
			switch {
			case f[0].Value == 0:
				return text(fmt.Sprintf("临时党支部“%s”所在项目已结束，党支部仍未撤销", name),
					fmt.Sprintf("Temporary branch %s outlives its site", name))
			case f[1].Value > 0:
				return text(fmt.Sprintf("临时党支部“%s”所在项目已过计划结束日期，党支部仍未撤销", name),
					fmt.Sprintf("Temporary branch %s is still open after its site's planned close", name))
			}
			return text(fmt.Sprintf("临时党支部“%s”所在项目工期不足%s个月", name, f[3].str()),
				fmt.Sprintf("Temporary branch %s serves a project planned for less than %s months", name, f[3].str()))
		},
		remedy: text("撤销临时党支部，党员回原党组织参加组织生活", "Dissolve the temporary branch; its members return to their own organisations"),
	},
}

var ruleByCode = func() map[RuleCode]*rule {
	m := map[RuleCode]*rule{}
	for _, r := range rules {
		m[r.Code] = r
	}
	return m
}()

// lifeSince is the SQL test that member f had organisational life in the
// lapse window: belonged (on {d}) to an organisation that met without
// keeping a roll, or to a Party group that did, or attended a meeting, or
// belonged then to another organisation of the register that met without a
// roll, or (mobile) reported. A member with no Party group is tested like
// any other. The days are kept facts, each found by an index (life_days,
// rollless_days: see register/lifedays.go).
const lifeSince = `(f.org_id IN (SELECT organization_id FROM rollless)
	OR EXISTS (SELECT 1 FROM rollless rl WHERE rl.organization_id = f.party_group_id)
	OR EXISTS (SELECT 1 FROM life_days l WHERE l.member_id = f.id AND l.day > {lapse_start} AND l.day <= {d})
	OR EXISTS (SELECT 1 FROM memberships y JOIN rollless_days rd ON rd.organization_id = y.organization_id
		WHERE y.member_id = f.id AND y.organization_id <> f.org_id AND rd.day > {lapse_start} AND rd.day <= {d}
		AND rd.day >= y.started_on AND (y.ended_on IS NULL OR rd.day < y.ended_on))
	OR EXISTS (SELECT 1 FROM mobile_reports r WHERE r.member_id = f.id AND r.reported_on > {lapse_start} AND r.reported_on <= {d}))`

// lastLife is the day of member f's last organisational life up to {d}, in
// whichever organisation of the register it was: the last meeting attended,
// the last roll-less meeting of an organisation while the member belonged
// to it, of the member's Party group, and the last mobile report.
const lastLife = `(SELECT MAX(z.day) FROM (
	SELECT MAX(l.day) AS day FROM life_days l WHERE l.member_id = f.id AND l.day <= {d}
	UNION ALL SELECT MAX(rd.day) FROM memberships y JOIN rollless_days rd ON rd.organization_id = y.organization_id
		WHERE y.member_id = f.id AND rd.day <= {d} AND rd.day >= y.started_on AND (y.ended_on IS NULL OR rd.day < y.ended_on)
	UNION ALL SELECT MAX(rd.day) FROM rollless_days rd WHERE rd.organization_id = f.party_group_id AND rd.day <= {d}
	UNION ALL SELECT MAX(r.reported_on) FROM mobile_reports r WHERE r.member_id = f.id AND r.reported_on <= {d}) z)`

// byWorkingCommittee tests that meeting mt was held by the working committee
// (the working committees on {d} are found once per statement: see
// working_committees in facts.go).
var byWorkingCommittee = "mt.organization_id IN (SELECT id FROM working_committees)"

// trainingHeld counts the sub-district's monthly meetings of grid
// secretaries with a roll in the training window.
var trainingHeld = `(SELECT COUNT(*) FROM meetings mt WHERE mt.type = 'MONTHLY_MEETING' AND ` + byWorkingCommittee + `
	AND mt.held_on > {training_start} AND mt.held_on <= {d}
	AND EXISTS (SELECT 1 FROM meeting_attendees ma WHERE ma.meeting_id = mt.id))`

// trainingMissed counts those that organisation f's secretary in office
// (recorded as a member) missed while in office.
var trainingMissed = `(SELECT COUNT(*) FROM appointments ap JOIN meetings mt ON mt.type = 'MONTHLY_MEETING' AND ` + byWorkingCommittee + `
	AND mt.held_on > {training_start} AND mt.held_on <= {d} AND mt.held_on >= ap.started_on
	WHERE ap.organization_id = f.id AND ap.role = 'SECRETARY' AND ap.member_id IS NOT NULL
	AND ap.started_on <= {d} AND (ap.ended_on IS NULL OR ap.ended_on > {d})
	AND EXISTS (SELECT 1 FROM meeting_attendees ma WHERE ma.meeting_id = mt.id)
	AND NOT EXISTS (SELECT 1 FROM meeting_attendees ma WHERE ma.meeting_id = mt.id AND ma.member_id = ap.member_id))`

var meetingNameZh = map[string]string{
	"MEMBERS_ASSEMBLY": "支部党员大会", "BRANCH_COMMITTEE": "支委会", "PARTY_GROUP_MEETING": "党小组会",
	"PARTY_LECTURE": "党课", "THEMED_PARTY_DAY": "主题党日", "MONTHLY_MEETING": "网格月例会",
	"JOINT_MEETING": "联席会议", "ORGANIZATIONAL_LIFE_MEETING": "组织生活会",
}

func text(zh, en string) LocalizedText { return LocalizedText{Zh: zh, En: en} }

func ptr(f float64) *float64 { return &f }

func fig(name string, v any, threshold *float64) *Figure {
	return &Figure{Name: name, Value: toFloat(v), Threshold: threshold}
}

func (f *Figure) str() string { return num(f.Value) }

func (f *Figure) thresholdStr() string {
	if f.Threshold == nil {
		return ""
	}
	return num(*f.Threshold)
}

// monthsBetween is the whole calendar months from one day to a later one.
func monthsBetween(from, to time.Time) float64 {
	return float64(calendar.MonthsBetween(from, to))
}

func daysBetween(from, to time.Time) float64 {
	return math.Round(to.Sub(from).Hours() / 24)
}
