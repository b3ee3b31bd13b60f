package synth

import (
	"fmt"
	"time"
)

var (
	areaCols    = []string{"id", "created_at", "updated_at", "name", "kind", "households", "residents", "parent_id"}
	orgCols     = []string{"id", "created_at", "updated_at", "name", "kind", "formation", "established_on", "parent_id"}
	unitCols    = []string{"id", "created_at", "updated_at", "name", "kind", "employees", "above_designated_size", "grid_id"}
	linkCols    = []string{"id", "created_at", "updated_at", "organization_id", "unit_id", "started_on"}
	memberCols  = []string{"id", "created_at", "updated_at", "name", "gender", "status", "joined_party_on", "category", "mobility", "party_group_id", "residence_grid_id", "work_unit_id"}
	msCols      = []string{"id", "created_at", "updated_at", "member_id", "organization_id", "started_on", "start_reason"}
	officeCols  = []string{"id", "created_at", "updated_at", "role", "organization_id", "unit_id", "holder_name", "started_on"}
	termCols    = []string{"id", "created_at", "updated_at", "organization_id", "started_on", "due_on"}
	meetingCols = []string{"id", "created_at", "updated_at", "organization_id", "type", "held_on", "expected_attendance", "attendance"}
	reportCols  = []string{"id", "created_at", "updated_at", "member_id", "reported_on", "channel"}
	massCols    = []string{"id", "created_at", "updated_at", "name", "kind", "unit_id"}
)

func (g *gen) stamp() (time.Time, time.Time) { return g.now, g.now }

func (g *gen) area(name, kind string, residents int, parent any) int {
	id := g.id("areas")
	c, u := g.stamp()
	g.insert("areas", areaCols, id, c, u, name, kind, residents/3, residents, parent)
	g.counts.Areas++
	return id
}

// org adds an organisation with a secretary (or group leader) and, unless it
// is the working committee or a Party group, a term.
func (g *gen) org(name, kind, formation string, parent any, areas ...int) int {
	id := g.id("organizations")
	c, u := g.stamp()
	est := g.asOf.AddDate(-6, -g.rnd.IntN(24), 0)
	g.insert("organizations", orgCols, id, c, u, name, kind, formation, est, parent)
	for _, a := range areas {
		g.insert("organization_areas", []string{"organization_id", "area_id"}, id, a)
	}
	role := "SECRETARY"
	if kind == "PARTY_GROUP" {
		role = "GROUP_LEADER"
	}
	if g.rnd.IntN(100) != 0 { // one in a hundred has no leader in office
		g.insert("appointments", officeCols, g.id("appointments"), c, u, role, id, nil, fmt.Sprintf("书记%d", id%100000), est)
	}
	if kind != "SUBDISTRICT_WORKING_COMMITTEE" && kind != "PARTY_GROUP" {
		start := g.asOf.AddDate(-2, -g.rnd.IntN(14), 0) // some terms have run out
		g.insert("terms", termCols, g.id("terms"), c, u, id, start, start.AddDate(3, 0, 0))
	}
	g.counts.Organizations++
	return id
}

// meetings adds a year of meetings of a type, every period months, missing
// some now and then.
func (g *gen) meetings(org int, typ string, period, expected int) []int {
	var ids []int
	skip := g.rnd.IntN(10) == 0
	for m := 0; m < 12; m += period {
		if skip && m < 3*period {
			continue
		}
		id := g.id("meetings")
		c, u := g.stamp()
		g.insert("meetings", meetingCols, id, c, u, org, typ, g.asOf.AddDate(0, -m, -1-g.rnd.IntN(20)), expected, expected-g.rnd.IntN(expected/4+1))
		ids = append(ids, id)
		g.counts.Meetings++
	}
	return ids
}

