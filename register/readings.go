package register

import (
	"context"
	"fmt"
	"time"

	"jiceng/calendar"
	"jiceng/ent"
	"jiceng/ent/meeting"
	"jiceng/ent/period"
	"jiceng/vocab"
)

// Readings of the register's history for the API.

// History lists a record's periods, of one attribute or of all, oldest
// first.
func History(ctx context.Context, c *ent.Client, subject int, attr *vocab.Attribute) ([]*ent.Period, error) {
	q := c.Period.Query().Where(period.SubjectID(subject))
	if attr != nil {
		q.Where(period.AttributeEQ(*attr))
	}
	ps, err := q.Order(ent.Asc(period.FieldValidFrom), ent.Asc(period.FieldAttribute), ent.Asc(period.FieldID)).All(ctx)
	if err != nil {
		return nil, fmt.Errorf("reading the history of record %d: %w", subject, err)
	}
	return ps, nil
}

// ValueOn is the period of a one-valued attribute of a record in force on
// day, or nil when it had no value.
func ValueOn(ctx context.Context, c *ent.Client, subject int, attr vocab.Attribute, day time.Time) (*ent.Period, error) {
	p, err := c.Period.Query().Where(period.SubjectID(subject), period.AttributeEQ(attr),
		period.ValidFromLTE(day), period.Or(period.ValidToIsNil(), period.ValidToGT(day))).First(ctx)
	if ent.IsNotFound(err) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("reading %s of record %d: %w", attr, subject, err)
	}
	return p, nil
}

// EffectiveDay is the day the writes made with ctx take effect: the day
// given with On, else today.
func EffectiveDay(ctx context.Context) time.Time { return effectiveOf(ctx).on }

// RecordedSince is the day of the earliest meeting in the register: the
// first day its records of organisational life cover (zero when none).
func RecordedSince(ctx context.Context, c *ent.Client) (time.Time, error) {
	m, err := c.Meeting.Query().Order(ent.Asc(meeting.FieldHeldOn)).Select(meeting.FieldHeldOn).First(ctx)
	if ent.IsNotFound(err) {
		return time.Time{}, nil
	}
	if err != nil {
		return time.Time{}, fmt.Errorf("finding the first recorded meeting: %w", err)
	}
	return calendar.Day(m.HeldOn), nil
}

// refStart is the known start of the record a value names (a unit's
// opening, an area's or organisation's establishment, a member's joining),
// if the attribute's values are records and the record has one.
func refStart(ctx context.Context, c *ent.Client, s vocab.AttributeSpec, x any) (time.Time, bool, error) {
	id, ok := x.(int)
	if s.RefTable == "" || !ok {
		return time.Time{}, false, nil
	}
	var start *time.Time
	switch s.RefTable {
	case "units":
		u, err := c.Unit.Get(ctx, id)
		if err != nil {
			return time.Time{}, false, err
		}
		start = u.OpenedOn
	case "areas":
		a, err := c.Area.Get(ctx, id)
		if err != nil {
			return time.Time{}, false, err
		}
		start = a.EstablishedOn
	case "organizations":
		o, err := c.Organization.Get(ctx, id)
		if err != nil {
			return time.Time{}, false, err
		}
		start = &o.EstablishedOn
	case "members":
		m, err := c.Member.Get(ctx, id)
		if err != nil {
			return time.Time{}, false, err
		}
		start = &m.JoinedPartyOn
	default:
		return time.Time{}, false, fmt.Errorf("register: %s names records of an unknown table %q", s.Attribute, s.RefTable)
	}
	if start == nil {
		return time.Time{}, false, nil
	}
	return calendar.Day(*start), true, nil
}

// notBeforeRef is the first day of a new record's period of value x: its
// own start, or the start of the record x names when that is later.
func (h *historian) notBeforeRef(s vocab.AttributeSpec, x any, from time.Time) (time.Time, error) {
	start, ok, err := refStart(h.ctx, h.c, s, x)
	if err != nil || !ok || !start.After(from) {
		return from, err
	}
	return start, nil
}
