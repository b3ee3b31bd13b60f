package coverage

import (
	"fmt"
	"strings"

	"entgo.io/ent/dialect"

	"jiceng/vocab"
)

// The register is read as of a day through "facts": one row per unit,
// member, organisation, grid or community in force on that day, with the
// figures the rules look at and the area the row is located in. Each fact
// table is a common table expression; roll-ups group them by area, rules
// filter them, so a figure is defined once for both.

// cte is a named common table expression and the ones it reads.
type cte struct {
	name string
	deps []string
	sql  func(e *env) string
}

var ctes = map[string]cte{}

func define(name string, deps []string, sql func(e *env) string) {
	ctes[name] = cte{name, deps, sql}
}

// materialized names the expressions computed once and kept for the whole
// statement. Both planners inline an expression read once, which lets them
// use the tables' indexes; these are read under joins that would otherwise
// compute an organisation's kind on the day again for every row joined.
// inlined names the expressions a scoped analysis reads by ID, which
// PostgreSQL must not compute in full (see with).
var inlined = map[string]bool{"org_direct": true, "ms_active": true}

var materialized = map[string]bool{"org_active": true, "org_core": true, "working_committees": true}

// with writes the WITH clause holding the named expressions and those they
// read, each after its dependencies.
func (e *env) with(names ...string) string {
	var (
		order []string
		seen  = map[string]bool{}
		visit func(string)
	)
	visit = func(n string) {
		if seen[n] {
			return
		}
		seen[n] = true
		for _, d := range ctes[n].deps {
			visit(d)
		}
		order = append(order, n)
	}
	for _, n := range names {
		visit(n)
	}
	parts := make([]string, len(order))
	for i, n := range order {
		as := " AS ("
		switch {
		case materialized[n] || e.scoped() && n == "org_loc":
			as = " AS MATERIALIZED ("
		case e.scoped() && e.query.dialect == dialect.Postgres && inlined[n]:
			// PostgreSQL computes an expression read more than once in
			// full; a scoped analysis reads a few rows of it by ID.
			as = " AS NOT MATERIALIZED ("
		}
		parts[i] = n + as + ctes[n].sql(e) + ")"
	}
	return "WITH RECURSIVE " + strings.Join(parts, ",\n")
}

// active is the SQL test that a dated record of alias x is in force on {d}:
// started on or before it and not yet ended.
func active(x, start, end string) string {
	return fmt.Sprintf("%[1]s.%[2]s <= {d} AND (%[1]s.%[3]s IS NULL OR %[1]s.%[3]s > {d})", x, start, end)
}

func optionalStart(x, start, end string) string {
	return fmt.Sprintf("(%[1]s.%[2]s IS NULL OR %[1]s.%[2]s <= {d}) AND (%[1]s.%[3]s IS NULL OR %[1]s.%[3]s > {d})", x, start, end)
}

// behindList is a column of organisation f: the meeting types it holds
// fewer of than required in the window before {d}, each with the meetings
// held and required, in a gap list (see gapLists). The requirement grows
// with the whole months the organisation existed in the window; a branch
// holds committee meetings once it has enough full members to elect one;
// an exemption in force removes a requirement.
func (e *env) behindList() string {
	required := "r.cnt * (f.months / r.period)"
	held := `(SELECT COUNT(*) FROM meetings mt WHERE mt.organization_id = f.id AND mt.type = r.type
		AND mt.held_on > {window_start} AND mt.held_on <= {d})`
	record := "r.type || " + e.char(0x1f) + " || CAST(" + held + " AS TEXT) || " + e.char(0x1f) + " || CAST(" + required + " AS TEXT)"
	if e.lean {
		record = "r.type"
	}
	behind := required + ` > ` + held
	if e.query.dialect == dialect.Postgres {
		// The held count only for the requirements of the organisation's
		// kind: PostgreSQL tests the comparison first, so it would count
		// the meetings for every kind's requirements, 12 index scans an
		// organisation instead of one or two.
		behind = `CASE WHEN r.kind = f.kind THEN ` + behind + ` ELSE 1 = 0 END`
	}
	return `(SELECT ` + e.listAgg(record, e.char(0x1e)) + ` FROM (` + e.requirements() + `) r
		WHERE r.kind = f.kind AND ` + behind + `
		AND (r.type <> 'BRANCH_COMMITTEE' OR f.full_members >= ` + e.settings.byKind("BRANCH_COMMITTEE_REQUIRED_FULL_MEMBERS", "f.kind") + `)
		AND NOT EXISTS (SELECT 1 FROM exemptions x WHERE x.organization_id = f.id AND x.meeting_type = r.type
			AND ` + active("x", "started_on", "ended_on") + `))`
}

