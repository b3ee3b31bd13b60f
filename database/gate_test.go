package database

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"
)

// TestGateQueue: writers wait their turn at the gate, in order; past
// maxWaitingWrites a write fails at once with ErrBusy; a write whose
// context ends while it waits gives up; damage stops every write.
func TestGateQueue(t *testing.T) {
	g := &gate{slot: make(chan struct{}, 1)}
	release, err := g.acquire(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	got := make(chan error, maxWaitingWrites)
	ctx, cancel := context.WithCancel(context.Background())
	for i := 0; i < maxWaitingWrites; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r, err := g.acquire(ctx)
			if err == nil {
				r()
			}
			got <- err
		}()
	}
	for g.waiting.Load() < maxWaitingWrites {
		time.Sleep(time.Millisecond)
	}
	if _, err := g.acquire(context.Background()); !errors.Is(err, ErrBusy) {
		t.Errorf("a write past a full queue: got %v, want ErrBusy", err)
	}
	release()
	wg.Wait()
	close(got)
	for err := range got {
		if err != nil {
			t.Errorf("a waiting write: got %v, want its turn", err)
		}
	}
	release, _ = g.acquire(context.Background())
	cancel()
	if _, err := g.acquire(ctx); !errors.Is(err, context.Canceled) {
		t.Errorf("a write whose request ended: got %v, want context.Canceled", err)
	}
	release()
	g.check(errors.New("database disk image is malformed"))
	if _, err := g.acquire(context.Background()); !errors.Is(err, ErrCorrupted) {
		t.Errorf("a write after damage: got %v, want ErrCorrupted", err)
	}
}
