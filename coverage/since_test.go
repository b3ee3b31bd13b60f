package coverage_test

import (
	"testing"
	"time"

	"jiceng/calendar"
	"jiceng/coverage"
	"jiceng/register"
)

// TestOpenSinceIsTheFirstDayOfTheRun walks back every gap of the demo's
// reference day and checks each first day against readings of the register
// made afresh: the gap is found on it and on every month of the walk up to
// the day, and not found the day before it unless it is the walk's floor.
func TestOpenSinceIsTheFirstDayOfTheRun(t *testing.T) {
	st, ctx, ref := frozenDemo(t)
	floor, err := register.RecordedSince(ctx, st.Client)
	if err != nil {
		t.Fatal(err)
	}
	since, err := coverage.New(st.Client, st.Read, st.Dialect).OpenSince(ctx, ref, floor)
	if err != nil {
		t.Fatal(err)
	}
	if bound := calendar.AddYears(ref, -3); floor.Before(bound) {
		floor = bound
	}
	readings := map[time.Time]map[coverage.GapKey]bool{}
	on := func(d time.Time) map[coverage.GapKey]bool {
		if got, ok := readings[d]; ok {
			return got
		}
		g, err := coverage.New(st.Client, st.Read, st.Dialect).Gaps(ctx, coverage.GapFilter{AsOf: &d, First: 1 << 30})
		if err != nil {
			t.Fatal(err)
		}
		out := map[coverage.GapKey]bool{}
		for _, x := range g.Nodes() {
			out[x.GapKey()] = true
		}
		readings[d] = out
		return out
	}
	now := on(ref)
	if len(since) != len(now) {
		t.Fatalf("%d gaps walked back, %d found on the day", len(since), len(now))
	}
	distinct := map[time.Time]bool{}
	for k, d := range since {
		distinct[d] = true
		if d.After(ref) || d.Before(floor) {
			t.Fatalf("%v: open since %s, outside the walk", k, d.Format("2006-01-02"))
		}
		if !on(d)[k] {
			t.Errorf("%v: not found on its first day %s", k, d.Format("2006-01-02"))
		}
		if d.After(floor) && on(d.AddDate(0, 0, -1))[k] {
			t.Errorf("%v: found the day before its first day %s", k, d.Format("2006-01-02"))
		}
		for m := calendar.AddMonths(ref, -1); m.After(d); m = calendar.AddMonths(m, -1) {
			if !on(m)[k] {
				t.Errorf("%v: open since %s but not found on %s", k, d.Format("2006-01-02"), m.Format("2006-01-02"))
			}
		}
	}
	if len(distinct) < 3 {
		t.Errorf("the demo's gaps opened on %d days, want a history", len(distinct))
	}
}
