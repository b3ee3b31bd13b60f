// Package waiting keeps, for one request, the time it spent waiting for a
// turn that others hold: a write waiting for SQLite's one writer (the
// database's gate) or for the register's revision row that another write
// has locked (PostgreSQL). Such a wait costs the server nothing, so the
// budget of server time each credential has (auth) does not take it; a
// tool that sends many writes at once through one token is charged for
// its writes, not for their queue.
package waiting

import (
	"context"
	"sync/atomic"
	"time"
)

// Meter sums a request's waits; it is safe for concurrent use.
type Meter struct{ ns atomic.Int64 }

type key struct{}

// With returns a context that sums its waits into a new meter.
func With(ctx context.Context) (context.Context, *Meter) {
	m := &Meter{}
	return context.WithValue(ctx, key{}, m), m
}

// Add counts d as waited by the request of ctx; a context without a meter
// is left alone.
func Add(ctx context.Context, d time.Duration) {
	if m, _ := ctx.Value(key{}).(*Meter); m != nil && d > 0 {
		m.ns.Add(int64(d))
	}
}

// Since counts the time since began as waited, as Add does.
func Since(ctx context.Context, began time.Time) { Add(ctx, time.Since(began)) }

// Total is the time waited so far; a nil meter has none.
func (m *Meter) Total() time.Duration {
	if m == nil {
		return 0
	}
	return time.Duration(m.ns.Load())
}
