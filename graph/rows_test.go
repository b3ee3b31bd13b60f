package graph_test

import (
	"strings"
	"testing"

	"jiceng/graph"
	"jiceng/graph/graphtest"
)

// TestTheRowsLoadedAreMetered: the records a request loads count against
// MaxRows as they are loaded, whatever the query's estimated cost; a query
// that loads more gets one QUERY_TOO_COSTLY error and no data, and a
// mutation that does writes nothing.
func TestTheRowsLoadedAreMetered(t *testing.T) {
	w := newWorld(t)
	var all struct {
		Organizations struct{ TotalCount int }
	}
	w.api.Do(&all, `{ organizations { totalCount } }`)
	n := all.Organizations.TotalCount
	few := graph.DefaultLimits
	few.MaxRows = n + 1 // the organisations, not also their children (3 or more)
	tight := graphtest.NewWith(t, w.store, graph.Options{Limits: few})
	var page struct {
		Organizations struct{ Nodes []struct{ Name string } }
	}
	tight.Do(&page, `{ organizations(first: 100) { nodes { name } } }`)
	if len(page.Organizations.Nodes) != n || n < 4 {
		t.Fatalf("got %d organisations, want the register's %d (at least 4)", len(page.Organizations.Nodes), n)
	}
	q := `{ organizations(first: 100) { nodes { name children { name } } } }`
	res := tight.Post(q)
	if len(res.Errors) != 1 || res.Errors[0].Code() != "QUERY_TOO_COSTLY" || string(res.Data) != "" && string(res.Data) != "null" {
		t.Fatalf("5 organisations and their 4 children over a bound of their number and one: got %s %+v, want one QUERY_TOO_COSTLY and no data", res.Data, res.Errors)
	}
	if e := tight.In("zh-CN").Fail(q); !strings.Contains(e.Message, "记录") {
		t.Errorf("in Chinese: got %q, want it to say too many records were read", e.Message)
	}
	w.api.Do(nil, q) // the default bound lets it through

	// A write whose answer loads more rows than the bound is rolled back.
	m := `mutation($p: ID!) { createArea(input: {name: "二号网格", kind: GRID, parentID: $p}) { id parent { children { name parent { children { name } } } } } }`
	tiny := few
	tiny.MaxRows = 3
	w.refusedTo(t, graphtest.NewWith(t, w.store, graph.Options{Limits: tiny}), "QUERY_TOO_COSTLY", "", m, "p", id(w.community.ID))
	w.api.Do(nil, m, "p", id(w.community.ID))
}
