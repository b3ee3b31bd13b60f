package register

import (
	"context"
	"fmt"
	"time"

	entgo "entgo.io/ent"

	"jiceng/calendar"
	"jiceng/ent"
	"jiceng/ent/period"
	"jiceng/ent/privacy"
	"jiceng/vocab"
)

// The register's history is kept in one way for every attribute that a
// rule or a report reads (vocab.Attributes): each change of such an
// attribute is an event with the day it takes effect, and the values are
// kept as periods, half-open [validFrom, validTo), one in force at a time
// (several for a set such as an organisation's areas). The record's columns
// hold today's values; the history hook below writes the periods in the
// write's own transaction, so whatever changes a record (a form, a domain
// operation, the import, the demo) keeps its history the same way.

// Beginning is the first day of a record whose start is unknown: it holds
// as far back as the register is asked.
var Beginning = time.Date(1900, time.January, 1, 0, 0, 0, 0, time.UTC)

type effectiveKey struct{}

type effective struct {
	on     time.Time
	reason string
}

// On returns a context in which the writes made take effect from day on,
// for the reason given: a change of an attribute with history recorded with
// it holds from that day. Without it, a change takes effect today.
func On(ctx context.Context, on time.Time, reason string) context.Context {
	return context.WithValue(ctx, effectiveKey{}, effective{calendar.Day(on), reason})
}

func effectiveOf(ctx context.Context) effective {
	if e, ok := ctx.Value(effectiveKey{}).(effective); ok {
		return e
	}
	return effective{on: calendar.Today()}
}

// checkEffective refuses a change dated after today: the register records
// what has happened.
func checkEffective(field string, on time.Time) error {
	if on.After(calendar.Today()) {
		return invalid(field, "DATE_IN_FUTURE", "%[1]s晚于今天（%[2]s），请在变更生效后再登记", "%s is after today (%s); record a change once it has taken effect", day(on), day(calendar.Today()))
	}
	return nil
}

// history records the periods of a write to a record type with history.
func history(next entgo.Mutator) entgo.Mutator {
	return entgo.MutateFunc(func(ctx context.Context, m entgo.Mutation) (entgo.Value, error) {
		specs := vocab.AttributesOf(m.Type())
		if len(specs) == 0 {
			return next.Mutate(ctx, m)
		}
		c := m.(txMutation).Client()
		sys := privacy.DecisionContext(ctx, privacy.Allow)
		if m.Op().Is(entgo.OpCreate) {
			return created(ctx, sys, c, m, specs, next)
		}
		id, ok := m.(interface{ ID() (int, bool) }).ID()
		if !ok {
			return nil, fmt.Errorf("register: %s update without an ID", m.Type())
		}
		e := effectiveOf(ctx)
		h := &historian{ctx: sys, c: c, subject: id, reason: e.reason}
		for _, s := range specs {
			var err error
			if s.Set {
				err = h.changeSet(m, s, e.on)
			} else {
				err = h.changeScalar(m, s, e.on)
			}
			if err != nil {
				return nil, err
			}
		}
		if h.changed {
			since, err := h.currentSince()
			if err != nil {
				return nil, err
			}
			_ = m.SetField("current_since", since) // a type without the column (rule settings) needs none
		}
		return next.Mutate(ctx, m)
	})
}

// created opens the first period of each attribute a new record has, from
// its known start.
func created(ctx, sys context.Context, c *ent.Client, m entgo.Mutation, specs []vocab.AttributeSpec, next entgo.Mutator) (entgo.Value, error) {
	start := startOf(m, specs[0])
	since := start
	confirmed, isFull := confirmation(m, start)
	if isFull && confirmed.After(since) {
		since = confirmed
	}
	// The columns hold the values in force from the latest first day: a
	// value naming a record that started later begins with that record.
	for _, s := range specs {
		var values []any
		if s.Set {
			for _, x := range m.AddedIDs(s.Field) {
				values = append(values, x)
			}
		} else if x, ok := m.Field(s.Field); ok && !isNil(x) {
			values = append(values, x)
		}
		for _, x := range values {
			from, ok, err := refStart(sys, c, s, x)
			if err != nil {
				return nil, err
			}
			if ok && from.After(since) {
				since = from
			}
		}
	}
	_ = m.SetField("current_since", since)
	v, err := next.Mutate(ctx, m)
	if err != nil {
		return nil, err
	}
	id, ok := m.(interface{ ID() (int, bool) }).ID()
	if !ok {
		return nil, fmt.Errorf("register: created %s has no ID", m.Type())
	}
	h := &historian{ctx: sys, c: c, subject: id, reason: effectiveOf(ctx).reason}
	for _, s := range specs {
		if s.Set {
			for _, x := range m.AddedIDs(s.Field) {
				from, err := h.notBeforeRef(s, x, start)
				if err != nil {
					return nil, err
				}
				if err := h.insert(s, x, from, nil); err != nil {
					return nil, err
				}
			}
			continue
		}
		x, ok := m.Field(s.Field)
		if !ok || isNil(x) {
			continue
		}
		from, err := h.notBeforeRef(s, x, start)
		if err != nil {
			return nil, err
		}
		if s.Attribute == vocab.MemberStatus && isFull && confirmed.After(start) {
			// A member who is full today was probationary from joining
			// until confirmed.
			end := confirmed
			if err := h.insert(s, "PROBATIONARY", start, &end); err != nil {
				return nil, err
			}
			from = confirmed
		}
		if err := h.insert(s, x, from, nil); err != nil {
			return nil, err
		}
	}
	return v, nil
}

