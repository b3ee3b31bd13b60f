package graph_test

import (
	"fmt"
	"sync"
	"testing"

	"jiceng/database/dbtest"
	"jiceng/viewer"
)

// TestQueuedWritesAreNotChargedTheirWait: a tool that sends many writes at
// once through one token (48 at a time, 384 in all) has them all done
// under the default budget of server time (a second a second, ten in a
// burst): each write is charged its own work, not its wait behind the
// others for SQLite's one writer or PostgreSQL's revision row, which would
// sum to about 48 times the work and put the token in debt (429
// SERVER_TIME).
//
// On SQLite only: on PostgreSQL the waits for the revision row and for a
// connection to begin a transaction are not charged either, but the waits
// for one of the pool's 16 connections outside a transaction (the token's
// check) are not measured yet, and the 48 writers are still refused there.
func TestQueuedWritesAreNotChargedTheirWait(t *testing.T) {
	if dbtest.Postgres() {
		t.Skip("on PostgreSQL, a request's waits for a pool connection outside a transaction are not yet told apart from its work")
	}
	w := newWorld(t)
	tool := w.api.As(viewer.Admin)
	const writers, each = 48, 8
	var (
		wg       sync.WaitGroup
		mu       sync.Mutex
		failures []string
	)
	for i := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range each {
				res := tool.Post(fmt.Sprintf(`mutation { createArea(input: {name: "社区%d-%d", kind: COMMUNITY, parentID: %d}) { id } }`, i, j, w.sub.ID))
				if len(res.Errors) > 0 {
					mu.Lock()
					failures = append(failures, res.Errors[0].Code()+" "+res.Errors[0].Reason())
					mu.Unlock()
				}
			}
		}()
	}
	wg.Wait()
	if len(failures) > 0 {
		t.Errorf("%d of %d writes refused, want none: %v", len(failures), writers*each, failures[:min(3, len(failures))])
	}
}
