package coverage_test

import (
	"context"
	"reflect"
	"testing"
	"time"

	"jiceng/calendar"
	"jiceng/coverage"
	"jiceng/database/dbtest"
	"jiceng/demo"
	"jiceng/policy"
)

// TestTrendAndChangesOverTheDemo reads the demo's last year by quarter:
// every point of the trend is coverage(asOf) of its day, and the changes
// between two days are exactly the difference of the two days' gaps, each
// opened (closed) on a day it is found (not found) and was not (was) the
// day before.
func TestTrendAndChangesOverTheDemo(t *testing.T) {
	st := dbtest.Open(t)
	ctx := policy.System(context.Background())
	ref := demo.Reference()
	if err := demo.Load(ctx, st.Client, ref); err != nil {
		t.Fatal(err)
	}
	defer calendar.Freeze(ref)()
	en := coverage.New(st.Client, st.Read, st.Dialect)
	from := calendar.AddYears(ref, -1)
	points, err := en.Trend(ctx, nil, from, ref, 3)
	if err != nil {
		t.Fatal(err)
	}
	if len(points) != 6 {
		t.Fatalf("%d points over a year by quarter, want 6: the first day, four quarter-ends and the last", len(points))
	}
	fresh := coverage.New(st.Client, st.Read, st.Dialect)
	for _, p := range points {
		want, err := fresh.Coverage(ctx, nil, &p.AsOf, 0)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(p.Report, want) {
			t.Errorf("%s: the trend's report differs from coverage(asOf)", p.AsOf.Format("2006-01-02"))
		}
		sum := 0
		for _, f := range p.Families {
			sum += f.Count
		}
		if sum != want.GapTotal {
			t.Errorf("%s: families sum to %d gaps, coverage says %d", p.AsOf.Format("2006-01-02"), sum, want.GapTotal)
		}
	}
	if _, err := en.Trend(ctx, nil, ref, from, 1); err == nil {
		t.Error("a series ending before it starts was accepted")
	}

	ch, err := en.Changes(ctx, nil, from, ref)
	if err != nil {
		t.Fatal(err)
	}
	on := func(day time.Time) map[coverage.GapKey]bool {
		g, err := fresh.Gaps(ctx, coverage.GapFilter{AsOf: &day, First: 1 << 30})
		if err != nil {
			t.Fatal(err)
		}
		out := map[coverage.GapKey]bool{}
		for _, x := range g.Nodes() {
			out[x.GapKey()] = true
		}
		return out
	}
	before, after := on(from), on(ref)
	listed := func(changes []*coverage.GapChange) map[coverage.GapKey]bool {
		out := map[coverage.GapKey]bool{}
		for _, c := range changes {
			out[c.Gap.GapKey()] = true
		}
		return out
	}
	gotOpened, gotClosed := listed(ch.Opened), listed(ch.Closed)
	opened, closed := 0, 0
	for k := range after {
		if !before[k] {
			opened++
			if !gotOpened[k] {
				t.Errorf("%s %d opened in the year and not listed", k.Rule, k.SubjectID)
			}
		}
	}
	for k := range before {
		if !after[k] {
			closed++
			if !gotClosed[k] {
				t.Errorf("%s %d closed in the year and not listed", k.Rule, k.SubjectID)
			}
		}
	}
	if len(ch.Opened) != opened || len(ch.Closed) != closed || len(gotOpened) != opened || len(gotClosed) != closed {
		t.Errorf("changes: %d opened, %d closed; the two readings differ by %d opened, %d closed",
			len(ch.Opened), len(ch.Closed), opened, closed)
	}
	if opened+closed == 0 || len(ch.OrganizationsSetUp)+len(ch.UnitsCovered)+len(ch.MembersMoved) == 0 {
		t.Errorf("a year of the demo changed nothing: %+v", ch)
	}
	for i, c := range append(ch.Opened[:min(2, len(ch.Opened))], ch.Closed[:min(2, len(ch.Closed))]...) {
		isOpening := i < min(2, len(ch.Opened))
		k := c.Gap.GapKey()
		if on(c.Day)[k] != isOpening || on(c.Day.AddDate(0, 0, -1))[k] == isOpening {
			t.Errorf("%s %s: the day %s is not the day it changed", k.Rule, c.Gap.SubjectName, c.Day.Format("2006-01-02"))
		}
	}
}
