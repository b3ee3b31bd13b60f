package graph_test

import (
	"fmt"
	"sort"
	"time"

	"jiceng/calendar"
	"strings"
	"testing"
	"unicode"
)

// A step is one request: its document and variables.
type step func(b *border) (string, []any)

// walkCase is what an editor of 历史社区 may do with one mutation: on
// records inside the area (succeeds, or is refused with insideWant for a
// reason that has nothing to do with areas), on records outside it, and
// where the mutation can move or link a record, across the border. An
// adminOnly mutation is refused to the editor as such, with that reason.
type walkCase struct {
	inside, outside step
	across          []step
	insideWant      string
	adminOnly       string
}

// create and update write the usual documents: input-only mutations and
// the (id, input) updates of the register.
func create(name, input string, in func(b *border) map[string]any) step {
	return func(b *border) (string, []any) {
		return `mutation($in: ` + input + `!) { r: ` + name + `(input: $in) { __typename } }`, []any{"in", in(b)}
	}
}

func update(name, input string, id func(b *border) string, in func(b *border) map[string]any) step {
	return func(b *border) (string, []any) {
		return `mutation($id: ID!, $in: ` + input + `!) { r: ` + name + `(id: $id, input: $in) { __typename } }`, []any{"id", id(b), "in", in(b)}
	}
}

// kv builds an input; values of type fn are read from the border.
type fn func(b *border) any

func kv(pairs ...any) func(b *border) map[string]any {
	return func(b *border) map[string]any {
		m := map[string]any{}
		for i := 0; i < len(pairs); i += 2 {
			v := pairs[i+1]
			if f, ok := v.(fn); ok {
				v = f(b)
			}
			m[pairs[i].(string)] = v
		}
		return m
	}
}

// Fields of the border, for kv.
var (
	atEast       fn = func(b *border) any { return b.east }
	atWest       fn = func(b *border) any { return b.west }
	atCommunity  fn = func(b *border) any { return b.community }
	atGeneral    fn = func(b *border) any { return b.general }
	atEastOrg    fn = func(b *border) any { return b.eastOrg }
	atEastUnit   fn = func(b *border) any { return b.unit }
	atWestUnit   fn = func(b *border) any { return b.westUnit }
	atMember     fn = func(b *border) any { return b.member }
	atProb       fn = func(b *border) any { return b.prob }
	atLoner      fn = func(b *border) any { return b.loner }
	atFar        fn = func(b *border) any { return b.far }
	atFarGrid    fn = func(b *border) any { return b.farGrid }
	atFarGeneral fn = func(b *border) any { return b.farGeneral }
	atFarOrg     fn = func(b *border) any { return b.farOrg }
	atFarUnit    fn = func(b *border) any { return b.farUnit }
	atFarMember  fn = func(b *border) any { return b.farMember }
	atFarProb    fn = func(b *border) any { return b.farProb }
	atFarLoner   fn = func(b *border) any { return b.farLoner }
	atMobile     fn = func(b *border) any { return b.mobile }
	atFarMobile  fn = func(b *border) any { return b.farMobile }
)

func list(f fn) fn { return func(b *border) any { return []any{f(b)} } }
func inRec(typ string) func(b *border) string {
	return func(b *border) string { return b.in[typ] }
}
func outRec(typ string) func(b *border) string {
	return func(b *border) string { return b.out[typ] }
}
func areaID(f fn) func(b *border) string { return func(b *border) string { return f(b).(string) } }

// updates is the case of an update of the register: the record of typ
// inside and outside changed by in, and moved across the border by across.
func updates(name, typ string, in, across func(b *border) map[string]any) walkCase {
	c := walkCase{inside: update(name, "Update"+typ+"Input", inRec(typ), in), outside: update(name, "Update"+typ+"Input", outRec(typ), in)}
	if across != nil {
		c.across = []step{update(name, "Update"+typ+"Input", inRec(typ), across)}
	}
	return c
}