// member adds a member living in grid, working in unit (0 for none), with
// a membership in org (0 for none).
func (g *gen) member(grid, unit, org, group int) int {
	id := g.id("members")
	c, u := g.stamp()
	status := "FULL"
	if g.rnd.IntN(20) == 0 {
		status = "PROBATIONARY"
	}
	category, mobility := "IN_SERVICE", any(nil)
	switch n := g.rnd.IntN(100); {
	case n < 20:
		category = "RETIRED"
	case n < 28:
		category = "SELF_EMPLOYED"
	case n < 30:
		category, mobility = "MOBILE", "OUTFLOW"
	}
	joined := g.asOf.AddDate(-2-g.rnd.IntN(40), -g.rnd.IntN(12), 0)
	g.insert("members", memberCols, id, c, u, fmt.Sprintf("党员%06d", id%1000000), []string{"MALE", "FEMALE"}[g.rnd.IntN(2)],
		status, joined, category, mobility, nullable(group), grid, nullable(unit))
	if org != 0 {
		g.insert("memberships", msCols, g.id("memberships"), c, u, id, org, g.asOf.AddDate(-3, -g.rnd.IntN(12), 0), "TRANSFERRED_IN")
	}
	if category == "MOBILE" {
		last := g.rnd.IntN(4) // months since the last report; some are overdue
		for m := last; m < 12; m++ {
			g.insert("mobile_reports", reportCols, g.id("mobile_reports"), c, u, id, g.asOf.AddDate(0, -m, -1), "PHONE")
		}
	}
	g.counts.Members++
	return id
}

func nullable(id int) any {
	if id == 0 {
		return nil
	}
	return id
}

func (g *gen) city() {
	g.now = time.Now().UTC()
	// Rows are written in batches as they fill, a child's batch at times
	// before its parent's: the foreign keys are checked at the commit
	// (SQLite) or not at all for this load (PostgreSQL, as a restore does;
	// the rows are valid by construction).
	if g.pg {
		g.tx.ExecContext(g.ctx, "SET LOCAL session_replication_role = replica")
	} else {
		g.tx.ExecContext(g.ctx, "PRAGMA defer_foreign_keys = ON")
	}
	s := g.size
	for sd := 0; sd < s.SubDistricts; sd++ {
		sub := g.area(fmt.Sprintf("第%02d街道", sd+1), "SUBDISTRICT", 0, nil)
		committee := g.org(fmt.Sprintf("第%02d街道党工委", sd+1), "SUBDISTRICT_WORKING_COMMITTEE", "TERRITORIAL", nil, sub)
		for cm := 0; cm < s.Communities; cm++ {
			community := g.area(fmt.Sprintf("第%02d街道%02d社区", sd+1, cm+1), "COMMUNITY", 0, sub)
			general := committee
			if g.rnd.IntN(50) != 0 { // one community in fifty has no organisation of its own
				general = g.org(fmt.Sprintf("第%02d街道%02d社区党总支", sd+1, cm+1), "GENERAL_BRANCH", "TERRITORIAL", committee, community)
			}
			for gr := 0; gr < s.Grids; gr++ {
				g.grid(fmt.Sprintf("第%02d街道%02d社区%02d网格", sd+1, cm+1, gr+1), community, general)
			}
		}
	}
}

