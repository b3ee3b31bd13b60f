package graph_test

import (
	"strconv"
	"testing"

	"jiceng/graph/graphtest"
	"jiceng/viewer"
)

// frontier is the town with an editor of the east grid, a member living in
// each grid and a unit in the west grid.
type frontier struct {
	*town
	editor               *graphtest.Client
	eastMember, westMem  string
	westUnit, eastSecOff string
}

func newFrontier(t *testing.T) *frontier {
	t.Helper()
	w := newTown(t)
	f := &frontier{town: w}
	f.eastMember = w.member("FULL", w.east, nil)
	f.westMem = w.member("FULL", w.west, nil)
	f.westUnit = w.create("Unit", map[string]any{"name": "西边工厂", "kind": "NON_PUBLIC_ENTERPRISE", "employees": 9, "gridID": w.west})
	f.eastSecOff = w.create("Appointment", map[string]any{"role": "SECRETARY", "organizationID": w.general, "holderName": "总支书记", "startedOn": "2015-01-01"})
	east, _ := strconv.Atoi(w.east)
	f.editor = w.api.As(viewer.Editor, east)
	return f
}

// attempt runs a mutation as the editor and reports its error code, or "".
func (f *frontier) attempt(query string, vars ...any) string {
	f.t.Helper()
	resp := f.editor.Post(query, vars...)
	if len(resp.Errors) == 0 {
		return ""
	}
	return resp.Errors[0].Code()
}

func TestEditorsWriteWhereTheirWritesLand(t *testing.T) {
	cases := []struct {
		name  string
		query func(f *frontier) (string, []any)
		want  string
	}{
		{"changes a member who lives in the area", func(f *frontier) (string, []any) {
			return `mutation($id: ID!) { updateMember(id: $id, input: {ethnicity: "汉族"}) { id } }`, []any{"id", f.eastMember}
		}, ""},
		{"may not change a member who lives elsewhere", func(f *frontier) (string, []any) {
			return `mutation($id: ID!) { updateMember(id: $id, input: {ethnicity: "汉族"}) { id } }`, []any{"id", f.westMem}
		}, "FORBIDDEN"},
		{"may not move a member out of the area", func(f *frontier) (string, []any) {
			return `mutation($in: MoveMemberInput!) { moveMember(input: $in) { id } }`,
				[]any{"in", map[string]any{"memberID": f.eastMember, "residenceGridID": f.west, "on": on}}
		}, "FORBIDDEN"},
		{"may not clear the grid of a member who then counts elsewhere", func(f *frontier) (string, []any) {
			return `mutation($id: ID!, $u: ID!) { updateMember(id: $id, input: {clearResidenceGrid: true, workUnitID: $u}) { id } }`,
				[]any{"id", f.eastMember, "u", f.westUnit}
		}, "FORBIDDEN"},
		{"may not attach a member who lives elsewhere to an organisation of the area", func(f *frontier) (string, []any) {
			return `mutation($in: CreateMembershipInput!) { createMembership(input: $in) { id } }`,
				[]any{"in", map[string]any{"memberID": f.westMem, "organizationID": f.eastOrg, "startedOn": "2024-01-01", "startReason": "TRANSFERRED_IN"}}
		}, "FORBIDDEN"},
		{"may not link a unit of the area to an organisation elsewhere", func(f *frontier) (string, []any) {
			return `mutation($in: CreateUnitCoverageInput!) { createUnitCoverage(input: $in) { id } }`,
				[]any{"in", map[string]any{"organizationID": f.general, "unitID": f.unit, "startedOn": "2024-01-01"}}
		}, "FORBIDDEN"},
		{"links a unit of the area to the area's organisation", func(f *frontier) (string, []any) {
			return `mutation($in: CreateUnitCoverageInput!) { createUnitCoverage(input: $in) { id } }`,
				[]any{"in", map[string]any{"organizationID": f.eastOrg, "unitID": f.unit, "startedOn": "2024-01-01"}}
		}, ""},
		{"may not end an office of an organisation elsewhere", func(f *frontier) (string, []any) {
			return `mutation($id: ID!) { updateAppointment(id: $id, input: {endedOn: "2024-01-01"}) { id } }`, []any{"id", f.eastSecOff}
		}, "FORBIDDEN"},
		{"appoints the area's organisation's secretary", func(f *frontier) (string, []any) {
			return `mutation($in: CreateAppointmentInput!) { createAppointment(input: $in) { id } }`,
				[]any{"in", map[string]any{"role": "SECRETARY", "organizationID": f.eastOrg, "memberID": f.eastMember, "startedOn": "2024-01-01"}}
		}, ""},
		{"may not appoint a member of elsewhere", func(f *frontier) (string, []any) {
			return `mutation($in: CreateAppointmentInput!) { createAppointment(input: $in) { id } }`,
				[]any{"in", map[string]any{"role": "SECRETARY", "organizationID": f.eastOrg, "memberID": f.westMem, "startedOn": "2024-01-01"}}
		}, "FORBIDDEN"},
		{"may not rename an organisation elsewhere", func(f *frontier) (string, []any) {
			return `mutation($id: ID!) { updateOrganization(id: $id, input: {name: "改了"}) { id } }`, []any{"id", f.general}
		}, "FORBIDDEN"},
		{"may not give the area's organisation a grid elsewhere", func(f *frontier) (string, []any) {
			return `mutation($in: ChangeOrganizationAreasInput!) { changeOrganizationAreas(input: $in) { id } }`,
				[]any{"in", map[string]any{"organizationID": f.eastOrg, "addAreaIDs": []string{f.west}, "on": on}}
		}, "FORBIDDEN"},
		{"may not move a unit out of the area", func(f *frontier) (string, []any) {
			return `mutation($in: MoveUnitInput!) { moveUnit(input: $in) { id } }`,
				[]any{"in", map[string]any{"unitID": f.unit, "gridID": f.west, "on": on}}
		}, "FORBIDDEN"},
		{"may not create a unit elsewhere", func(f *frontier) (string, []any) {
			return `mutation { createUnit(input: {name: "新厂", kind: MARKET, gridID: "` + f.west + `"}) { id } }`, nil
		}, "FORBIDDEN"},
		{"creates a unit in the area", func(f *frontier) (string, []any) {
			return `mutation { createUnit(input: {name: "新厂", kind: MARKET, gridID: "` + f.east + `"}) { id } }`, nil
		}, ""},
		{"may not transfer a member who lives elsewhere", func(f *frontier) (string, []any) {
			return `mutation($in: TransferMemberInput!) { transferMember(input: $in) { closed { id } } }`,
				[]any{"in", map[string]any{"memberID": f.westMem, "on": on}}
		}, "FORBIDDEN"},
		{"records a meeting of the area's organisation", func(f *frontier) (string, []any) {
			return `mutation($in: CreateMeetingInput!) { createMeeting(input: $in) { id } }`,
				[]any{"in", map[string]any{"organizationID": f.eastOrg, "type": "THEMED_PARTY_DAY", "heldOn": "2024-03-01", "expectedAttendance": 1, "attendance": 1}}
		}, ""},
		{"may not record a meeting of an organisation elsewhere", func(f *frontier) (string, []any) {
			return `mutation($in: CreateMeetingInput!) { createMeeting(input: $in) { id } }`,
				[]any{"in", map[string]any{"organizationID": f.general, "type": "THEMED_PARTY_DAY", "heldOn": "2024-03-01", "expectedAttendance": 1, "attendance": 1}}
		}, "FORBIDDEN"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := newFrontier(t)
			q, vars := c.query(f)
			if got := f.attempt(q, vars...); got != c.want {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}
