package demo

import (
	"strings"
	"testing"
)

func (d *loaded) upgrades(t *testing.T) {
	var out struct {
		KindChanges struct {
			Nodes []struct {
				FromKind, ToKind, ChangedOn string
				Organization                struct{ Name, Kind string }
			}
		}
	}
	d.api.Do(&out, `{ kindChanges { nodes { fromKind toKind changedOn organization { name kind } } } }`)
	got := map[string]bool{}
	for _, k := range out.KindChanges.Nodes {
		got[k.Organization.Name] = true
		on := parse(t, k.ChangedOn)
		if k.FromKind != "BRANCH" || k.ToKind != "GENERAL_BRANCH" || k.Organization.Kind != "GENERAL_BRANCH" {
			t.Errorf("%s: got %s → %s, now %s; want BRANCH → GENERAL_BRANCH", k.Organization.Name, k.FromKind, k.ToKind, k.Organization.Kind)
		}
		if on.After(d.ref.AddDate(-3, 0, 0)) || on.Before(d.ref.AddDate(-5, 0, 0)) {
			t.Errorf("%s upgraded on %s; want three to five years before %s", k.Organization.Name, k.ChangedOn, date(d.ref))
		}
	}
	for _, name := range []string{"百合村社区党总支", "文化路社区党总支", "阜兴苑社区党总支"} {
		if !got[name] {
			t.Errorf("no upgrade of %s; got %v", name, got)
		}
	}
	if len(out.KindChanges.Nodes) != 3 {
		t.Errorf("kind changes: got %d, want 3", len(out.KindChanges.Nodes))
	}
	if n := d.count("organizations", "OrganizationWhereInput", map[string]any{"kind": "GENERAL_BRANCH"}); n != 3 {
		t.Errorf("general branches: got %d, want 3", n)
	}
}

// appointmentNode is an appointment as the tests read it.
type appointmentNode struct {
	Role, StartedOn   string
	EndedOn, Note     *string
	HolderName        *string
	HolderAffiliation *string
	Member            *struct{ Name, BornOn string }
	Organization      *struct{ Name, Kind string }
	Unit              *struct {
		Name                string
		AboveDesignatedSize bool
	}
}

func (d *loaded) daqiao(t *testing.T) {
	var out struct {
		Organizations struct {
			Nodes []struct {
				Kind         string
				Appointments []appointmentNode
				Assessments  []struct {
					Year  int
					Score float64
					Grade string
				}
			}
		}
	}
	d.api.Do(&out, `{ organizations(where: {name: "大桥社区党支部"}) { nodes { kind
		appointments { role startedOn endedOn note member { name } }
		assessments { year score grade } } } }`)
	if len(out.Organizations.Nodes) != 1 {
		t.Fatalf("大桥社区党支部: got %d, want 1", len(out.Organizations.Nodes))
	}
	o := out.Organizations.Nodes[0]
	if o.Kind != "BRANCH" {
		t.Errorf("大桥社区党支部 is a %s, want BRANCH", o.Kind)
	}
	var old, current *appointmentNode
	for i, a := range o.Appointments {
		if a.Role != "SECRETARY" {
			continue
		}
		if a.EndedOn == nil {
			current = &o.Appointments[i]
		} else {
			old = &o.Appointments[i]
		}
	}
	if old == nil || current == nil || old.Note == nil || !strings.Contains(*old.Note, "等次") ||
		*old.EndedOn != current.StartedOn || old.Member.Name == current.Member.Name {
		t.Fatalf("secretaries: got %+v and %+v; want one ended with a note on grading and another from that day", old, current)
	}
	graded := parse(t, current.StartedOn).Year() - 1
	poor := false
	for _, a := range o.Assessments {
		if a.Year == graded && a.Score < 70 && a.Grade == "POOR" {
			poor = true
		}
	}
	if !poor {
		t.Errorf("assessments %+v: want one for %d below 70, graded POOR", o.Assessments, graded)
	}
}

