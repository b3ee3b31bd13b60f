package graph_test

import (
	"testing"

	"jiceng/calendar"
	"jiceng/database"
	"jiceng/database/dbtest"
	"jiceng/graph/graphtest"
)

// town is a register built through the API alone: a sub-district with a
// community and two grids (east and west), the working committee, a
// general branch responsible for the community and a grid branch for the
// east grid, and a unit in the east grid.
type town struct {
	t                           *testing.T
	store                       *database.Store
	api                         *graphtest.Client
	sub, community, east, west  string
	committee, general, eastOrg string
	unit                        string
}

func (w *town) create(kind string, input map[string]any) string {
	w.t.Helper()
	var out map[string]struct{ ID string }
	w.api.Do(&out, `mutation($in: Create`+kind+`Input!) { r: create`+kind+`(input: $in) { id } }`, "in", input)
	return out["r"].ID
}

func newTown(t *testing.T) *town {
	t.Helper()
	st := dbtest.Open(t)
	w := &town{t: t, store: st, api: graphtest.New(t, st)}
	w.sub = w.create("Area", map[string]any{"name": "历史街道", "kind": "SUBDISTRICT"})
	w.community = w.create("Area", map[string]any{"name": "历史社区", "kind": "COMMUNITY", "parentID": w.sub})
	w.east = w.create("Area", map[string]any{"name": "东网格", "kind": "GRID", "parentID": w.community, "residents": 800})
	w.west = w.create("Area", map[string]any{"name": "西网格", "kind": "GRID", "parentID": w.community, "residents": 0})
	w.committee = w.create("Organization", map[string]any{"name": "历史街道党工委", "kind": "SUBDISTRICT_WORKING_COMMITTEE",
		"formation": "TERRITORIAL", "establishedOn": "2000-01-01", "areaIDs": []string{w.sub}})
	w.general = w.create("Organization", map[string]any{"name": "历史社区党总支", "kind": "GENERAL_BRANCH",
		"formation": "TERRITORIAL", "establishedOn": "2000-01-01", "parentID": w.committee, "areaIDs": []string{w.community}})
	w.eastOrg = w.create("Organization", map[string]any{"name": "东网格党支部", "kind": "GRID_BRANCH",
		"formation": "TERRITORIAL", "establishedOn": "2000-01-01", "parentID": w.general, "areaIDs": []string{w.east}})
	w.unit = w.create("Unit", map[string]any{"name": "历史企业", "kind": "NON_PUBLIC_ENTERPRISE", "employees": 20, "gridID": w.east})
	return w
}

// member adds a member joined in 2010 living in grid, whose relationship
// sits in the general branch from 2012.
func (w *town) member(status, grid string, extra map[string]any) string {
	w.t.Helper()
	in := map[string]any{"name": "历史党员", "gender": "FEMALE", "status": status, "category": "IN_SERVICE",
		"joinedPartyOn": "2010-07-01"}
	if grid != "" {
		in["residenceGridID"] = grid
	}
	for k, v := range extra {
		in[k] = v
	}
	id := w.create("Member", in)
	w.create("Membership", map[string]any{"memberID": id, "organizationID": w.general, "startedOn": "2012-01-01", "startReason": "TRANSFERRED_IN"})
	return id
}

// report is the coverage of an area on a day.
type report struct {
	Units struct {
		Total, Employees, Members, ShouldOrganize, ShouldOrganizeWithPartyGroup, JointBranches int
	}
	Members struct {
		Total, Full, Probationary, Retired, Mobile, Outflow int
	}
	Grids struct{ Covered, Uncovered, Total int }
	Gaps  []struct {
		Rule  string
		Count int
	}
}

func (r report) gaps(rule string) int {
	for _, g := range r.Gaps {
		if g.Rule == rule {
			return g.Count
		}
	}
	return 0
}

func (w *town) report(area, day string) report {
	w.t.Helper()
	var out struct{ Coverage report }
	var asOf any
	if day != "" {
		asOf = day
	}
	w.api.Do(&out, `query($a: ID, $d: Date) { coverage(areaId: $a, asOf: $d) {
		units { total employees members shouldOrganize shouldOrganizeWithPartyGroup jointBranches }
		members { total full probationary retired mobile outflow }
		grids { covered uncovered total }
		gaps { rule count } } }`, "a", area, "d", asOf)
	return out.Coverage
}