// startOf is the day a new record's first periods begin: its known start
// (joined, established, opened), else Beginning.
func startOf(m entgo.Mutation, s vocab.AttributeSpec) time.Time {
	if s.Start != "" {
		if v, ok := m.Field(s.Start); ok {
			if t, ok := v.(time.Time); ok {
				return calendar.Day(t)
			}
		}
	}
	return Beginning
}

// confirmation reports whether a new member is full, and from when.
func confirmation(m entgo.Mutation, start time.Time) (time.Time, bool) {
	if m.Type() != "Member" {
		return time.Time{}, false
	}
	status, _ := m.Field("status")
	if fmt.Sprint(status) != "FULL" {
		return time.Time{}, false
	}
	if v, ok := m.Field("confirmed_on"); ok {
		if t, ok := v.(time.Time); ok {
			return calendar.Day(t), true
		}
	}
	return start, true
}

// historian writes the periods of one record.
type historian struct {
	ctx     context.Context
	c       *ent.Client
	subject int
	reason  string
	changed bool
}

// changeScalar records the new value of a one-valued attribute the write
// sets or clears, and keeps the column at the value in force today.
func (h *historian) changeScalar(m entgo.Mutation, s vocab.AttributeSpec, on time.Time) error {
	x, set := m.Field(s.Field)
	if !set && !m.FieldCleared(s.Field) {
		return nil
	}
	if !set {
		x = nil
	}
	old, err := m.OldField(h.ctx, s.Field)
	if err != nil {
		return fmt.Errorf("reading %s.%s before the change: %w", m.Type(), s.Field, err)
	}
	if s.Attribute == vocab.MemberStatus && fmt.Sprint(x) == "FULL" {
		if v, ok := m.Field("confirmed_on"); ok {
			if t, ok := v.(time.Time); ok {
				on = calendar.Day(t)
			}
		}
	}
	if err := checkEffective("on", on); err != nil {
		return err
	}
	if sameValue(s, x, old) && !h.hasLater(s, on) {
		return nil
	}
	if err := h.set(s, x, on); err != nil {
		return err
	}
	// The column keeps today's value: a change dated before a later one
	// rewrites only the days up to it.
	cur, err := h.current(s)
	if err != nil {
		return err
	}
	if cur == nil {
		m.ClearField(s.Field)
		return nil
	}
	return m.SetField(s.Field, columnValue(s, cur, x, old))
}

// changeSet records the links a write adds to and removes from a set.
func (h *historian) changeSet(m entgo.Mutation, s vocab.AttributeSpec, on time.Time) error {
	added, removed := m.AddedIDs(s.Field), m.RemovedIDs(s.Field)
	if !m.EdgeCleared(s.Field) && len(added) == 0 && len(removed) == 0 {
		return nil
	}
	if err := checkEffective("on", on); err != nil {
		return err
	}
	open, err := h.inForce(s, on)
	if err != nil {
		return err
	}
	keep := map[int]bool{}
	for _, x := range added {
		keep[toInt(x)] = true
	}
	for _, p := range open {
		drop := m.EdgeCleared(s.Field) && !keep[*p.RefID]
		for _, x := range removed {
			drop = drop || toInt(x) == *p.RefID
		}
		if drop {
			if err := h.end(p, on); err != nil {
				return err
			}
		}
		delete(keep, *p.RefID)
	}
	for x := range keep {
		if err := h.insert(s, x, on, nil); err != nil {
			return err
		}
	}
	return nil
}

