package graph_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// TestCreateAndUpdateEveryRecord creates and updates one record of every
// type through the API, then reads each back through node.
func TestCreateAndUpdateEveryRecord(t *testing.T) {
	w := newWorld(t)
	unit2 := creditCode(2)
	cases := []struct {
		typ, create, update string
		check               string // a field whose updated value is read back
		want                string
	}{
		{"Area",
			fmt.Sprintf(`createArea(input: {name: "二号网格", kind: GRID, parentID: %d, residents: 10}) { id }`, w.community.ID),
			`updateArea(id: $id, input: {residents: 1200, households: 400}) { id }`, "residents", "1200"},
		{"Organization",
			fmt.Sprintf(`createOrganization(input: {name: "二号网格党支部", kind: GRID_BRANCH, formation: TERRITORIAL, establishedOn: "2023-04-01", parentID: %d}) { id }`, w.general.ID),
			`updateOrganization(id: $id, input: {shortName: "二网格", activityBudget: 500}) { id }`, "shortName", `"二网格"`},
		{"Unit",
			fmt.Sprintf(`createUnit(input: {name: "示例汽修厂", kind: NON_PUBLIC_ENTERPRISE, creditCode: %q, gridID: %d}) { id }`, unit2, w.grid.ID),
			`updateUnit(id: $id, input: {employees: 55, aboveDesignatedSize: true}) { id }`, "employees", "55"},
		{"UnitCoverage",
			fmt.Sprintf(`createUnitCoverage(input: {organizationID: %d, unitID: %d, startedOn: "2021-01-01"}) { id }`, w.gridBranch.ID, w.unit.ID),
			`updateUnitCoverage(id: $id, input: {note: "挂靠"}) { id }`, "note", `"挂靠"`},
		{"Member",
			fmt.Sprintf(`createMember(input: {name: "李某002", gender: FEMALE, status: PROBATIONARY, category: RETIRED, joinedPartyOn: "2024-06-01", residenceGridID: %d, phone: "13800000002"}) { id }`, w.grid.ID),
			`updateMember(id: $id, input: {status: FULL, ethnicity: "回族"}) { id }`, "status", `"FULL"`},
		{"Membership",
			fmt.Sprintf(`createMembership(input: {memberID: %d, organizationID: %d, startedOn: "2024-06-01", startReason: JOINED_PARTY}) { id }`, 0, w.gridBranch.ID),
			`updateMembership(id: $id, input: {note: "入党"}) { id }`, "note", `"入党"`},
		{"MobileReport", "", "", "", ""},
		{"AffiliatedOrganization",
			fmt.Sprintf(`createAffiliatedOrganization(input: {name: "示例驾校工会", kind: UNION, unitID: %d}) { id }`, w.unit.ID),
			`updateAffiliatedOrganization(id: $id, input: {membersCount: 30}) { id }`, "membersCount", "30"},
		{"Appointment",
			fmt.Sprintf(`createAppointment(input: {role: SECRETARY, organizationID: %d, memberID: %d, startedOn: "2020-03-01"}) { id }`, w.gridBranch.ID, w.member.ID),
			`updateAppointment(id: $id, input: {title: "书记"}) { id }`, "title", `"书记"`},
		{"Term",
			fmt.Sprintf(`createTerm(input: {organizationID: %d, startedOn: "2023-01-01", dueOn: "2026-01-01"}) { id }`, w.gridBranch.ID),
			`updateTerm(id: $id, input: {renewedOn: "2025-12-20"}) { id }`, "renewedOn", `"2025-12-20"`},
		{"Meeting",
			fmt.Sprintf(`createMeeting(input: {organizationID: %d, type: MONTHLY_MEETING, heldOn: "2025-03-05", expectedAttendance: 20, attendance: 18, attendeeIDs: [%d]}) { id }`, w.gridBranch.ID, w.member.ID),
			`updateMeeting(id: $id, input: {topic: "网格月例会"}) { id }`, "topic", `"网格月例会"`},
		{"Exemption",
			fmt.Sprintf(`createExemption(input: {organizationID: %d, meetingType: PARTY_GROUP_MEETING, reason: "成员均外出务工", startedOn: "2025-01-01"}) { id }`, w.pg.ID),
			`updateExemption(id: $id, input: {endedOn: "2025-06-01"}) { id }`, "endedOn", `"2025-06-01"`},
		{"Assessment",
			fmt.Sprintf(`createAssessment(input: {year: 2024, score: 92.5, grade: GOOD, organizationID: %d, leadershipGood: true}) { id }`, w.general.ID),
			`updateAssessment(id: $id, input: {score: 88}) { id }`, "score", "88"},
		{"RuleSetting",
			`createRuleSetting(input: {key: "BRANCH_MAX_MEMBERS", organizationKind: GRID_BRANCH, value: 40}) { id }`,
			`updateRuleSetting(id: $id, input: {value: 45}) { id }`, "value", "45"},
	}
	var newMember string
	for _, tc := range cases {
		t.Run(tc.typ, func(t *testing.T) {
			create, update := tc.create, tc.update
			switch tc.typ {
			case "Membership":
				create = strings.Replace(create, "memberID: 0", "memberID: "+newMember, 1)
			case "MobileReport":
				var out struct{ CreateMember struct{ ID string } }
				w.api.Do(&out, `mutation { createMember(input: {name: "赵某003", gender: MALE, status: FULL, category: MOBILE, mobility: OUTFLOW, mobilePlace: "乌鲁木齐", joinedPartyOn: "2001-07-01"}) { id } }`)
				create = fmt.Sprintf(`createMobileReport(input: {memberID: %s, reportedOn: "2025-05-02", channel: PHONE}) { id }`, out.CreateMember.ID)
				update = `updateMobileReport(id: $id, input: {note: "电话汇报"}) { id }`
				tc.check, tc.want = "note", `"电话汇报"`
			}
			var created map[string]struct{ ID string }
			w.api.Do(&created, "mutation { "+create+" }")
			var newID string
			for _, v := range created {
				newID = v.ID
			}
			if tc.typ == "Member" {
				newMember = newID
			}
			w.api.Do(nil, "mutation($id: ID!) { "+update+" }", "id", newID)
			var read struct{ Node map[string]json.RawMessage }
			w.api.Do(&read, fmt.Sprintf(`query($id: ID!) { node(id: $id) { __typename id ... on %s { %s } } }`, tc.typ, tc.check), "id", newID)
			if got := string(read.Node["__typename"]); got != `"`+tc.typ+`"` {
				t.Errorf("node(%s) is a %s, want %s", newID, got, tc.typ)
			}
			if got := string(read.Node[tc.check]); got != tc.want {
				t.Errorf("%s after update: got %s, want %s", tc.check, got, tc.want)
			}
		})
	}
}

// TestUpdateOfMissingRecord reports NOT_FOUND.
func TestUpdateOfMissingRecord(t *testing.T) {
	w := newWorld(t)
	w.refused(t, "NOT_FOUND", "id", `mutation { updateUnit(id: 12345, input: {employees: 1}) { id } }`)
}

// TestNothingIsDeleted: the API offers no delete, and the data layer refuses one.
func TestNothingIsDeleted(t *testing.T) {
	w := newWorld(t)
	e := w.api.Fail(`mutation { deleteUnit(id: 1) }`)
	if e.Code() != "GRAPHQL_VALIDATION_FAILED" {
		t.Errorf("deleteUnit: got %s (%s), want GRAPHQL_VALIDATION_FAILED", e.Code(), e.Message)
	}
}
