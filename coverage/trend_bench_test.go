package coverage

import (
	"context"
	"syscall"
	"testing"
	"time"

	"entgo.io/ent/dialect"

	"jiceng/calendar"
	"jiceng/database"
	"jiceng/demo"
	"jiceng/policy"
)

// BenchmarkTrend12Months is a year of monthly readings (13 days) of the
// whole register read afresh, beside one cold roll-up (one day read afresh)
// in the same run: the issue asks the first within 2× the second.
// "x-rollup" is the trend's time as a multiple of the roll-up's;
// "cpu-x-rollup" its CPU time (SQLite) as a multiple of the roll-up's.
//
//	go test ./coverage -run '^$' -bench 'Trend12Months' -benchtime 3x
func BenchmarkTrend12Months(b *testing.B) {
	b.Run("fuxin", func(b *testing.B) {
		st, err := database.Open(policy.System(context.Background()), "", b.TempDir())
		if err != nil {
			b.Fatal(err)
		}
		defer st.Close()
		ref := demo.Reference()
		if err := demo.Load(policy.System(context.Background()), st.Client, ref); err != nil {
			b.Fatal(err)
		}
		defer calendar.Freeze(ref)()
		trendBeside(b, st, ref)
	})
	b.Run("city", func(b *testing.B) {
		trendBeside(b, city(b), benchAsOf)
	})
}

func trendBeside(b *testing.B, st *database.Store, to time.Time) {
	ctx := policy.System(context.Background())
	from := calendar.AddYears(to, -1)
	var rollup, rollupCPU time.Duration
	const rollups = 2
	for range rollups {
		start, cpu := time.Now(), processCPU()
		if _, err := engine(st).Coverage(ctx, nil, &to, 1); err != nil {
			b.Fatal(err)
		}
		rollup, rollupCPU = rollup+time.Since(start), rollupCPU+processCPU()-cpu
	}
	rollup, rollupCPU = rollup/rollups, rollupCPU/rollups
	b.ResetTimer()
	cpu := processCPU()
	for b.Loop() {
		if _, err := engine(st).Trend(ctx, nil, from, to, 1); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(rollup.Milliseconds()), "rollup-ms")
	b.ReportMetric(float64(b.Elapsed())/float64(b.N)/float64(rollup), "x-rollup")
	if st.Dialect == dialect.SQLite { // SQLite's work is the process's; PostgreSQL's is the server's
		b.ReportMetric(float64(processCPU()-cpu)/float64(b.N)/float64(rollupCPU), "cpu-x-rollup")
	}
}

// processCPU is the CPU time the process has used, user and system: on a
// machine shared with other work, a steadier yardstick than the clock.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
