package graph_test

import (
	"context"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"

	"entgo.io/ent/dialect"

	"jiceng/database"
	"jiceng/ent"
	"jiceng/ent/area"
	"jiceng/policy"
	"jiceng/register"
)

// ledgerReads counts the statements that read the ledger's items.
type ledgerReads struct {
	dialect.Driver
	n *atomic.Int64
}

func (c ledgerReads) Query(ctx context.Context, query string, args, v any) error {
	if strings.HasPrefix(query, "SELECT") && strings.Contains(query, "rectifications") {
		c.n.Add(1)
	}
	return c.Driver.Query(ctx, query, args, v)
}

// TestAPageOfGapsReadsItsItemsOnce: Gap.rectification on a page of gaps
// reads the ledger once for the page, as many times for 12 gaps as for 3,
// and each gap names its own item (or none when it was not handed over).
func TestAPageOfGapsReadsItsItemsOnce(t *testing.T) {
	var n atomic.Int64
	w := newWorld(t, database.WithDriver(func(d dialect.Driver) dialect.Driver { return ledgerReads{d, &n} }))
	grids := func(from, to int) {
		t.Helper()
		ctx := policy.System(context.Background())
		if err := register.InTx(ctx, w.store.Client, func(c *ent.Client) error {
			for i := from; i < to; i++ {
				c.Area.Create().SetName(fmt.Sprintf("新网格%02d", i)).SetKind(area.KindGRID).SetParent(w.community).
					SetResidents(300).SaveX(ctx)
			}
			return nil
		}); err != nil {
			t.Fatal(err)
		}
	}
	type gapRow struct {
		ID            string
		Subject       struct{ ID string }
		Rectification *struct{ ID, Status string }
	}
	page := func() ([]gapRow, int64) {
		t.Helper()
		var out struct{ CoverageGaps struct{ Nodes []gapRow } }
		n.Store(0)
		w.api.Do(&out, `{ coverageGaps(rules: [WORK_GRID_UNCOVERED]) { nodes { id subject { id } rectification { id status } } } }`)
		return out.CoverageGaps.Nodes, n.Load()
	}
	handed := map[string]string{} // subject → item
	handOver := func(rows []gapRow) {
		t.Helper()
		for i, g := range rows {
			if i%2 == 1 || g.Rectification != nil {
				continue
			}
			var made struct{ CreateRectifications []struct{ ID string } }
			w.api.Do(&made, `mutation($in: CreateRectificationsInput!) { createRectifications(input: $in) { id } }`,
				"in", map[string]any{"gapIDs": []string{g.ID}, "deadline": "2099-12-31"})
			handed[g.Subject.ID] = made.CreateRectifications[0].ID
		}
	}
	check := func(rows []gapRow, want int) int64 {
		t.Helper()
		if len(rows) != want {
			t.Fatalf("got %d gaps, want %d", len(rows), want)
		}
		for _, g := range rows {
			switch item, ok := handed[g.Subject.ID]; {
			case ok && (g.Rectification == nil || g.Rectification.ID != item):
				t.Errorf("gap of %s: item %+v, want %s", g.Subject.ID, g.Rectification, item)
			case !ok && g.Rectification != nil:
				t.Errorf("gap of %s, not handed over: item %+v", g.Subject.ID, g.Rectification)
			}
		}
		_, reads := page()
		return reads
	}
	grids(0, 3)
	rows, _ := page()
	handOver(rows)
	rows, _ = page()
	few := check(rows, 3)
	grids(3, 12)
	rows, _ = page()
	handOver(rows)
	rows, _ = page()
	many := check(rows, 12)
	if few != 1 || many != 1 {
		t.Errorf("the ledger read %d times for a page of 3 gaps and %d for 12; want once each", few, many)
	}
}
