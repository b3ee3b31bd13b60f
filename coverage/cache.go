package coverage

import (
	"context"
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
	var revision int64
	if err := en.read.QueryRowContext(ctx, register.Revision).Scan(&revision); err != nil {
		return nil, fmt.Errorf("reading the register's revision: %w", err)
	}
	key := asOf.Format("2006-01-02") + "@" + strconv.FormatInt(revision, 10)
	c := &en.cache
	c.mu.Lock()
	a, ok := c.entries[key]
	c.mu.Unlock()
	if ok {
		return a, nil
	}
	// One reading per key, however many requests ask at once; it goes on if
	// the first to ask gives up, since the others are waiting for it, and a
	// request that runs out of time stops waiting for it.
	done := c.flight.DoChan(key, func() (any, error) {
		a, err := en.analyse(context.WithoutCancel(ctx), asOf)
		if err != nil {
			return nil, err
		}
		c.mu.Lock()
		defer c.mu.Unlock()
		if c.entries == nil {
			c.entries = map[string]*analysis{}
		}
		c.entries[key] = a
		c.order = append(c.order, key)
		if len(c.order) > cacheSize {
			delete(c.entries, c.order[0])
			c.order = c.order[1:]
		}
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
