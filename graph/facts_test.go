package graph_test

import (
	"testing"
)

// The API's "as of" fields of a record read the register's one derivation
// of each fact (the coverage package's SQL, the periods in force): on the
// day before a change they give the old value, on the day of it the new.

// dayBefore is the day before the changes made on the day on.
const dayBefore = "2024-05-31"

func TestMemberFactsAsOfADay(t *testing.T) {
	w := newTown(t)
	other := w.create("Unit", map[string]any{"name": "西边企业", "kind": "NON_PUBLIC_ENTERPRISE", "employees": 5, "gridID": w.west})
	group := w.create("Organization", map[string]any{"name": "东网格党小组", "kind": "PARTY_GROUP",
		"formation": "TERRITORIAL", "establishedOn": "2000-01-01", "parentID": w.eastOrg})
	m := w.member("FULL", w.east, map[string]any{"workUnitID": w.unit})
	w.do("changeWorkUnit", "ChangeWorkUnitInput", map[string]any{"memberID": m, "workUnitID": other, "on": on})
	w.do("moveMember", "MoveMemberInput", map[string]any{"memberID": m, "residenceGridID": w.west, "on": on})
	w.do("changeMemberCategory", "ChangeMemberCategoryInput", map[string]any{"memberID": m, "category": "RETIRED", "on": on})
	var upd map[string]any
	w.api.Do(&upd, `mutation($id: ID!, $g: ID!) { updateMember(id: $id, input: {partyGroupID: $g}, on: "`+on+`") { id } }`, "id", m, "g", group)
	mobile := w.member("FULL", w.east, nil)
	w.do("flowMember", "FlowMemberInput", map[string]any{"memberID": mobile, "direction": "OUTFLOW", "place": "深圳", "on": on})

	type facts struct {
		WorkUnitOn, ResidenceGridOn, PartyGroupOn, Grid *struct{ Name string }
		CategoryOn                                      string
		MobilityOn                                      *string
	}
	read := func(id, day string) facts {
		t.Helper()
		var out struct{ Node facts }
		w.api.Do(&out, `query($id: ID!, $d: Date) { node(id: $id) { ... on Member {
			workUnitOn(asOf: $d) { name } residenceGridOn(asOf: $d) { name } partyGroupOn(asOf: $d) { name }
			grid(asOf: $d) { name } categoryOn(asOf: $d) mobilityOn(asOf: $d) } } }`, "id", id, "d", day)
		return out.Node
	}
	name := func(x *struct{ Name string }) string {
		if x == nil {
			return ""
		}
		return x.Name
	}
	b, a := read(m, dayBefore), read(m, on)
	if name(b.WorkUnitOn) != "历史企业" || name(a.WorkUnitOn) != "西边企业" {
		t.Errorf("work unit: before %q, on %q", name(b.WorkUnitOn), name(a.WorkUnitOn))
	}
	if name(b.ResidenceGridOn) != "东网格" || name(a.ResidenceGridOn) != "西网格" || name(b.Grid) != "东网格" || name(a.Grid) != "西网格" {
		t.Errorf("grid: before %+v, on %+v", b, a)
	}
	if name(b.PartyGroupOn) != "" || name(a.PartyGroupOn) != "东网格党小组" {
		t.Errorf("Party group: before %q, on %q", name(b.PartyGroupOn), name(a.PartyGroupOn))
	}
	if b.CategoryOn != "IN_SERVICE" || a.CategoryOn != "RETIRED" {
		t.Errorf("category: before %q, on %q", b.CategoryOn, a.CategoryOn)
	}
	if mb, ma := read(mobile, dayBefore), read(mobile, on); mb.MobilityOn != nil || ma.MobilityOn == nil || *ma.MobilityOn != "OUTFLOW" {
		t.Errorf("mobility: before %v, on %v", mb.MobilityOn, ma.MobilityOn)
	}
}

type standing struct {
	Name      string
	Kind      string
	Parent    *struct{ Name string }
	Members   int
	Units     int
	Term      string
	TermDueOn *string
	Leader    *string
}

func (w *town) standing(org, day string) *standing {
	w.t.Helper()
	var out struct{ Node struct{ Standing *standing } }
	w.api.Do(&out, `query($id: ID!, $d: Date) { node(id: $id) { ... on Organization {
		standing(asOf: $d) { name kind parent { name } members units term termDueOn leader } } } }`, "id", org, "d", day)
	return out.Node.Standing
}

