package graph

import (
	"context"
	"sync"
	"time"

	"github.com/99designs/gqlgen/graphql"

	"jiceng/coverage"
	"jiceng/ent"
	"jiceng/ent/area"
)

// territoryKey holds a request's territories, read once per day asked: the
// area pickers ask every area's parent on the day.
type territoryKey struct{}

type territoryMemo struct {
	mu   sync.Mutex
	days map[time.Time]*territoryDay
}

type territoryDay struct {
	once sync.Once
	open map[int]int
	err  error

	parentsOnce sync.Once
	parents     map[int]*ent.Area
	parentsErr  error
}

// memoTerritory gives each response its own territory memo.
func memoTerritory(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	return next(context.WithValue(ctx, territoryKey{}, &territoryMemo{days: map[time.Time]*territoryDay{}}))
}

// areasOn are the areas open on day, each with the area it lay in then
// (coverage.AreasOn), read once per request and day (and on every call
// outside a request).
func areasOn(ctx context.Context, c *ent.Client, day time.Time) (map[int]int, error) {
	d := territoryOf(ctx, day)
	if d == nil {
		return coverage.AreasOn(ctx, c, day)
	}
	d.once.Do(func() { d.open, d.err = coverage.AreasOn(ctx, c, day) })
	return d.open, d.err
}

// parentOn is the area the area lay in on day (Area.parentOn), or nil. The
// parents of the day are read together, once per request and day.
func parentOn(ctx context.Context, c *ent.Client, id int, day time.Time) (*ent.Area, error) {
	open, err := areasOn(ctx, c, day)
	if err != nil || open[id] == 0 {
		return nil, err
	}
	d := territoryOf(ctx, day)
	if d == nil {
		return c.Area.Get(ctx, open[id])
	}
	d.parentsOnce.Do(func() {
		var ids []int
		for _, p := range open {
			if p != 0 {
				ids = append(ids, p)
			}
		}
		all, err := c.Area.Query().Where(area.IDIn(ids...)).All(ctx)
		d.parents, d.parentsErr = map[int]*ent.Area{}, err
		for _, a := range all {
			d.parents[a.ID] = a
		}
	})
	return d.parents[open[id]], d.parentsErr
}

// territoryOf is the request's memo of day; nil outside a request.
func territoryOf(ctx context.Context, day time.Time) *territoryDay {
	memo, _ := ctx.Value(territoryKey{}).(*territoryMemo)
	if memo == nil {
		return nil
	}
	memo.mu.Lock()
	d := memo.days[day]
	if d == nil {
		d = &territoryDay{}
		memo.days[day] = d
	}
	memo.mu.Unlock()
	return d
}
