package register

import (
	"time"

	"jiceng/check"
)

// notBefore reports an end date earlier than its start: "endedOn: 2020-01-01
// is before startedOn 2021-01-01".
func notBefore(endField string, end *time.Time, startField string, start time.Time) error {
	if end != nil && end.Before(start) {
		return invalid(endField, "DATES_OUT_OF_ORDER", "%[1]s早于%[2]s%[3]s", "%s is before %s %s", day(*end), fieldName(startField), day(start))
	}
	return nil
}

// day writes a date as YYYY-MM-DD for messages.
func day(t time.Time) string { return t.UTC().Format(check.DateLayout) }

// overlaps reports whether the periods [aStart, aEnd) and [bStart, bEnd)
// share a day; a nil end is open.
func overlaps(aStart time.Time, aEnd *time.Time, bStart time.Time, bEnd *time.Time) bool {
	return (aEnd == nil || bStart.Before(*aEnd)) && (bEnd == nil || aStart.Before(*bEnd))
}

// activeOn reports whether a record that started on start and ends on end
// (nil for never) is in force on day d: started on or before d and not yet ended.
func activeOn(start time.Time, end *time.Time, d time.Time) bool {
	return !start.After(d) && (end == nil || end.After(d))
}
