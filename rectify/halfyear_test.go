package rectify_test

import (
	"context"
	"reflect"
	"testing"
	"time"

	"jiceng/calendar"
	"jiceng/coverage"
	"jiceng/database/dbtest"
	"jiceng/demo"
	"jiceng/ent/rectification"
	"jiceng/policy"
	"jiceng/rectify"
)

// TestHalfYearOverTheDemo: the account of the demo's last half year holds
// the coverage of its eve and its last day as coverage(asOf) gives them, the
// gaps found and closed are exactly the difference of those two days' gaps,
// the ledger's figures are the items handed over and verified in the span,
// and the areas add up to the whole.
func TestHalfYearOverTheDemo(t *testing.T) {
	st := dbtest.Open(t)
	ctx := policy.System(context.Background())
	ref := demo.Reference()
	if err := demo.Load(ctx, st.Client, ref); err != nil {
		t.Fatal(err)
	}
	if err := rectify.LoadDemo(ctx, st.Client, st.Read, st.Dialect, ref); err != nil {
		t.Fatal(err)
	}
	defer calendar.Freeze(ref)()
	en := coverage.New(st.Client, st.Read, st.Dialect)
	book := rectify.New(st.Client, en)
	// The last half year that has ended by the reference day.
	from := time.Date(ref.Year()-1, 7, 1, 0, 0, 0, 0, time.UTC)
	if ref.Month() > 6 {
		from = time.Date(ref.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
	}
	to := calendar.AddMonths(from, 6).AddDate(0, 0, -1)
	h, err := book.HalfYear(ctx, nil, from, to)
	if err != nil {
		t.Fatal(err)
	}
	eve := from.AddDate(0, 0, -1)
	fresh := coverage.New(st.Client, st.Read, st.Dialect)
	for day, got := range map[time.Time]*coverage.Report{eve: h.Start, to: h.End} {
		want, err := fresh.Coverage(ctx, nil, &day, 0)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: the account's coverage differs from coverage(asOf)", day.Format(time.DateOnly))
		}
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
	before, after := on(eve), on(to)
	found, closed := 0, 0
	for k := range after {
		if !before[k] {
			found++
		}
	}
	for k := range before {
		if !after[k] {
			closed++
		}
	}
	if len(h.Found) != found || len(h.Closed) != closed {
		t.Errorf("found %d and closed %d gaps, the two days differ by %d and %d", len(h.Found), len(h.Closed), found, closed)
	}
	for _, c := range h.Found {
		if c.Day.Before(from) || c.Day.After(to) {
			t.Errorf("a gap found on %s, outside the span", c.Day.Format(time.DateOnly))
		}
	}
	families := 0
	for _, f := range rectify.FamilyCounts(h.Found) {
		families += f.Count
	}
	if families != found {
		t.Errorf("the families of the gaps found sum to %d, want %d", families, found)
	}

	handed, err := st.Client.Rectification.Query().Where(rectification.HandedOverOnGTE(from), rectification.HandedOverOnLTE(to)).Count(ctx)
	if err != nil {
		t.Fatal(err)
	}
	verified, err := st.Client.Rectification.Query().Where(rectification.VerifiedOnGTE(from), rectification.VerifiedOnLTE(to)).Count(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if h.All.HandedOver != handed || h.All.Verified != verified || handed == 0 || verified == 0 {
		t.Errorf("handed over %d, verified %d; the ledger holds %d and %d in the span", h.All.HandedOver, h.All.Verified, handed, verified)
	}
	var sum rectify.Account
	for _, a := range h.ByArea {
		sum.HandedOver += a.HandedOver
		sum.Verified += a.Verified
		sum.StillOpen += a.StillOpen
		sum.Overdue += a.Overdue
		sum.Waived += a.Waived
	}
	if sum != *h.All {
		t.Errorf("the areas add up to %+v, the whole is %+v", sum, *h.All)
	}
	if h.All.Overdue > h.All.StillOpen {
		t.Errorf("more overdue (%d) than open (%d)", h.All.Overdue, h.All.StillOpen)
	}

	if _, err := book.HalfYear(ctx, nil, from, ref.AddDate(0, 0, 1)); err == nil {
		t.Error("a span ending after today was accepted")
	}
	if _, err := book.HalfYear(ctx, nil, to, from); err == nil {
		t.Error("a span ending before it starts was accepted")
	}
}
