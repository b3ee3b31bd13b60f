package rectify_test

import (
	"context"
	"strings"
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
	// Two the working committee waived, with its reason, its note and the
	// day, after the hand-over; the figures of the day count them waived,
	// and of a day before it open.
	waived := 0
	for _, it := range items {
		if it.Status != rectification.StatusWAIVED {
			continue
		}
		waived++
		notes := it.QueryNotes().AllX(ctx)
		last := notes[len(notes)-1]
		if !strings.Contains(it.WaiveReason, "党工委") || it.WaivedOn == nil ||
			!it.WaivedOn.After(it.HandedOverOn) || it.WaivedOn.After(ref) || it.VerifiedOn != nil ||
			last.Author != "user admin" || last.Text != "免于整改："+it.WaiveReason {
			t.Errorf("waived item %d (%s): reason %v on %v, last note %+v", it.ID, it.Rule, it.WaiveReason, it.WaivedOn, last)
			continue
		}
		on, before := rectify.Count(items, *it.WaivedOn), rectify.Count(items, it.WaivedOn.AddDate(0, 0, -1))
		if on.ByRule[it.Rule].Waived != 1 || before.ByRule[it.Rule].Waived != 0 || before.ByRule[it.Rule].Open != on.ByRule[it.Rule].Open+1 {
			t.Errorf("waived item %d (%s): its rule's figures the day before %+v and on the day %+v", it.ID, it.Rule,
				*before.ByRule[it.Rule], *on.ByRule[it.Rule])
		}
	}
	if waived != 2 {
		t.Errorf("%d items waived, want the two of demo/FACTS.md", waived)
	}
	// The figures of the reference day are the statuses'.
	f := rectify.Count(items, ref)
	if f.All.Total != len(items) || f.All.Verified != count[rectification.StatusVERIFIED] || f.All.Waived != waived ||
		f.All.Overdue != count[rectification.StatusOVERDUE] || f.All.Open != len(items)-f.All.Verified-waived {
		t.Errorf("the reference day's figures %+v disagree with the statuses %v", *f.All, count)
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
