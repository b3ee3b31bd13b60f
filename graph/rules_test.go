package graph_test

import (
	"fmt"
	"strings"
	"testing"
)

// TestRulesOfTheModel sends writes that break each rule of the model and
// checks the error names the field and the reason, and that nothing was written.
func TestRulesOfTheModel(t *testing.T) {
	w := newWorld(t)
	cases := []struct {
		name, code, field, query, reason string
	}{
		{"a Party group only under a branch", "BAD_USER_INPUT", "parentID",
			fmt.Sprintf(`mutation { createOrganization(input: {name: "错位党小组", kind: PARTY_GROUP, formation: TERRITORIAL, establishedOn: "2022-01-01", parentID: %d}) { id } }`, w.general.ID),
			"PARTY_GROUP must sit under a BRANCH or GRID_BRANCH"},
		{"a Party group needs a branch", "BAD_USER_INPUT", "parentID",
			`mutation { createOrganization(input: {name: "孤立党小组", kind: PARTY_GROUP, formation: TERRITORIAL, establishedOn: "2022-01-01"}) { id } }`,
			"PARTY_GROUP must sit under"},
		{"moving a Party group under a general branch", "BAD_USER_INPUT", "parentID",
			fmt.Sprintf(`mutation { updateOrganization(id: %d, input: {parentID: %d}) { id } }`, w.pg.ID, w.general.ID),
			"not under 一号社区党总支"},
		{"a grid only under a community", "BAD_USER_INPUT", "parentID",
			fmt.Sprintf(`mutation { createArea(input: {name: "错位网格", kind: GRID, parentID: %d}) { id } }`, w.sub.ID),
			"GRID must sit under a COMMUNITY"},
		{"no cycle through a descendant", "CONFLICT", "parentID",
			fmt.Sprintf(`mutation { updateOrganization(id: %d, input: {parentID: %d}) { id } }`, w.general.ID, w.gridBranch.ID),
			"cycle"},
		{"no organisation as its own parent", "CONFLICT", "parentID",
			fmt.Sprintf(`mutation { updateOrganization(id: %d, input: {parentID: %d}) { id } }`, w.general.ID, w.general.ID),
			"cycle"},
		{"no second current membership", "CONFLICT", "memberID",
			fmt.Sprintf(`mutation { createMembership(input: {memberID: %d, organizationID: %d, startedOn: "2024-01-01", startReason: TRANSFERRED_IN}) { id } }`, w.member.ID, w.general.ID),
			"already has a membership in 一号网格党支部"},
		{"a membership does not end before it starts", "BAD_USER_INPUT", "endedOn",
			fmt.Sprintf(`mutation { updateMembership(id: %d, input: {endedOn: "2019-12-31", endReason: TRANSFERRED_OUT}) { id } }`, w.membership.ID),
			"2019-12-31 is before startedOn 2020-03-01"},
		{"an appointment does not end before it starts", "BAD_USER_INPUT", "endedOn",
			fmt.Sprintf(`mutation { createAppointment(input: {role: SECRETARY, organizationID: %d, memberID: %d, startedOn: "2024-01-01", endedOn: "2023-01-01"}) { id } }`, w.gridBranch.ID, w.member.ID),
			"before startedOn"},
		{"a unit coverage does not end before it starts", "BAD_USER_INPUT", "endedOn",
			fmt.Sprintf(`mutation { createUnitCoverage(input: {organizationID: %d, unitID: %d, startedOn: "2024-01-01", endedOn: "2022-01-01"}) { id } }`, w.gridBranch.ID, w.unit.ID),
			"before startedOn"},
		{"a term is due after it starts", "BAD_USER_INPUT", "dueOn",
			fmt.Sprintf(`mutation { createTerm(input: {organizationID: %d, startedOn: "2024-01-01", dueOn: "2023-01-01"}) { id } }`, w.gridBranch.ID),
			"not after startedOn"},
		{"a credit code's check character", "BAD_USER_INPUT", "creditCode",
			fmt.Sprintf(`mutation { createUnit(input: {name: "假代码公司", kind: NON_PUBLIC_ENTERPRISE, creditCode: "91652302MA00000000", gridID: %d}) { id } }`, w.grid.ID),
			"check character"},
		{"a credit code's length", "BAD_USER_INPUT", "creditCode",
			fmt.Sprintf(`mutation { createUnit(input: {name: "短代码公司", kind: NON_PUBLIC_ENTERPRISE, creditCode: "916523", gridID: %d}) { id } }`, w.grid.ID),
			"18 characters"},
		{"a credit code used once", "CONFLICT", "creditCode",
			fmt.Sprintf(`mutation { createUnit(input: {name: "重复公司", kind: NON_PUBLIC_ENTERPRISE, creditCode: %q, gridID: %d}) { id } }`, creditCode(1), w.grid.ID),
			"already registered to 示例驾校"},
		{"a boundary ring must be closed", "BAD_USER_INPUT", "boundary",
			fmt.Sprintf(`mutation { updateArea(id: %d, input: {boundary: {type: "Polygon", coordinates: [[[87.9,44.1],[88.0,44.1],[88.0,44.2],[87.9,44.2]]]}}) { id } }`, w.grid.ID),
			"not closed"},
		{"a boundary must be a polygon", "BAD_USER_INPUT", "boundary",
			fmt.Sprintf(`mutation { updateArea(id: %d, input: {boundary: {type: "Point", coordinates: [87.9, 44.1]}}) { id } }`, w.grid.ID),
			"not a polygon"},
		{"a boundary in longitude and latitude", "BAD_USER_INPUT", "boundary",
			fmt.Sprintf(`mutation { updateArea(id: %d, input: {boundary: {type: "Polygon", coordinates: [[[500,44],[501,44],[501,45],[500,44]]]}}) { id } }`, w.grid.ID),
			"outside longitude"},
		{"a boundary is an object", "BAD_USER_INPUT", "boundary",
			fmt.Sprintf(`mutation { updateArea(id: %d, input: {boundary: 7}) { id } }`, w.grid.ID),
			"must be an object"},
		{"a date is a calendar date", "BAD_USER_INPUT", "establishedOn",
			`mutation { createOrganization(input: {name: "日期错误", kind: BRANCH, formation: STANDALONE, establishedOn: "2024-02-30"}) { id } }`,
			"not a date written YYYY-MM-DD"},
		{"a referenced record exists", "NOT_FOUND", "gridID",
			`mutation { createUnit(input: {name: "无网格公司", kind: MARKET, gridID: 99999}) { id } }`,
			"no Area has ID 99999"},
		{"a unit lies in a grid", "BAD_USER_INPUT", "gridID",
			fmt.Sprintf(`mutation { createUnit(input: {name: "社区公司", kind: MARKET, gridID: %d}) { id } }`, w.community.ID),
			"is a COMMUNITY; want a GRID"},
		{"a mobile member has a direction", "BAD_USER_INPUT", "mobility",
			`mutation { createMember(input: {name: "钱某004", gender: MALE, status: FULL, category: MOBILE, joinedPartyOn: "2001-07-01"}) { id } }`,
			"needs a direction"},
		{"a phone number", "BAD_USER_INPUT", "phone",
			`mutation { createMember(input: {name: "孙某005", gender: MALE, status: FULL, category: RETIRED, joinedPartyOn: "1980-07-01", phone: "12345"}) { id } }`,
			"11-digit mobile"},
		{"an ID number's check character", "BAD_USER_INPUT", "idNumber",
			`mutation { createMember(input: {name: "周某006", gender: FEMALE, status: FULL, category: RETIRED, joinedPartyOn: "1980-07-01", idNumber: "652302195001010000"}) { id } }`,
			"check character"},
		{"attendance within the expected", "BAD_USER_INPUT", "attendance",
			fmt.Sprintf(`mutation { createMeeting(input: {organizationID: %d, type: MONTHLY_MEETING, heldOn: "2025-03-05", expectedAttendance: 10, attendance: 12}) { id } }`, w.gridBranch.ID),
			"12 present is more than the 10 expected"},
		{"a meeting while the organisation existed", "BAD_USER_INPUT", "heldOn",
			fmt.Sprintf(`mutation { createMeeting(input: {organizationID: %d, type: MONTHLY_MEETING, heldOn: "2019-03-05", expectedAttendance: 10, attendance: 9}) { id } }`, w.gridBranch.ID),
			"did not exist on 2019-03-05"},
		{"a blank name", "BAD_USER_INPUT", "name",
			fmt.Sprintf(`mutation { createArea(input: {name: "  ", kind: GRID, parentID: %d}) { id } }`, w.community.ID),
			"must not be empty"},
		{"a negative count", "BAD_USER_INPUT", "residents",
			fmt.Sprintf(`mutation { updateArea(id: %d, input: {residents: -5}) { id } }`, w.grid.ID),
			"negative"},
		{"a score out of 100", "BAD_USER_INPUT", "score",
			fmt.Sprintf(`mutation { createAssessment(input: {year: 2024, score: 120, grade: GOOD, organizationID: %d}) { id } }`, w.general.ID),
			"not a score from 0 to 100"},
		{"a known rule setting", "BAD_USER_INPUT", "key",
			`mutation { createRuleSetting(input: {key: "NO_SUCH_RULE", value: 1}) { id } }`,
			"is not a rule setting"},
		{"one secretary at a time", "CONFLICT", "startedOn", "", "already has a SECRETARY"},
		{"a later mutation's failure undoes an earlier one", "CONFLICT", "memberID",
			fmt.Sprintf(`mutation {
				a: createArea(input: {name: "三号网格", kind: GRID, parentID: %d}) { id }
				b: createMembership(input: {memberID: %d, organizationID: %d, startedOn: "2024-01-01", startReason: TRANSFERRED_IN}) { id }
			}`, w.community.ID, w.member.ID, w.general.ID),
			"already has a membership"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if tc.query == "" { // one secretary at a time: the first appointment succeeds
				w.api.Do(nil, fmt.Sprintf(`mutation { createAppointment(input: {role: SECRETARY, organizationID: %d, memberID: %d, startedOn: "2021-01-01"}) { id } }`, w.general.ID, w.member.ID))
				tc.query = fmt.Sprintf(`mutation { createAppointment(input: {role: SECRETARY, organizationID: %d, holderName: "吴某007", startedOn: "2024-01-01"}) { id } }`, w.general.ID)
			}
			e := w.refused(t, tc.code, tc.field, tc.query)
			if !strings.Contains(e.Message, tc.reason) {
				t.Errorf("message %q does not say %q", e.Message, tc.reason)
			}
			for _, leak := range []string{"SQL", "sql:", "constraint", "sqlite", "UNIQUE", "ent:", "goroutine"} {
				if strings.Contains(e.Message, leak) {
					t.Errorf("message %q leaks %q", e.Message, leak)
				}
			}
		})
	}
}
