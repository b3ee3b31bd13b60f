// Package calendar is the one place that says what day it is and how
// months are counted. The register is kept in days, not instants: "today"
// is the day in the sub-district's time zone (Asia/Shanghai unless
// configured otherwise), whatever zone the server runs in, and a window of
// months ends on the same day of an earlier month, or on that month's last
// day when it is shorter (six months before 31 August is 28 or 29
// February), as people and the regulations count them.
package calendar

import (
	"fmt"
	"sync/atomic"
	"time"
)

// DefaultZone is the time zone of the register's days unless configured.
const DefaultZone = "Asia/Shanghai"

var zone atomic.Pointer[time.Location]

// clock returns the current instant; tests may set a fixed one with Freeze.
var clock atomic.Pointer[func() time.Time]

func init() {
	loc, err := time.LoadLocation(DefaultZone)
	if err != nil {
		// The binary embeds time/tzdata, so this only happens in a test
		// binary on a machine without zone data: fall back to UTC+8.
		loc = time.FixedZone("CST", 8*3600)
	}
	zone.Store(loc)
}

// SetZone makes name (an IANA zone such as Asia/Shanghai) the zone in
// which "today" is reckoned.
func SetZone(name string) error {
	loc, err := time.LoadLocation(name)
	if err != nil {
		return fmt.Errorf("time zone %q: %w", name, err)
	}
	zone.Store(loc)
	return nil
}

// Zone is the zone in which "today" is reckoned.
func Zone() *time.Location { return zone.Load() }

// Freeze makes Today return day until the returned function is called; for
// tests that need a fixed today.
func Freeze(day time.Time) (restore func()) {
	f := func() time.Time { return day }
	old := clock.Swap(&f)
	return func() { clock.Store(old) }
}

// Today is the current day in the register's zone, as a date at midnight UTC
// (the form every date of the register takes).
func Today() time.Time {
	now := time.Now()
	if f := clock.Load(); f != nil {
		now = (*f)()
		return Day(now)
	}
	return Day(now.In(Zone()))
}

// Day is the calendar day of t, in t's own location, at midnight UTC.
func Day(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// AddMonths moves day by n calendar months (n may be negative), keeping the
// day of the month or, when the target month is shorter, taking its last
// day: AddMonths(31 August, -6) is the last day of February.
func AddMonths(day time.Time, n int) time.Time {
	y, m, d := day.Date()
	first := time.Date(y, m+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
	last := first.AddDate(0, 1, -1).Day()
	return time.Date(first.Year(), first.Month(), min(d, last), 0, 0, 0, 0, time.UTC)
}

// MonthEnd is the last day of day's month.
func MonthEnd(day time.Time) time.Time {
	y, m, _ := day.Date()
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC)
}

// AddYears moves day by n years; 29 February becomes 28 February in a year
// that has none.
func AddYears(day time.Time, n int) time.Time { return AddMonths(day, 12*n) }

// MonthsBetween is the number of whole calendar months from a to b (b after
// a), as AddMonths counts them: the largest k with AddMonths(a, k) <= b.
func MonthsBetween(a, b time.Time) int {
	if b.Before(a) {
		return 0
	}
	k := (b.Year()-a.Year())*12 + int(b.Month()) - int(a.Month())
	for k > 0 && AddMonths(a, k).After(b) {
		k--
	}
	return k
}
