package graph_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"entgo.io/ent/dialect"

	"jiceng/calendar"
	"jiceng/policy"
	"jiceng/register"
)

// TestAWaivedItemWasOpenBeforeItsDay: an item waived on 10 April keeps the
// day; an account of a span that ends before it counts the item still
// open (and overdue once its deadline passed), one that takes the day in
// counts it waived in the span, and one that starts after it counts it
// neither open nor waived. An item waived before the day was kept gets the
// day of its audit entry at the next start.
func TestAWaivedItemWasOpenBeforeItsDay(t *testing.T) {
	defer calendar.Freeze(date("2026-03-02"))()
	w := newTown(t)
	w.api.Do(nil, `mutation($id: ID!) { updateArea(id: $id, input: {residents: 300}) { id } }`, "id", w.west)
	var created struct{ CreateRectifications []struct{ ID string } }
	w.api.Do(&created, `mutation($in: CreateRectificationsInput!) { createRectifications(input: $in) { id } }`,
		"in", map[string]any{"areaID": w.community, "rules": []string{"WORK_GRID_UNCOVERED"}, "deadline": "2026-03-31"})
	if len(created.CreateRectifications) != 1 {
		t.Fatalf("handed over %+v", created)
	}
	id := created.CreateRectifications[0].ID

	defer calendar.Freeze(date("2026-04-10"))()
	var waived struct {
		WaiveRectification struct{ Status, WaivedOn string }
	}
	w.api.Do(&waived, `mutation($id: ID!) { waiveRectification(id: $id, reason: "该网格已撤并") { status waivedOn } }`, "id", id)
	if got := waived.WaiveRectification; got.Status != "WAIVED" || got.WaivedOn != "2026-04-10" {
		t.Fatalf("waived: %+v", got)
	}

	defer calendar.Freeze(date("2026-05-05"))()
	type account struct{ HandedOver, Verified, StillOpen, Overdue, Waived int }
	read := func(from, to string) account {
		t.Helper()
		var out struct {
			HalfYearReport struct {
				Ledger account
				ByArea []struct{ Account account }
			}
		}
		w.api.Do(&out, `query($f: Date!, $t: Date!) { halfYearReport(from: $f, to: $t) {
			ledger { handedOver verified stillOpen overdue waived } byArea { account { handedOver verified stillOpen overdue waived } } } }`,
			"f", from, "t", to)
		if n := len(out.HalfYearReport.ByArea); n > 1 || (n == 1) != (out.HalfYearReport.Ledger != account{}) ||
			n == 1 && out.HalfYearReport.ByArea[0].Account != out.HalfYearReport.Ledger {
			t.Errorf("%s to %s: the community's account %+v is not the whole's %+v", from, to, out.HalfYearReport.ByArea, out.HalfYearReport.Ledger)
		}
		return out.HalfYearReport.Ledger
	}
	for _, c := range []struct {
		from, to string
		want     account
	}{
		{"2026-01-01", "2026-03-31", account{HandedOver: 1, StillOpen: 1}},
		{"2026-04-01", "2026-04-09", account{StillOpen: 1, Overdue: 1}},
		{"2026-04-01", "2026-04-10", account{Waived: 1}},
		{"2026-01-01", "2026-04-30", account{HandedOver: 1, Waived: 1}},
		{"2026-04-11", "2026-05-05", account{}},
	} {
		if got := read(c.from, c.to); got != c.want {
			t.Errorf("%s to %s: %+v, want %+v", c.from, c.to, got, c.want)
		}
	}

	// The item took from its hand-over to its waiver, and its gap was open
	// as long; the figures of a day before the waiver count it open and
	// overdue, those of the day itself waived.
	var took struct {
		Node struct {
			Days        int
			OpenForDays *int
		}
	}
	w.api.Do(&took, `query($id: ID!) { node(id: $id) { ... on Rectification { days openForDays } } }`, "id", id)
	if took.Node.Days != 39 || took.Node.OpenForDays == nil || *took.Node.OpenForDays != 39 {
		t.Errorf("the waived item took %d days, its gap open %v days; want 39 (2 March to 10 April) both", took.Node.Days, took.Node.OpenForDays)
	}
	if got := figuresOn(t, w, "2026-04-09"); got != (tallyOf{Total: 1, Open: 1, Overdue: 1}) {
		t.Errorf("figures the day before the waiver: %+v", got)
	}
	if got := figuresOn(t, w, "2026-04-10"); got != (tallyOf{Total: 1, Waived: 1}) {
		t.Errorf("figures on the day of the waiver: %+v", got)
	}

	// A register from before the day was kept: the upgrade dates the item
	// by its audit entry (written at 00:30 on 10 April in Shanghai, the
	// register's time zone, still 9 April in UTC), not by the item's last write.
	ctx := policy.System(context.Background())
	shanghai, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		t.Fatal(err)
	}
	for stmt, at := range map[string]time.Time{
		`UPDATE rectifications SET waived_on = NULL, updated_at = ?`:                                time.Date(2026, 4, 20, 9, 0, 0, 0, shanghai),
		`UPDATE audit_entries SET at = ? WHERE entity_type = 'Rectification' AND action = 'UPDATE'`: time.Date(2026, 4, 10, 0, 30, 0, 0, shanghai).UTC(),
	} {
		if w.store.Dialect == dialect.Postgres {
			stmt = strings.Replace(stmt, "?", "$1", 1)
		}
		if _, err := w.store.DB.ExecContext(ctx, stmt, at); err != nil {
			t.Fatal(err)
		}
	}
	if err := register.Backfill(ctx, w.store.DB, w.store.Dialect); err != nil {
		t.Fatal(err)
	}
	var node struct {
		Node struct{ WaivedOn *string }
	}
	w.api.Do(&node, `query($id: ID!) { node(id: $id) { ... on Rectification { waivedOn } } }`, "id", id)
	if node.Node.WaivedOn == nil || *node.Node.WaivedOn != "2026-04-10" {
		t.Errorf("after the upgrade the item was waived on %v, want its audit entry's day 2026-04-10", deref(node.Node.WaivedOn))
	}
	if got := read("2026-04-01", "2026-04-09"); got != (account{StillOpen: 1, Overdue: 1}) {
		t.Errorf("after the upgrade, April before the waiver: %+v", got)
	}
}

func deref(s *string) string {
	if s == nil {
		return "null"
	}
	return *s
}
