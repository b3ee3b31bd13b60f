package graph

import (
	"context"
	"time"

	"jiceng/calendar"
	"jiceng/coverage"
	"jiceng/ent"
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