func (w *town) do(mutation, input string, vars map[string]any) {
	w.t.Helper()
	var out map[string]any
	w.api.Do(&out, `mutation($in: `+input+`!) { r: `+mutation+`(input: $in) { id } }`, "in", vars)
}

// before and after are the days either side of every change the tests make
// on 2024-06-01.
const (
	before = "2024-05-31"
	on     = "2024-06-01"
	after  = "2024-12-31"
)

func TestHistoryOfMembers(t *testing.T) {
	t.Run("a confirmation counts the member as probationary before it and full from it", func(t *testing.T) {
		w := newTown(t)
		m := w.create("Member", map[string]any{"name": "新党员", "gender": "MALE", "status": "PROBATIONARY",
			"category": "IN_SERVICE", "joinedPartyOn": "2023-05-20", "residenceGridID": w.east})
		w.create("Membership", map[string]any{"memberID": m, "organizationID": w.eastOrg, "startedOn": "2023-05-20", "startReason": "JOINED_PARTY"})
		w.do("confirmMember", "ConfirmMemberInput", map[string]any{"memberID": m, "on": on, "reason": "支部大会讨论通过"})
		if r := w.report(w.east, before); r.Members.Probationary != 1 || r.Members.Full != 0 {
			t.Errorf("before: got %+v, want 1 probationary", r.Members)
		}
		if r := w.report(w.east, after); r.Members.Probationary != 0 || r.Members.Full != 1 {
			t.Errorf("after: got %+v, want 1 full", r.Members)
		}
		var out struct {
			Node struct {
				StatusOn, ConfirmedOn string
				History               []struct{ Text, ValidFrom, Reason string }
			}
		}
		w.api.Do(&out, `query($id: ID!) { node(id: $id) { ... on Member { statusOn(asOf: "2024-01-01") confirmedOn
			history(attribute: MEMBER_STATUS) { text validFrom reason } } } }`, "id", m)
		if out.Node.StatusOn != "PROBATIONARY" || out.Node.ConfirmedOn != on || len(out.Node.History) != 2 ||
			out.Node.History[1].Text != "FULL" || out.Node.History[1].ValidFrom != on || out.Node.History[1].Reason != "支部大会讨论通过" {
			t.Errorf("got %+v", out.Node)
		}
	})
	t.Run("a member created full was probationary in the year after joining", func(t *testing.T) {
		w := newTown(t)
		w.create("Member", map[string]any{"name": "老党员", "gender": "MALE", "status": "FULL",
			"category": "RETIRED", "joinedPartyOn": "2023-09-01", "residenceGridID": w.east})
		if r := w.report(w.east, "2024-08-31"); r.Members.Probationary != 1 || r.Members.Full != 0 {
			t.Errorf("the day before the first anniversary: got %+v", r.Members)
		}
		if r := w.report(w.east, "2024-09-01"); r.Members.Probationary != 0 || r.Members.Full != 1 {
			t.Errorf("on the first anniversary: got %+v", r.Members)
		}
	})
	t.Run("createMember refuses FULL for a member who joined less than a year ago", func(t *testing.T) {
		w := newTown(t)
		e := w.api.Fail(`mutation { createMember(input: {name: "太新", gender: MALE, status: FULL, category: IN_SERVICE,
			joinedPartyOn: "` + daysAgo(11) + `"}) { id } }`)
		if e.Field() != "status" || e.Code() != "BAD_USER_INPUT" {
			t.Errorf("got %+v", e)
		}
		// An early confirmation, recorded, is accepted.
		var out map[string]struct{ Status string }
		w.api.Do(&out, `mutation { r: createMember(input: {name: "提前转正", gender: MALE, status: FULL, category: IN_SERVICE,
			joinedPartyOn: "`+daysAgo(300)+`", confirmedOn: "`+daysAgo(10)+`"}) { status } }`)
		if out["r"].Status != "FULL" {
			t.Errorf("got %+v", out)
		}
	})
	t.Run("a move of home counts the member in the old grid before and the new one after", func(t *testing.T) {
		w := newTown(t)
		m := w.member("FULL", w.east, nil)
		w.do("moveMember", "MoveMemberInput", map[string]any{"memberID": m, "residenceGridID": w.west, "on": on, "reason": "搬家"})
		if e, wst := w.report(w.east, before), w.report(w.west, before); e.Members.Total != 1 || wst.Members.Total != 0 {
			t.Errorf("before: east %d, west %d; want 1, 0", e.Members.Total, wst.Members.Total)
		}
		if e, wst := w.report(w.east, after), w.report(w.west, after); e.Members.Total != 0 || wst.Members.Total != 1 {
			t.Errorf("after: east %d, west %d; want 0, 1", e.Members.Total, wst.Members.Total)
		}
		var out struct {
			Node struct {
				Before, After struct{ Grid struct{ Name string } }
			}
		}
		w.api.Do(&out, `query($id: ID!) { node(id: $id) { ... on Member {
			before: placedIn(asOf: "`+before+`") { grid { name } } after: placedIn(asOf: "`+after+`") { grid { name } } } } }`, "id", m)
		if out.Node.Before.Grid.Name != "东网格" || out.Node.After.Grid.Name != "西网格" {
			t.Errorf("placedIn: got %+v", out.Node)
		}
	})
	t.Run("a change of work unit moves the member's count between units", func(t *testing.T) {
		w := newTown(t)
		other := w.create("Unit", map[string]any{"name": "西边企业", "kind": "NON_PUBLIC_ENTERPRISE", "employees": 5, "gridID": w.west})
		m := w.member("FULL", "", map[string]any{"workUnitID": w.unit})
		w.do("changeWorkUnit", "ChangeWorkUnitInput", map[string]any{"memberID": m, "workUnitID": other, "on": on})
		if e, wst := w.report(w.east, before), w.report(w.west, before); e.Units.Members != 1 || wst.Units.Members != 0 || e.Members.Total != 1 {
			t.Errorf("before: east %+v, west %+v", e, wst)
		}
		if e, wst := w.report(w.east, after), w.report(w.west, after); e.Units.Members != 0 || wst.Units.Members != 1 || wst.Members.Total != 1 {
			t.Errorf("after: east %+v, west %+v", e, wst)
		}
	})
	t.Run("a retirement counts the member in service before and retired after", func(t *testing.T) {
		w := newTown(t)
		m := w.member("FULL", w.east, nil)
		w.do("changeMemberCategory", "ChangeMemberCategoryInput", map[string]any{"memberID": m, "category": "RETIRED", "on": on})
		if r := w.report(w.east, before); r.Members.Retired != 0 {
			t.Errorf("before: got %+v", r.Members)
		}
		if r := w.report(w.east, after); r.Members.Retired != 1 {
			t.Errorf("after: got %+v", r.Members)
		}
	})
	t.Run("an outflow is dated, so reports are not due before it", func(t *testing.T) {
		w := newTown(t)
		m := w.member("FULL", w.east, nil)
		w.do("flowMember", "FlowMemberInput", map[string]any{"memberID": m, "direction": "OUTFLOW", "place": "乌鲁木齐", "on": on})
		b, a := w.report(w.east, before), w.report(w.east, after)
		if b.Members.Outflow != 0 || b.gaps("ORG_MOBILE_REPORT_OVERDUE") != 0 {
			t.Errorf("before: got %+v, %d overdue", b.Members, b.gaps("ORG_MOBILE_REPORT_OVERDUE"))
		}
		if a.Members.Outflow != 1 || a.Members.Mobile != 1 || a.gaps("ORG_MOBILE_REPORT_OVERDUE") != 1 {
			t.Errorf("after: got %+v, %d overdue", a.Members, a.gaps("ORG_MOBILE_REPORT_OVERDUE"))
		}
	})
	t.Run("a Party group placement counts from its day", func(t *testing.T) {
		w := newTown(t)
		group := w.create("Organization", map[string]any{"name": "东网格党小组", "kind": "PARTY_GROUP",
			"formation": "TERRITORIAL", "establishedOn": "2000-01-01", "parentID": w.eastOrg})
		var ms []string
		for range 3 {
			ms = append(ms, w.member("FULL", w.east, map[string]any{"workUnitID": w.unit}))
		}
		for _, m := range ms {
			var out map[string]any
			w.api.Do(&out, `mutation($id: ID!, $g: ID!) { updateMember(id: $id, input: {partyGroupID: $g}, on: "`+on+`", reason: "编入党小组") { id } }`, "id", m, "g", group)
		}
		if r := w.report(w.east, before); r.Units.ShouldOrganize != 1 || r.Units.ShouldOrganizeWithPartyGroup != 0 {
			t.Errorf("before: got %+v", r.Units)
		}
		if r := w.report(w.east, after); r.Units.ShouldOrganizeWithPartyGroup != 1 {
			t.Errorf("after: got %+v", r.Units)
		}
	})
	t.Run("a change dated after today is refused and nothing is written", func(t *testing.T) {
		w := newTown(t)
		m := w.member("FULL", w.east, nil)
		e := w.api.Fail(`mutation($in: MoveMemberInput!) { moveMember(input: $in) { id } }`, "in",
			map[string]any{"memberID": m, "residenceGridID": w.west, "on": daysAgo(-3)})
		if e.Code() != "BAD_USER_INPUT" || e.Field() != "on" {
			t.Errorf("got %+v", e)
		}
		if r := w.report(w.west, ""); r.Members.Total != 0 {
			t.Errorf("the move was written: %+v", r.Members)
		}
	})
}

