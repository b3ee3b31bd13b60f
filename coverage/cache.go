package coverage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/sync/singleflight"

	"jiceng/register"
)

// cacheSize is how many analyses of the whole register are kept: a few
// days examined at once by a few users, of the register as it stands.
// scopedSize is how many analyses of one area are kept: each holds only
// its area's rows.
const (
	cacheSize  = 8
	scopedSize = 256
)

// cache keeps analyses by the day examined and the area they hold for,
// each with the register's revision it is current at: an analysis of a
// revision is never stale, so reports, grid maps and every page of gaps of
// one day share one reading of the register. An analysis of the whole
// register is current at its revision only; one scoped to an area stays
// current from revision to revision while no write touches the area
// (touch.go): a write in one grid leaves the others' analyses warm.
type cache struct {
	mu      sync.Mutex
	entries map[string]*entry
	order   []string // least recently used first
	flight  singleflight.Group
	// stayed counts the scoped analyses found current after writes elsewhere.
	stayed atomic.Int64
	// readings counts the analyses read from the register.
	readings atomic.Int64
	// composed counts the whole register's analyses merged from its
	// top-level areas' (compose.go).
	composed atomic.Int64
}

// entry is a cached analysis and the revision it is known current at.
type entry struct {
	a        *analysis
	revision int64
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
// when it is at hand, else one scoped to the area (see scope.go), kept
// while no write touches the area.
func (en *Engine) analysisOf(ctx context.Context, asOf time.Time, where scopeKey) (*analysis, error) {
	c := &en.cache
	var scoped *entry
	if where.id != 0 {
		scoped = c.get(asOf, where)
	}
	area := 0
	if scoped != nil {
		area = scoped.a.area
	}
	revision, touched, err := en.revisions(ctx, asOf, area)
	if err != nil {
		return nil, err
	}
	if e := c.get(asOf, scopeKey{}); e != nil && c.current(e, revision, touched) {
		return e.a, nil
	}
	if scoped != nil && c.current(scoped, revision, touched) {
		return scoped.a, nil
	}
	// One reading per key, however many requests ask at once; it goes on if
	// the first to ask gives up, since the others are waiting for it, and a
	// request that runs out of time stops waiting for it.
	done := c.flight.DoChan(key(asOf, where)+"@"+strconv.FormatInt(revision, 10), func() (any, error) {
		a, revision, err := en.readFor(context.WithoutCancel(ctx), asOf, revision, where)
		if err != nil {
			return nil, err
		}
		c.put(asOf, where, &entry{a: a, revision: revision})
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

// touchedAt is the latest revisions of the writes that may have changed
// the reading of a day: of an area (those that touched it or the whole
// register with a from-day on or before the day), and of the whole
// register (those that touched any area with one on or before it).
type touchedAt struct{ area, whole int64 }

// current says whether a cached analysis holds at revision, given the
// latest revisions of the writes that may have changed its day's reading,
// and if so notes it current at revision. A write dated after the day (a
// meeting held today, a move from today) leaves an analysis of the day
// current, of an area or of the whole register.
func (c *cache) current(e *entry, revision int64, t touchedAt) bool {
	touched := t.area
	if e.a.area == 0 {
		touched = t.whole
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	switch {
	case e.revision == revision:
		return true
	case revision < e.revision || touched > e.revision:
		return false
	}
	e.revision = revision
	c.stayed.Add(1)
	return true
}

// revisions reads the register's revision and the latest revisions of the
// writes that may have changed the reading of the area (0: the whole
// register) as of the day, in one statement, so all are of one snapshot.
func (en *Engine) revisions(ctx context.Context, asOf time.Time, area int) (revision int64, touched touchedAt, err error) {
	if err := en.read.QueryRowContext(ctx, register.AreaRevisions(area, asOf)).Scan(&revision, &touched.area, &touched.whole); err != nil {
		return 0, touchedAt{}, fmt.Errorf("reading the register's revision: %w", err)
	}
	return revision, touched, nil
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
	return en.consistentWith(ctx, asOf, revision, where, reading{})
}

// consistentWith is consistentIn reading what r says.
func (en *Engine) consistentWith(ctx context.Context, asOf time.Time, revision int64, where scopeKey, r reading) (*analysis, int64, error) {
	en.cache.readings.Add(1)
	for range fastTries {
		a, err := en.analyseWith(ctx, asOf, en.at(revision), where, r)
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
		a, err = en.analyseWith(ctx, asOf, within(tx), where, r)
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

func key(asOf time.Time, where scopeKey) string {
	return asOf.Format("2006-01-02") + where.String()
}

func (c *cache) get(asOf time.Time, where scopeKey) *entry {
	c.mu.Lock()
	defer c.mu.Unlock()
	k := key(asOf, where)
	e := c.entries[k]
	if e != nil {
		c.use(k)
	}
	return e
}

// use moves a key to the end of the order, the most recently used.
func (c *cache) use(k string) {
	if i := slices.Index(c.order, k); i >= 0 {
		c.order = append(c.order[:i], c.order[i+1:]...)
	}
	c.order = append(c.order, k)
}

// put keeps an analysis, unless one of a later revision is kept, and drops
// the least recently used beyond the sizes.
func (c *cache) put(asOf time.Time, where scopeKey, e *entry) {
	c.mu.Lock()
	defer c.mu.Unlock()
	k := key(asOf, where)
	if old, ok := c.entries[k]; ok && old.revision > e.revision {
		return
	}
	if c.entries == nil {
		c.entries = map[string]*entry{}
	}
	c.entries[k] = e
	c.use(k)
	wholes, scoped := 0, 0
	for i := len(c.order) - 1; i >= 0; i-- {
		k := c.order[i]
		n := &scoped
		limit := scopedSize
		if c.entries[k].a.area == 0 {
			n, limit = &wholes, cacheSize
		}
		if *n++; *n > limit {
			delete(c.entries, k)
			c.order = append(c.order[:i], c.order[i+1:]...)
		}
	}
}
