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
