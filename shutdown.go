package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
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
		defer context.AfterFunc(d.ctx, cancel)()
		sw := &stoppable{ResponseWriter: w, stopped: d.ctx.Done()}
		next.ServeHTTP(sw, r.WithContext(ctx))
		sw.WriteHeader(http.StatusOK) // a handler that wrote nothing
	})
}

// stoppable sends its handler's answer unless the server stopped before
// the handler began answering; then it sends 503.
type stoppable struct {
	http.ResponseWriter
	stopped <-chan struct{}
	once    sync.Once
	discard bool
}

func (s *stoppable) WriteHeader(code int) {
	s.once.Do(func() {
		select {
		case <-s.stopped:
			s.discard = true
			h := s.ResponseWriter.Header()
			h.Set("Content-Type", "application/json")
			h.Set("Retry-After", "30")
			h.Set("Connection", "close")
			h.Del("Content-Length")
			s.ResponseWriter.WriteHeader(http.StatusServiceUnavailable)
			_, _ = io.WriteString(s.ResponseWriter, stoppedBody)
		default:
			s.ResponseWriter.WriteHeader(code)
		}
	})
}

func (s *stoppable) Write(b []byte) (int, error) {
	s.WriteHeader(http.StatusOK)
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