func TestOrganizationStandingAsOfADay(t *testing.T) {
	t.Run("kind, parent, members and leader change on their day", func(t *testing.T) {
		w := newTown(t)
		branch := w.create("Organization", map[string]any{"name": "企业党支部", "kind": "BRANCH",
			"formation": "STANDALONE", "establishedOn": "2010-01-01", "parentID": w.general})
		var out map[string]any
		w.api.Do(&out, `mutation($id: ID!, $p: ID!) { updateOrganization(id: $id, input: {parentID: $p, name: "企业党总支"}, on: "`+on+`") { id } }`, "id", branch, "p", w.committee)
		w.do("upgradeOrganization", "UpgradeOrganizationInput", map[string]any{"organizationID": branch, "toKind": "GENERAL_BRANCH", "on": on})
		w.create("Appointment", map[string]any{"role": "SECRETARY", "holderName": "王书记", "startedOn": on, "organizationID": branch})
		w.create("UnitCoverage", map[string]any{"organizationID": branch, "unitID": w.unit, "startedOn": on})
		w.member("FULL", w.east, nil) // in the general branch from 2012-01-01
		b, a := w.standing(branch, dayBefore), w.standing(branch, on)
		if b == nil || a == nil {
			t.Fatalf("standing: before %v, on %v", b, a)
		}
		if b.Name != "企业党支部" || a.Name != "企业党总支" {
			t.Errorf("name: before %s, on %s", b.Name, a.Name)
		}
		if b.Kind != "BRANCH" || a.Kind != "GENERAL_BRANCH" {
			t.Errorf("kind: before %s, on %s", b.Kind, a.Kind)
		}
		if b.Parent == nil || b.Parent.Name != "历史社区党总支" || a.Parent == nil || a.Parent.Name != "历史街道党工委" {
			t.Errorf("parent: before %+v, on %+v", b.Parent, a.Parent)
		}
		if b.Leader != nil || a.Leader == nil || *a.Leader != "王书记" {
			t.Errorf("leader: before %v, on %v", b.Leader, a.Leader)
		}
		if b.Units != 0 || a.Units != 1 {
			t.Errorf("units: before %d, on %d", b.Units, a.Units)
		}
		if g0, g1 := w.standing(w.general, "2011-12-31"), w.standing(w.general, "2012-01-01"); g0.Members != 0 || g1.Members != 1 {
			t.Errorf("members of the general branch: %d the day before the membership, %d on its day", g0.Members, g1.Members)
		}
		if s := w.standing(branch, "2009-12-31"); s != nil {
			t.Errorf("the day before it was established: %+v, want null", s)
		}
	})
	t.Run("a Party group's members are those placed in it on the day", func(t *testing.T) {
		w := newTown(t)
		group := w.create("Organization", map[string]any{"name": "东网格党小组", "kind": "PARTY_GROUP",
			"formation": "TERRITORIAL", "establishedOn": "2000-01-01", "parentID": w.eastOrg})
		m := w.member("FULL", w.east, nil)
		var out map[string]any
		w.api.Do(&out, `mutation($id: ID!, $g: ID!) { updateMember(id: $id, input: {partyGroupID: $g}, on: "`+on+`") { id } }`, "id", m, "g", group)
		if b, a := w.standing(group, dayBefore), w.standing(group, on); b.Members != 0 || a.Members != 1 || a.Term != "NONE" {
			t.Errorf("group: before %+v, on %+v", b, a)
		}
	})
	t.Run("the term state is the term rules' reading", func(t *testing.T) {
		w := newTown(t)
		// A community grid branch serves five years; established in 2000,
		// it was due to have elected a committee by 2005-01-01.
		w.create("Term", map[string]any{"organizationID": w.eastOrg, "startedOn": "2019-06-01", "dueOn": on})
		cases := []struct{ day, state, due string }{
			{"2004-12-31", "NONE", ""},
			{"2005-01-01", "EXPIRED", "2005-01-01"},
			{"2019-06-01", "CURRENT", on},
			{dayBefore, "EXPIRING", on},
			{on, "EXPIRED", on},
		}
		for _, c := range cases {
			s := w.standing(w.eastOrg, c.day)
			due := ""
			if s.TermDueOn != nil {
				due = *s.TermDueOn
			}
			if s.Term != c.state || due != c.due {
				t.Errorf("%s: term %s due %q, want %s due %q", c.day, s.Term, due, c.state, c.due)
			}
		}
		// The gaps agree with the standing on the day the term ends.
		if r := w.report(w.east, on); r.gaps("LIFE_TERM_EXPIRED") != 1 {
			t.Errorf("LIFE_TERM_EXPIRED on %s: %d, want 1", on, r.gaps("LIFE_TERM_EXPIRED"))
		}
		if r := w.report(w.east, dayBefore); r.gaps("LIFE_TERM_EXPIRING") != 1 || r.gaps("LIFE_TERM_EXPIRED") != 0 {
			t.Errorf("on %s: %+v", dayBefore, r.Gaps)
		}
	})
}

