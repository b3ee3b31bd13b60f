package graph_test

import (
	"slices"
	"testing"
)

type gapPage struct {
	CoverageGaps struct {
		TotalCount int
		Edges      []struct {
			Cursor string
			Node   struct{ ID, Key string }
		}
		PageInfo struct {
			HasNextPage, HasPreviousPage bool
			StartCursor, EndCursor       *string
		}
	}
}

const gapPageQuery = `query($first: Int, $after: Cursor, $last: Int, $before: Cursor) {
	coverageGaps(asOf: "2025-06-30", first: $first, after: $after, last: $last, before: $before) {
		totalCount edges { cursor node { id key } }
		pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
	}
}`

// TestGapsAreARelayConnection pages through the gaps forwards and backwards
// and finds each gap again by its ID.
func TestGapsAreARelayConnection(t *testing.T) {
	w := newWorld(t)
	var all gapPage
	w.api.Do(&all, gapPageQuery, "first", 500)
	total := all.CoverageGaps.TotalCount
	if total < 3 {
		t.Fatalf("the world has %d gaps, want a few to page through", total)
	}
	var want []string
	for _, e := range all.CoverageGaps.Edges {
		want = append(want, e.Node.ID)
	}
	var forwards []string
	var after any
	for range total {
		var p gapPage
		w.api.Do(&p, gapPageQuery, "first", 2, "after", after)
		for _, e := range p.CoverageGaps.Edges {
			forwards = append(forwards, e.Node.ID)
		}
		if !p.CoverageGaps.PageInfo.HasNextPage {
			break
		}
		after = *p.CoverageGaps.PageInfo.EndCursor
	}
	if !slices.Equal(forwards, want) {
		t.Errorf("forwards: got %v, want %v", forwards, want)
	}
	var backwards []string
	var before any
	for range total {
		var p gapPage
		w.api.Do(&p, gapPageQuery, "last", 2, "before", before)
		var ids []string
		for _, e := range p.CoverageGaps.Edges {
			ids = append(ids, e.Node.ID)
		}
		backwards = append(ids, backwards...)
		if !p.CoverageGaps.PageInfo.HasPreviousPage {
			break
		}
		before = *p.CoverageGaps.PageInfo.StartCursor
	}
	if !slices.Equal(backwards, want) {
		t.Errorf("backwards: got %v, want %v", backwards, want)
	}
	t.Run("node(id:) finds a gap", func(t *testing.T) {
		first := all.CoverageGaps.Edges[0].Node
		var out struct {
			Node struct{ Typename, ID, Key string }
		}
		w.api.Do(&out, `query($id: ID!) { node(id: $id) { typename: __typename id ... on Gap { key } } }`, "id", first.ID)
		if out.Node.Typename != "Gap" || out.Node.ID != first.ID || out.Node.Key != first.Key {
			t.Errorf("got %+v, want the gap %+v", out.Node, first)
		}
		var many struct{ Nodes []struct{ ID string } }
		w.api.Do(&many, `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, "ids", []any{first.ID, id(w.grid.ID)})
		if len(many.Nodes) != 2 || many.Nodes[0].ID != first.ID || many.Nodes[1].ID != id(w.grid.ID) {
			t.Errorf("nodes: got %+v, want the gap then the grid", many.Nodes)
		}
	})
	t.Run("an unknown gap is NOT_FOUND", func(t *testing.T) {
		e := w.api.Fail(`{ node(id: "2305843009213693953") { id } }`)
		if e.Code() != "NOT_FOUND" {
			t.Errorf("got %s: %s, want NOT_FOUND", e.Code(), e.Message)
		}
	})
	t.Run("a cursor of another connection is refused", func(t *testing.T) {
		var orgs struct {
			Organizations struct{ PageInfo struct{ EndCursor string } }
		}
		w.api.Do(&orgs, `{ organizations(first: 1) { pageInfo { endCursor } } }`)
		e := w.api.Fail(gapPageQuery, "first", 2, "after", orgs.Organizations.PageInfo.EndCursor)
		if e.Code() != "BAD_USER_INPUT" || e.Field() != "after" {
			t.Errorf("got %s on %q: %s, want BAD_USER_INPUT on after", e.Code(), e.Field(), e.Message)
		}
	})
}
