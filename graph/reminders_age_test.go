package graph_test

import (
	"slices"
	"testing"

	"jiceng/calendar"
)

// TestGapsByAge: coverageGaps(orderBy: AGE) lists the gaps the oldest
// first, each with the first day the walk back finds, and pages through
// the same gaps in the same order as one page does.
func TestGapsByAge(t *testing.T) {
	defer calendar.Freeze(date("2026-01-05"))()
	w := newTown(t)
	// The register's recorded history starts with a meeting on 1 February 2025.
	w.create("Meeting", map[string]any{"type": "BRANCH_COMMITTEE", "heldOn": "2025-02-01", "expectedAttendance": 3,
		"attendance": 3, "organizationID": w.general})
	defer calendar.Freeze(date("2026-06-30"))()
	// The west grid gets residents on 10 March: WORK_GRID_UNCOVERED from then.
	w.api.Do(nil, `mutation($id: ID!) { updateArea(id: $id, input: {residents: 300}, on: "2026-03-10", reason: "入住") { id } }`, "id", w.west)
	// A member without a membership from 20 May: a pocket member from then.
	w.create("Member", map[string]any{"name": "口袋党员", "gender": "MALE", "status": "PROBATIONARY", "category": "IN_SERVICE",
		"joinedPartyOn": "2026-05-20"})

	type gap struct{ ID, Rule, OpenSince, SubjectName string }
	page := func(args string) (out struct {
		CoverageGaps struct {
			TotalCount int
			PageInfo   struct {
				HasNextPage bool
				EndCursor   *string
			}
			Nodes []gap
		}
	}) {
		t.Helper()
		w.api.Do(&out, `query($after: Cursor) { coverageGaps(orderBy: AGE`+args+`, after: $after) { totalCount
			pageInfo { hasNextPage endCursor } nodes { id rule openSince subjectName } } }`)
		return out
	}
	all := page("")
	nodes := all.CoverageGaps.Nodes
	if len(nodes) < 3 || len(nodes) != all.CoverageGaps.TotalCount {
		t.Fatalf("gaps by age: %+v", all)
	}
	var days []string
	for _, g := range nodes {
		days = append(days, g.OpenSince)
	}
	if !slices.IsSorted(days) {
		t.Errorf("not the oldest first: %v", days)
	}
	last := nodes[len(nodes)-1]
	if last.Rule != "ORG_MEMBER_UNATTACHED" || last.OpenSince != "2026-05-20" {
		t.Errorf("the youngest gap is %+v, want the pocket member since 2026-05-20", last)
	}
	before := nodes[len(nodes)-2]
	if before.Rule != "WORK_GRID_UNCOVERED" || before.OpenSince != "2026-03-10" {
		t.Errorf("the next youngest is %+v, want the west grid since 2026-03-10", before)
	}
	if nodes[0].OpenSince != "2025-02-01" {
		t.Errorf("the oldest gap is open since %s, want the first recorded day 2025-02-01", nodes[0].OpenSince)
	}

	// Two at a time, the pages hold the same gaps in the same order.
	var paged []gap
	var after *string
	for range 50 {
		var out struct {
			CoverageGaps struct {
				PageInfo struct {
					HasNextPage bool
					EndCursor   *string
				}
				Nodes []gap
			}
		}
		w.api.Do(&out, `query($after: Cursor) { coverageGaps(orderBy: AGE, first: 2, after: $after) {
			pageInfo { hasNextPage endCursor } nodes { id rule openSince subjectName } } }`, "after", after)
		paged = append(paged, out.CoverageGaps.Nodes...)
		if !out.CoverageGaps.PageInfo.HasNextPage {
			break
		}
		after = out.CoverageGaps.PageInfo.EndCursor
	}
	if !slices.Equal(paged, nodes) {
		t.Errorf("paged %+v\nwant %+v", paged, nodes)
	}

	// The default order is unchanged: the same gaps, by severity.
	var bySeverity struct {
		CoverageGaps struct{ Nodes []gap }
	}
	w.api.Do(&bySeverity, `{ coverageGaps { nodes { id rule openSince subjectName } } }`)
	got := slices.Clone(bySeverity.CoverageGaps.Nodes)
	want := slices.Clone(nodes)
	byID := func(a, b gap) int {
		if a.ID < b.ID {
			return -1
		} else if a.ID > b.ID {
			return 1
		}
		return 0
	}
	slices.SortFunc(got, byID)
	slices.SortFunc(want, byID)
	if !slices.Equal(got, want) {
		t.Errorf("by severity %+v\nby age %+v", got, want)
	}
}