func TestHowAUnitIsCoveredAsOfADay(t *testing.T) {
	w := newTown(t)
	joint := w.create("Organization", map[string]any{"name": "联合党支部", "kind": "BRANCH",
		"formation": "JOINT", "establishedOn": "2010-01-01", "parentID": w.general})
	w.create("UnitCoverage", map[string]any{"organizationID": joint, "unitID": w.unit, "startedOn": "2020-01-01"})
	var out map[string]any
	w.api.Do(&out, `mutation($id: ID!) { updateOrganization(id: $id, input: {formation: TERRITORIAL}, on: "`+on+`") { id } }`, "id", joint)
	var read struct {
		Org struct {
			Before, On *string
		}
		Unit struct {
			Early, Before, On *string
		}
	}
	w.api.Do(&read, `query($o: ID!, $u: ID!) {
		org: node(id: $o) { ... on Organization { before: coversAs(asOf: "`+dayBefore+`") on: coversAs(asOf: "`+on+`") } }
		unit: node(id: $u) { ... on Unit { early: coverageMode(asOf: "2019-12-31") before: coverageMode(asOf: "`+dayBefore+`") on: coverageMode(asOf: "`+on+`") } } }`,
		"o", joint, "u", w.unit)
	str := func(p *string) string {
		if p == nil {
			return ""
		}
		return *p
	}
	if str(read.Org.Before) != "JOINT" || str(read.Org.On) != "AFFILIATED" {
		t.Errorf("coversAs: before %q, on %q", str(read.Org.Before), str(read.Org.On))
	}
	if str(read.Unit.Early) != "NONE" || str(read.Unit.Before) != "JOINT" || str(read.Unit.On) != "AFFILIATED" {
		t.Errorf("coverageMode: %q, %q, %q", str(read.Unit.Early), str(read.Unit.Before), str(read.Unit.On))
	}
	var group struct{ Node struct{ CoversAs *string } }
	g := w.create("Organization", map[string]any{"name": "党小组", "kind": "PARTY_GROUP", "formation": "TERRITORIAL",
		"establishedOn": "2010-01-01", "parentID": w.eastOrg})
	w.api.Do(&group, `query($id: ID!) { node(id: $id) { ... on Organization { coversAs } } }`, "id", g)
	if group.Node.CoversAs != nil {
		t.Errorf("a Party group covers as %q", *group.Node.CoversAs)
	}
}

