package rectify_test

import (
	"context"
	"testing"

	"jiceng/calendar"
	"jiceng/coverage"
	"jiceng/database/dbtest"
	"jiceng/demo"
	"jiceng/ent/rectification"
	"jiceng/policy"
	"jiceng/rectify"
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
	defer calendar.Freeze(ref)()
	book := rectify.New(st.Client, coverage.New(st.Client, st.Read, st.Dialect))
	if n, err := book.Reconcile(ctx); err != nil || n != 0 {
		t.Errorf("the reconciler changed %d of the demo's items (%v): the demo's statuses disagree with its history", n, err)
	}
}
