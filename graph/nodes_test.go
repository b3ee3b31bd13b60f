package graph_test

import (
	"context"
	"strconv"
	"sync/atomic"
	"testing"

	"entgo.io/ent/dialect"

	"jiceng/database"
)

// bound counts the values bound to the statements sent to the database.
type bound struct {
	dialect.Driver
	n *atomic.Int64
}

func (b bound) Query(ctx context.Context, query string, args, v any) error {
	if a, ok := args.([]any); ok {
		b.n.Add(int64(len(a)))
	}
	return b.Driver.Query(ctx, query, args, v)
}

// TestNodesLooksUpEachIDOnce: nodes(ids:) with two IDs fifty times each
// asks the database what the two once do, and still answers one entry per
// ID asked, in order.
func TestNodesLooksUpEachIDOnce(t *testing.T) {
	var n atomic.Int64
	w := newWorld(t, database.WithDriver(func(d dialect.Driver) dialect.Driver { return bound{d, &n} }))
	query := `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`
	statements := func(ids []int) (int64, []string) {
		t.Helper()
		var out struct{ Nodes []struct{ ID string } }
		n.Store(0)
		w.api.Do(&out, query, "ids", ids)
		got := make([]string, len(out.Nodes))
		for i, node := range out.Nodes {
			got[i] = node.ID
		}
		return n.Load(), got
	}
	// A token's first request also reads the token (later ones find it
	// cached): warm up, so both requests below are alike but for the IDs.
	statements([]int{w.member.ID})
	once, _ := statements([]int{w.member.ID, w.unit.ID})
	many := make([]int, 0, 100)
	for range 50 {
		many = append(many, w.member.ID, w.unit.ID)
	}
	often, got := statements(many)
	if often != once {
		t.Errorf("got %d values bound for 100 copies of two IDs, %d for the two once; want the same", often, once)
	}
	if len(got) != 100 {
		t.Fatalf("got %d nodes for 100 IDs, want 100", len(got))
	}
	for i, id := range got {
		if want := many[i]; id != strconv.Itoa(want) {
			t.Errorf("node %d: got %s, want %d", i, id, want)
			break
		}
	}
}
