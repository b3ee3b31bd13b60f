package graph

import (
	"context"
	"strconv"
	"sync"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

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
