package coverage

import (
	"context"
	"testing"

	"jiceng/calendar"
	"jiceng/database"
	"jiceng/demo"
	"jiceng/policy"
	"jiceng/register"
)

// BenchmarkFuxinOpenSince walks back through the Fuxin demo's history for
// the first day of every gap of the reference day (a fresh engine each
// time, so nothing is cached), beside BenchmarkFuxinRollup, one cold
// reading of the same register: the ratio is how many readings the walk
// costs.
func BenchmarkFuxinOpenSince(b *testing.B) {
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
	floor, err := register.RecordedSince(ctx, st.Client)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		since, err := engine(st).OpenSince(ctx, ref, floor)
		if err != nil || len(since) == 0 {
			b.Fatal(len(since), err)
		}
	}
}
