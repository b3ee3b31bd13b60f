package graph

import (
	"context"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"jiceng/auth"
	"jiceng/viewer"
)

// TurnCost is the estimated cost from which a query runs in its viewer's
// turn: one token or user has at most one such query running at a time,
// and its others wait (within their --timeout) for the one before to end.
// A reporting tool that pages one request after another never waits; one
// that sends many costly queries at once, or an attacker on many
// connections, gets no more than one core's worth of the server however
// many it sends, and the other viewers keep the rest.
const TurnCost = 1_000

// turns holds one turn per viewer with a costly query running or waiting.
var turns = viewerTurns{held: map[string]*turn{}}

type viewerTurns struct {
	mu   sync.Mutex
	held map[string]*turn
}

type turn struct {
	slot  chan struct{}
	users int // requests running or waiting in this turn
}

// take waits for the viewer's turn; release must be called after.
func (t *viewerTurns) take(ctx context.Context, key string) (release func(), err error) {
	t.mu.Lock()
	tn := t.held[key]
	if tn == nil {
		tn = &turn{slot: make(chan struct{}, 1)}
		t.held[key] = tn
	}
	tn.users++
	t.mu.Unlock()
	done := func() {
		t.mu.Lock()
		if tn.users--; tn.users == 0 {
			delete(t.held, key)
		}
		t.mu.Unlock()
	}
	select {
	case tn.slot <- struct{}{}:
		return func() { <-tn.slot; done() }, nil
	case <-ctx.Done():
		done()
		return nil, ctx.Err()
	}
}

// viewerKey names the token or user making the request.
func viewerKey(ctx context.Context) string {
	v := viewer.FromContext(ctx)
	switch {
	case v == nil:
		return ""
	case v.TokenID != 0:
		return "token:" + strconv.Itoa(v.TokenID)
	default:
		return "user:" + strconv.Itoa(v.UserID)
	}
}

// isQuery reports whether the request is a query: a mutation holds its
// transaction from the start, and must not wait while holding it.
func isQuery(ctx context.Context) bool {
	op := graphql.GetOperationContext(ctx).Operation
	return op != nil && op.Operation == ast.Query
}

// takeViewerTurn runs a costly query, or one that analyses coverage, in
// its viewer's turn (see TurnCost).
func takeViewerTurn(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	m := meterOf(ctx)
	key := viewerKey(ctx)
	if m == nil || key == "" || m.cost < TurnCost && m.days == 0 || !isQuery(ctx) {
		return next(ctx)
	}
	release, err := turns.take(ctx, key)
	if err != nil {
		return &graphql.Response{Errors: gqlerror.List{limitError("TIMEOUT",
			"this token or user had other costly queries running until the request's time ran out: send them one after another, or ask for less")}}
	}
	defer release()
	return next(ctx)
}

// Priority. However few costly queries run at once, each can keep both
// cores busy (gqlgen resolves a list's items on goroutines of their own),
// and the light reads of other clients then wait behind its fields. So a
// query that is heavy (see HeavyCost), or whose viewer has been holding
// the server for more than auth.ShareOfServer, gives way: while any other
// query runs, it resolves no new field, until that query ends. It is never
// held back for more than half its own time, so it finishes within twice
// the time it would have taken alone.

// gate counts the queries that have priority, and how long the server has
// been running any.
type gate struct {
	running   atomic.Int32
	mu        sync.Mutex
	n         int
	idle      chan struct{} // closed when n drops to 0
	busySince time.Time
	busyTotal time.Duration
}

var priority = &gate{}

func (g *gate) enter() {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.n == 0 {
		g.idle = make(chan struct{})
		g.busySince = time.Now()
	}
	g.n++
	g.running.Store(int32(g.n))
}

func (g *gate) leave() {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.n--
	g.running.Store(int32(g.n))
	if g.n == 0 {
		g.busyTotal += time.Since(g.busySince)
		close(g.idle)
	}
}

// busy is the time for which queries with priority have run, in all.
func (g *gate) busy(now time.Time) time.Duration {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.n > 0 {
		return g.busyTotal + now.Sub(g.busySince)
	}
	return g.busyTotal
}

// giveWay is a query's place in the gate: set on a query that gives way.
type giveWay struct {
	began time.Time
	busy0 time.Duration // the gate's busy time when it began
}

// wait holds a field of a query that gives way while queries with priority
// run, for at most what keeps it within three quarters of its time held back.
func (g *gate) wait(ctx context.Context, w *giveWay) {
	if g.running.Load() == 0 {
		return
	}
	now := time.Now()
	g.mu.Lock()
	ch := g.idle
	held := g.busyTotal - w.busy0
	if g.n > 0 {
		held += now.Sub(g.busySince)
	}
	n := g.n
	g.mu.Unlock()
	left := now.Sub(w.began)*3 - 4*held // held may reach 3/4 of the time since it began
	left /= 4
	if n == 0 || left <= 0 {
		return
	}
	t := time.NewTimer(left)
	defer t.Stop()
	select {
	case <-ch:
	case <-t.C:
	case <-ctx.Done():
	}
}

// givePriority runs a light query of a viewer that is not hogging the
// server with priority, and makes any other query give way to those.
func givePriority(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	m := meterOf(ctx)
	if m == nil {
		return next(ctx)
	}
	// A mutation holds its transaction from the start: it never waits.
	if (m.cost >= HeavyCost || m.days > 1 || auth.Hog(ctx)) && isQuery(ctx) {
		now := time.Now()
		m.giveWay = &giveWay{began: now, busy0: priority.busy(now)}
		return next(ctx)
	}
	priority.enter()
	defer priority.leave()
	return next(ctx)
}
