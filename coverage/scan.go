package coverage

import (
	"strconv"
	"strings"
	"time"

	"jiceng/vocab"
)

// The drivers return what a computed column holds in different Go types:
// go-sqlite3 gives int64, float64, string or []byte (dates without a
// declared type come back as text); pgx gives int64, float64, string or
// time.Time. These helpers read them alike.

func toFloat(v any) float64 {
	switch v := v.(type) {
	case int:
		return float64(v)
	case int64:
		return float64(v)
	case float64:
		return v
	case []byte:
		f, _ := strconv.ParseFloat(string(v), 64)
		return f
	case string:
		f, _ := strconv.ParseFloat(v, 64)
		return f
	case bool:
		if v {
			return 1
		}
	}
	return 0
}

func toInt(v any) int { return int(toFloat(v)) }

func toString(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case []byte:
		return string(v)
	}
	return ""
}

// sqlDate reads a date column, reporting false for NULL.
func sqlDate(v any) (time.Time, bool) {
	switch v := v.(type) {
	case time.Time:
		y, m, d := v.Date()
		return time.Date(y, m, d, 0, 0, 0, 0, time.UTC), true
	case string, []byte:
		s := toString(v)
		if len(s) < 10 {
			return time.Time{}, false
		}
		t, err := time.Parse("2006-01-02", strings.TrimSpace(s)[:10])
		return t, err == nil
	}
	return time.Time{}, false
}

func kindOf(v any) vocab.OrganizationKind { return vocab.OrganizationKind(toString(v)) }

// scanAll reads a row of n columns as values.
func scanAll(scan func(...any) error, n int) ([]any, error) {
	vals := make([]any, n)
	ptrs := make([]any, n)
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	return vals, scan(ptrs...)
}
