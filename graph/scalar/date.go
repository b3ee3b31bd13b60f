// Package scalar marshals the GraphQL scalars that gqlgen maps to Go types
// it does not own.
package scalar

import (
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/99designs/gqlgen/graphql"

	"jiceng/check"
)

// MarshalDate writes a calendar date as "YYYY-MM-DD".
func MarshalDate(t time.Time) graphql.Marshaler {
	return graphql.WriterFunc(func(w io.Writer) {
		_, _ = io.WriteString(w, strconv.Quote(t.UTC().Format(check.DateLayout)))
	})
}

// UnmarshalDate reads a calendar date written "YYYY-MM-DD" as midnight UTC.
func UnmarshalDate(v any) (time.Time, error) {
	s, ok := v.(string)
	if !ok {
		return time.Time{}, fmt.Errorf("a Date must be a string written YYYY-MM-DD, got %T", v)
	}
	return check.ParseDate(s)
}