func TestHistoryOfOrganizationsUnitsAreasAndSettings(t *testing.T) {
	t.Run("responsibility for a grid counts from the day it is given", func(t *testing.T) {
		w := newTown(t)
		var out map[string]any
		w.api.Do(&out, `mutation($id: ID!) { updateArea(id: $id, input: {residents: 300}, on: "2020-01-01") { id } }`, "id", w.west)
		w.do("changeOrganizationAreas", "ChangeOrganizationAreasInput", map[string]any{"organizationID": w.eastOrg, "addAreaIDs": []string{w.west}, "on": on})
		if r := w.report(w.west, before); r.Grids.Uncovered != 1 || r.gaps("WORK_GRID_UNCOVERED") != 1 {
			t.Errorf("before: got %+v", r)
		}
		if r := w.report(w.west, after); r.Grids.Uncovered != 0 || r.gaps("WORK_GRID_UNCOVERED") != 0 {
			t.Errorf("after: got %+v", r)
		}
		w.do("changeOrganizationAreas", "ChangeOrganizationAreasInput", map[string]any{"organizationID": w.eastOrg, "removeAreaIDs": []string{w.west}, "on": "2025-01-01"})
		if r := w.report(w.west, "2025-01-01"); r.Grids.Uncovered != 1 {
			t.Errorf("after the grid was taken away again: got %+v", r.Grids)
		}
		if r := w.report(w.west, after); r.Grids.Uncovered != 0 {
			t.Errorf("the days it was covered are kept: got %+v", r.Grids)
		}
	})
	t.Run("an area's residents have history", func(t *testing.T) {
		w := newTown(t)
		var out map[string]any
		w.api.Do(&out, `mutation($id: ID!) { updateArea(id: $id, input: {residents: 450}, on: "`+on+`") { id } }`, "id", w.west)
		if r := w.report(w.west, before); r.gaps("WORK_GRID_UNCOVERED") != 0 {
			t.Errorf("before, with no residents: got %d gaps", r.gaps("WORK_GRID_UNCOVERED"))
		}
		if r := w.report(w.west, after); r.gaps("WORK_GRID_UNCOVERED") != 1 {
			t.Errorf("after, with 450 residents: got %d gaps", r.gaps("WORK_GRID_UNCOVERED"))
		}
	})
	t.Run("an organisation's parent places it before and after", func(t *testing.T) {
		w := newTown(t)
		other := w.create("Area", map[string]any{"name": "别的社区", "kind": "COMMUNITY", "parentID": w.sub})
		otherOrg := w.create("Organization", map[string]any{"name": "别的社区党总支", "kind": "GENERAL_BRANCH",
			"formation": "TERRITORIAL", "establishedOn": "2000-01-01", "parentID": w.committee, "areaIDs": []string{other}})
		branch := w.create("Organization", map[string]any{"name": "楼栋党支部", "kind": "BRANCH",
			"formation": "TERRITORIAL", "establishedOn": "2001-01-01", "parentID": w.general})
		var out map[string]any
		w.api.Do(&out, `mutation($id: ID!, $p: ID!) { updateOrganization(id: $id, input: {parentID: $p, name: "改名党支部"}, on: "`+on+`") { id } }`,
			"id", branch, "p", otherOrg)
		var got struct {
			Node struct {
				Before, After struct{ Name string }
				Names         []struct{ Text, ValidFrom string }
			}
		}
		w.api.Do(&got, `query($id: ID!) { node(id: $id) { ... on Organization {
			before: community(asOf: "`+before+`") { name } after: community(asOf: "`+after+`") { name }
			names: history(attribute: ORGANIZATION_NAME) { text validFrom } } } }`, "id", branch)
		if got.Node.Before.Name != "历史社区" || got.Node.After.Name != "别的社区" {
			t.Errorf("community: got %+v", got.Node)
		}
		if n := got.Node.Names; len(n) != 2 || n[0].Text != "楼栋党支部" || n[1].Text != "改名党支部" || n[1].ValidFrom != on {
			t.Errorf("names: got %+v", n)
		}
	})
	t.Run("a formation counts as joint only from the day it became one", func(t *testing.T) {
		w := newTown(t)
		joint := w.create("Organization", map[string]any{"name": "联合党支部", "kind": "BRANCH",
			"formation": "TERRITORIAL", "establishedOn": "2001-01-01", "parentID": w.general, "areaIDs": []string{w.east}})
		var out map[string]any
		w.api.Do(&out, `mutation($id: ID!) { updateOrganization(id: $id, input: {formation: JOINT}, on: "`+on+`") { id } }`, "id", joint)
		if r := w.report(w.east, before); r.Units.JointBranches != 0 {
			t.Errorf("before: got %+v", r.Units)
		}
		if r := w.report(w.east, after); r.Units.JointBranches != 1 {
			t.Errorf("after: got %+v", r.Units)
		}
	})
	t.Run("a unit's grid and size have history", func(t *testing.T) {
		w := newTown(t)
		w.do("moveUnit", "MoveUnitInput", map[string]any{"unitID": w.unit, "gridID": w.west, "on": on, "reason": "迁址"})
		w.do("resizeUnit", "ResizeUnitInput", map[string]any{"unitID": w.unit, "employees": 120, "on": on})
		b, a := w.report(w.east, before), w.report(w.west, after)
		if b.Units.Total != 1 || b.Units.Employees != 20 {
			t.Errorf("before, in the east grid: got %+v", b.Units)
		}
		if a.Units.Total != 1 || a.Units.Employees != 120 {
			t.Errorf("after, in the west grid: got %+v", a.Units)
		}
		if r := w.report(w.west, before); r.Units.Total != 0 {
			t.Errorf("before, in the west grid: got %+v", r.Units)
		}
	})
	t.Run("a rule setting changed from a day leaves earlier answers alone", func(t *testing.T) {
		w := newTown(t)
		w.member("FULL", w.east, map[string]any{"workUnitID": w.unit})
		w.member("FULL", w.east, map[string]any{"workUnitID": w.unit})
		var s struct {
			RuleSettings struct{ Nodes []struct{ ID string } }
		}
		w.api.Do(&s, `{ ruleSettings(where: {key: "ORG_REQUIRED_FULL_MEMBERS", organizationKindIsNil: true}) { nodes { id } } }`)
		if len(s.RuleSettings.Nodes) != 1 {
			t.Fatalf("got %+v", s)
		}
		w.do("changeRuleSetting", "ChangeRuleSettingInput", map[string]any{"id": s.RuleSettings.Nodes[0].ID, "value": 2, "on": on, "reason": "试行"})
		if r := w.report(w.east, before); r.Units.ShouldOrganize != 0 {
			t.Errorf("before, at three: got %+v", r.Units)
		}
		if r := w.report(w.east, after); r.Units.ShouldOrganize != 1 {
			t.Errorf("after, at two: got %+v", r.Units)
		}
	})
	t.Run("a unit says how it is covered on a day", func(t *testing.T) {
		w := newTown(t)
		w.create("UnitCoverage", map[string]any{"organizationID": w.eastOrg, "unitID": w.unit, "startedOn": on})
		var out struct {
			Node struct{ Before, After string }
		}
		w.api.Do(&out, `query($id: ID!) { node(id: $id) { ... on Unit { before: coverageMode(asOf: "`+before+`") after: coverageMode(asOf: "`+after+`") } } }`, "id", w.unit)
		if out.Node.Before != "NONE" || out.Node.After != "AFFILIATED" {
			t.Errorf("got %+v", out.Node)
		}
	})
}

