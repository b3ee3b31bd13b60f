package graph_test

import (
	"strconv"
	"testing"

	"jiceng/calendar"
	"jiceng/graph/graphtest"
	"jiceng/viewer"
)

// item is a ledger item as the tests read it.
type item struct {
	ID, Status, Deadline, Responsible, HandedOverOn string
	VerifiedOn, VerifiedByEntryID, OpenSince        *string
	Reopened, Days                                  int
	Rule                                            string
	Area                                            struct{ Name string }
	NoteList                                        []struct{ Author, Text string }
}

const itemFields = `id status deadline responsible handedOverOn verifiedOn verifiedByEntryID openSince reopened days rule
	area { name } noteList { author text }`

func items(t *testing.T, api *graphtest.Client, args string) []item {
	t.Helper()
	var out struct {
		Rectifications struct{ Nodes []item }
	}
	q := `{ rectifications` + args + ` { nodes { ` + itemFields + ` } } }`
	api.Do(&out, q)
	return out.Rectifications.Nodes
}

func atoi(t *testing.T, s string) int {
	t.Helper()
	n, err := strconv.Atoi(s)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// TestLedgerClosesItself hands a gap over, fixes it with a write to the
// register and sees the item verified that day; undoes the fix and sees it
// reopen; passes the deadline and sees it overdue; and checks who may do what.
func TestLedgerClosesItself(t *testing.T) {
	defer calendar.Freeze(date("2026-03-02"))()
	w := newTown(t)
	// The register's recorded history starts with a meeting in February:
	// the walk back for openSince goes no further.
	w.create("Meeting", map[string]any{"type": "BRANCH_COMMITTEE", "heldOn": "2026-02-01", "expectedAttendance": 3,
		"attendance": 3, "organizationID": w.general})
	// The west grid gets residents and has no organisation: WORK_GRID_UNCOVERED.
	w.api.Do(nil, `mutation($id: ID!) { updateArea(id: $id, input: {residents: 300}) { id } }`, "id", w.west)
	var gaps struct {
		CoverageGaps struct {
			Nodes []struct {
				ID, OpenSince string
				Subject       struct{ ID string }
			}
		}
	}
	w.api.Do(&gaps, `{ coverageGaps(rules: [WORK_GRID_UNCOVERED]) { nodes { id openSince subject { id } } } }`)
	if len(gaps.CoverageGaps.Nodes) != 1 || gaps.CoverageGaps.Nodes[0].Subject.ID != w.west {
		t.Fatalf("gaps: %+v", gaps)
	}
	gap := gaps.CoverageGaps.Nodes[0]
	if gap.OpenSince != "2026-03-02" {
		t.Errorf("openSince = %s, want the day the residents were recorded, 2026-03-02", gap.OpenSince)
	}

	editor := w.api.As(viewer.Editor, atoi(t, w.community))
	stranger := w.api.As(viewer.Editor, atoi(t, w.east))
	analyst := w.api.As(viewer.Analyst)
	hand := `mutation($in: CreateRectificationsInput!) { createRectifications(input: $in) { ` + itemFields + ` } }`
	in := map[string]any{"gapIDs": []string{gap.ID}, "deadline": "2026-03-31", "responsible": "王书记", "plan": "组建西网格党支部"}
	if e := editor.Fail(hand, "in", in); e.Code() != "FORBIDDEN" {
		t.Errorf("an editor handed a gap over: %+v", e)
	}
	if e := w.api.Fail(hand, "in", map[string]any{"gapIDs": []string{gap.ID}, "deadline": "2026-03-01"}); e.Field() != "deadline" {
		t.Errorf("a deadline in the past: %+v", e)
	}
	var created struct{ CreateRectifications []item }
	w.api.Do(&created, hand, "in", in)
	if len(created.CreateRectifications) != 1 {
		t.Fatalf("created %+v", created)
	}
	it := created.CreateRectifications[0]
	if it.Status != "OPEN" || it.Area.Name != "历史社区" || it.Rule != "WORK_GRID_UNCOVERED" || it.HandedOverOn != "2026-03-02" {
		t.Errorf("handed over: %+v", it)
	}
	if e := w.api.Fail(hand, "in", in); e.Code() != "CONFLICT" {
		t.Errorf("the same gap handed over twice: %+v", e)
	}

	// The community's editor sees and works on it; an editor elsewhere does not.
	if got := items(t, editor, ""); len(got) != 1 {
		t.Errorf("the community's editor sees %d items", len(got))
	}
	if got := items(t, stranger, ""); len(got) != 0 {
		t.Errorf("an editor of another area sees %d items", len(got))
	}
	if got := items(t, analyst, "(status: [OPEN], rules: [WORK_GRID_UNCOVERED], responsible: \"王\", deadlineFrom: \"2026-03-31\", deadlineTo: \"2026-03-31\")"); len(got) != 1 {
		t.Errorf("an analyst filtering finds %d items", len(got))
	}
	if got := items(t, analyst, "(status: [DONE])"); len(got) != 0 {
		t.Errorf("status filter: %d items", len(got))
	}
	update := `mutation($id: ID!, $in: UpdateRectificationInput!) { updateRectification(id: $id, input: $in) { status } }`
	editor.Do(nil, update, "id", it.ID, "in", map[string]any{"status": "IN_PROGRESS", "note": "已联系网格员"})
	if e := editor.Fail(update, "id", it.ID, "in", map[string]any{"status": "VERIFIED"}); e.Field() != "status" {
		t.Errorf("an editor verified an item: %+v", e)
	}
	if e := stranger.Fail(update, "id", it.ID, "in", map[string]any{"plan": "x"}); e.Code() != "FORBIDDEN" && e.Code() != "NOT_FOUND" {
		t.Errorf("an editor elsewhere worked on the item: %+v", e)
	}
	assign := `mutation($id: ID!, $in: AssignRectificationInput!) { assignRectification(id: $id, input: $in) { deadline } }`
	if e := editor.Fail(assign, "id", it.ID, "in", map[string]any{"deadline": "2026-06-30"}); e.Code() != "FORBIDDEN" {
		t.Errorf("an editor moved the deadline: %+v", e)
	}
	editor.Do(nil, update, "id", it.ID, "in", map[string]any{"status": "DONE"})
	if got := items(t, analyst, ""); got[0].Status != "DONE" {
		t.Errorf("claimed done while the gap fires: %s", got[0].Status)
	}

	// The fix: a grid branch for the west grid. The item is verified that day,
	// naming the change that closed it.
	org := w.create("Organization", map[string]any{"name": "西网格党支部", "kind": "GRID_BRANCH",
		"formation": "TERRITORIAL", "establishedOn": "2026-03-02", "parentID": w.general, "areaIDs": []string{w.west}})
	got := items(t, analyst, "")[0]
	if got.Status != "VERIFIED" || got.VerifiedOn == nil || *got.VerifiedOn != "2026-03-02" || got.VerifiedByEntryID == nil || got.Days != 0 {
		t.Fatalf("after the fix: %+v", got)
	}
	// The gap's first day was recorded at the hand-over and is kept once verified.
	if got.OpenSince == nil || *got.OpenSince != "2026-03-02" {
		t.Errorf("a verified item's openSince = %v, want the gap's first day 2026-03-02", got.OpenSince)
	}
	var entry struct {
		Node struct{ EntityType, EntityID string }
	}
	w.api.Do(&entry, `query($id: ID!) { node(id: $id) { ... on AuditEntry { entityType entityID } } }`, "id", *got.VerifiedByEntryID)
	if entry.Node.EntityType != "Organization" || entry.Node.EntityID != org {
		t.Errorf("closed by %+v, want the organisation %s", entry.Node, org)
	}

	// Undone: the branch is dissolved, the gap is back, the item reopens.
	w.api.Do(nil, `mutation($in: DissolveOrganizationInput!) { dissolveOrganization(input: $in) { id } }`,
		"in", map[string]any{"organizationID": org, "on": "2026-03-02", "reason": "误建"})
	got = items(t, analyst, "")[0]
	if got.Status != "OPEN" || got.VerifiedOn != nil || got.Reopened != 1 {
		t.Fatalf("after the undo: %+v", got)
	}

	// The deadline passes with the gap open: overdue, found on the first day after it.
	defer calendar.Freeze(date("2026-03-31"))()
	if got = items(t, analyst, "")[0]; got.Status != "OPEN" {
		t.Errorf("on the deadline: %s", got.Status)
	}
	defer calendar.Freeze(date("2026-04-01"))()
	if got = items(t, analyst, "")[0]; got.Status != "OVERDUE" || got.Days != 30 {
		t.Errorf("the day after the deadline: %+v", got)
	}
	var figures struct {
		RectificationFigures struct {
			All    struct{ Total, Open, Overdue int }
			ByArea []struct {
				Area  struct{ Name string }
				Tally struct{ Overdue int }
			}
		}
	}
	analyst.Do(&figures, `{ rectificationFigures { all { total open overdue } byArea { area { name } tally { overdue } } } }`)
	if f := figures.RectificationFigures; f.All.Total != 1 || f.All.Overdue != 1 || len(f.ByArea) != 1 || f.ByArea[0].Tally.Overdue != 1 {
		t.Errorf("figures: %+v", f)
	}

	// Waiving is the working committee's, and needs a reason.
	waive := `mutation($id: ID!, $r: String!) { waiveRectification(id: $id, reason: $r) { status waiveReason } }`
	if e := editor.Fail(waive, "id", it.ID, "r", "无人居住"); e.Code() != "FORBIDDEN" {
		t.Errorf("an editor waived: %+v", e)
	}
	if e := w.api.Fail(waive, "id", it.ID, "r", "  "); e.Field() != "reason" {
		t.Errorf("waived without a reason: %+v", e)
	}
	w.api.Do(nil, waive, "id", it.ID, "r", "该网格已撤并")
	got = items(t, analyst, "")[0]
	if got.Status != "WAIVED" || len(got.NoteList) < 5 {
		t.Errorf("waived: %+v", got)
	}
	var log struct {
		AuditEntries struct{ TotalCount int }
	}
	w.api.Do(&log, `{ auditEntries(where: {entityType: "Rectification"}) { totalCount } }`)
	if log.AuditEntries.TotalCount < 6 {
		t.Errorf("%d audit entries of the ledger", log.AuditEntries.TotalCount)
	}
}
