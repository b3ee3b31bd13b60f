package register

import (
	"context"
	"fmt"
	"sort"
	"time"

	"jiceng/audit"
	"jiceng/calendar"
	"jiceng/ent"
	"jiceng/ent/auditentry"
	"jiceng/ent/privacy"
	"jiceng/viewer"
	"jiceng/vocab"
)

// PeriodValue is one period of an attribute's history as a ledger gives it:
// the value (an ID for a record, a number, or a text), from a day until
// another (nil while it holds), and why it changed.
type PeriodValue struct {
	Value  any
	From   time.Time
	To     *time.Time
	Reason string
}

// RestoreHistory makes the periods of one attribute of a record exactly the
// ones given, as when a register's history is brought in from a ledger
// export: the dated changes the history records took effect long ago, and
// the records they named are already in the register with today's values,
// so they are restored as periods rather than replayed as changes (a
// replayed earlier kind would be checked against today's children). The
// periods must not overlap (for a set, each value once at a time), end
// after they begin and begin no later than today; the value in force today
// must be the record's own (a ledger's history cannot contradict its
// record). The record's first day with today's values follows, and the
// record's update is audited as the viewer's. c must be a transaction's
// client.
func RestoreHistory(ctx context.Context, c *ent.Client, a vocab.Attribute, subject int, ps []PeriodValue) error {
	s := a.Spec()
	sorted := append([]PeriodValue(nil), ps...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].From.Before(sorted[j].From) })
	last := map[string]PeriodValue{}
	today := map[string]bool{}
	for _, p := range sorted {
		if p.To != nil && !p.To.After(p.From) {
			return invalid("validTo", "PERIOD_END_NOT_AFTER_START", "终止日期%[1]s不晚于起始日期%[2]s", "the period ends on %s, not after it begins on %s", day(*p.To), day(p.From))
		}
		if err := checkEffective("validFrom", p.From); err != nil {
			return err
		}
		lane := ""
		if s.Set {
			lane = fmt.Sprint(p.Value)
		}
		if prev, ok := last[lane]; ok && (prev.To == nil || p.From.Before(*prev.To)) {
			return conflict("validFrom", "PERIODS_OVERLAP", "%[1]s起的取值与%[2]s起的重叠：同一时间只能有一个取值", "the period from %s overlaps the one from %s", day(p.From), day(prev.From))
		}
		last[lane] = p
		if p.To == nil && p.Value != nil && !isNil(p.Value) {
			today[fmt.Sprint(p.Value)] = true
		}
	}
	sys := privacy.DecisionContext(ctx, privacy.Allow)
	h := &historian{ctx: sys, c: c, subject: subject}
	old, err := h.periods(s)
	if err != nil {
		return err
	}
	// The value in force today is the record's: the register keeps its
	// columns and its open periods alike.
	now := map[string]bool{}
	for _, p := range old {
		if p.ValidTo == nil && (p.RefID != nil || p.Number != nil || p.Text != nil) {
			now[fmt.Sprint(periodValue(s, p))] = true
		}
	}
	if !sameKeys(now, today) {
		return conflict("value", "HISTORY_CONTRADICTS_RECORD", "至今有效的取值与该记录现在的取值不一致", "the value in force today differs from the record's")
	}
	if viewer.FromContext(ctx) != nil {
		// The history before and after, in the log, as the viewer's change.
		show := func(v any, from time.Time, to *time.Time) string {
			end := ""
			if to != nil {
				end = day(*to)
			}
			return fmt.Sprintf("%v %s–%s", v, day(from), end)
		}
		var before, after []string
		for _, p := range old {
			before = append(before, show(periodValue(s, p), p.ValidFrom, p.ValidTo))
		}
		for _, p := range sorted {
			after = append(after, show(p.Value, p.From, p.To))
		}
		if err := audit.Record(ctx, c, audit.Entry{Action: auditentry.ActionUPDATE, EntityType: s.Type, EntityID: subject,
			Before: map[string]any{string(a): before}, After: map[string]any{string(a): after}}); err != nil {
			return err
		}
	}
	for _, p := range old {
		if err := c.Period.DeleteOne(p).Exec(sys); err != nil {
			return fmt.Errorf("replacing the history of %s: %w", a, err)
		}
	}
	for _, p := range sorted {
		h.reason = p.Reason
		if err := h.insert(s, p.Value, calendar.Day(p.From), p.To); err != nil {
			return err
		}
	}
	since, err := h.currentSince()
	if err != nil {
		return err
	}
	// The record is updated (and the update audited) when its first day
	// with today's values moves.
	switch s.Type {
	case "Member":
		var r *ent.Member
		if r, err = c.Member.Get(sys, subject); err == nil && !sameDay(r.CurrentSince, since) {
			err = r.Update().SetCurrentSince(since).Exec(ctx)
		}
	case "Organization":
		var r *ent.Organization
		if r, err = c.Organization.Get(sys, subject); err == nil && !sameDay(r.CurrentSince, since) {
			err = r.Update().SetCurrentSince(since).Exec(ctx)
		}
	case "Unit":
		var r *ent.Unit
		if r, err = c.Unit.Get(sys, subject); err == nil && !sameDay(r.CurrentSince, since) {
			err = r.Update().SetCurrentSince(since).Exec(ctx)
		}
	case "Area":
		var r *ent.Area
		if r, err = c.Area.Get(sys, subject); err == nil && !sameDay(r.CurrentSince, since) {
			err = r.Update().SetCurrentSince(since).Exec(ctx)
		}
	}
	return err
}

func sameDay(a *time.Time, b time.Time) bool {
	return a != nil && calendar.Day(*a).Equal(calendar.Day(b))
}

// periodValue is a period's value as RestoreHistory is given it.
func periodValue(s vocab.AttributeSpec, p *ent.Period) any {
	switch {
	case p.RefID != nil:
		return *p.RefID
	case p.Number != nil && s.Bool:
		return *p.Number != 0
	case p.Number != nil:
		return *p.Number
	case p.Text != nil:
		return *p.Text
	}
	return nil
}

func sameKeys(a, b map[string]bool) bool {
	if len(a) != len(b) {
		return false
	}
	for k := range a {
		if !b[k] {
			return false
		}
	}
	return true
}