// daysAgo is the day n days before today, as the API writes it.
func daysAgo(n int) string { return calendar.Today().AddDate(0, 0, -n).Format("2006-01-02") }

func TestRegisterCalendar(t *testing.T) {
	w := newTown(t)
	var out struct {
		RegisterCalendar struct {
			Today, TimeZone             string
			RecordedSince, CompleteFrom *string
		}
	}
	w.api.Do(&out, `{ registerCalendar { today timeZone recordedSince } }`)
	if out.RegisterCalendar.Today != daysAgo(0) || out.RegisterCalendar.TimeZone != "Asia/Shanghai" || out.RegisterCalendar.RecordedSince != nil {
		t.Errorf("with no meetings: got %+v", out.RegisterCalendar)
	}
	w.create("Meeting", map[string]any{"organizationID": w.eastOrg, "type": "THEMED_PARTY_DAY", "heldOn": "2023-03-04", "expectedAttendance": 1, "attendance": 1})
	w.create("Meeting", map[string]any{"organizationID": w.eastOrg, "type": "THEMED_PARTY_DAY", "heldOn": "2024-03-04", "expectedAttendance": 1, "attendance": 1})
	w.api.Do(&out, `{ registerCalendar { today timeZone recordedSince completeFrom } }`)
	if s := out.RegisterCalendar.RecordedSince; s == nil || *s != "2023-03-04" {
		t.Errorf("recordedSince: got %v, want the first meeting's day", s)
	}
	// Twelve months of meetings are read after the same day a year before:
	// 3 March 2024 reads from 4 March 2023 on, the day before reaches the 3rd.
	if c := out.RegisterCalendar.CompleteFrom; c == nil || *c != "2024-03-03" {
		t.Errorf("completeFrom: got %v, want 2024-03-03", c)
	}
	var s struct {
		RuleSettings struct{ Nodes []struct{ ID string } }
	}
	w.api.Do(&s, `{ ruleSettings(where: {key: "MEETING_WINDOW_MONTHS"}) { nodes { id } } }`)
	if len(s.RuleSettings.Nodes) != 1 {
		t.Fatalf("the window's setting: %+v", s)
	}
	window := s.RuleSettings.Nodes[0].ID
	// Six months from 1 June 2023: 3 September reads from 4 March on.
	w.do("changeRuleSetting", "ChangeRuleSettingInput", map[string]any{"id": window, "value": 6, "on": "2023-06-01", "reason": "试行"})
	w.api.Do(&out, `{ registerCalendar { completeFrom } }`)
	if c := out.RegisterCalendar.CompleteFrom; c == nil || *c != "2023-09-03" {
		t.Errorf("completeFrom with a six-month window from June 2023: got %v, want 2023-09-03", c)
	}
	// Eighteen months from 1 January 2024: every day up to 2 September 2024
	// reaches before the record again.
	w.do("changeRuleSetting", "ChangeRuleSettingInput", map[string]any{"id": window, "value": 18, "on": "2024-01-01", "reason": "试行"})
	w.api.Do(&out, `{ registerCalendar { completeFrom } }`)
	if c := out.RegisterCalendar.CompleteFrom; c == nil || *c != "2024-09-03" {
		t.Errorf("completeFrom with an eighteen-month window from 2024: got %v, want 2024-09-03", c)
	}
}

