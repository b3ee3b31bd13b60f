package coverage

import (
	"context"
	"os"
	"syscall"
	"testing"
	"time"

	"entgo.io/ent/dialect"

	"jiceng/calendar"
	"jiceng/database"
	"jiceng/demo"
	"jiceng/ent"
	"jiceng/ent/unit"
	"jiceng/policy"
	"jiceng/register"
)

// BenchmarkTrend12Months is a year of monthly readings (13 days) of the
// whole register read afresh, beside one cold roll-up (one day read afresh)
// in the same run: the issue asks the first within 2× the second.
// "x-rollup" is the trend's time as a multiple of the roll-up's;
// "cpu-x-rollup" its CPU time (SQLite) as a multiple of the roll-up's.
// afterWrite is the trend read again by an engine that read it once, after
// a write dated today (a unit's head count recorded from today, through
// the register's hooks), beside one cold roll-up after the same write: the
// trend reads the last day alone and keeps the others (kept.go).
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
		b.Run("fresh", func(b *testing.B) { trendBeside(b, st, ref) })
		b.Run("afterWrite", func(b *testing.B) { trendAfterWrite(b, st, ref) })
	})
	b.Run("city", func(b *testing.B) {
		st := city(b)
		defer calendar.Freeze(benchAsOf)()
		b.Run("fresh", func(b *testing.B) { trendBeside(b, st, benchAsOf) })
		b.Run("afterWrite", func(b *testing.B) { trendAfterWrite(b, st, benchAsOf) })
	})
}

// trendAfterWrite measures a trend read again after a write dated today
// (to), beside a cold roll-up after the same kind of write. Each write is
// undone after its measurement (untimed), so a kept register ends as it
// began.
func trendAfterWrite(b *testing.B, st *database.Store, to time.Time) {
	ctx := policy.System(context.Background())
	from := calendar.AddYears(to, -1)
	u, err := st.Client.Unit.Query().Where(unit.ClosedOnIsNil(), unit.Or(unit.OpenedOnIsNil(), unit.OpenedOnLTE(to))).Order(ent.Asc(unit.FieldID)).First(ctx)
	if err != nil {
		b.Fatal(err)
	}
	employees := func(n int) {
		b.Helper()
		if err := register.InTx(ctx, st.Client, func(c *ent.Client) error {
			return c.Unit.UpdateOneID(u.ID).SetEmployees(n).Exec(ctx)
		}); err != nil {
			b.Fatal(err)
		}
	}
	write := func() { employees(u.Employees + 1) }
	undo := func() { employees(u.Employees) }
	var rollup, rollupCPU time.Duration
	const rollups = 2
	for range rollups {
		write()
		start, cpu := time.Now(), processCPU()
		if _, err := engine(st).Coverage(ctx, nil, &to, 1); err != nil {
			b.Fatal(err)
		}
		rollup, rollupCPU = rollup+time.Since(start), rollupCPU+processCPU()-cpu
		undo()
	}
	rollup, rollupCPU = rollup/rollups, rollupCPU/rollups
	en := engine(st)
	if _, err := en.Trend(ctx, nil, from, to, 1); err != nil {
		b.Fatal(err)
	}
	var elapsed, cpu time.Duration
	b.ResetTimer()
	for b.Loop() {
		b.StopTimer()
		write()
		b.StartTimer()
		start, c := time.Now(), processCPU()
		if _, err := en.Trend(ctx, nil, from, to, 1); err != nil {
			b.Fatal(err)
		}
		elapsed, cpu = elapsed+time.Since(start), cpu+processCPU()-c
		if os.Getenv("JICENG_BENCH_DEBUG") != "" {
			b.Logf("trend after a write: %v (cpu %v); roll-up %v (cpu %v)", time.Since(start), processCPU()-c, rollup, rollupCPU)
		}
		b.StopTimer()
		undo()
		b.StartTimer()
	}
	b.StopTimer()
	b.ReportMetric(float64(rollup.Milliseconds()), "rollup-ms")
	b.ReportMetric(float64(elapsed)/float64(b.N)/float64(rollup), "x-rollup")
	if st.Dialect == dialect.SQLite {
		b.ReportMetric(float64(cpu)/float64(b.N)/float64(rollupCPU), "cpu-x-rollup")
	}
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
