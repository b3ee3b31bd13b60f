package coverage_test

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"jiceng/calendar"
	"jiceng/coverage"
	"jiceng/database"
	"jiceng/database/dbtest"
	"jiceng/demo"
	"jiceng/policy"
)

// TestTrendAndChangesOverTheDemo reads the demo's last year by month, for
// the whole register and for a community: every point of the trend is
// coverage(asOf) of its day, every official-table figure and gap count,
// and its family counts are those of the day's gaps; the changes between
// two days are exactly the difference of the two days' gaps, each opened
// (closed) on a day it is found (not found) and was not (was) the day
// before.
func TestTrendAndChangesOverTheDemo(t *testing.T) {
	st, ctx, ref := frozenDemo(t)
	en := coverage.New(st.Client, st.Read, st.Dialect)
	from := calendar.AddYears(ref, -1)
	fresh := coverage.New(st.Client, st.Read, st.Dialect)
	whole, err := fresh.Coverage(ctx, nil, &ref, 2)
	if err != nil {
		t.Fatal(err)
	}
	community := whole.Children[0].Children[0].Area.ID
	for _, areaID := range []*int{nil, &community} {
		points, err := en.Trend(ctx, areaID, from, ref, 1)
		if err != nil {
			t.Fatal(err)
		}
		days, err := coverage.TrendDays(from, ref, 1)
		if err != nil {
			t.Fatal(err)
		}
		if len(points) != len(days) || len(points) < 13 {
			t.Fatalf("%d points over a year by month, want the first day, every month-end and the last (%d)", len(points), len(days))
		}
		changed := false
		for _, p := range points {
			day := p.AsOf.Format("2006-01-02")
			want, err := coverage.New(st.Client, st.Read, st.Dialect).Coverage(ctx, areaID, &p.AsOf, 0)
			if err != nil {
				t.Fatal(err)
			}
			if (p.Report.Area == nil) != (want.Area == nil) || want.Area != nil && p.Report.Area.ID != want.Area.ID {
				t.Errorf("%s: the trend's report is of area %v, coverage's of %v", day, p.Report.Area, want.Area)
			}
			got := *p.Report
			got.Area = want.Area // an entity read twice holds its client's state: the IDs are compared above
			if !reflect.DeepEqual(&got, want) {
				t.Errorf("%s (area %v): the trend's report differs from coverage(asOf):\n%s", day, areaID, reportDiff(&got, want))
			}
			gaps, err := fresh.Gaps(ctx, coverage.GapFilter{AreaID: areaID, AsOf: &p.AsOf, First: 1 << 30})
			if err != nil {
				t.Fatal(err)
			}
			families := map[coverage.RuleFamily]int{}
			for _, g := range gaps.Nodes() {
				families[g.Family]++
			}
			sum := 0
			for _, f := range p.Families {
				sum += f.Count
				if f.Count != families[f.Family] {
					t.Errorf("%s (area %v): %d gaps of family %s, the day's gaps hold %d", day, areaID, f.Count, f.Family, families[f.Family])
				}
			}
			if sum != want.GapTotal || sum != gaps.TotalCount {
				t.Errorf("%s: families sum to %d gaps, coverage says %d, the gaps %d", day, sum, want.GapTotal, gaps.TotalCount)
			}
			changed = changed || !reflect.DeepEqual(p.Report.Members, points[0].Report.Members)
		}
		if !changed {
			t.Errorf("area %v: the members' figures are the same every month of the year", areaID)
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

// reportDiff names the parts of two reports that differ.
func reportDiff(got, want *coverage.Report) string {
	var out []string
	for name, pair := range map[string][2]any{"units": {got.Units, want.Units}, "members": {got.Members, want.Members},
		"grids": {got.Grids, want.Grids}, "organizations": {got.Organizations, want.Organizations},
		"gaps": {got.Gaps, want.Gaps}, "assessments": {got.Assessments, want.Assessments}, "status": {got.Status, want.Status}} {
		if !reflect.DeepEqual(pair[0], pair[1]) {
			out = append(out, fmt.Sprintf("%s: %+v, want %+v", name, pair[0], pair[1]))
		}
	}
	return strings.Join(out, "\n")
}

// frozenDemo is a register holding the demo, with today frozen at its
// reference day until the test ends.
func frozenDemo(t *testing.T) (*database.Store, context.Context, time.Time) {
	t.Helper()
	st := dbtest.Open(t)
	ctx := policy.System(context.Background())
	ref := demo.Reference()
	if err := demo.Load(ctx, st.Client, ref); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(calendar.Freeze(ref))
	return st, ctx, ref
}