func TestAnEarlierChangeRewritesOnlyTheDaysUpToALaterOne(t *testing.T) {
	w := newTown(t)
	north := w.create("Area", map[string]any{"name": "北网格", "kind": "GRID", "parentID": w.community})
	m := w.member("FULL", w.east, nil)
	w.do("moveMember", "MoveMemberInput", map[string]any{"memberID": m, "residenceGridID": w.west, "on": on})
	w.do("moveMember", "MoveMemberInput", map[string]any{"memberID": m, "residenceGridID": north, "on": "2024-01-01", "reason": "补录"})
	var out struct {
		Node struct {
			ResidenceGrid struct{ Name string }
			History       []struct {
				Ref       struct{ Name string }
				ValidFrom string
				ValidTo   *string
			}
		}
	}
	w.api.Do(&out, `query($id: ID!) { node(id: $id) { ... on Member { residenceGrid { name }
		history(attribute: MEMBER_RESIDENCE_GRID) { ref { ... on Area { name } } validFrom validTo } } } }`, "id", m)
	h := out.Node.History
	got := []string{}
	for _, p := range h {
		to := "…"
		if p.ValidTo != nil {
			to = *p.ValidTo
		}
		got = append(got, p.Ref.Name+" "+p.ValidFrom+" "+to)
	}
	want := []string{"东网格 2010-07-01 2024-01-01", "北网格 2024-01-01 2024-06-01", "西网格 2024-06-01 …"}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] || got[2] != want[2] {
		t.Errorf("history: got %v, want %v", got, want)
	}
	if out.Node.ResidenceGrid.Name != "西网格" {
		t.Errorf("today the member lives in %q, want 西网格", out.Node.ResidenceGrid.Name)
	}
}