// The grid panel reads how each unit of a grid is covered from
// Unit.coverageMode, the expression the gaps read: a unit a union reaches
// (a union volunteer team) is reached in both, from the union's day.
func TestTheGridPanelAndTheGapsAgreeOnAUnitAUnionReaches(t *testing.T) {
	w := newTown(t)
	w.create("AffiliatedOrganization", map[string]any{"name": "企业工会志愿服务队", "kind": "UNION", "unitID": w.unit, "establishedOn": on})
	panel := func(day string) (mode string, unreached int) {
		t.Helper()
		var out struct {
			Node struct {
				Units []struct {
					ID           string
					CoverageMode string
				}
			}
			CoverageGaps struct {
				Nodes []struct{ Subject struct{ ID string } }
			}
		}
		w.api.Do(&out, `query($g: ID!, $d: Date) {
			node(id: $g) { ... on Area { units { id coverageMode(asOf: $d) } } }
			coverageGaps(areaId: $g, asOf: $d, rules: [WORK_UNIT_UNREACHED], first: 50) { nodes { subject { id } } } }`, "g", w.east, "d", day)
		for _, u := range out.Node.Units {
			if u.ID == w.unit {
				mode = u.CoverageMode
			}
		}
		for _, g := range out.CoverageGaps.Nodes {
			if g.Subject.ID == w.unit {
				unreached++
			}
		}
		return mode, unreached
	}
	if mode, gaps := panel(dayBefore); mode != "NONE" || gaps != 1 {
		t.Errorf("the day before the union: panel %s, %d unreached gaps; want NONE and 1", mode, gaps)
	}
	if mode, gaps := panel(on); mode != "MASS_ORGANIZATION_ONLY" || gaps != 0 {
		t.Errorf("on the union's day: panel %s, %d unreached gaps; want MASS_ORGANIZATION_ONLY and 0", mode, gaps)
	}
}

// The register lists' area filter places records as the analysis does, on
// the day: a member who moved and a unit that moved are listed in the old
// grid before the move and in the new one from it.
func TestTheListsAreaFilterPlacesRecordsAsTheAnalysisDoes(t *testing.T) {
	w := newTown(t)
	m := w.member("FULL", w.east, nil)
	w.do("moveMember", "MoveMemberInput", map[string]any{"memberID": m, "residenceGridID": w.west, "on": on})
	w.do("moveUnit", "MoveUnitInput", map[string]any{"unitID": w.unit, "gridID": w.west, "on": on})
	// A member with no home in a grid counts where their work unit is.
	worker := w.member("FULL", "", map[string]any{"workUnitID": w.unit})
	list := func(area, day string) (members, units, orgs []string) {
		t.Helper()
		var out struct {
			Members, Units, Organizations struct{ Nodes []struct{ ID string } }
		}
		w.api.Do(&out, `query($p: PlacedInput!) {
			members(first: 50, where: {placed: $p}) { nodes { id } }
			units(first: 50, where: {placed: $p}) { nodes { id } }
			organizations(first: 50, where: {placed: $p}) { nodes { id } } }`, "p", map[string]any{"areaIDs": []string{area}, "asOf": day})
		ids := func(ns []struct{ ID string }) []string {
			var s []string
			for _, n := range ns {
				s = append(s, n.ID)
			}
			return s
		}
		return ids(out.Members.Nodes), ids(out.Units.Nodes), ids(out.Organizations.Nodes)
	}
	has := func(xs []string, x string) bool {
		for _, y := range xs {
			if y == x {
				return true
			}
		}
		return false
	}
	bm, bu, bo := list(w.east, dayBefore)
	if !has(bm, m) || !has(bm, worker) || !has(bu, w.unit) || !has(bo, w.eastOrg) {
		t.Errorf("east, the day before: members %v, units %v, organisations %v", bm, bu, bo)
	}
	am, au, _ := list(w.east, on)
	if has(am, m) || has(am, worker) || has(au, w.unit) {
		t.Errorf("east, on the day: members %v, units %v; want neither the member, the worker nor the unit", am, au)
	}
	wm, wu, _ := list(w.west, on)
	if !has(wm, m) || !has(wm, worker) || !has(wu, w.unit) {
		t.Errorf("west, on the day: members %v, units %v", wm, wu)
	}
	// The community holds its grids' records; the sub-district every organisation.
	cm, _, _ := list(w.community, on)
	_, _, so := list(w.sub, on)
	if !has(cm, m) || len(so) != 3 {
		t.Errorf("community members %v; sub-district organisations %v", cm, so)
	}
}

