package calendar

import (
	"testing"
	"time"
)

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func TestAddMonthsKeepsToTheCalendar(t *testing.T) {
	cases := []struct {
		from time.Time
		n    int
		want time.Time
	}{
		{date(2025, 8, 31), -6, date(2025, 2, 28)},
		{date(2024, 8, 31), -6, date(2024, 2, 29)},
		{date(2025, 3, 31), -1, date(2025, 2, 28)},
		{date(2025, 1, 31), 1, date(2025, 2, 28)},
		{date(2025, 6, 15), -6, date(2024, 12, 15)},
		{date(2025, 12, 31), 2, date(2026, 2, 28)},
		{date(2024, 2, 29), 12, date(2025, 2, 28)},
	}
	for _, c := range cases {
		if got := AddMonths(c.from, c.n); !got.Equal(c.want) {
			t.Errorf("AddMonths(%s, %d) = %s, want %s", c.from.Format(time.DateOnly), c.n, got.Format(time.DateOnly), c.want.Format(time.DateOnly))
		}
	}
}

func TestMonthsBetween(t *testing.T) {
	cases := []struct {
		a, b time.Time
		want int
	}{
		{date(2025, 2, 28), date(2025, 8, 31), 6},
		{date(2025, 3, 1), date(2025, 8, 31), 5},
		{date(2025, 1, 31), date(2025, 2, 28), 1},
		{date(2025, 1, 31), date(2025, 2, 27), 0},
		{date(2025, 5, 1), date(2025, 4, 1), 0},
	}
	for _, c := range cases {
		if got := MonthsBetween(c.a, c.b); got != c.want {
			t.Errorf("MonthsBetween(%s, %s) = %d, want %d", c.a.Format(time.DateOnly), c.b.Format(time.DateOnly), got, c.want)
		}
	}
}

func TestTodayIsTheRegistersDay(t *testing.T) {
	if err := SetZone("Asia/Shanghai"); err != nil {
		t.Fatal(err)
	}
	// 20:00 UTC on 31 December is 04:00 on 1 January in Beijing.
	restore := Freeze(time.Date(2025, 12, 31, 20, 0, 0, 0, time.UTC).In(Zone()))
	defer restore()
	if got, want := Today(), date(2026, 1, 1); !got.Equal(want) {
		t.Errorf("Today() = %s, want %s", got, want)
	}
}
