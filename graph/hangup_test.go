package graph_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"entgo.io/ent/dialect"

	"jiceng/database"
)

// slowDriver makes every statement take a while, one at a time, while on
// is set, so that a query runs long enough to be hung up on; it counts
// the statements sent.
type slowDriver struct {
	dialect.Driver
	on *atomic.Bool
	n  *atomic.Int64
	mu *sync.Mutex
}

// wait takes the statement's turn, as a single connection would, and
// gives up as database/sql does when the statement's context has ended.
func (d slowDriver) wait(ctx context.Context) error {
	if !d.on.Load() {
		return nil
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if err := ctx.Err(); err != nil {
		return err
	}
	time.Sleep(20 * time.Millisecond)
	d.n.Add(1)
	return nil
}

func (d slowDriver) Query(ctx context.Context, query string, args, v any) error {
	if err := d.wait(ctx); err != nil {
		return err
	}
	return d.Driver.Query(ctx, query, args, v)
}

func (d slowDriver) Exec(ctx context.Context, query string, args, v any) error {
	if err := d.wait(ctx); err != nil {
		return err
	}
	return d.Driver.Exec(ctx, query, args, v)
}

// TestHangingUpStopsTheWork: a client that goes away in the middle of a
// long query cancels the request's context, and the server sends no more
// statements for it.
func TestHangingUpStopsTheWork(t *testing.T) {
	var on atomic.Bool
	var n atomic.Int64
	w := newWorld(t, database.WithDriver(func(d dialect.Driver) dialect.Driver {
		return slowDriver{Driver: d, on: &on, n: &n, mu: &sync.Mutex{}}
	}))
	var aliases strings.Builder
	for i := range 15 {
		fmt.Fprintf(&aliases, "a%d: node(id: %d) { ... on Organization { parent { name } children { name } memberships { startedOn } meetings { heldOn } areas { name } } } ", i, w.gridBranch.ID)
	}
	query := "{ " + aliases.String() + "}"
	if res := w.api.Post(query); len(res.Errors) > 0 {
		t.Fatalf("the query: %v", res.Errors)
	}
	send := func(ctx context.Context) error {
		body, _ := json.Marshal(map[string]any{"query": query})
		req, _ := http.NewRequestWithContext(ctx, http.MethodPost, w.api.URL, bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Authorization", "Bearer "+w.api.Token)
		res, err := http.DefaultClient.Do(req)
		if err == nil {
			res.Body.Close()
		}
		return err
	}
	on.Store(true)
	began := time.Now()
	if err := send(context.Background()); err != nil {
		t.Fatalf("the whole query: %v", err)
	}
	whole, took := n.Load(), time.Since(began)
	if whole < 50 {
		t.Fatalf("the whole query sent %d statements in %s; the test needs a longer one", whole, took)
	}

	n.Store(0)
	ctx, hangUp := context.WithTimeout(context.Background(), took/5)
	defer hangUp()
	if err := send(ctx); err == nil {
		t.Fatalf("the request finished before the client hung up at %s", took/5)
	}
	time.Sleep(200 * time.Millisecond) // a statement under way may finish
	after := n.Load()
	time.Sleep(took / 2)
	if later := n.Load(); later != after {
		t.Errorf("after the client hung up the server sent %d more statements", later-after)
	}
	if after > whole/2 {
		t.Errorf("hung up after a fifth of the time, the server still sent %d of the query's %d statements", after, whole)
	}
	t.Logf("the whole query: %d statements in %s; hung up at %s: %d", whole, took.Round(time.Millisecond), took/5, after)
}