// The organisation's page shows the areas an organisation was responsible
// for on the day it is read for, from the areas' history: the day before a
// change the old areas, on its day the new.
func TestAnOrganizationsAreasAsOfADay(t *testing.T) {
	w := newTown(t)
	w.do("changeOrganizationAreas", "ChangeOrganizationAreasInput", map[string]any{"organizationID": w.eastOrg,
		"addAreaIDs": []string{w.west}, "removeAreaIDs": []string{w.east}, "on": on})
	areas := func(day string) []string {
		t.Helper()
		var out struct {
			Node struct {
				Standing struct{ Areas []struct{ Name string } }
				Areas    []struct{ Name string }
			}
		}
		w.api.Do(&out, `query($id: ID!, $d: Date) { node(id: $id) { ... on Organization {
			standing(asOf: $d) { areas { name } } areas { name } } } }`, "id", w.eastOrg, "d", day)
		if len(out.Node.Areas) != 1 || out.Node.Areas[0].Name != "西网格" {
			t.Errorf("today's areas %+v, want 西网格", out.Node.Areas)
		}
		var names []string
		for _, a := range out.Node.Standing.Areas {
			names = append(names, a.Name)
		}
		return names
	}
	if b := areas(dayBefore); len(b) != 1 || b[0] != "东网格" {
		t.Errorf("the day before the change: %v, want [东网格]", b)
	}
	if a := areas(on); len(a) != 1 || a[0] != "西网格" {
		t.Errorf("on the day of the change: %v, want [西网格]", a)
	}
	if s := areas("2000-01-01"); len(s) != 1 || s[0] != "东网格" {
		t.Errorf("on the day it was established: %v, want [东网格]", s)
	}
	// The grid panel's side of the same fact: the organisations responsible
	// for a grid on a day.
	responsible := func(grid, day string) bool {
		t.Helper()
		var out struct {
			Node struct{ ResponsibleOn []struct{ ID string } }
		}
		w.api.Do(&out, `query($id: ID!, $d: Date) { node(id: $id) { ... on Area { responsibleOn(asOf: $d) { id } } } }`, "id", grid, "d", day)
		for _, o := range out.Node.ResponsibleOn {
			if o.ID == w.eastOrg {
				return true
			}
		}
		return false
	}
	for _, c := range []struct {
		grid, day string
		want      bool
	}{{w.east, dayBefore, true}, {w.east, on, false}, {w.west, dayBefore, false}, {w.west, on, true}} {
		if got := responsible(c.grid, c.day); got != c.want {
			t.Errorf("responsibleOn(%s) of grid %s: %v, want %v", c.day, c.grid, got, c.want)
		}
	}
}

// The unit's cover dialog offers the organisations by how each would cover
// the unit on the dialog's day (the organisations list's coversAs(asOf)):
// one that became territorial on a day covers jointly the day before and
// by attachment on the day.
func TestTheCoverDialogReadsHowOrganizationsCoverOnItsDay(t *testing.T) {
	w := newTown(t)
	joint := w.create("Organization", map[string]any{"name": "联合党支部", "kind": "BRANCH",
		"formation": "JOINT", "establishedOn": "2010-01-01", "parentID": w.general})
	var out map[string]any
	w.api.Do(&out, `mutation($id: ID!) { updateOrganization(id: $id, input: {formation: TERRITORIAL}, on: "`+on+`") { id } }`, "id", joint)
	mode := func(day string) string {
		t.Helper()
		var list struct {
			Organizations struct {
				Nodes []struct {
					ID       string
					CoversAs *string
				}
			}
		}
		w.api.Do(&list, `query($d: Date) { organizations(first: 500, where: { dissolvedOnIsNil: true }) { nodes { id coversAs(asOf: $d) } } }`, "d", day)
		for _, n := range list.Organizations.Nodes {
			if n.ID == joint && n.CoversAs != nil {
				return *n.CoversAs
			}
		}
		return ""
	}
	if b, a := mode(dayBefore), mode(on); b != "JOINT" || a != "AFFILIATED" {
		t.Errorf("coversAs in the list: the day before %q, on the day %q; want JOINT, AFFILIATED", b, a)
	}
}

