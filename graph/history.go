package graph

import (
	"context"
	"sync"
	"time"

	entsql "entgo.io/ent/dialect/sql"
	"github.com/99designs/gqlgen/graphql"

	"jiceng/calendar"
	"jiceng/coverage"
	"jiceng/ent"
	"jiceng/ent/unitcoverage"
	"jiceng/graph/model"
	"jiceng/register"
	"jiceng/vocab"
)

// dated gives a write the day its changes take effect, and why.
func dated(ctx context.Context, on *time.Time, reason *string) context.Context {
	if on == nil && reason == nil {
		return ctx
	}
	day := calendar.Today()
	if on != nil {
		day = *on
	}
	why := ""
	if reason != nil {
		why = *reason
	}
	return register.On(ctx, day, why)
}

// dayOr is the day asked for, or today.
func dayOr(asOf *time.Time) time.Time {
	if asOf == nil {
		return calendar.Today()
	}
	return calendar.Day(*asOf)
}

// placed places a record and resolves the areas of its placement.
func (r *Resolver) placed(ctx context.Context, typ string, id int, asOf *time.Time) (*coverage.Placement, error) {
	p, err := coverage.Place(ctx, r.client, typ, id, dayOr(asOf))
	if err != nil {
		return nil, err
	}
	return &p, nil
}

// areaOrNil loads an area, or nil for ID 0.
func (r *Resolver) areaOrNil(ctx context.Context, id int) (*ent.Area, error) {
	if id == 0 {
		return nil, nil
	}
	return r.client.Area.Get(ctx, id)
}

// textOn is a text attribute's value on a day.
func (r *Resolver) textOn(ctx context.Context, subject int, attr vocab.Attribute, asOf *time.Time) (*string, error) {
	p, err := register.ValueOn(ctx, r.client, subject, attr, dayOr(asOf))
	if err != nil || p == nil {
		return nil, err
	}
	return p.Text, nil
}

// refOn is the ID a record-valued attribute names on a day; 0 for none.
func (r *Resolver) refOn(ctx context.Context, subject int, attr vocab.Attribute, asOf *time.Time) (int, error) {
	p, err := register.ValueOn(ctx, r.client, subject, attr, dayOr(asOf))
	if err != nil || p == nil || p.RefID == nil {
		return 0, err
	}
	return *p.RefID, nil
}

// standingsKey holds a request's standings, read once per day asked: the
// tree asks for every organisation's.
type standingsKey struct{}

type standingsMemo struct {
	mu   sync.Mutex
	days map[time.Time]*standingsDay
}

type standingsDay struct {
	once sync.Once
	all  map[int]*coverage.Standing
	err  error
}

// memoStandings gives each response its own standings memo.
func memoStandings(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	return next(context.WithValue(ctx, standingsKey{}, &standingsMemo{days: map[time.Time]*standingsDay{}}))
}

// standingsOf is every organisation's standing on day, read once per
// request and day (and on every call outside a request).
func standingsOf(ctx context.Context, c *ent.Client, day time.Time) (map[int]*coverage.Standing, error) {
	memo, _ := ctx.Value(standingsKey{}).(*standingsMemo)
	if memo == nil {
		return coverage.Standings(ctx, c, day)
	}
	memo.mu.Lock()
	d := memo.days[day]
	if d == nil {
		d = &standingsDay{}
		memo.days[day] = d
	}
	memo.mu.Unlock()
	d.once.Do(func() { d.all, d.err = coverage.Standings(ctx, c, day) })
	return d.all, d.err
}

// linksOn are the coverage links in force on the day of the unit or
// organisation (by "unit_id" or "organization_id"), oldest first, as the
// coverage package reads them.
func (r *Resolver) linksOn(ctx context.Context, by string, id int, asOf *time.Time) ([]*ent.UnitCoverage, error) {
	ids, err := coverage.LinksOn(ctx, r.client, by, id, dayOr(asOf))
	if err != nil || len(ids) == 0 {
		return []*ent.UnitCoverage{}, err
	}
	return r.client.UnitCoverage.Query().Where(unitcoverage.IDIn(ids...)).
		Order(ent.Asc(unitcoverage.FieldStartedOn), ent.Asc(unitcoverage.FieldID)).All(ctx)
}

// placedIn is the predicate of a list's placed filter: the records of typ
// the analysis places in the areas on the day; nil when no area is named.
func (r *Resolver) placedIn(ctx context.Context, typ string, in *model.PlacedInput) (func(*entsql.Selector), error) {
	if in == nil {
		return nil, nil
	}
	return coverage.PlacedIn(ctx, r.client, typ, in.AreaIDs, dayOr(in.AsOf))
}
