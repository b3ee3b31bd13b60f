package graph_test

import (
	"testing"

	"jiceng/calendar"
)

// tallyOf is a tally of the ledger's figures as the API gives it.
type tallyOf struct {
	Total, Open, Overdue, Verified, Waived int
	MedianDaysToClose                      *float64
}

// figuresOn reads the ledger's figures as of day ("" for today): in all,
// the one community's and the one rule's, which must agree with the whole.
func figuresOn(t *testing.T, w *town, day string) tallyOf {
	t.Helper()
	var out struct {
		RectificationFigures struct {
			All    tallyOf
			ByArea []struct{ Tally tallyOf }
			ByRule []struct{ Tally tallyOf }
		}
	}
	vars := []any{}
	if day != "" {
		vars = append(vars, "d", day)
	}
	w.api.Do(&out, `query($d: Date) { rectificationFigures(asOf: $d) {
		all { total open overdue verified waived medianDaysToClose }
		byArea { tally { total open overdue verified waived medianDaysToClose } }
		byRule { tally { total open overdue verified waived medianDaysToClose } } } }`, vars...)
	f := out.RectificationFigures
	for _, groups := range [][]struct{ Tally tallyOf }{f.ByArea, f.ByRule} {
		if f.All.Total == 0 && len(groups) == 0 {
			continue
		}
		if len(groups) != 1 || !sameTally(groups[0].Tally, f.All) {
			t.Errorf("%s: the one group's figures %+v are not the whole's %+v", day, groups, f.All)
		}
	}
	return f.All
}

func sameTally(a, b tallyOf) bool {
	am, bm := a.MedianDaysToClose, b.MedianDaysToClose
	a.MedianDaysToClose, b.MedianDaysToClose = nil, nil
	return a == b && (am == nil) == (bm == nil) && (am == nil || *am == *bm)
}

// TestFiguresAsOfADay: an item handed over on 2 March with a deadline of
// 31 March, overdue in April and verified on 15 April, counts on each day
// as it stood then: not yet in the ledger before 2 March, open in March,
// open and overdue on 10 April, verified (in 44 days) from 15 April; the
// figures of today are those of the items' statuses. The item shows how
// long it took and how long its gap was open.
func TestFiguresAsOfADay(t *testing.T) {
	defer calendar.Freeze(date("2026-03-02"))()
	w := newTown(t)
	w.api.Do(nil, `mutation($id: ID!) { updateArea(id: $id, input: {residents: 300}) { id } }`, "id", w.west)
	var created struct{ CreateRectifications []struct{ ID string } }
	w.api.Do(&created, `mutation($in: CreateRectificationsInput!) { createRectifications(input: $in) { id } }`,
		"in", map[string]any{"areaID": w.community, "rules": []string{"WORK_GRID_UNCOVERED"}, "deadline": "2026-03-31"})
	if len(created.CreateRectifications) != 1 {
		t.Fatalf("handed over %+v", created)
	}
	defer calendar.Freeze(date("2026-04-15"))()
	if got := figuresOn(t, w, ""); got.Overdue != 1 || got.Open != 1 {
		t.Fatalf("on 15 April before the fix: %+v, want the item overdue", got)
	}
	w.create("Organization", map[string]any{"name": "西网格党支部", "kind": "GRID_BRANCH",
		"formation": "TERRITORIAL", "establishedOn": "2026-04-15", "parentID": w.general, "areaIDs": []string{w.west}})

	defer calendar.Freeze(date("2026-05-05"))()
	days := 44.0
	for _, c := range []struct {
		day  string
		want tallyOf
	}{
		{"2026-03-01", tallyOf{}},
		{"2026-03-02", tallyOf{Total: 1, Open: 1}},
		{"2026-03-31", tallyOf{Total: 1, Open: 1}},
		{"2026-04-01", tallyOf{Total: 1, Open: 1, Overdue: 1}},
		{"2026-04-14", tallyOf{Total: 1, Open: 1, Overdue: 1}},
		{"2026-04-15", tallyOf{Total: 1, Verified: 1, MedianDaysToClose: &days}},
		{"", tallyOf{Total: 1, Verified: 1, MedianDaysToClose: &days}},
	} {
		if got := figuresOn(t, w, c.day); !sameTally(got, c.want) {
			t.Errorf("figures as of %q: %+v (median %v), want %+v", c.day, got, deref64(got.MedianDaysToClose), c.want)
		}
	}
	if e := w.api.Fail(`{ rectificationFigures(asOf: "2026-05-06") { all { total } } }`); e.Field() != "asOf" || e.Code() == "" {
		t.Errorf("figures of tomorrow: %+v", e)
	}

	var node struct {
		Node struct {
			Days        int
			OpenForDays *int
			OpenSince   *string
		}
	}
	w.api.Do(&node, `query($id: ID!) { node(id: $id) { ... on Rectification { days openForDays openSince } } }`,
		"id", created.CreateRectifications[0].ID)
	if n := node.Node; n.Days != 44 || n.OpenForDays == nil || *n.OpenForDays != 44 || deref(n.OpenSince) != "2026-03-02" {
		t.Errorf("the verified item took %d days, its gap open since %s for %v days; want 44, 2026-03-02, 44",
			n.Days, deref(n.OpenSince), n.OpenForDays)
	}
}

func deref64(f *float64) any {
	if f == nil {
		return nil
	}
	return *f
}