// creates is the case of a create: one input inside, one outside, one that
// links a record inside to one outside.
func creates(name string, in, out, across func(b *border) map[string]any) walkCase {
	input := strings.ToUpper(name[:1]) + name[1:] + "Input"
	c := walkCase{inside: create(name, input, in), outside: create(name, input, out)}
	if across != nil {
		c.across = []step{create(name, input, across)}
	}
	return c
}

// byMember is the case of an operation on a member, a unit or an
// organisation: the same input on a record either side.
func byMember(name, input string, field string, m, farM fn, rest ...any) walkCase {
	return walkCase{inside: create(name, input, kv(append([]any{field, m}, rest...)...)),
		outside: create(name, input, kv(append([]any{field, farM}, rest...)...))}
}

// stated is c refused inside for the reason want (CODE/REASON).
func stated(c walkCase, want string) walkCase { c.insideWant = want; return c }

// withAdmin is s after an administrator links the far member to the
// inside record of typ (the east grid's branch for ""), with doc.
func withAdmin(doc, typ string, s step) step {
	return func(b *border) (string, []any) {
		id := b.eastOrg
		if typ != "" {
			id = b.in[typ]
		}
		b.api.Do(nil, doc, "id", id, "m", b.farMember)
		return s(b)
	}
}

// also adds more ways across the border to c.
func also(c walkCase, more ...step) walkCase { c.across = append(c.across, more...); return c }

func adminOnly(name string, s step) walkCase { return walkCase{inside: s, adminOnly: name} }

const day = "2024-06-01"