func TestAUnitLeavesAndRejoinsAJointBranch(t *testing.T) {
	w := newTown(t)
	joint := w.create("Organization", map[string]any{"name": "联合党支部", "kind": "BRANCH",
		"formation": "JOINT", "establishedOn": "2001-01-01", "parentID": w.general})
	w.create("UnitCoverage", map[string]any{"organizationID": joint, "unitID": w.unit, "startedOn": "2020-01-01", "endedOn": "2022-01-01"})
	w.create("UnitCoverage", map[string]any{"organizationID": joint, "unitID": w.unit, "startedOn": "2023-01-01"})
	for day, want := range map[string]string{"2021-06-01": "JOINT", "2022-06-01": "NONE", "2023-06-01": "JOINT"} {
		var out struct{ Node struct{ CoverageMode string } }
		w.api.Do(&out, `query($id: ID!, $d: Date) { node(id: $id) { ... on Unit { coverageMode(asOf: $d) } } }`, "id", w.unit, "d", day)
		if out.Node.CoverageMode != want {
			t.Errorf("as of %s: got %s, want %s", day, out.Node.CoverageMode, want)
		}
	}
	e := w.api.Fail(`mutation($in: CreateUnitCoverageInput!) { createUnitCoverage(input: $in) { id } }`, "in",
		map[string]any{"organizationID": joint, "unitID": w.unit, "startedOn": "2021-01-01", "endedOn": "2021-06-01"})
	if e.Code() != "CONFLICT" || e.Field() != "startedOn" {
		t.Errorf("an overlapping stay: got %+v", e)
	}
}

func TestTemporaryBranchesTakeNoRelationships(t *testing.T) {
	w := newTown(t)
	site := w.create("Organization", map[string]any{"name": "工地临时党支部", "kind": "BRANCH",
		"formation": "TEMPORARY", "establishedOn": "2024-01-01", "parentID": w.general})
	m := w.create("Member", map[string]any{"name": "工地党员", "gender": "MALE", "status": "FULL", "category": "IN_SERVICE", "joinedPartyOn": "2010-07-01"})
	e := w.api.Fail(`mutation($in: CreateMembershipInput!) { createMembership(input: $in) { id } }`, "in",
		map[string]any{"memberID": m, "organizationID": site, "startedOn": "2024-02-01", "startReason": "TRANSFERRED_IN"})
	if e.Field() != "organizationID" {
		t.Errorf("got %+v", e)
	}
	var out map[string]any
	w.api.Do(&out, `mutation($id: ID!, $m: ID!) { updateOrganization(id: $id, input: {addSiteMemberIDs: [$m]}, on: "2024-02-01") { id } }`, "id", site, "m", m)
}
