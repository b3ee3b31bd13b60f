package coverage_test

import (
	"context"
	"reflect"
	"testing"
	"time"

	"jiceng/calendar"
	"jiceng/coverage"
	"jiceng/ent"
	"jiceng/ent/member"
	"jiceng/policy"
	"jiceng/register"
	"jiceng/vocab"
)

// TestWritesKeepTheDaysBeforeThem checks that a write records the earliest
// day it can change: after a meeting held today, the analyses of past days
// (of the grid and of the whole register) are still cached and no reading
// is made for them; after a meeting held on a past day, exactly the days
// from that day on are read again. Every answer is the fresh engine's.
// The same for a trend's points.
func TestWritesKeepTheDaysBeforeThem(t *testing.T) {
	r := newReg(t)
	g, branch := r.gridBranch()
	r.members(3, member.StatusFULL, nil, branch)
	ctx := policy.System(context.Background())
	today := calendar.Today()
	days := []time.Time{calendar.MonthEnd(calendar.AddMonths(today, -36)), calendar.MonthEnd(calendar.AddMonths(today, -24)),
		calendar.MonthEnd(calendar.AddMonths(today, -12)), today}
	scopes := []*int{&g.ID, nil} // the grid first: the whole register's analysis, while current, serves it
	meet := func(on time.Time) {
		t.Helper()
		err := register.InTx(ctx, r.st.Client, func(c *ent.Client) error {
			return c.Meeting.Create().SetOrganizationID(branch.ID).SetType(vocab.ThemedPartyDay).SetHeldOn(on).
				SetExpectedAttendance(3).SetAttendance(3).Exec(ctx)
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	en := coverage.New(r.st.Client, r.st.Read, r.st.Dialect)
	// readAll reads every day of every scope and says how many readings
	// of the register that took.
	readAll := func(what string) int64 {
		t.Helper()
		before := coverage.Readings(en)
		fresh := coverage.New(r.st.Client, r.st.Read, r.st.Dialect)
		for _, d := range days {
			for _, id := range scopes {
				got, err := en.Coverage(ctx, id, &d, 0)
				if err != nil {
					t.Fatal(err)
				}
				want, err := fresh.Coverage(ctx, id, &d, 0)
				if err != nil {
					t.Fatal(err)
				}
				if g, w := figures(got), figures(want); !reflect.DeepEqual(g, w) {
					t.Fatalf("%s, area %v as of %s:\nkept %s\nread %s", what, id, d.Format(time.DateOnly), show(g), show(w))
				}
			}
		}
		return coverage.Readings(en) - before
	}
	if n := readAll("first reading"); n != int64(len(days)*len(scopes)) {
		t.Fatalf("the first reading read %d analyses, want %d", n, len(days)*len(scopes))
	}
	if n := readAll("again"); n != 0 {
		t.Fatalf("reading again read %d analyses, want none", n)
	}
	meet(today)
	if n := readAll("after a meeting today"); n != int64(len(scopes)) {
		t.Fatalf("after a meeting held today, %d analyses were read, want %d (today's alone)", n, len(scopes))
	}
	meet(days[1])
	if n := readAll("after a backdated meeting"); n != int64(3*len(scopes)) {
		t.Fatalf("after a meeting held on %s, %d analyses were read, want %d (that day's and the two after)", days[1].Format(time.DateOnly), n, 3*len(scopes))
	}
	if n := readAll("again"); n != 0 {
		t.Fatalf("reading again read %d analyses, want none", n)
	}

	// A trend reads only the days a write may have changed.
	from := calendar.AddMonths(today, -4)
	points, err := coverage.TrendDays(from, today, 1)
	if err != nil {
		t.Fatal(err)
	}
	trend := func(what string) int64 {
		t.Helper()
		before := coverage.Readings(en)
		got, err := en.Trend(ctx, nil, from, today, 1)
		if err != nil {
			t.Fatal(err)
		}
		want, err := coverage.New(r.st.Client, r.st.Read, r.st.Dialect).Trend(ctx, nil, from, today, 1)
		if err != nil {
			t.Fatal(err)
		}
		for i := range want {
			if g, w := figures(got[i].Report), figures(want[i].Report); !reflect.DeepEqual(g, w) {
				t.Fatalf("%s, point %s:\nkept %s\nread %s", what, want[i].AsOf.Format(time.DateOnly), show(g), show(w))
			}
		}
		return coverage.Readings(en) - before
	}
	if n := trend("a trend"); n != int64(len(points)) {
		t.Fatalf("the first trend read %d days, want %d", n, len(points))
	}
	if n := trend("again"); n != 0 {
		t.Fatalf("the trend again read %d days, want none", n)
	}
	meet(today)
	if n := trend("after a meeting today"); n != 1 {
		t.Fatalf("the trend after a meeting held today read %d days, want 1", n)
	}
	meet(points[2])
	if n := trend("after a backdated meeting"); n != int64(len(points)-2) {
		t.Fatalf("the trend after a meeting held on %s read %d days, want %d", points[2].Format(time.DateOnly), n, len(points)-2)
	}
}
