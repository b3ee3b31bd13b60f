package graph_test

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"jiceng/viewer"
)

// TestListsInVariablesAreCountedBeforeTheyAreDecoded: a long list in a
// variable is refused by the variable's declared type, before gqlgen
// decodes and coerces the variables (a list of 40,000 numbers where names
// are wanted is refused for its length, not for its values' type), with
// the argument's path; lists in a scalar (a GeoJSON boundary's
// coordinates) are not counted, literal lists still are.
func TestListsInVariablesAreCountedBeforeTheyAreDecoded(t *testing.T) {
	w := newWorld(t)
	reporter := w.api.As(viewer.Reporter)
	numbers := make([]int, 40_000)
	e := refusedQuickly(t, reporter, "BAD_USER_INPUT", `query($n: [String!]) { members(where: {nameIn: $n}) { totalCount } }`, "n", numbers)
	if e.Field() != "where.nameIn" || !strings.Contains(e.Message, "40000 values; at most 500") {
		t.Errorf("40,000 numbers as names: got field %q, %q; want where.nameIn refused for its length", e.Field(), e.Message)
	}
	names := make([]string, 501)
	for i := range names {
		names[i] = fmt.Sprint("王某", i)
	}
	e = refusedQuickly(t, reporter, "BAD_USER_INPUT", `query($w: MemberWhereInput) { members(where: $w) { totalCount } }`,
		"w", map[string]any{"or": []any{map[string]any{"nameIn": names}}})
	if e.Field() != "where.or.nameIn" {
		t.Errorf("a long list inside an input object variable: got field %q, %q; want where.or.nameIn", e.Field(), e.Message)
	}
	literal := `{ members(where: {nameIn: ["` + strings.Join(names, `","`) + `"]}) { totalCount } }`
	if e := reporter.Fail(literal); e.Code() != "BAD_USER_INPUT" || e.Field() != "where.nameIn" {
		t.Errorf("a literal list of 501 names: got %s %q %q, want BAD_USER_INPUT where.nameIn", e.Code(), e.Field(), e.Message)
	}
	var ok struct{ Members struct{ TotalCount int } }
	reporter.Do(&ok, `query($n: [String!]) { members(where: {nameIn: $n}) { totalCount } }`, "n", names[:500])

	// A grid boundary of 800 points, by variable and as a literal.
	ring := make([]any, 0, 801)
	for i := 0; i < 800; i++ {
		a := 2 * math.Pi * float64(i) / 800
		ring = append(ring, []any{87.95 + 0.01*math.Cos(a), 44.15 + 0.01*math.Sin(a)})
	}
	ring = append(ring, ring[0])
	boundary := map[string]any{"type": "Polygon", "coordinates": []any{ring}}
	res := w.api.Post(`mutation($id: ID!, $b: GeoJSON) { updateArea(id: $id, input: {boundary: $b}) { id } }`, "id", w.grid.ID, "b", boundary)
	for _, e := range res.Errors {
		t.Errorf("a boundary of 800 points by variable: %s %q %s", e.Code(), e.Field(), e.Message)
	}
	var points []string
	for _, p := range ring {
		xy := p.([]any)
		points = append(points, fmt.Sprintf("[%f,%f]", xy[0], xy[1]))
	}
	res = w.api.Post(fmt.Sprintf(`mutation { updateArea(id: %d, input: {boundary: {type: "Polygon", coordinates: [[%s]]}}) { id } }`, w.grid.ID, strings.Join(points, ",")))
	for _, e := range res.Errors {
		t.Errorf("a boundary of 800 points as a literal: %s %q %s", e.Code(), e.Field(), e.Message)
	}
}
