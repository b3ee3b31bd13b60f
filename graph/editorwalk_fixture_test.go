package graph_test

import (
	"context"
	"strconv"
	"testing"
	"time"

	"jiceng/calendar"
	"jiceng/graph/graphtest"
	"jiceng/policy"
	"jiceng/viewer"
)

// border is the town with a second community (远社区) beyond its border,
// built through the API as an administrator, and an editor of the town's
// community (历史社区). Each kind of record exists once inside the
// editor's area (in*) and once outside it (far*).
type border struct {
	*town
	editor *graphtest.Client
	// outside: the far community, its grids, its general branch and grid branch, a unit and members.
	far, farGrid, farGrid2, farGeneral, farOrg, farUnit, farMember, farProb, farLoner string
	// inside: a member, a probationary member, one with no relationship, a mobile member, a unit in the west grid.
	member, prob, loner, mobile, westUnit string
	farMobile                             string
	in, out                               map[string]string // a record of each kind by type name
	ruleSetting, inItem, outItem          string
}

func newBorder(t *testing.T) *border {
	t.Helper()
	w := newTown(t)
	b := &border{town: w, in: map[string]string{}, out: map[string]string{}}
	b.far = w.create("Area", map[string]any{"name": "远社区", "kind": "COMMUNITY", "parentID": w.sub})
	b.farGrid = w.create("Area", map[string]any{"name": "远网格", "kind": "GRID", "parentID": b.far, "residents": 500})
	b.farGrid2 = w.create("Area", map[string]any{"name": "远二网格", "kind": "GRID", "parentID": b.far, "residents": 300})
	b.farGeneral = w.create("Organization", map[string]any{"name": "远社区党总支", "kind": "GENERAL_BRANCH",
		"formation": "TERRITORIAL", "establishedOn": "2000-01-01", "parentID": w.committee, "areaIDs": []string{b.far}})
	b.farOrg = w.create("Organization", map[string]any{"name": "远网格党支部", "kind": "GRID_BRANCH",
		"formation": "TERRITORIAL", "establishedOn": "2000-01-01", "parentID": b.farGeneral, "areaIDs": []string{b.farGrid}})
	b.farUnit = w.create("Unit", map[string]any{"name": "远处企业", "kind": "NON_PUBLIC_ENTERPRISE", "employees": 20, "gridID": b.farGrid})
	b.westUnit = w.create("Unit", map[string]any{"name": "西边工厂", "kind": "NON_PUBLIC_ENTERPRISE", "employees": 9, "gridID": w.west})

	ships := map[string]string{}
	person := func(status, grid, org string) string {
		category := "IN_SERVICE"
		if status == "MOBILE" {
			status, category = "FULL", "MOBILE"
		}
		in := map[string]any{"name": "边界党员", "gender": "FEMALE", "status": status, "category": category,
			"joinedPartyOn": "2010-07-01", "residenceGridID": grid}
		if category == "MOBILE" {
			in["mobility"], in["mobilePlace"] = "OUTFLOW", "乌鲁木齐"
		}
		if status == "PROBATIONARY" {
			in["joinedPartyOn"] = "2023-05-20"
		}
		id := w.create("Member", in)
		if org != "" {
			ships[id] = w.create("Membership", map[string]any{"memberID": id, "organizationID": org, "startedOn": "2023-05-20", "startReason": "TRANSFERRED_IN"})
		}
		return id
	}
	b.member, b.farMember = person("FULL", w.east, w.eastOrg), person("FULL", b.farGrid, b.farOrg)
	b.prob, b.farProb = person("PROBATIONARY", w.east, w.eastOrg), person("PROBATIONARY", b.farGrid, b.farOrg)
	b.loner, b.farLoner = person("FULL", w.west, ""), person("FULL", b.farGrid, "")
	b.mobile, b.farMobile = person("MOBILE", w.east, w.eastOrg), person("MOBILE", b.farGrid, b.farOrg)

	// One record of each kind on either side of the border.
	for _, s := range []struct {
		m                  map[string]string
		general, org, unit string
		member, mobile     string
	}{{b.in, w.general, w.eastOrg, w.unit, b.member, b.mobile}, {b.out, b.farGeneral, b.farOrg, b.farUnit, b.farMember, b.farMobile}} {
		s.m["Membership"] = ships[s.member]
		s.m["UnitCoverage"] = w.create("UnitCoverage", map[string]any{"organizationID": s.org, "unitID": s.unit, "startedOn": "2020-01-01"})
		s.m["Appointment"] = w.create("Appointment", map[string]any{"role": "COMMITTEE_MEMBER", "organizationID": s.general, "memberID": s.member, "startedOn": "2020-01-01"})
		s.m["Term"] = w.create("Term", map[string]any{"organizationID": s.general, "startedOn": "2021-01-01", "dueOn": "2026-01-01"})
		s.m["Meeting"] = w.create("Meeting", map[string]any{"organizationID": s.org, "type": "THEMED_PARTY_DAY", "heldOn": "2024-03-01", "expectedAttendance": 1, "attendance": 1})
		s.m["Exemption"] = w.create("Exemption", map[string]any{"organizationID": s.general, "meetingType": "PARTY_LECTURE", "reason": "换届", "startedOn": "2024-01-01", "endedOn": "2024-03-31"})
		s.m["Assessment"] = w.create("Assessment", map[string]any{"organizationID": s.general, "year": 2022, "score": 90, "grade": "GOOD"})
		s.m["InstructorVisit"] = w.create("InstructorVisit", map[string]any{"unitID": s.unit, "visitedOn": "2024-02-01"})
		s.m["AffiliatedOrganization"] = w.create("AffiliatedOrganization", map[string]any{"name": "工会", "kind": "UNION", "unitID": s.unit})
		s.m["MobileReport"] = w.create("MobileReport", map[string]any{"memberID": s.mobile, "reportedOn": "2024-02-01", "channel": "PHONE"})
	}

	var rs struct {
		RuleSettings struct{ Nodes []struct{ ID string } }
	}
	w.api.Do(&rs, `{ ruleSettings(where: {key: "ORG_REQUIRED_FULL_MEMBERS", organizationKindIsNil: true}) { nodes { id } } }`)
	if len(rs.RuleSettings.Nodes) == 0 {
		t.Fatal("no rule setting ORG_REQUIRED_FULL_MEMBERS")
	}
	b.ruleSetting = rs.RuleSettings.Nodes[0].ID

	// Two uncovered grids with residents give one ledger item each side.
	w.api.Do(nil, `mutation($id: ID!) { updateArea(id: $id, input: {residents: 300}) { id } }`, "id", w.west)
	hand := func(area string) string {
		var made struct{ CreateRectifications []struct{ ID string } }
		w.api.Do(&made, `mutation($in: CreateRectificationsInput!) { createRectifications(input: $in) { id } }`,
			"in", map[string]any{"areaID": area, "rules": []string{"WORK_GRID_UNCOVERED"}, "deadline": calendar.Today().AddDate(0, 2, 0).Format(time.DateOnly)})
		if len(made.CreateRectifications) != 1 {
			t.Fatalf("handing over the gaps of %s: %+v", area, made)
		}
		return made.CreateRectifications[0].ID
	}
	b.inItem, b.outItem = hand(w.community), hand(b.far)

	community, _ := strconv.Atoi(w.community)
	b.editor = w.api.As(viewer.Editor, community)
	return b
}

// rows counts every table a write can reach, audit entries and periods
// included, so that a refused update is seen as well as a refused create.
func (b *border) rows(t *testing.T) map[string]int {
	t.Helper()
	n := (&world{store: b.store}).counts(t)
	ctx := policy.System(context.Background())
	c := b.store.Client
	n["audit"] = c.AuditEntry.Query().CountX(ctx)
	n["periods"] = c.Period.Query().CountX(ctx)
	n["rectifications"] = c.Rectification.Query().CountX(ctx)
	n["notes"] = c.RectificationNote.Query().CountX(ctx)
	return n
}
