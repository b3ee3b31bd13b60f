package graph_test

import (
	"testing"
)

// The links, members and offices in force on a day that the dialogs offer.

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