// grid adds a grid with its grid branch, Party groups, residents and units.
func (g *gen) grid(name string, community, general int) {
	grid := g.area(name, "GRID", 800+g.rnd.IntN(800), community)
	if g.rnd.IntN(40) == 0 { // one grid in forty has no organisation
		for i := 0; i < g.size.UnitsPerGrid/2; i++ {
			g.unit(name, grid, 0, 0)
		}
		return
	}
	branch := g.org(name+"党支部", "GRID_BRANCH", "TERRITORIAL", general, grid)
	groups := []int{g.org(name+"第一党小组", "PARTY_GROUP", "TERRITORIAL", branch), g.org(name+"第二党小组", "PARTY_GROUP", "TERRITORIAL", branch)}
	var residents []int
	for i := 0; i < g.size.MembersPerGrid; i++ {
		residents = append(residents, g.member(grid, 0, branch, groups[i%2]))
	}
	g.meetings(branch, "MONTHLY_MEETING", 1, len(residents))
	g.meetings(branch, "THEMED_PARTY_DAY", 1, len(residents))
	g.meetings(branch, "MEMBERS_ASSEMBLY", 3, len(residents))
	g.meetings(branch, "BRANCH_COMMITTEE", 1, 5)
	g.meetings(branch, "PARTY_LECTURE", 12, len(residents))
	g.meetings(branch, "ORGANIZATIONAL_LIFE_MEETING", 12, len(residents))
	for i, group := range groups {
		ids := g.meetings(group, "PARTY_GROUP_MEETING", 1, len(residents)/2)
		if g.rnd.IntN(10) == 0 { // a few groups keep a roll of who came
			for _, m := range ids {
				for j := i; j < len(residents); j += 2 {
					g.insert("meeting_attendees", []string{"meeting_id", "member_id"}, m, residents[j])
				}
			}
		}
	}
	if g.rnd.IntN(200) == 0 { // a pocket member
		g.member(grid, 0, 0, 0)
	}
	joint := 0
	jointUnits := 0
	for i := 0; i < g.size.UnitsPerGrid; i++ {
		switch n := g.rnd.IntN(100); {
		case n < 12: // its own branch
			u := g.unit(name, grid, 0, 0)
			own := g.org(fmt.Sprintf("%s企业%02d党支部", name, i+1), "BRANCH", "STANDALONE", general)
			g.link(own, u)
			for j := 0; j < g.size.MembersPerOwnBranch; j++ {
				g.member(grid, u, own, 0)
			}
			g.meetings(own, "THEMED_PARTY_DAY", 1, g.size.MembersPerOwnBranch)
			g.meetings(own, "MEMBERS_ASSEMBLY", 3, g.size.MembersPerOwnBranch)
			g.meetings(own, "BRANCH_COMMITTEE", 1, 5)
			g.meetings(own, "PARTY_LECTURE", 12, g.size.MembersPerOwnBranch)
			g.meetings(own, "ORGANIZATIONAL_LIFE_MEETING", 12, g.size.MembersPerOwnBranch)
		case n < 42: // in the grid's joint branch
			if joint == 0 || (jointUnits >= 5 && g.rnd.IntN(3) != 0) {
				joint = g.org(fmt.Sprintf("%s联合党支部%02d", name, i+1), "BRANCH", "JOINT", general, grid)
				jointUnits = 0
				g.meetings(joint, "THEMED_PARTY_DAY", 1, 8)
				g.meetings(joint, "MEMBERS_ASSEMBLY", 3, 8)
			}
			u := g.unit(name, grid, 1+g.rnd.IntN(2), joint)
			g.link(joint, u)
			jointUnits++
		case n < 67: // attached to the grid branch
			u := g.unit(name, grid, 1+g.rnd.IntN(2), branch)
			g.link(branch, u)
		case n < 72: // should organise but has not
			g.unit(name, grid, 3+g.rnd.IntN(3), branch)
		case n < 80: // one or two members and nowhere to go
			g.unit(name, grid, 1+g.rnd.IntN(2), branch)
		default: // no members; reached by a union, an instructor, or not at all
			u := g.unit(name, grid, 0, 0)
			c, up := g.stamp()
			switch g.rnd.IntN(3) {
			case 0:
				g.insert("affiliated_organizations", massCols, g.id("affiliated_organizations"), c, up, "工会", "UNION", u)
			case 1:
				g.insert("appointments", officeCols, g.id("appointments"), c, up, "PARTY_BUILDING_INSTRUCTOR", nil, u, "指导员", g.asOf.AddDate(-1, 0, 0))
			}
		}
	}
}

// unit adds a unit in grid with n members whose relationship sits in org.
func (g *gen) unit(name string, grid, n, org int) int {
	id := g.id("units")
	c, u := g.stamp()
	g.insert("units", unitCols, id, c, u, fmt.Sprintf("%s单位%d", name, id%100000), "NON_PUBLIC_ENTERPRISE", 5+g.rnd.IntN(200), g.rnd.IntN(10) == 0, grid)
	for i := 0; i < n; i++ {
		g.member(grid, id, org, 0)
	}
	g.counts.Units++
	return id
}

func (g *gen) link(org, unit int) {
	c, u := g.stamp()
	g.insert("unit_coverages", linkCols, g.id("unit_coverages"), c, u, org, unit, g.asOf.AddDate(-5, 0, 0))
}