func (d *loaded) grids(t *testing.T) {
	if n := d.count("organizations", "OrganizationWhereInput", map[string]any{"kind": "GRID_BRANCH"}); n != 12 {
		t.Errorf("grid branches: got %d, want 12", n)
	}
	if n := d.count("organizations", "OrganizationWhereInput", map[string]any{"kind": "GRID_BRANCH", "activityBudget": 500}); n != 12 {
		t.Errorf("grid branches with a budget of 500: got %d, want 12", n)
	}
	groups := map[string]any{"kind": "PARTY_GROUP", "dissolvedOnIsNil": true, "or": []any{
		map[string]any{"hasParentWith": []any{map[string]any{"kind": "GRID_BRANCH"}}},
		map[string]any{"hasAreasWith": []any{map[string]any{"kind": "GRID"}}},
	}}
	if n := d.count("organizations", "OrganizationWhereInput", groups); n != 33 {
		t.Errorf("grid Party groups: got %d, want 33", n)
	}
	if n := d.count("organizations", "OrganizationWhereInput", map[string]any{"kind": "PARTY_GROUP"}); n != 33 {
		t.Errorf("Party groups of any sort: got %d, want 33", n)
	}
	var out struct {
		Organizations struct {
			Nodes []struct {
				Name, EstablishedOn string
				Parent              struct{ Kind string }
				Areas               []struct{ Kind, Name string }
				Meetings            []struct{ Type, HeldOn string }
			}
		}
	}
	d.api.Do(&out, `{ organizations(where: {kind: GRID_BRANCH}) { nodes { name establishedOn parent { kind }
		areas { kind name } meetings { type heldOn } } } }`)
	var first, last string
	for _, o := range out.Organizations.Nodes {
		if o.Parent.Kind != "GENERAL_BRANCH" || len(o.Areas) != 1 || o.Areas[0].Kind != "GRID" || o.Areas[0].Name+"党支部" != o.Name {
			t.Errorf("%s: got parent %s and areas %v; want a general branch and its one grid", o.Name, o.Parent.Kind, o.Areas)
		}
		for _, m := range o.Meetings {
			if m.Type == "MONTHLY_MEETING" {
				t.Errorf("%s held a MONTHLY_MEETING on %s; want the working committee's only", o.Name, m.HeldOn)
			}
		}
		if first == "" || o.EstablishedOn < first {
			first = o.EstablishedOn
		}
		last = max(last, o.EstablishedOn)
	}
	if span := parse(t, last).Sub(parse(t, first)).Hours() / 24; span > 100 {
		t.Errorf("grid branches set up from %s to %s; want one hundred-day campaign", first, last)
	}
	d.monthlyMeeting(t)
}

// monthlyMeeting checks the monthly meeting (月例会) of the talk: the working
// committee's, training the twelve grid branch secretaries (以会代训), every
// month since the campaign, each on the roll, one or two missing now and then.
func (d *loaded) monthlyMeeting(t *testing.T) {
	var out struct {
		Appointments struct {
			Nodes []struct{ Member struct{ ID string } }
		}
		Meetings struct {
			Nodes []struct {
				HeldOn                         string
				ExpectedAttendance, Attendance int
				Organization                   struct{ Kind string }
				Attendees                      []struct{ ID string }
			}
		}
	}
	d.api.Do(&out, `{ appointments(where: {role: SECRETARY, endedOnIsNil: true, hasOrganizationWith: [{kind: GRID_BRANCH}]}) {
			nodes { member { id } } }
		meetings(first: 500, where: {type: MONTHLY_MEETING}) { nodes { heldOn expectedAttendance attendance
			organization { kind } attendees { id } } } }`)
	secretaries := map[string]bool{}
	for _, a := range out.Appointments.Nodes {
		secretaries[a.Member.ID] = true
	}
	if len(secretaries) != 12 {
		t.Fatalf("grid branch secretaries: got %d, want 12", len(secretaries))
	}
	inYear, missing := 0, 0
	for _, m := range out.Meetings.Nodes {
		if m.Organization.Kind != "SUBDISTRICT_WORKING_COMMITTEE" {
			t.Errorf("monthly meeting on %s held by a %s, want the working committee", m.HeldOn, m.Organization.Kind)
		}
		on := parse(t, m.HeldOn)
		if on.Before(d.ref.AddDate(-1, 0, 0)) {
			continue
		}
		inYear++
		if m.ExpectedAttendance != 12 || m.Attendance < 9 || m.Attendance != len(m.Attendees) {
			t.Errorf("monthly meeting on %s: %d present (%d on the roll) of %d expected; want the 12 grid secretaries, a few missing at most",
				m.HeldOn, m.Attendance, len(m.Attendees), m.ExpectedAttendance)
		}
		missing += m.ExpectedAttendance - m.Attendance
		for _, a := range m.Attendees {
			if !secretaries[a.ID] {
				t.Errorf("monthly meeting on %s: attendee %s is not a grid branch secretary", m.HeldOn, a.ID)
			}
		}
	}
	if inYear != 12 || missing == 0 {
		t.Errorf("monthly meetings in the year: got %d with %d absences; want 12, some with one or two missing", inYear, missing)
	}
}