var walkCases = map[string]walkCase{
	"confirmMember":   byMember("confirmMember", "ConfirmMemberInput", "memberID", atProb, atFarProb, "on", day),
	"extendProbation": byMember("extendProbation", "ExtendProbationInput", "memberID", atProb, atFarProb, "until", "2024-11-20", "reason", "考察"),
	"moveMember": func() walkCase {
		c := byMember("moveMember", "MoveMemberInput", "memberID", atMember, atFarMember, "residenceGridID", atWest, "on", day)
		c.across = []step{create("moveMember", "MoveMemberInput", kv("memberID", atMember, "residenceGridID", atFarGrid, "on", day))}
		return c
	}(),
	"changeWorkUnit": {
		inside:  create("changeWorkUnit", "ChangeWorkUnitInput", kv("memberID", atMember, "workUnitID", atWestUnit, "on", day)),
		outside: create("changeWorkUnit", "ChangeWorkUnitInput", kv("memberID", atFarMember, "workUnitID", atFarUnit, "on", day)),
		across:  []step{create("changeWorkUnit", "ChangeWorkUnitInput", kv("memberID", atMember, "workUnitID", atFarUnit, "on", day))},
	},
	"changeMemberCategory": byMember("changeMemberCategory", "ChangeMemberCategoryInput", "memberID", atMember, atFarMember, "category", "RETIRED", "on", day),
	"flowMember":           byMember("flowMember", "FlowMemberInput", "memberID", atMember, atFarMember, "direction", "OUTFLOW", "place", "乌鲁木齐", "on", day),
	"moveUnit": func() walkCase {
		c := byMember("moveUnit", "MoveUnitInput", "unitID", atEastUnit, atFarUnit, "gridID", atWest, "on", day)
		c.across = []step{create("moveUnit", "MoveUnitInput", kv("unitID", atEastUnit, "gridID", atFarGrid, "on", day))}
		return c
	}(),
	"resizeUnit": byMember("resizeUnit", "ResizeUnitInput", "unitID", atEastUnit, atFarUnit, "employees", 33, "on", day),
	"changeOrganizationAreas": {
		inside:  create("changeOrganizationAreas", "ChangeOrganizationAreasInput", kv("organizationID", atEastOrg, "addAreaIDs", list(atWest), "on", day)),
		outside: create("changeOrganizationAreas", "ChangeOrganizationAreasInput", kv("organizationID", atFarOrg, "addAreaIDs", list(atFarGrid), "on", day)),
		across:  []step{create("changeOrganizationAreas", "ChangeOrganizationAreasInput", kv("organizationID", atEastOrg, "addAreaIDs", list(atFarGrid), "on", day))},
	},
	"changeRuleSetting": adminOnly("ADMIN_ONLY", func(b *border) (string, []any) {
		return `mutation($in: ChangeRuleSettingInput!) { r: changeRuleSetting(input: $in) { __typename } }`, []any{"in", map[string]any{"id": b.ruleSetting, "value": 4, "on": day}}
	}),
	// An editor's areas are fixed when they sign in, so a grid the editor
	// creates is not yet one of them: creating an area is refused for
	// where the new area lands (an administrator's task in practice).
	"createArea": stated(creates("createArea", kv("name", "新网格", "kind", "GRID", "parentID", atCommunity),
		kv("name", "新网格", "kind", "GRID", "parentID", atFar), nil), "FORBIDDEN/OUTSIDE_AREAS"),
	"updateArea": {
		inside:  update("updateArea", "UpdateAreaInput", areaID(atEast), kv("residents", 810)),
		outside: update("updateArea", "UpdateAreaInput", areaID(atFarGrid), kv("residents", 810)),
		across:  []step{update("updateArea", "UpdateAreaInput", areaID(atEast), kv("parentID", atFar))},
	},
	"createOrganization": also(creates("createOrganization",
		kv("name", "西网格党支部", "kind", "GRID_BRANCH", "formation", "TERRITORIAL", "establishedOn", "2024-01-01", "parentID", atGeneral, "areaIDs", list(atWest)),
		kv("name", "远二网格党支部", "kind", "GRID_BRANCH", "formation", "TERRITORIAL", "establishedOn", "2024-01-01", "parentID", atFarGeneral, "areaIDs", list(atFarGrid)),
		kv("name", "越界党支部", "kind", "GRID_BRANCH", "formation", "TERRITORIAL", "establishedOn", "2024-01-01", "parentID", atGeneral, "areaIDs", list(atFarGrid))),
		create("createOrganization", "CreateOrganizationInput", kv("name", "西网格党支部", "kind", "GRID_BRANCH", "formation", "TERRITORIAL", "establishedOn", "2024-01-01", "parentID", atGeneral, "areaIDs", list(atWest), "siteMemberIDs", list(atFarMember))),
		create("createOrganization", "CreateOrganizationInput", kv("name", "西网格党支部", "kind", "GRID_BRANCH", "formation", "TERRITORIAL", "establishedOn", "2024-01-01", "parentID", atFarGeneral, "areaIDs", list(atWest)))),
	"updateOrganization": also(walkCase{
		inside:  update("updateOrganization", "UpdateOrganizationInput", areaID(atEastOrg), kv("name", "东网格第一党支部")),
		outside: update("updateOrganization", "UpdateOrganizationInput", areaID(atFarOrg), kv("name", "改名")),
		across:  []step{update("updateOrganization", "UpdateOrganizationInput", areaID(atEastOrg), kv("addAreaIDs", list(atFarGrid)))},
	},
		update("updateOrganization", "UpdateOrganizationInput", areaID(atEastOrg), kv("addSiteMemberIDs", list(atFarMember))),
		withAdmin(`mutation($id: ID!, $m: ID!) { updateOrganization(id: $id, input: {addSiteMemberIDs: [$m]}) { id } }`, "",
			update("updateOrganization", "UpdateOrganizationInput", areaID(atEastOrg), kv("clearSiteMembers", true))),
		update("updateOrganization", "UpdateOrganizationInput", areaID(atEastOrg), kv("parentID", atFarGeneral))),
	"createUnit": creates("createUnit", kv("name", "新厂", "kind", "MARKET", "gridID", atWest), kv("name", "新厂", "kind", "MARKET", "gridID", atFarGrid), nil),
	"updateUnit": {
		inside:  update("updateUnit", "UpdateUnitInput", areaID(atEastUnit), kv("name", "历史企业二厂")),
		outside: update("updateUnit", "UpdateUnitInput", areaID(atFarUnit), kv("name", "改名")),
		across:  []step{update("updateUnit", "UpdateUnitInput", areaID(atEastUnit), kv("gridID", atFarGrid))},
	},
	"createUnitCoverage": creates("createUnitCoverage", kv("organizationID", atEastOrg, "unitID", atWestUnit, "startedOn", "2024-01-01"),
		kv("organizationID", atFarOrg, "unitID", atFarUnit, "startedOn", "2024-01-01"),
		kv("organizationID", atEastOrg, "unitID", atFarUnit, "startedOn", "2024-01-01")),
	"updateUnitCoverage": also(updates("updateUnitCoverage", "UnitCoverage", kv("note", "联建"), kv("unitID", atFarUnit)),
		update("updateUnitCoverage", "UpdateUnitCoverageInput", inRec("UnitCoverage"), kv("organizationID", atFarOrg))),
	"createMember": creates("createMember",
		kv("name", "新党员", "gender", "MALE", "status", "FULL", "category", "IN_SERVICE", "joinedPartyOn", "2015-07-01", "residenceGridID", atWest),
		kv("name", "新党员", "gender", "MALE", "status", "FULL", "category", "IN_SERVICE", "joinedPartyOn", "2015-07-01", "residenceGridID", atFarGrid),
		kv("name", "新党员", "gender", "MALE", "status", "FULL", "category", "IN_SERVICE", "joinedPartyOn", "2015-07-01", "residenceGridID", atWest, "workUnitID", atFarUnit)),
	"updateMember": also(walkCase{
		inside:  update("updateMember", "UpdateMemberInput", areaID(atMember), kv("ethnicity", "汉族")),
		outside: update("updateMember", "UpdateMemberInput", areaID(atFarMember), kv("ethnicity", "汉族")),
		across:  []step{update("updateMember", "UpdateMemberInput", areaID(atMember), kv("residenceGridID", atFarGrid))},
	},
		update("updateMember", "UpdateMemberInput", areaID(atMember), kv("workUnitID", atFarUnit)),
		update("updateMember", "UpdateMemberInput", areaID(atMember), kv("clearResidenceGrid", true, "workUnitID", atFarUnit))),
	"createMobileReport": creates("createMobileReport", kv("memberID", atMobile, "reportedOn", "2024-04-01"), kv("memberID", atFarMobile, "reportedOn", "2024-04-01"), nil),
	"updateMobileReport": updates("updateMobileReport", "MobileReport", kv("note", "电话汇报"), kv("memberID", atFarMobile)),
	"createMembership": creates("createMembership",
		kv("memberID", atLoner, "organizationID", atEastOrg, "startedOn", "2024-01-01", "startReason", "TRANSFERRED_IN"),
		kv("memberID", atFarLoner, "organizationID", atFarOrg, "startedOn", "2024-01-01", "startReason", "TRANSFERRED_IN"),
		kv("memberID", atLoner, "organizationID", atFarOrg, "startedOn", "2024-01-01", "startReason", "TRANSFERRED_IN")),
	"updateMembership": also(updates("updateMembership", "Membership", kv("note", "转入"), kv("organizationID", atFarOrg)),
		update("updateMembership", "UpdateMembershipInput", inRec("Membership"), kv("memberID", atFarMember))),
	"createAffiliatedOrganization": creates("createAffiliatedOrganization", kv("name", "妇联", "kind", "WOMENS_ORGANIZATION", "unitID", atWestUnit),
		kv("name", "妇联", "kind", "WOMENS_ORGANIZATION", "unitID", atFarUnit), kv("name", "妇联", "kind", "WOMENS_ORGANIZATION", "unitID", atWestUnit, "communityID", atFar)),
	"updateAffiliatedOrganization": also(updates("updateAffiliatedOrganization", "AffiliatedOrganization", kv("membersCount", 12), kv("unitID", atFarUnit)),
		update("updateAffiliatedOrganization", "UpdateAffiliatedOrganizationInput", inRec("AffiliatedOrganization"), kv("communityID", atFar))),
	"createAppointment": also(creates("createAppointment",
		kv("role", "SECRETARY", "organizationID", atEastOrg, "memberID", atMember, "startedOn", "2024-01-01"),
		kv("role", "SECRETARY", "organizationID", atFarOrg, "memberID", atFarMember, "startedOn", "2024-01-01"),
		kv("role", "SECRETARY", "organizationID", atEastOrg, "memberID", atFarMember, "startedOn", "2024-01-01")),
		create("createAppointment", "CreateAppointmentInput", kv("role", "LIAISON", "organizationID", atEastOrg, "unitID", atFarUnit, "holderName", "联络员", "startedOn", "2024-01-01"))),
	"updateAppointment": also(updates("updateAppointment", "Appointment", kv("note", "分管组织"), kv("organizationID", atFarGeneral)),
		update("updateAppointment", "UpdateAppointmentInput", inRec("Appointment"), kv("memberID", atFarMember)),
		update("updateAppointment", "UpdateAppointmentInput", inRec("Appointment"), kv("unitID", atFarUnit))),
	"createTerm": creates("createTerm", kv("organizationID", atEastOrg, "startedOn", "2024-01-01", "dueOn", "2029-01-01"),
		kv("organizationID", atFarOrg, "startedOn", "2024-01-01", "dueOn", "2029-01-01"), nil),
	"updateTerm": updates("updateTerm", "Term", kv("note", "按期"), kv("organizationID", atFarOrg)),
	"createMeeting": creates("createMeeting",
		kv("organizationID", atEastOrg, "type", "PARTY_LECTURE", "heldOn", "2024-04-01", "expectedAttendance", 1, "attendance", 1),
		kv("organizationID", atFarOrg, "type", "PARTY_LECTURE", "heldOn", "2024-04-01", "expectedAttendance", 1, "attendance", 1),
		kv("organizationID", atEastOrg, "type", "PARTY_LECTURE", "heldOn", "2024-04-01", "expectedAttendance", 1, "attendance", 1, "attendeeIDs", list(atFarMember))),
	"updateMeeting": also(updates("updateMeeting", "Meeting", kv("topic", "学习"), kv("organizationID", atFarOrg)),
		update("updateMeeting", "UpdateMeetingInput", inRec("Meeting"), kv("addAttendeeIDs", list(atFarMember))),
		// An administrator recorded a member of elsewhere at the meeting: clearing the attendees unlinks them.
		withAdmin(`mutation($id: ID!, $m: ID!) { updateMeeting(id: $id, input: {addAttendeeIDs: [$m]}) { id } }`, "Meeting",
			update("updateMeeting", "UpdateMeetingInput", inRec("Meeting"), kv("clearAttendees", true)))),
	"createExemption": creates("createExemption", kv("organizationID", atEastOrg, "meetingType", "PARTY_LECTURE", "reason", "换届", "startedOn", "2024-05-01"),
		kv("organizationID", atFarOrg, "meetingType", "PARTY_LECTURE", "reason", "换届", "startedOn", "2024-05-01"), nil),
	"updateExemption": updates("updateExemption", "Exemption", kv("reason", "整顿"), kv("organizationID", atFarOrg)),
	"createAssessment": creates("createAssessment", kv("organizationID", atEastOrg, "year", 2023, "score", 88, "grade", "GOOD"),
		kv("organizationID", atFarOrg, "year", 2023, "score", 88, "grade", "GOOD"),
		kv("organizationID", atEastOrg, "communityID", atFar, "year", 2023, "score", 88, "grade", "GOOD")),
	"updateAssessment": also(updates("updateAssessment", "Assessment", kv("note", "复核"), kv("organizationID", atFarOrg)),
		update("updateAssessment", "UpdateAssessmentInput", inRec("Assessment"), kv("communityID", atFar))),
	"createInstructorVisit": creates("createInstructorVisit", kv("unitID", atWestUnit, "visitedOn", "2024-04-01"),
		kv("unitID", atFarUnit, "visitedOn", "2024-04-01"), nil),
	"updateInstructorVisit": updates("updateInstructorVisit", "InstructorVisit", kv("note", "走访"), kv("unitID", atFarUnit)),
	"createRuleSetting":     adminOnly("ADMIN_ONLY", create("createRuleSetting", "CreateRuleSettingInput", kv("key", "ORG_REQUIRED_FULL_MEMBERS", "organizationKind", "GRID_BRANCH", "value", 5))),
	"updateRuleSetting": adminOnly("ADMIN_ONLY", func(b *border) (string, []any) {
		return `mutation($id: ID!) { r: updateRuleSetting(id: $id, input: {value: 5}) { __typename } }`, []any{"id", b.ruleSetting}
	}),
	// Rehoming ends the members' relationships before it opens the new
	// ones; in between a member is placed at their last organisation
	// (member_place), so the write's own intermediate state stays inside.
	"dissolveOrganizationRehoming": {
		inside:  create("dissolveOrganizationRehoming", "DissolveRehomingInput", kv("organizationID", atEastOrg, "on", day, "reason", "撤并", "membersTo", atGeneral, "unitsTo", atGeneral)),
		outside: create("dissolveOrganizationRehoming", "DissolveRehomingInput", kv("organizationID", atFarOrg, "on", day, "reason", "撤并", "membersTo", atFarGeneral, "unitsTo", atFarGeneral)),
		across:  []step{create("dissolveOrganizationRehoming", "DissolveRehomingInput", kv("organizationID", atEastOrg, "on", day, "reason", "撤并", "membersTo", atFarGeneral, "unitsTo", atFarGeneral))},
	},
	"createPartyGroup": creates("createPartyGroup", kv("parentID", atEastOrg, "name", "第一党小组", "on", day, "memberIDs", list(atMember)),
		kv("parentID", atFarOrg, "name", "第一党小组", "on", day, "memberIDs", list(atFarMember)), nil),
	"renewTerm": creates("renewTerm", kv("organizationID", atGeneral, "on", day, "dueOn", "2029-06-01"),
		kv("organizationID", atFarGeneral, "on", day, "dueOn", "2029-06-01"), nil),
	"createRectifications": adminOnly("ADMIN_HANDS_OVER", func(b *border) (string, []any) {
		b.create("Area", map[string]any{"name": "北网格", "kind": "GRID", "parentID": b.community, "residents": 100}) // a gap not yet handed over
		return create("createRectifications", "CreateRectificationsInput", kv("areaID", atCommunity, "rules", []string{"WORK_GRID_UNCOVERED"},
			"deadline", calendar.Today().AddDate(0, 2, 0).Format(time.DateOnly)))(b)
	}),
	"assignRectification": adminOnly("ADMIN_ASSIGNS", func(b *border) (string, []any) {
		return `mutation($id: ID!) { r: assignRectification(id: $id, input: {responsible: "王书记"}) { __typename } }`, []any{"id", b.inItem}
	}),
	"waiveRectification": adminOnly("ADMIN_ASSIGNS", func(b *border) (string, []any) {
		return `mutation($id: ID!) { r: waiveRectification(id: $id, reason: "已撤并") { __typename } }`, []any{"id", b.inItem}
	}),
	"updateRectification": {
		inside: func(b *border) (string, []any) {
			return `mutation($id: ID!) { r: updateRectification(id: $id, input: {plan: "组建支部", status: IN_PROGRESS}) { __typename } }`, []any{"id", b.inItem}
		},
		outside: func(b *border) (string, []any) {
			return `mutation($id: ID!) { r: updateRectification(id: $id, input: {plan: "组建支部"}) { __typename } }`, []any{"id", b.outItem}
		},
	},
	"addRectificationNote": {
		inside: func(b *border) (string, []any) {
			return `mutation($id: ID!) { r: addRectificationNote(id: $id, text: "已联系") { __typename } }`, []any{"id", b.inItem}
		},
		outside: func(b *border) (string, []any) {
			return `mutation($id: ID!) { r: addRectificationNote(id: $id, text: "已联系") { __typename } }`, []any{"id", b.outItem}
		},
	},
	"transferMember": func() walkCase {
		c := byMember("transferMember", "TransferMemberInput", "memberID", atMember, atFarMember, "on", day)
		c.across = []step{create("transferMember", "TransferMemberInput", kv("memberID", atMember, "toOrganizationID", atFarOrg, "on", day))}
		return c
	}(),
	// A grid branch under a general branch cannot become one itself, and an
	// organisation with members cannot be dissolved: refusals of the rules.
	"upgradeOrganization":  stated(byMember("upgradeOrganization", "UpgradeOrganizationInput", "organizationID", atEastOrg, atFarOrg, "on", day), "BAD_USER_INPUT/PARENT_KIND"),
	"dissolveOrganization": stated(byMember("dissolveOrganization", "DissolveOrganizationInput", "organizationID", atEastOrg, atFarOrg, "on", day, "reason", "撤并"), "CONFLICT/NOT_EMPTY"),
}

