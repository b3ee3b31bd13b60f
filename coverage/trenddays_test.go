package coverage_test

import (
	"strings"
	"testing"
	"time"

	"jiceng/coverage"
)

// TestTrendDaysAreReportingDays: a series reads its first day, the month-,
// quarter- or year-ends between, and its last day, as a committee reporting
// every month (每月报表) reads its figures.
func TestTrendDaysAreReportingDays(t *testing.T) {
	day := func(s string) time.Time {
		d, err := time.Parse(time.DateOnly, s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	for _, c := range []struct {
		from, to string
		months   int
		want     string
	}{
		{"2024-06-16", "2025-06-16", 3, "2024-06-16 2024-06-30 2024-09-30 2024-12-31 2025-03-31 2025-06-16"},
		{"2025-12-31", "2026-03-31", 1, "2025-12-31 2026-01-31 2026-02-28 2026-03-31"},
		{"2024-01-15", "2024-03-02", 1, "2024-01-15 2024-01-31 2024-02-29 2024-03-02"},
		{"2023-03-01", "2025-06-30", 12, "2023-03-01 2023-12-31 2024-12-31 2025-06-30"},
		{"2025-05-05", "2025-05-20", 3, "2025-05-05 2025-05-20"},
		{"2025-05-05", "2025-05-05", 1, "2025-05-05"},
	} {
		days, err := coverage.TrendDays(day(c.from), day(c.to), c.months)
		if err != nil {
			t.Fatal(err)
		}
		got := make([]string, len(days))
		for i, d := range days {
			got[i] = d.Format(time.DateOnly)
		}
		if strings.Join(got, " ") != c.want {
			t.Errorf("%s to %s every %d: %v, want %s", c.from, c.to, c.months, got, c.want)
		}
	}
	if _, err := coverage.TrendDays(day("2000-01-01"), day("2025-01-01"), 1); err == nil {
		t.Error("a series of 300 month-ends was accepted")
	}
	if days, err := coverage.TrendDays(day("2013-01-01"), day("2025-05-30"), 1); err != nil || len(days) != 150 {
		t.Errorf("the first day, 148 month-ends and the last: %d days, %v", len(days), err)
	}
}