func (d *loaded) stationed(t *testing.T) {
	var out struct {
		Appointments struct {
			Nodes []appointmentNode
		}
		Units struct{ TotalCount int }
		Joint struct{ TotalCount int }
	}
	d.api.Do(&out, `{
		appointments(where: {role: PART_TIME_COMMITTEE_MEMBER}) { nodes { role holderName holderAffiliation member { name } organization { name kind } } }
		units(where: {kind: STATIONED_UNIT, nameIn: ["天池管委会", "水利局", "工商局", "建设局", "土管局", "广电局"]}) { totalCount }
		joint: meetings(where: {type: JOINT_MEETING, hasOrganizationWith: [{kind: GENERAL_BRANCH}]}) { totalCount }
	}`)
	if out.Units.TotalCount != 6 {
		t.Errorf("the six stationed units: got %d", out.Units.TotalCount)
	}
	perBranch := map[string]int{}
	from := map[string]bool{}
	for _, a := range out.Appointments.Nodes {
		if a.Member != nil || a.HolderName == nil || !strings.Contains(*a.HolderName, "某") || a.Organization.Kind != "GENERAL_BRANCH" {
			t.Errorf("part-time member %+v: want a named holder from outside the register on a general branch", a)
			continue
		}
		perBranch[a.Organization.Name]++
		from[*a.HolderAffiliation] = true
	}
	if len(out.Appointments.Nodes) != 6 || len(from) != 6 || len(perBranch) != 3 {
		t.Errorf("part-time committee members: got %d from %v on %v; want 6 from the six units on the three general branches",
			len(out.Appointments.Nodes), from, perBranch)
	}
	if out.Joint.TotalCount < 3 {
		t.Errorf("joint meetings of the general branches: got %d, want a few", out.Joint.TotalCount)
	}
}

func (d *loaded) deputies(t *testing.T) {
	var out struct {
		Appointments struct{ Nodes []appointmentNode }
	}
	d.api.Do(&out, `{ appointments(where: {role: DEPUTY_SECRETARY, endedOnIsNil: true, hasOrganizationWith: [{kind: GENERAL_BRANCH}]}) {
		nodes { role member { name bornOn } organization { name } } } }`)
	branches := map[string]bool{}
	for _, a := range out.Appointments.Nodes {
		branches[a.Organization.Name] = true
		if born := parse(t, a.Member.BornOn); born.Before(d.ref.AddDate(-35, 0, 0)) {
			t.Errorf("deputy secretary %s born %s; want a young cadre", a.Member.Name, a.Member.BornOn)
		}
	}
	if len(out.Appointments.Nodes) != 3 || len(branches) != 3 {
		t.Errorf("deputy secretaries of general branches: got %d in %v, want 3, one in each", len(out.Appointments.Nodes), branches)
	}
}
