package graph_test

import (
	"slices"
	"testing"
)

// The lists' area filter and the grid panel place records on a day as the
// analysis does.

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

// The dashboard's area pickers and the grid map's fallback read the areas
// open on a day, and where each lay then, from the areas list's openOn and
// within filters and Area.parentOn, as the analysis reads the territory: a
// grid drawn on the day is offered from it, one dissolved on the day up to
// the day before, and a grid moved to another community on the day is in
// the old one the day before and in the new one on the day.
func TestTheAreasOpenOnADayAndWhereTheyLay(t *testing.T) {
	w := newTown(t)
	newer := w.create("Area", map[string]any{"name": "新社区", "kind": "COMMUNITY", "parentID": w.sub, "establishedOn": "2000-01-01"})
	w.create("Area", map[string]any{"name": "北网格", "kind": "GRID", "parentID": w.community, "establishedOn": on})
	w.create("Area", map[string]any{"name": "旧网格", "kind": "GRID", "parentID": w.community, "establishedOn": "2000-01-01", "dissolvedOn": on})
	var done map[string]any
	w.api.Do(&done, `mutation($id: ID!, $p: ID!) { updateArea(id: $id, input: {parentID: $p}, on: "`+on+`") { id } }`, "id", w.west, "p", newer)

	grids := func(day string, within ...string) []string {
		t.Helper()
		where := map[string]any{"kind": "GRID", "openOn": day}
		if len(within) > 0 {
			where["within"] = map[string]any{"areaIDs": within, "asOf": day}
		}
		var out struct {
			Areas struct{ Nodes []struct{ Name string } }
		}
		w.api.Do(&out, `query($w: AreaWhereInput) { areas(first: 50, where: $w, orderBy: [{field: NAME}]) { nodes { name } } }`, "w", where)
		var names []string
		for _, n := range out.Areas.Nodes {
			names = append(names, n.Name)
		}
		return names
	}
	parentOf := func(id, day string) string {
		t.Helper()
		var out struct {
			Node struct{ ParentOn *struct{ Name string } }
		}
		w.api.Do(&out, `query($id: ID!, $d: Date) { node(id: $id) { ... on Area { parentOn(asOf: $d) { name } } } }`, "id", id, "d", day)
		if out.Node.ParentOn == nil {
			return ""
		}
		return out.Node.ParentOn.Name
	}
	for _, c := range []struct {
		day                 string
		open, inOld, inNew  []string
		westIn, subdistrict string
	}{
		{dayBefore, []string{"东网格", "旧网格", "西网格"}, []string{"东网格", "旧网格", "西网格"}, nil, "历史社区", "历史街道"},
		{on, []string{"东网格", "北网格", "西网格"}, []string{"东网格", "北网格"}, []string{"西网格"}, "新社区", "历史街道"},
	} {
		if got := grids(c.day); !slices.Equal(got, c.open) {
			t.Errorf("%s: the grids open are %v, want %v", c.day, got, c.open)
		}
		if got := grids(c.day, w.community); !slices.Equal(got, c.inOld) {
			t.Errorf("%s: the grids of 历史社区 are %v, want %v", c.day, got, c.inOld)
		}
		if got := grids(c.day, newer); !slices.Equal(got, c.inNew) {
			t.Errorf("%s: the grids of 新社区 are %v, want %v", c.day, got, c.inNew)
		}
		if got := grids(c.day, w.sub); len(got) != len(c.open) {
			t.Errorf("%s: the grids of the sub-district are %v, want %v", c.day, got, c.open)
		}
		if got := parentOf(w.west, c.day); got != c.westIn {
			t.Errorf("%s: 西网格 lay in %q, want %q", c.day, got, c.westIn)
		}
		if got := parentOf(w.community, c.day); got != c.subdistrict {
			t.Errorf("%s: 历史社区 lay in %q, want %q", c.day, got, c.subdistrict)
		}
	}
	if got := parentOf(w.sub, on); got != "" {
		t.Errorf("the sub-district lay in %q", got)
	}
}