// set makes x the value of a one-valued attribute from on until the next
// change after on.
func (h *historian) set(s vocab.AttributeSpec, x any, on time.Time) error {
	ps, err := h.periods(s)
	if err != nil {
		return err
	}
	var cur, next *ent.Period
	for _, p := range ps {
		switch {
		case activeOn(p.ValidFrom, p.ValidTo, on):
			cur = p
		case p.ValidFrom.After(on) && next == nil:
			next = p
		}
	}
	switch {
	case cur != nil && cur.ValidFrom.Equal(on):
		h.changed = true
		return h.assign(cur.Update(), s, x).SetReason(h.reason).Exec(h.ctx)
	case cur != nil:
		end := cur.ValidTo
		if err := h.end(cur, on); err != nil {
			return err
		}
		return h.insert(s, x, on, end)
	case next != nil:
		end := next.ValidFrom
		return h.insert(s, x, on, &end)
	}
	return h.insert(s, x, on, nil)
}

func (h *historian) periods(s vocab.AttributeSpec) ([]*ent.Period, error) {
	ps, err := h.c.Period.Query().
		Where(period.SubjectID(h.subject), period.AttributeEQ(s.Attribute)).
		Order(ent.Asc(period.FieldValidFrom)).All(h.ctx)
	if err != nil {
		return nil, fmt.Errorf("reading the history of %s: %w", s.Attribute, err)
	}
	return ps, nil
}

// hasLater reports whether the attribute changes after on: an equal value
// dated earlier still corrects the days before that change.
func (h *historian) hasLater(s vocab.AttributeSpec, on time.Time) bool {
	n, err := h.c.Period.Query().
		Where(period.SubjectID(h.subject), period.AttributeEQ(s.Attribute), period.ValidFromGT(on)).Count(h.ctx)
	return err == nil && n > 0
}

func (h *historian) inForce(s vocab.AttributeSpec, on time.Time) ([]*ent.Period, error) {
	ps, err := h.periods(s)
	if err != nil {
		return nil, err
	}
	var out []*ent.Period
	for _, p := range ps {
		if activeOn(p.ValidFrom, p.ValidTo, on) {
			out = append(out, p)
		}
	}
	return out, nil
}

// current is the value in force today (the open period's), or nil.
func (h *historian) current(s vocab.AttributeSpec) (*ent.Period, error) {
	p, err := h.c.Period.Query().
		Where(period.SubjectID(h.subject), period.AttributeEQ(s.Attribute), period.ValidToIsNil()).
		Order(ent.Desc(period.FieldValidFrom)).First(h.ctx)
	if ent.IsNotFound(err) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("reading the value of %s: %w", s.Attribute, err)
	}
	if p.RefID == nil && p.Number == nil && p.Text == nil {
		return nil, nil
	}
	return p, nil
}

// currentSince is the first day from which every attribute of the record
// has today's value: after the last start or end of any of its periods.
func (h *historian) currentSince() (time.Time, error) {
	ps, err := h.c.Period.Query().Where(period.SubjectID(h.subject)).All(h.ctx)
	if err != nil {
		return time.Time{}, fmt.Errorf("reading the history of record %d: %w", h.subject, err)
	}
	since := Beginning
	for _, p := range ps {
		if p.ValidFrom.After(since) {
			since = p.ValidFrom
		}
		if p.ValidTo != nil && p.ValidTo.After(since) {
			since = *p.ValidTo
		}
	}
	return calendar.Day(since), nil
}

// end closes a period on day on; a period closed on its first day never
// held and is removed.
func (h *historian) end(p *ent.Period, on time.Time) error {
	h.changed = true
	if !p.ValidFrom.Before(on) {
		return h.c.Period.DeleteOne(p).Exec(h.ctx)
	}
	return p.Update().SetValidTo(on).Exec(h.ctx)
}

func (h *historian) insert(s vocab.AttributeSpec, x any, from time.Time, to *time.Time) error {
	h.changed = true
	c := h.c.Period.Create().SetSubjectID(h.subject).SetAttribute(s.Attribute).
		SetValidFrom(from).SetNillableValidTo(to).SetReason(h.reason)
	if x != nil && !isNil(x) {
		switch s.Value {
		case vocab.RefValue:
			c.SetRefID(toInt(x))
		case vocab.NumberValue:
			c.SetNumber(toFloat(x))
		case vocab.TextValue:
			c.SetText(toText(x))
		}
	}
	if err := c.Exec(h.ctx); err != nil {
		return fmt.Errorf("recording the history of %s: %w", s.Attribute, err)
	}
	return nil
}

func (h *historian) assign(u *ent.PeriodUpdateOne, s vocab.AttributeSpec, x any) *ent.PeriodUpdateOne {
	u.ClearRefID().ClearNumber().ClearText()
	if x == nil || isNil(x) {
		return u
	}
	switch s.Value {
	case vocab.RefValue:
		u.SetRefID(toInt(x))
	case vocab.NumberValue:
		u.SetNumber(toFloat(x))
	case vocab.TextValue:
		u.SetText(toText(x))
	}
	return u
}
