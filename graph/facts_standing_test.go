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
