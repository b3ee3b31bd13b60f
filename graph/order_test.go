package graph_test

import (
	"fmt"
	"strings"
	"testing"
)

// TestNameOrderIsNatural sorts units by NAME as a Chinese reader does
// (第二 before 第三 before 第十, 2号 before 10号), on every page of the
// list, ascending and descending, and after a rename.
func TestNameOrderIsNatural(t *testing.T) {
	w := newWorld(t)
	names := []string{"第十经营部", "第三经营部", "10号商铺", "第二经营部", "2号商铺", "第一经营部"}
	for i, name := range names {
		w.api.Do(nil, fmt.Sprintf(`mutation { createUnit(input: {name: %q, kind: MARKET, gridID: %d, creditCode: %q}) { id } }`,
			name, w.grid.ID, creditCode(900+i)))
	}
	page := func(direction, after string) (got []string, next string, more bool) {
		var out struct {
			Units struct {
				PageInfo struct {
					HasNextPage bool
					EndCursor   string
				}
				Nodes []struct{ Name string }
			}
		}
		cursor := "null"
		if after != "" {
			cursor = fmt.Sprintf("%q", after)
		}
		w.api.Do(&out, fmt.Sprintf(`{ units(first: 2, after: %s, where: {kind: MARKET}, orderBy: [{field: NAME, direction: %s}]) {
			pageInfo { hasNextPage endCursor } nodes { name } } }`, cursor, direction))
		for _, n := range out.Units.Nodes {
			got = append(got, n.Name)
		}
		return got, out.Units.PageInfo.EndCursor, out.Units.PageInfo.HasNextPage
	}
	all := func(direction string) string {
		var got []string
		for after, more := "", true; more; {
			var names []string
			names, after, more = page(direction, after)
			got = append(got, names...)
		}
		return strings.Join(got, " ")
	}
	if got, want := all("ASC"), "2号商铺 10号商铺 第一经营部 第二经营部 第三经营部 第十经营部"; got != want {
		t.Errorf("ascending: got %s, want %s", got, want)
	}
	if got, want := all("DESC"), "第十经营部 第三经营部 第二经营部 第一经营部 10号商铺 2号商铺"; got != want {
		t.Errorf("descending: got %s, want %s", got, want)
	}
	var found struct {
		Units struct{ Nodes []struct{ ID string } }
	}
	w.api.Do(&found, `{ units(where: {name: "第十经营部"}) { nodes { id } } }`)
	w.api.Do(nil, fmt.Sprintf(`mutation { updateUnit(id: %s, input: {name: "第四经营部"}) { id } }`, found.Units.Nodes[0].ID))
	if got, want := all("ASC"), "2号商铺 10号商铺 第一经营部 第二经营部 第三经营部 第四经营部"; got != want {
		t.Errorf("after a rename: got %s, want %s", got, want)
	}
}

// TestRegisterRevisionGrowsWithWrites lets a wall screen tell that the
// register changed by a number that grows with every write.
func TestRegisterRevisionGrowsWithWrites(t *testing.T) {
	w := newWorld(t)
	read := func() int {
		var out struct{ RegisterRevision int }
		w.api.Do(&out, `{ registerRevision }`)
		return out.RegisterRevision
	}
	before := read()
	if again := read(); again != before {
		t.Fatalf("a read changed the revision: got %d, want %d", again, before)
	}
	w.api.Do(nil, fmt.Sprintf(`mutation { createUnit(input: {name: "新市场", kind: MARKET, gridID: %d}) { id } }`, w.grid.ID))
	if after := read(); after <= before {
		t.Errorf("after a write: got revision %d, want more than %d", after, before)
	}
}
