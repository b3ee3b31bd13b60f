package graph_test

import (
	"testing"

	"jiceng/calendar"
)

// TestGapNamesItsItem reads the ledger item of a gap from the gaps query
// (Gap.rectification), so the gaps view shows a handed-over gap's item and
// status instead of offering it again: none before the hand-over, the item
// after it, and none again once the item is waived.
func TestGapNamesItsItem(t *testing.T) {
	defer calendar.Freeze(date("2026-03-02"))()
	w := newTown(t)
	w.api.Do(nil, `mutation($id: ID!) { updateArea(id: $id, input: {residents: 300}) { id } }`, "id", w.west)
	type gapRow struct {
		ID            string
		Rectification *struct{ ID, Status string }
	}
	read := func() gapRow {
		t.Helper()
		var out struct{ CoverageGaps struct{ Nodes []gapRow } }
		w.api.Do(&out, `{ coverageGaps(rules: [WORK_GRID_UNCOVERED]) { nodes { id rectification { id status } } } }`)
		if len(out.CoverageGaps.Nodes) != 1 {
			t.Fatalf("got %d gaps, want the west grid's", len(out.CoverageGaps.Nodes))
		}
		return out.CoverageGaps.Nodes[0]
	}
	gap := read()
	if gap.Rectification != nil {
		t.Fatalf("before the hand-over: got item %+v, want none", gap.Rectification)
	}
	var made struct{ CreateRectifications []struct{ ID string } }
	w.api.Do(&made, `mutation($in: CreateRectificationsInput!) { createRectifications(input: $in) { id } }`,
		"in", map[string]any{"gapIDs": []string{gap.ID}, "deadline": "2026-03-31"})
	if got := read().Rectification; got == nil || got.ID != made.CreateRectifications[0].ID || got.Status != "OPEN" {
		t.Fatalf("after the hand-over: got %+v, want item %s, OPEN", got, made.CreateRectifications[0].ID)
	}
	w.api.Do(nil, `mutation($id: ID!) { waiveRectification(id: $id, reason: "网格将撤并") { id } }`, "id", made.CreateRectifications[0].ID)
	if got := read().Rectification; got != nil {
		t.Errorf("after the waiver: got %+v, want no item (the gap may be handed over again)", got)
	}
}
