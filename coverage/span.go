package coverage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"entgo.io/ent/dialect"
	"golang.org/x/sync/errgroup"
)

// A span reads the register as of many days, all of one revision: a series
// of a trend, the days a walk back through history asks. Each of its
// workers holds one snapshot for the whole span and prepares each of the
// analysis's statements once in it: a day's statements are the text of
// every other day's (the day is a parameter; the rule settings, when they
// are the same, write the same text), so a later day only binds its
// parameters and runs them. The workers read days side by side, one
// statement at a time each.
type span struct {
	jobs chan spanJob
	g    *errgroup.Group
	ctx  context.Context
	stop context.CancelFunc
}

type spanJob struct {
	day  time.Time
	r    reading
	done chan<- spanResult
}

type spanResult struct {
	a   *analysis
	err error
}

// spanWorkers is how many snapshots a span reads with at once: the
// statements of one analysis run two at a time (see run).
const spanWorkers = 2

// prepared runs statements in a transaction, preparing each text once.
type prepared struct {
	tx interface {
		PrepareContext(ctx context.Context, query string) (*sql.Stmt, error)
	}
	stmts map[string]*sql.Stmt
}

func (p *prepared) QueryContext(ctx context.Context, text string, args ...any) (*sql.Rows, error) {
	st, ok := p.stmts[text]
	if !ok {
		var err error
		if st, err = p.tx.PrepareContext(ctx, text); err != nil {
			return nil, err
		}
		p.stmts[text] = st
	}
	return st.QueryContext(ctx, args...)
}

// openSpan starts the workers of a span reading what where holds for,
// each in a snapshot that open gives it.
func (en *Engine) openSpan(ctx context.Context, open reader, workers int, where scopeKey) *span {
	ctx, stop := context.WithCancel(ctx)
	g, gctx := errgroup.WithContext(ctx)
	s := &span{jobs: make(chan spanJob), g: g, ctx: gctx, stop: stop}
	var settings *settingHistory
	loaded := make(chan struct{})
	g.Go(func() error {
		var err error
		settings, err = loadSettingHistory(gctx, en.client, nil)
		close(loaded)
		return err
	})
	for range workers {
		g.Go(func() error {
			return open(gctx, func(tx querier) error {
				ptx, ok := tx.(interface {
					PrepareContext(ctx context.Context, query string) (*sql.Stmt, error)
				})
				if !ok {
					return fmt.Errorf("coverage: a span reads in a transaction")
				}
				if en.dialect == dialect.Postgres {
					// A statement run again with other days must be planned
					// for them: a generic plan would serve every day alike.
					rows, err := tx.QueryContext(gctx, "SET LOCAL plan_cache_mode = force_custom_plan")
					if err != nil {
						return fmt.Errorf("starting a span: %w", err)
					}
					rows.Close()
				}
				p := &prepared{tx: ptx, stmts: map[string]*sql.Stmt{}}
				select {
				case <-loaded:
				case <-gctx.Done():
					return gctx.Err()
				}
				read := within(p)
				for {
					select {
					case <-gctx.Done():
						return gctx.Err()
					case j, more := <-s.jobs:
						if !more {
							return nil
						}
						j.r.settings = settings
						en.cache.readings.Add(1)
						a, err := en.analyseWith(gctx, j.day, read, where, j.r)
						j.done <- spanResult{a, err}
						if err != nil {
							return err
						}
					}
				}
			})
		})
	}
	return s
}

// read analyses the days, in their order, lean.
func (s *span) read(days []time.Time) ([]*analysis, error) {
	rs := make([]reading, len(days))
	for i := range rs {
		rs[i].lean = true
	}
	return s.readAs(days, rs)
}

// readAs analyses each day as its reading says, in their order.
func (s *span) readAs(days []time.Time, rs []reading) ([]*analysis, error) {
	results := make([]chan spanResult, len(days))
	for i := range results {
		results[i] = make(chan spanResult, 1)
	}
	sent := make(chan struct{})
	go func() {
		defer close(sent)
		for i, d := range days {
			select {
			case s.jobs <- spanJob{day: d, r: rs[i], done: results[i]}:
			case <-s.ctx.Done():
				results[i] <- spanResult{err: s.ctx.Err()}
			}
		}
	}()
	out := make([]*analysis, len(days))
	for i := range days {
		r := <-results[i]
		if r.err != nil {
			err := s.fail(r.err)
			<-sent
			return nil, err
		}
		out[i] = r.a
	}
	<-sent
	return out, nil
}

// fail stops the span and says why: a worker's error (errMoved when its
// snapshot was not of the revision) rather than the cancellation it caused.
func (s *span) fail(err error) error {
	s.stop()
	if werr := s.g.Wait(); werr != nil && errors.Is(err, context.Canceled) && !errors.Is(werr, context.Canceled) {
		return werr
	}
	return err
}

// close ends the span's snapshots.
func (s *span) close() {
	close(s.jobs)
	s.stop()
	_ = s.g.Wait()
}

// inSpan runs fn with a span of the register at one revision, as
// consistentIn reads one day: its workers side by side at the revision
// read first, again at the latest one while the register changes under
// them, and after fastTries one worker in one snapshot. It says which
// revision it read.
func (en *Engine) inSpan(ctx context.Context, revision int64, where scopeKey, fn func(s *span) error) (int64, error) {
	for range fastTries {
		s := en.openSpan(ctx, en.at(revision), spanWorkers, where)
		err := fn(s)
		s.close()
		if !errors.Is(err, errMoved) {
			return revision, err
		}
		var rerr error
		if revision, rerr = en.revision(ctx); rerr != nil {
			return 0, rerr
		}
	}
	err := en.snapshot(ctx, func(tx *sql.Tx) error {
		var err error
		if revision, err = revisionIn(ctx, tx); err != nil {
			return err
		}
		s := en.openSpan(ctx, func(ctx context.Context, f func(tx querier) error) error {
			return f(tx)
		}, 1, where)
		err = fn(s)
		s.close()
		return err
	})
	return revision, err
}

// readDays analyses the register, or what where holds for, as of each day,
// all of one revision, and says which.
func (en *Engine) readDays(ctx context.Context, days []time.Time, where scopeKey) ([]*analysis, int64, error) {
	revision, err := en.revision(ctx)
	if err != nil {
		return nil, 0, err
	}
	if len(days) == 1 {
		// One day (a trend after a write today) reads as consistentIn reads
		// one, its statements side by side rather than one at a time.
		a, revision, err := en.leanDay(ctx, days[0], revision, where)
		return []*analysis{a}, revision, err
	}
	var out []*analysis
	revision, err = en.inSpan(ctx, revision, where, func(s *span) error {
		var err error
		out, err = s.read(days)
		return err
	})
	return out, revision, err
}

// leanDay reads one day lean, all at one revision, starting with revision,
// and says which revision that was.
func (en *Engine) leanDay(ctx context.Context, day time.Time, revision int64, where scopeKey) (*analysis, int64, error) {
	return en.consistentWith(ctx, day, revision, where, reading{lean: true})
}
