package check

import (
	"time"
)

// DateLayout is how the register writes a calendar date: YYYY-MM-DD.
const DateLayout = "2006-01-02"

// ParseDate reads a calendar date written YYYY-MM-DD and returns it as
// midnight UTC, the form in which every date of the register is stored.
func ParseDate(s string) (time.Time, error) {
	t, err := time.Parse(DateLayout, s)
	if err != nil {
		return time.Time{}, fail("DATE_FORMAT", "“%s”不是“年-月-日”格式的日期", "%q is not a date written YYYY-MM-DD", s)
	}
	if t.Year() < 1900 || t.Year() > 2999 {
		return time.Time{}, fail("DATE_RANGE", "“%s”不在1900至2999年之间", "%q is outside the years 1900–2999", s)
	}
	return t, nil
}

// Day returns the calendar date of t (in t's location) as midnight UTC.
func Day(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}
