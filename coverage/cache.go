package coverage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"sync"
	"time"

	"golang.org/x/sync/singleflight"

	"jiceng/register"
)

// cacheSize is how many analyses are kept: a few days examined at once by
// a few users, of the register as it stands.
const cacheSize = 8

// cache keeps analyses by the day examined and the register's revision, a
// counter every committed write advances: an analysis of a revision is
// never stale, so reports, grid maps and every page of gaps of one day
// share one reading of the register.
type cache struct {
	mu      sync.Mutex
	entries map[string]*analysis
	order   []string
	flight  singleflight.Group
}

// analysis returns the analysis of the register as it stands, as of asOf.
func (en *Engine) analysis(ctx context.Context, asOf time.Time) (*analysis, error) {
	return en.analysisOf(ctx, asOf, scopeKey{})
}

// scopeKey is what an analysis must hold for: the whole register (id 0), an
// area and those below it, or (community) the community the area lies in,
// whose joint branches a page of the area's gaps suggests.
type scopeKey struct {
	id        int
	community bool
}

func (w scopeKey) String() string {
	switch {
	case w.id == 0:
		return ""
	case w.community:
		return "#c" + strconv.Itoa(w.id)
	}
	return "#" + strconv.Itoa(w.id)
}

// analysisOf returns an analysis of the register as it stands, as of asOf,
// that holds for the area (0: the whole register): the whole register's
// when it is at hand, else one scoped to the area (see scope.go).
func (en *Engine) analysisOf(ctx context.Context, asOf time.Time, where scopeKey) (*analysis, error) {
	revision, err := en.revision(ctx)
	if err != nil {
		return nil, err
	}
	c := &en.cache
	if a := c.get(asOf, revision, scopeKey{}); a != nil {
		return a, nil
	}
	if where.id != 0 {
		if a := c.get(asOf, revision, where); a != nil {
			return a, nil
		}
	}
	// One reading per key, however many requests ask at once; it goes on if
	// the first to ask gives up, since the others are waiting for it, and a
	// request that runs out of time stops waiting for it.
	done := c.flight.DoChan(key(asOf, revision, where), func() (any, error) {
		a, revision, err := en.consistentIn(context.WithoutCancel(ctx), asOf, revision, where)
		if err != nil {
			return nil, err
		}
		c.put(asOf, revision, where, a)
		return a, nil
	})
	select {
	case <-ctx.Done():
		return nil, ctx.Err()
	case res := <-done:
		if res.Err != nil {
			return nil, res.Err
		}
		return res.Val.(*analysis), nil
	}
}

// fastTries is how many times an analysis reads with its statements side
// by side before, the register changing under it each time, it reads with
// them one after another in one transaction.
const fastTries = 3

// consistent analyses the register (or one area of it) as of asOf, every
// statement seeing the same revision of it, starting with revision, and
// says which revision that was.
func (en *Engine) consistent(ctx context.Context, asOf time.Time, revision int64) (*analysis, int64, error) {
	return en.consistentIn(ctx, asOf, revision, scopeKey{})
}

// consistentIn is consistent for the area (0: the whole register).
func (en *Engine) consistentIn(ctx context.Context, asOf time.Time, revision int64, where scopeKey) (*analysis, int64, error) {
	for range fastTries {
		a, err := en.analyseIn(ctx, asOf, en.at(revision), where)
		if !errors.Is(err, errMoved) {
			return a, revision, err
		}
		if revision, err = en.revision(ctx); err != nil {
			return nil, 0, err
		}
	}
	var a *analysis
	err := en.snapshot(ctx, func(tx *sql.Tx) error {
		var err error
		if revision, err = revisionIn(ctx, tx); err != nil {
			return err
		}
		a, err = en.analyseIn(ctx, asOf, within(tx), where)
		return err
	})
	return a, revision, err
}

// revision is the register's revision now.
func (en *Engine) revision(ctx context.Context) (int64, error) {
	return revisionIn(ctx, en.read)
}

// revisionIn reads the register's revision with q, a pool or a transaction.
func revisionIn(ctx context.Context, q interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}) (int64, error) {
	var revision int64
	if err := q.QueryRowContext(ctx, register.Revision).Scan(&revision); err != nil {
		return 0, fmt.Errorf("reading the register's revision: %w", err)
	}
	return revision, nil
}

func key(asOf time.Time, revision int64, where scopeKey) string {
	return asOf.Format("2006-01-02") + "@" + strconv.FormatInt(revision, 10) + where.String()
}

func (c *cache) get(asOf time.Time, revision int64, where scopeKey) *analysis {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.entries[key(asOf, revision, where)]
}

func (c *cache) put(asOf time.Time, revision int64, where scopeKey, a *analysis) {
	c.mu.Lock()
	defer c.mu.Unlock()
	k := key(asOf, revision, where)
	if _, ok := c.entries[k]; ok {
		return
	}
	if c.entries == nil {
		c.entries = map[string]*analysis{}
	}
	c.entries[k] = a
	c.order = append(c.order, k)
	if len(c.order) > cacheSize {
		delete(c.entries, c.order[0])
		c.order = c.order[1:]
	}
}