// areaRefusals are the reasons an editor's write outside their areas is
// refused for: the register's (policy.Landing, policy.inAreas) and the
// ledger's.
var areaRefusals = map[string]bool{"OUTSIDE_AREAS": true, "NOT_PLACED": true, "NOT_YOUR_AREA": true}

// TestAnEditorWalksEveryMutation reads every mutation from the schema by
// introspection and walks each as an editor of one community: inside the
// area it succeeds, outside it and across the border it is refused for the
// area, in Chinese, and writes nothing; the administrators' own are refused
// as such. A mutation the table lacks fails the test.
func TestAnEditorWalksEveryMutation(t *testing.T) {
	b := newBorder(t)
	var schema struct {
		Schema struct {
			MutationType struct{ Fields []struct{ Name string } }
		} `json:"__schema"`
	}
	b.api.Do(&schema, `{ __schema { mutationType { fields { name } } } }`)
	var names, missing []string
	for _, f := range schema.Schema.MutationType.Fields {
		names = append(names, f.Name)
		if _, ok := walkCases[f.Name]; !ok {
			missing = append(missing, f.Name)
		}
	}
	if len(names) < 40 {
		t.Fatalf("introspection found %d mutations", len(names))
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Errorf("the editor walk has no case for %d mutations: %s", len(missing), strings.Join(missing, ", "))
	}
	for _, name := range names {
		c, ok := walkCases[name]
		if !ok {
			continue
		}
		t.Run(name, func(t *testing.T) {
			b := newBorder(t)
			b.editor = b.editor.In("zh-CN")
			attempt := func(side string, s step, reasons map[string]bool) {
				t.Helper()
				q, vars := s(b)
				before := b.rows(t)
				resp := b.editor.Post(q, vars...)
				if len(resp.Errors) == 0 {
					t.Errorf("%s: the editor's write was accepted", side)
					return
				}
				e := resp.Errors[0]
				if e.Code() != "FORBIDDEN" && !(e.Code() == "NOT_FOUND" && reasons["NOT_YOUR_AREA"]) || e.Code() == "FORBIDDEN" && !reasons[e.Reason()] {
					t.Errorf("%s: refused with %s/%s (%s), want an area refusal", side, e.Code(), e.Reason(), e.Message)
				}
				if !strings.ContainsFunc(e.Message, func(r rune) bool { return unicode.Is(unicode.Han, r) }) {
					t.Errorf("%s: the refusal %q is not in Chinese", side, e.Message)
				}
				after := b.rows(t)
				for k, n := range before {
					if after[k] != n {
						t.Errorf("%s: %s went from %d to %d rows", side, k, n, after[k])
					}
				}
			}
			if c.adminOnly != "" {
				attempt("as an editor", c.inside, map[string]bool{c.adminOnly: true})
				return
			}
			attempt("outside", c.outside, areaRefusals)
			for i, s := range c.across {
				attempt(fmt.Sprintf("across the border (%d)", i+1), s, areaRefusals)
			}
			q, vars := c.inside(b)
			resp := b.editor.Post(q, vars...)
			got := ""
			if len(resp.Errors) > 0 {
				got = resp.Errors[0].Code() + "/" + resp.Errors[0].Reason() + " " + resp.Errors[0].Message
				if areaRefusals[resp.Errors[0].Reason()] && !strings.HasPrefix(got, c.insideWant+" ") {
					t.Errorf("inside: refused for the area: %s", got)
					return
				}
			}
			if got != "" && !strings.HasPrefix(got, c.insideWant+" ") || got == "" && c.insideWant != "" {
				t.Errorf("inside: got %q, want %q", got, c.insideWant)
			}
		})
	}
}
