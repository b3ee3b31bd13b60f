package coverage

import (
	"context"
	"testing"
	"time"

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
// costs. "cpu-x-rollup" is the walk's CPU time (SQLite's is the process's)
// as a multiple of one cold roll-up's in the same run.
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
	var rollupCPU time.Duration
	for range 2 {
		cpu := processCPU()
		if _, err := engine(st).Coverage(ctx, nil, &ref, 2); err != nil {
			b.Fatal(err)
		}
		rollupCPU += (processCPU() - cpu) / 2
	}
	b.ResetTimer()
	cpu := processCPU()
	for b.Loop() {
		since, err := engine(st).OpenSince(ctx, ref, floor)
		if err != nil || len(since) == 0 {
			b.Fatal(len(since), err)
		}
	}
	b.StopTimer()
	walk := (processCPU() - cpu) / time.Duration(b.N)
	b.ReportMetric(float64(walk.Milliseconds()), "cpu-ms")
	b.ReportMetric(float64(walk)/float64(rollupCPU), "cpu-x-rollup")
}