// unattachedEver is the SQL test that member m never had a membership: a
// pocket member, who counts as a member of the sub-district.
func unattachedEver(m string) string {
	return "NOT EXISTS (SELECT 1 FROM memberships y WHERE y.member_id = " + m + ".id)"
}

var branchKinds = quoteList(string(vocab.Branch), string(vocab.GridBranch))

func init() {
	// The sub-district working committees on {d}, whose monthly meetings
	// train the grid secretaries.
	define("working_committees", nil, func(*env) string {
		return holding(vocab.OrganizationKindAttr, "'"+string(vocab.WorkingCommittee)+"'")
	})
	define("ms_active", nil, func(*env) string {
		return `SELECT member_id, organization_id, started_on FROM memberships ms WHERE ` + active("ms", "started_on", "ended_on")
	})
	// An organisation's kind on {d}: the kind it changed from at its first
	// change after {d}, or its kind today.
	define("org_active", nil, func(e *env) string {
		return `SELECT o.id, ` + at(vocab.OrganizationName, "o") + ` AS name, ` + at(vocab.OrganizationParent, "o") + ` AS parent_id,
			` + at(vocab.OrganizationFormation, "o") + ` AS formation, o.established_on, ` + at(vocab.OrganizationKindAttr, "o") + ` AS kind
			FROM organizations o WHERE ` + active("o", "established_on", "dissolved_on") + e.only("o.id", scopeOrgs)
	})
	// Where an organisation is: an area it is responsible for, else the grid
	// of a unit it covers, else where its parent is (the tree is at most six
	// levels deep: working committee, community committee, general branch,
	// branch, Party group, and a unit's committee between).
	define("org_direct", nil, func(*env) string {
		return `SELECT o.id, ` + at(vocab.OrganizationParent, "o") + ` AS parent_id, COALESCE(
			(SELECT MIN(oa.ref_id) FROM periods oa WHERE oa.subject_id = o.id AND ` + inForceOn(vocab.OrganizationArea, "oa") + `),
			(SELECT MIN(` + at(vocab.UnitGrid, "u") + `) FROM unit_coverages uc JOIN units u ON u.id = uc.unit_id WHERE uc.organization_id = o.id
				AND ` + active("uc", "started_on", "ended_on") + `),
			(SELECT MIN(` + at(vocab.UnitGrid, "u") + `) FROM unit_coverages uc JOIN units u ON u.id = uc.unit_id WHERE uc.organization_id = o.id)) AS area_id
			FROM organizations o`
	})
	define("org_loc", []string{"org_direct"}, func(e *env) string {
		cols := []string{"d0.area_id"}
		joins := ""
		for i := 1; i <= 5; i++ {
			cols = append(cols, fmt.Sprintf("d%d.area_id", i))
			joins += fmt.Sprintf(" LEFT JOIN org_direct d%d ON d%d.id = d%d.parent_id", i, i, i-1)
		}
		return "SELECT d0.id, COALESCE(" + strings.Join(cols, ", ") + ") AS area_id FROM org_direct d0" + joins +
			" WHERE 1 = 1" + e.only("d0.id", scopeCandidates)
	})
	// The members of the sub-district on {d}: joined by then, and either with
	// a membership in force or with none ever recorded (a pocket member).
	define("member_core", []string{"ms_active"}, func(e *env) string {
		return `SELECT m.id, ` + at(vocab.MemberStatus, "m") + ` AS status, ` + at(vocab.MemberCategory, "m") + ` AS category,
			` + at(vocab.MemberMobility, "m") + ` AS mobility, ` + at(vocab.MemberWorkUnit, "m") + ` AS work_unit_id,
			` + at(vocab.MemberPartyGroup, "m") + ` AS party_group_id, ` + at(vocab.MemberResidenceGrid, "m") + ` AS residence_grid_id,
			ms.organization_id AS org_id, ms.started_on AS ms_started,
			(SELECT MIN(y.started_on) FROM memberships y WHERE y.member_id = m.id AND y.started_on <= {d}) AS life_from,
			CASE WHEN ` + at(vocab.MemberExternalOrg, "m") + ` <> '' THEN 1 ELSE 0 END AS external
			FROM members m
			LEFT JOIN ms_active ms ON ms.member_id = m.id
			WHERE m.joined_party_on <= {d}
			AND (ms.member_id IS NOT NULL OR ` + unattachedEver("m") + `)` + e.only("m.id", scopeMembers)
	})
	// A member is where they live, else where they work, else where their
	// organisation is.
	define("member_facts", []string{"member_core", "org_loc"}, func(e *env) string {
		facts := `SELECT mc.*, ` + memberArea(e, "mc.residence_grid_id", "wu", "ol") + ` AS area_id
			FROM member_core mc
			LEFT JOIN units wu ON wu.id = mc.work_unit_id
			LEFT JOIN org_loc ol ON ol.id = mc.org_id`
		if e.scoped() {
			facts = "SELECT * FROM (" + facts + ") x WHERE 1 = 1" + e.inAreas("x.area_id")
		}
		return facts
	})
	define("unit_members", []string{"member_core"}, func(*env) string {
		return `SELECT work_unit_id AS unit_id, COUNT(*) AS members,
			SUM(CASE WHEN status = 'FULL' THEN 1 ELSE 0 END) AS full_members,
			SUM(CASE WHEN party_group_id IS NOT NULL THEN 1 ELSE 0 END) AS grouped,
			SUM(CASE WHEN org_id IS NULL AND external = 1 THEN 1 ELSE 0 END) AS not_transferred
			FROM member_core WHERE work_unit_id IS NOT NULL GROUP BY work_unit_id`
	})
	// How a unit is covered on {d}: by an organisation of its own (ranked
	// committee 3, general branch 2, branch 1), a joint branch, or an
	// attachment to a territorial organisation (挂靠).
	define("unit_cov", []string{"org_active"}, func(e *env) string {
		return `SELECT uc.unit_id,
			MAX(CASE WHEN o.formation IN ` + formationsOf(ModeOwn) + ` THEN
				CASE WHEN o.kind IN ('COMMITTEE', 'COMMUNITY_COMMITTEE', 'SUBDISTRICT_WORKING_COMMITTEE') THEN 3
				WHEN o.kind = 'GENERAL_BRANCH' THEN 2 ELSE 1 END ELSE 0 END) AS own_rank,
			MAX(CASE WHEN o.formation IN ` + formationsOf(ModeJoint) + ` THEN 1 ELSE 0 END) AS joint,
			MAX(CASE WHEN o.formation IN ` + formationsOf(ModeAffiliated) + ` THEN 1 ELSE 0 END) AS affiliated,
			COUNT(*) AS links
			FROM unit_coverages uc JOIN org_active o ON o.id = uc.organization_id
			WHERE ` + active("uc", "started_on", "ended_on") + e.only("uc.unit_id", scopeUnits) + ` GROUP BY uc.unit_id`
	})
	define("unit_facts", []string{"unit_members", "unit_cov"}, func(e *env) string {
		return `SELECT u.id, ` + at(vocab.UnitGrid, "u") + ` AS area_id, ` + at(vocab.UnitEmployees, "u") + ` AS employees,
			COALESCE(um.members, 0) AS members, COALESCE(um.full_members, 0) AS full_members,
			COALESCE(um.grouped, 0) AS grouped, COALESCE(um.not_transferred, 0) AS not_transferred,
			COALESCE(uc.own_rank, 0) AS own_rank, COALESCE(uc.joint, 0) AS joint,
			COALESCE(uc.affiliated, 0) AS affiliated, COALESCE(uc.links, 0) AS links,
			(SELECT COUNT(*) FROM affiliated_organizations a WHERE a.unit_id = u.id AND ` + optionalStart("a", "established_on", "dissolved_on") + `) AS mass_orgs,
			(SELECT COUNT(*) FROM appointments ap WHERE ap.unit_id = u.id AND ap.role IN ('PARTY_BUILDING_INSTRUCTOR', 'LIAISON')
				AND ` + active("ap", "started_on", "ended_on") + `) AS instructors,
			(SELECT COUNT(*) FROM instructor_visits iv WHERE iv.unit_id = u.id AND iv.visited_on > {visit_start} AND iv.visited_on <= {d}) AS visits,
			u.kind
			FROM units u
			LEFT JOIN unit_members um ON um.unit_id = u.id
			LEFT JOIN unit_cov uc ON uc.unit_id = u.id
			WHERE ` + optionalStart("u", "opened_on", "closed_on") + e.only("u.id", scopeUnits)
	})
	// An organisation's members on {d}: those whose relationship sits in it,
	// and for a temporary branch, which takes no relationships (支部工作条例
	// Art. 5), the site members taking part in its life.
	// orgMemberPairs (standing.go) is the one list of who they are.
	define("org_members", []string{"ms_active"}, func(e *env) string {
		return `SELECT x.org_id, COUNT(*) AS members,
			SUM(CASE WHEN ` + at(vocab.MemberStatus, "m") + ` = 'FULL' THEN 1 ELSE 0 END) AS full_members
			FROM (` + orgMemberPairs() + `) x
			JOIN members m ON m.id = x.member_id WHERE 1 = 1` + e.only("x.org_id", scopeOrgs) + ` GROUP BY x.org_id`
	})
	define("org_offices", nil, func(e *env) string {
		return `SELECT organization_id AS org_id,
			SUM(CASE WHEN role IN ` + leaderRoles + ` THEN 1 ELSE 0 END) AS leaders,
			SUM(CASE WHEN role IN ('SECRETARY', 'DEPUTY_SECRETARY', 'COMMITTEE_MEMBER') THEN 1 ELSE 0 END) AS office_holders
			FROM appointments ap WHERE organization_id IS NOT NULL AND ` + active("ap", "started_on", "ended_on") + e.only("ap.organization_id", scopeOrgs) + `
			GROUP BY organization_id`
	})
	// The units an organisation covers; for a joint branch, those that now
	// have enough full members to organise on their own (counted one link at
	// a time: few units are in joint branches).
	define("org_units", nil, func(e *env) string {
		inForce := active("uc", "started_on", "ended_on") + " AND " + optionalStart("u", "opened_on", "closed_on")
		return `SELECT uc.organization_id AS org_id,
			SUM(CASE WHEN ` + inForce + ` THEN 1 ELSE 0 END) AS units,
			SUM(CASE WHEN ` + inForce + ` AND o.formation = 'JOINT' AND (SELECT COUNT(*) FROM members m
				WHERE m.id IN (` + holding(vocab.MemberWorkUnit, "uc.unit_id") + `) AND ` + at(vocab.MemberStatus, "m") + ` = 'FULL' AND m.joined_party_on <= {d}
				AND (EXISTS (SELECT 1 FROM memberships x WHERE x.member_id = m.id AND ` + active("x", "started_on", "ended_on") + `)
					OR ` + unattachedEver("m") + `)) >= {org_min} THEN 1 ELSE 0 END) AS units_enough,
			SUM(CASE WHEN uc.started_on <= {d} THEN 1 ELSE 0 END) AS links_ever,
			SUM(CASE WHEN ` + inForce + ` AND u.planned_close_on IS NOT NULL AND u.planned_close_on < {d} THEN 1 ELSE 0 END) AS sites_past_close,
			SUM(CASE WHEN ` + inForce + ` AND u.opened_on IS NOT NULL AND u.planned_close_on IS NOT NULL
				AND ` + e.monthsFrom("u.opened_on", "u.planned_close_on") + ` < {site_min} THEN 1 ELSE 0 END) AS sites_short
			FROM unit_coverages uc JOIN units u ON u.id = uc.unit_id JOIN organizations o ON o.id = uc.organization_id
			WHERE 1 = 1` + e.only("uc.organization_id", scopeOrgs) + `
			GROUP BY uc.organization_id`
	})
	// The term in force: the latest started on or before {d}, due when an
	// approved postponement says, else on its due day.
	define("org_terms", nil, func(e *env) string {
		return `SELECT t.organization_id AS org_id, COALESCE(t.postponed_to, t.due_on) AS due_on, t.renewed_on FROM terms t
			WHERE t.id = (SELECT t2.id FROM terms t2 WHERE t2.organization_id = t.organization_id AND t2.started_on <= {d}
				ORDER BY t2.started_on DESC, t2.id DESC LIMIT 1)` + e.only("t.organization_id", scopeOrgs)
	})
	// An organisation in force on {d}, where it is and its members.
	define("org_core", []string{"org_active", "org_loc", "org_members"}, func(e *env) string {
		return `SELECT o.id, o.name, o.kind, o.formation, o.established_on, COALESCE(ol.area_id, ` + e.root + `) AS area_id,
			COALESCE(om.members, 0) AS members, COALESCE(om.full_members, 0) AS full_members,
			` + e.monthsExisted("o.established_on") + ` AS months
			FROM org_active o
			LEFT JOIN org_loc ol ON ol.id = o.id
			LEFT JOIN org_members om ON om.org_id = o.id
			WHERE 1 = 1` + e.inAreas("COALESCE(ol.area_id, "+e.root+")")
	})
	define("org_facts", []string{"org_core", "org_offices", "org_units", "org_terms"}, func(e *env) string {
		return `SELECT o.*,
			COALESCE(oo.leaders, 0) AS leaders, COALESCE(oo.office_holders, 0) AS office_holders,
			COALESCE(ou.units, 0) AS units, COALESCE(ou.units_enough, 0) AS units_enough, COALESCE(ou.links_ever, 0) AS links_ever,
			COALESCE(ou.sites_past_close, 0) AS sites_past_close, COALESCE(ou.sites_short, 0) AS sites_short,
			ot.due_on AS term_due, ot.renewed_on AS term_renewed, CASE WHEN ot.org_id IS NULL THEN 0 ELSE 1 END AS has_term,
			` + e.termYears("o.kind", "o.formation") + ` AS term_years
			FROM org_core o
			LEFT JOIN org_offices oo ON oo.org_id = o.id
			LEFT JOIN org_units ou ON ou.org_id = o.id
			LEFT JOIN org_terms ot ON ot.org_id = o.id`
	})
	// Organisations that met without keeping a roll in the lapse window: all
	// their members count as having had organisational life (their kept
	// roll-less days, register/lifedays.go).
	define("rollless", []string{"member_core"}, func(e *env) string {
		mine := ""
		if e.scoped() {
			// Only the organisations and Party groups of the members read.
			mine = ` AND mt.organization_id IN (SELECT org_id FROM member_core UNION SELECT party_group_id FROM member_core)`
		}
		return `SELECT DISTINCT mt.organization_id FROM rollless_days mt
			WHERE mt.day > {lapse_start} AND mt.day <= {d}` + mine
	})
	define("area_orgs", []string{"org_active"}, func(e *env) string {
		return `SELECT oa.area_id, COUNT(*) AS orgs,
			SUM(CASE WHEN o.kind IN ('COMMUNITY_COMMITTEE', 'GENERAL_BRANCH', 'BRANCH') THEN 1 ELSE 0 END) AS community_orgs
			FROM (SELECT p.subject_id AS organization_id, p.ref_id AS area_id FROM periods p WHERE ` + inForceOn(vocab.OrganizationArea, "p") + e.inAreas("p.ref_id") + `) oa
			JOIN org_active o ON o.id = oa.organization_id GROUP BY oa.area_id`
	})
	define("area_facts", []string{"area_orgs"}, func(e *env) string {
		return `SELECT a.id, a.id AS area_id, a.name, a.kind, ` + at(vocab.AreaResidents, "a") + ` AS residents, ` + at(vocab.AreaHouseholds, "a") + ` AS households,
			COALESCE(ao.orgs, 0) AS orgs, COALESCE(ao.community_orgs, 0) AS community_orgs
			FROM areas a LEFT JOIN area_orgs ao ON ao.area_id = a.id
			WHERE a.kind IN ('GRID', 'COMMUNITY') AND ` + optionalStart("a", "established_on", "dissolved_on") + e.inAreas("a.id")
	})
}
