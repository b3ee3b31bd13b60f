package rectify_test

import (
	"context"
	"testing"

	"jiceng/calendar"
	"jiceng/coverage"
	"jiceng/database"
	"jiceng/demo"
	"jiceng/ent"
	"jiceng/ent/area"
	"jiceng/policy"
	"jiceng/rectify"
	"jiceng/register"
)

// BenchmarkFuxinHandOverCommunity hands over every gap of one of the Fuxin
// demo's communities (the next each time) on the reference day with a fresh engine (nothing
// walked back yet), so the cost is the hand-over's own bounded walk for its
// gaps' first days; BenchmarkFuxinRollup (coverage) is one cold reading.
func BenchmarkFuxinHandOverCommunity(b *testing.B) {
	ctx := policy.System(context.Background())
	st, err := database.Open(ctx, "", b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	ref := demo.Reference()
	if err := demo.Load(ctx, st.Client, ref); err != nil {
		b.Fatal(err)
	}
	defer calendar.Freeze(ref)()
	communities, err := st.Client.Area.Query().Where(area.KindEQ(area.KindCOMMUNITY)).All(ctx)
	if err != nil {
		b.Fatal(err)
	}
	i := 0
	b.ResetTimer()
	for b.Loop() {
		if i == len(communities) {
			b.Fatal("every community is handed over")
		}
		c := communities[i]
		i++
		b.StopTimer()
		book := rectify.New(st.Client, coverage.New(st.Client, st.Read, st.Dialect))
		b.StartTimer()
		var items []*ent.Rectification
		err := register.InTx(ctx, st.Client, func(tx *ent.Client) error {
			var err error
			items, err = book.Create(ctx, tx, rectify.HandOver{AreaID: &c.ID, Deadline: calendar.AddMonths(ref, 3)})
			return err
		})
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(len(items)), "gaps")
		for _, it := range items {
			if it.GapSince == nil || it.GapSince.After(ref) {
				b.Fatalf("item %d (%s) open since %v", it.ID, it.Rule, it.GapSince)
			}
		}
	}
}