// The grid panel lists the units located in the grid on the day (the units
// list's placed filter), so a unit that moved away after the day is still
// listed for it, and shows a Party group under its branch of the day
// (its standing's parent), not today's.
func TestTheGridPanelReadsItsUnitsAndGroupsOnTheDay(t *testing.T) {
	w := newTown(t)
	westOrg := w.create("Organization", map[string]any{"name": "西网格党支部", "kind": "GRID_BRANCH",
		"formation": "TERRITORIAL", "establishedOn": "2000-01-01", "parentID": w.general, "areaIDs": []string{w.west}})
	group := w.create("Organization", map[string]any{"name": "网格党小组", "kind": "PARTY_GROUP",
		"formation": "TERRITORIAL", "establishedOn": "2000-01-01", "parentID": w.eastOrg, "areaIDs": []string{w.east}})
	var out map[string]any
	w.api.Do(&out, `mutation($id: ID!, $p: ID!) { updateOrganization(id: $id, input: {parentID: $p}, on: "`+on+`") { id } }`, "id", group, "p", westOrg)
	w.do("moveUnit", "MoveUnitInput", map[string]any{"unitID": w.unit, "gridID": w.west, "on": on})
	panel := func(day string) (units []string, branch string) {
		t.Helper()
		var read struct {
			Node struct {
				Organizations []struct {
					ID       string
					Standing *struct{ Parent *struct{ Name string } }
				}
			}
			Units struct{ Nodes []struct{ Name string } }
		}
		w.api.Do(&read, `query($id: ID!, $d: Date) {
			node(id: $id) { ... on Area { organizations { id standing(asOf: $d) { parent { name } } } } }
			units(first: 500, where: { placed: { areaIDs: [$id], asOf: $d } }) { nodes { name } } }`, "id", w.east, "d", day)
		for _, u := range read.Units.Nodes {
			units = append(units, u.Name)
		}
		for _, o := range read.Node.Organizations {
			if o.ID == group && o.Standing != nil && o.Standing.Parent != nil {
				branch = o.Standing.Parent.Name
			}
		}
		return units, branch
	}
	if u, b := panel(dayBefore); len(u) != 1 || u[0] != "历史企业" || b != "东网格党支部" {
		t.Errorf("the east grid the day before: units %v, the group's branch %q; want [历史企业], 东网格党支部", u, b)
	}
	if u, b := panel(on); len(u) != 0 || b != "西网格党支部" {
		t.Errorf("the east grid on the day: units %v, the group's branch %q; want none, 西网格党支部", u, b)
	}
}

// The lists' area filter holds the Party members of an area on the day,
// whether the rules count them then or not: a member whose relationship
// was transferred out is still listed where they live (or work, or where
// their last organisation is), as is one whose relationship is held
// outside; a member who died is listed until that day and not from it.
func TestTheListsAreaFilterHoldsMembersTheRulesDoNotCount(t *testing.T) {
	w := newTown(t)
	out := w.member("FULL", w.east, nil)
	worker := w.member("FULL", "", map[string]any{"workUnitID": w.unit})
	homeless := w.member("FULL", "", nil)
	held := w.create("Member", map[string]any{"name": "外地党员", "gender": "MALE", "status": "FULL", "category": "IN_SERVICE",
		"joinedPartyOn": "2010-07-01", "residenceGridID": w.east, "externalOrganization": "外省某党委"})
	died := w.member("FULL", w.east, nil)
	for _, m := range []string{out, worker, homeless} {
		var r map[string]any
		w.api.Do(&r, `mutation($m: ID!) { transferMember(input: {memberID: $m, on: "`+on+`"}) { closed { id } } }`, "m", m)
	}
	var ms struct {
		Node struct{ Memberships []struct{ ID string } }
	}
	w.api.Do(&ms, `query($id: ID!) { node(id: $id) { ... on Member { memberships { id } } } }`, "id", died)
	var r map[string]any
	w.api.Do(&r, `mutation($id: ID!) { updateMembership(id: $id, input: {endedOn: "`+on+`", endReason: DIED}) { id } }`, "id", ms.Node.Memberships[0].ID)

	listed := func(area, day string) map[string]bool {
		t.Helper()
		var res struct {
			Members struct{ Nodes []struct{ ID string } }
		}
		w.api.Do(&res, `query($p: PlacedInput!) { members(first: 50, where: {placed: $p}) { nodes { id } } }`,
			"p", map[string]any{"areaIDs": []string{area}, "asOf": day})
		got := map[string]bool{}
		for _, n := range res.Members.Nodes {
			got[n.ID] = true
		}
		return got
	}
	for _, day := range []string{dayBefore, on} {
		east, community := listed(w.east, day), listed(w.community, day)
		if !east[out] || !east[worker] || !east[held] || east[homeless] {
			t.Errorf("east on %s: %v; want the member transferred out, the worker and the member held outside, not the homeless one", day, east)
		}
		if !community[homeless] {
			t.Errorf("community on %s: %v; want the member with no home or work, where their last organisation is", day, community)
		}
	}
	if !listed(w.east, dayBefore)[died] || listed(w.east, on)[died] {
		t.Errorf("the member who died on %s: listed the day before %v, on the day %v", on, listed(w.east, dayBefore)[died], listed(w.east, on)[died])
	}
	// The rules count the members transferred out no longer; the member's
	// page places them where the list does.
	if b, a := w.report(w.east, dayBefore).Members.Total, w.report(w.east, on).Members.Total; b != 4 || a != 1 {
		t.Errorf("members the analysis counts in the east grid: %d the day before, %d on the day; want 4 and 1", b, a)
	}
	var p struct {
		Node struct {
			PlacedIn struct{ Grid *struct{ ID string } }
		}
	}
	w.api.Do(&p, `query($id: ID!) { node(id: $id) { ... on Member { placedIn(asOf: "`+on+`") { grid { id } } } } }`, "id", out)
	if p.Node.PlacedIn.Grid == nil || p.Node.PlacedIn.Grid.ID != w.east {
		t.Errorf("Member.placedIn of the member transferred out: %+v, want the east grid", p.Node.PlacedIn.Grid)
	}
}

