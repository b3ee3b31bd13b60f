package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"sync"

	"jiceng/database"
)

// drain lets requests in flight finish when the server stops, and answers
// those still running when the grace is over with a 503 instead of a
// closed connection.
type drain struct {
	ctx    context.Context
	cancel context.CancelFunc
}

func newDrain() *drain {
	ctx, cancel := context.WithCancel(context.Background())
	return &drain{ctx: ctx, cancel: cancel}
}

// stop cancels every request still running; those that have not answered
// yet answer 503.
func (d *drain) stop() { d.cancel() }

const stoppedBody = `{"errors":[{"message":"the server stopped before it finished this request; a change it asked for may have been saved: send it again with the same Idempotency-Key to get its answer, or look for it before sending it without one","extensions":{"code":"SERVICE_UNAVAILABLE"}}]}`

func (d *drain) wrap(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithCancel(r.Context())
		defer cancel()
		sw := &stoppable{ResponseWriter: w}
		// At the end of the grace the client gets its 503 at once, even
		// from a handler stuck in the database: it ends when it can.
		defer context.AfterFunc(d.ctx, func() {
			cancel()
			sw.stop()
		})()
		next.ServeHTTP(sw, r.WithContext(ctx))
		sw.WriteHeader(http.StatusOK) // a handler that wrote nothing
	})
}

// stoppable sends its handler's answer unless the server stopped before
// the handler began answering; then it sends 503.
type stoppable struct {
	http.ResponseWriter
	mu      sync.Mutex
	wrote   bool
	discard bool
}

func (s *stoppable) stop() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.wrote {
		return
	}
	s.wrote, s.discard = true, true
	h := s.ResponseWriter.Header()
	h.Set("Content-Type", "application/json")
	h.Set("Content-Length", strconv.Itoa(len(stoppedBody)))
	h.Set("Retry-After", "30")
	h.Set("Connection", "close")
	s.ResponseWriter.WriteHeader(http.StatusServiceUnavailable)
	_, _ = io.WriteString(s.ResponseWriter, stoppedBody)
	_ = http.NewResponseController(s.ResponseWriter).Flush()
}

func (s *stoppable) WriteHeader(code int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.wrote {
		s.wrote = true
		s.ResponseWriter.WriteHeader(code)
	}
}

func (s *stoppable) Write(b []byte) (int, error) {
	s.WriteHeader(http.StatusOK)
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.discard {
		return len(b), nil
	}
	return s.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the connection.
func (s *stoppable) Unwrap() http.ResponseWriter { return s.ResponseWriter }

// refusal explains why the server will not open the register, with what
// to do about it.
func refusal(err error, cfg config) error {
	if !errors.Is(err, database.ErrCorrupted) {
		return err
	}
	where := "--data " + cfg.data
	if cfg.db != "" {
		where = "--db " + cfg.db
	}
	return fmt.Errorf("%w\nThe server will not serve a damaged register. Restore the last good backup, which keeps the damaged file beside it:\n  jiceng restore %s BACKUP_FILE\n(scheduled backups are in %s). Then start the server again", err, where, backupDir(cfg))
}
