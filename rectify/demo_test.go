package rectify_test

import (
	"context"
	"testing"
	"time"

	"jiceng/calendar"
	"jiceng/coverage"
	"jiceng/database"
	"jiceng/database/dbtest"
	"jiceng/demo"
	"jiceng/ent"
	"jiceng/ent/rectification"
	"jiceng/policy"
	"jiceng/rectify"
	"jiceng/register"
)

// TestTheDemosLedger: the campaign's items, most verified by the demo's
// history, a few overdue; and the reconciler, run on the reference day,
// agrees with every status the demo wrote.
func TestTheDemosLedger(t *testing.T) {
	st := dbtest.Open(t)
	ctx := policy.System(context.Background())
	ref := demo.Reference()
	if err := demo.Load(ctx, st.Client, ref); err != nil {
		t.Fatal(err)
	}
	if err := rectify.LoadDemo(ctx, st.Client, st.Read, st.Dialect, ref); err != nil {
		t.Fatal(err)
	}
	items, err := st.Client.Rectification.Query().All(ctx)
	if err != nil {
		t.Fatal(err)
	}
	count := map[rectification.Status]int{}
	for _, it := range items {
		count[it.Status]++
	}
	t.Logf("%d items: %v", len(items), count)
	if count[rectification.StatusVERIFIED]*2 <= len(items) || count[rectification.StatusOVERDUE] == 0 || count[rectification.StatusOVERDUE] > 5 {
		t.Errorf("want most items verified and a few overdue, got %v of %d", count, len(items))
	}
	// Every item carries its gap's first day, on or before its hand-over,
	// as the hand-over's own walk back finds it.
	floor, err := register.RecordedSince(ctx, st.Client)
	if err != nil {
		t.Fatal(err)
	}
	en := coverage.New(st.Client, st.Read, st.Dialect)
	for i, it := range items {
		if it.GapSince == nil || it.GapSince.After(it.HandedOverOn) {
			t.Fatalf("item %d (%s, handed over %s) open since %v", it.ID, it.Rule, it.HandedOverOn.Format(time.DateOnly), it.GapSince)
		}
		if i%(len(items)/4+1) != 0 {
			continue
		}
		since, err := en.OpenSinceOf(ctx, it.HandedOverOn, floor, []coverage.GapKey{rectify.Key(it)}, 1<<20)
		if err != nil {
			t.Fatal(err)
		}
		if want := since[rectify.Key(it)]; !want.Equal(*it.GapSince) {
			t.Errorf("item %d (%s) open since %s, the walk back from its hand-over says %s", it.ID, it.Rule,
				it.GapSince.Format(time.DateOnly), want.Format(time.DateOnly))
		}
		// A walk of two readings gives a day the gap fired on continuously:
		// no earlier than its first day, no later than the hand-over.
		bounded, err := en.OpenSinceOf(ctx, it.HandedOverOn, floor, []coverage.GapKey{rectify.Key(it)}, 2)
		if err != nil {
			t.Fatal(err)
		}
		if d, ok := bounded[rectify.Key(it)]; !ok || d.Before(*it.GapSince) || d.After(it.HandedOverOn) {
			t.Errorf("item %d (%s) open since %s; the walk of two readings says %v", it.ID, it.Rule, it.GapSince.Format(time.DateOnly), d)
		}
	}
	backfillGapSince(t, st, items)
	defer calendar.Freeze(ref)()
	book := rectify.New(st.Client, coverage.New(st.Client, st.Read, st.Dialect))
	if n, err := book.Reconcile(ctx); err != nil || n != 0 {
		t.Errorf("the reconciler changed %d of the demo's items (%v): the demo's statuses disagree with its history", n, err)
	}
}

// backfillGapSince: items handed over before hand-overs kept their gap's
// first day (their days cleared here) get it back at the next start, as
// the hand-over's own bounded walk finds it: no earlier than the day the
// demo recorded, no later than the hand-over; a budget spent stops the
// backfill, and a second run finds nothing to do.
func backfillGapSince(t *testing.T, st *database.Store, items []*ent.Rectification) {
	t.Helper()
	ctx := policy.System(context.Background())
	if _, err := st.DB.ExecContext(ctx, "UPDATE rectifications SET gap_since = NULL"); err != nil {
		t.Fatal(err)
	}
	book := rectify.New(st.Client, coverage.New(st.Client, st.Read, st.Dialect))
	if n, err := book.BackfillGapSince(ctx, st.DB, st.Dialect, 0); err != nil || n != 0 {
		t.Fatalf("a backfill with no time dated %d items (%v), want none", n, err)
	}
	start := time.Now()
	n, err := book.BackfillGapSince(ctx, st.DB, st.Dialect, 5*time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("the backfill dated %d items in %s", n, time.Since(start).Round(time.Millisecond))
	if n != len(items) {
		t.Errorf("the backfill dated %d items, want all %d", n, len(items))
	}
	same := 0
	for _, it := range items {
		got := st.Client.Rectification.GetX(ctx, it.ID).GapSince
		if got == nil || got.Before(*it.GapSince) || got.After(it.HandedOverOn) {
			t.Errorf("item %d (%s, handed over %s, open since %s) backfilled open since %v", it.ID, it.Rule,
				it.HandedOverOn.Format(time.DateOnly), it.GapSince.Format(time.DateOnly), got)
			continue
		}
		if got.Equal(*it.GapSince) {
			same++
		}
	}
	if same*2 < len(items) {
		t.Errorf("the backfill found the demo's first day of %d items of %d, want most", same, len(items))
	}
	if again, err := book.BackfillGapSince(ctx, st.DB, st.Dialect, 5*time.Minute); err != nil || again != 0 {
		t.Errorf("a second backfill dated %d items (%v), want none", again, err)
	}
}