// The cover dialog's links an organisation can end, the grid panel's
// organisations linked to a unit, and the dialogs' pickers of an
// organisation's members are read from the server for their day: the day
// before a change the old, on its day the new; and the members listed are
// those the standing counts. So are the offices the dialogs end or succeed.
func TestLinksAndMembersOfADay(t *testing.T) {
	w := newTown(t)
	joint := w.create("Organization", map[string]any{"name": "联合党支部", "kind": "BRANCH",
		"formation": "JOINT", "establishedOn": "2010-01-01", "parentID": w.general})
	old := w.create("UnitCoverage", map[string]any{"organizationID": joint, "unitID": w.unit, "startedOn": "2020-01-01", "endedOn": on})
	next := w.create("UnitCoverage", map[string]any{"organizationID": w.eastOrg, "unitID": w.unit, "startedOn": on})
	group := w.create("Organization", map[string]any{"name": "东网格党小组", "kind": "PARTY_GROUP",
		"formation": "TERRITORIAL", "establishedOn": "2000-01-01", "parentID": w.eastOrg})
	moved := w.member("FULL", w.east, nil)
	var r map[string]any
	w.api.Do(&r, `mutation($m: ID!, $o: ID!) { transferMember(input: {memberID: $m, toOrganizationID: $o, on: "`+on+`"}) { closed { id } } }`, "m", moved, "o", w.eastOrg)
	grouped := w.member("FULL", w.east, nil)
	w.api.Do(&r, `mutation($id: ID!, $g: ID!) { updateMember(id: $id, input: {partyGroupID: $g}, on: "`+on+`") { id } }`, "id", grouped, "g", group)

	type link struct {
		ID           string
		Organization struct{ ID string }
	}
	var read struct {
		Unit struct {
			Before, On []link
		}
		Joint struct {
			Before, On []link
		}
	}
	w.api.Do(&read, `query($u: ID!, $j: ID!) {
		unit: node(id: $u) { ... on Unit { before: coveragesOn(asOf: "`+dayBefore+`") { id organization { id } } on: coveragesOn(asOf: "`+on+`") { id organization { id } } } }
		joint: node(id: $j) { ... on Organization { before: coveragesOn(asOf: "`+dayBefore+`") { id organization { id } } on: coveragesOn(asOf: "`+on+`") { id organization { id } } } } }`,
		"u", w.unit, "j", joint)
	if b, a := read.Unit.Before, read.Unit.On; len(b) != 1 || b[0].ID != old || b[0].Organization.ID != joint || len(a) != 1 || a[0].ID != next {
		t.Errorf("Unit.coveragesOn: the day before %+v, on the day %+v; want the joint branch's link, then the grid branch's", b, a)
	}
	if b, a := read.Joint.Before, read.Joint.On; len(b) != 1 || b[0].ID != old || len(a) != 0 {
		t.Errorf("Organization.coveragesOn of the joint branch: the day before %+v, on the day %+v; want its link, then none", b, a)
	}

	// The moved member's relationship: the general branch's the day before, the east's on the day.
	var rel struct {
		Node struct {
			Before, On *struct{ Organization struct{ ID string } }
		}
	}
	w.api.Do(&rel, `query($id: ID!) { node(id: $id) { ... on Member {
		before: membershipOn(asOf: "`+dayBefore+`") { organization { id } } on: membershipOn(asOf: "`+on+`") { organization { id } } } } }`, "id", moved)
	if b, a := rel.Node.Before, rel.Node.On; b == nil || b.Organization.ID != w.general || a == nil || a.Organization.ID != w.eastOrg {
		t.Errorf("Member.membershipOn: the day before %+v, on the day %+v; want the general branch, then the east", b, a)
	}

	members := func(org, day string) (ids []string, counted int) {
		t.Helper()
		var out struct {
			Node struct {
				MembersOn []struct{ ID string }
				Standing  *struct{ Members int }
			}
		}
		w.api.Do(&out, `query($id: ID!, $d: Date) { node(id: $id) { ... on Organization { membersOn(asOf: $d) { id } standing(asOf: $d) { members } } } }`, "id", org, "d", day)
		for _, m := range out.Node.MembersOn {
			ids = append(ids, m.ID)
		}
		if out.Node.Standing != nil {
			counted = out.Node.Standing.Members
		}
		return ids, counted
	}
	has := func(ids []string, id string) bool {
		for _, x := range ids {
			if x == id {
				return true
			}
		}
		return false
	}
	for _, c := range []struct {
		org, day, member string
		want             bool
	}{
		{w.general, dayBefore, moved, true}, {w.general, on, moved, false},
		{w.eastOrg, dayBefore, moved, false}, {w.eastOrg, on, moved, true},
		{group, dayBefore, grouped, false}, {group, on, grouped, true},
	} {
		ids, counted := members(c.org, c.day)
		if has(ids, c.member) != c.want || len(ids) != counted {
			t.Errorf("membersOn(%s) of %s: %v (standing counts %d); want the member: %v", c.day, c.org, ids, counted, c.want)
		}
	}

	// The offices held on the day: the secretary who served until it, then the successor.
	first := w.create("Appointment", map[string]any{"role": "SECRETARY", "holderName": "前任书记", "startedOn": "2020-01-01", "endedOn": on, "organizationID": w.eastOrg})
	second := w.create("Appointment", map[string]any{"role": "SECRETARY", "holderName": "现任书记", "startedOn": on, "organizationID": w.eastOrg})
	var offices struct {
		Node struct{ Before, On []struct{ ID string } }
	}
	w.api.Do(&offices, `query($id: ID!) { node(id: $id) { ... on Organization {
		before: officesOn(asOf: "`+dayBefore+`") { id } on: officesOn(asOf: "`+on+`") { id } } } }`, "id", w.eastOrg)
	if b, a := offices.Node.Before, offices.Node.On; len(b) != 1 || b[0].ID != first || len(a) != 1 || a[0].ID != second {
		t.Errorf("officesOn: the day before %v, on the day %v; want the first secretary, then the second", b, a)
	}

	// The unit's instructors on the day: the instructor who served until it, then the liaison.
	instructor := w.create("Appointment", map[string]any{"role": "PARTY_BUILDING_INSTRUCTOR", "holderName": "前任指导员", "startedOn": "2020-01-01", "endedOn": on, "unitID": w.unit})
	liaison := w.create("Appointment", map[string]any{"role": "LIAISON", "holderName": "联络员", "startedOn": on, "unitID": w.unit})
	var instructors struct {
		Node struct {
			Before, On []struct{ ID string }
		}
	}
	w.api.Do(&instructors, `query($id: ID!) { node(id: $id) { ... on Unit {
		before: instructorsOn(asOf: "`+dayBefore+`") { id } on: instructorsOn(asOf: "`+on+`") { id } } } }`, "id", w.unit)
	if b, a := instructors.Node.Before, instructors.Node.On; len(b) != 1 || b[0].ID != instructor || len(a) != 1 || a[0].ID != liaison {
		t.Errorf("Unit.instructorsOn: the day before %v, on the day %v; want the instructor, then the liaison", b, a)
	}
}
