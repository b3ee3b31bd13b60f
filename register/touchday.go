package register

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	entgo "entgo.io/ent"

	"jiceng/calendar"
	"jiceng/ent"
	"jiceng/ent/period"
	"jiceng/ent/privacy"
	"jiceng/vocab"
)

// A write also records the earliest day whose reading it may change (its
// from-day): a reading of the register as of a day before it is the same
// before and after the write, so an analysis of that day stays current.
// It is read from the record before and after the write, the same way for
// every write (dating below):
//
//   - an attribute with history: the earliest start or end of any period
//     added, removed or changed;
//   - a dated record (a meeting, a relationship's stay, a term, an
//     exemption, an office, a visit, a report…): the earliest of its days
//     before and after, since every reading of it asks whether its day is
//     on or before the day read (a meeting counts in the windows after its
//     day, so the earliest day it changes is its own);
//   - a record with a start (a member's joining, an organisation's setting
//     up, a unit's opening): its start and end days when those change, its
//     start when it is created;
//   - anything else (a column without history, an area, a rule setting
//     created, an assessment, an import): the beginning of time.
//
// A relationship or a coverage link created, or moved to another member,
// unit or organisation, dates from the beginning of time: the analysis asks
// whether a member ever had a relationship (a pocket member) and where an
// organisation's units ever were, whatever the days.

// datedFields are the days of the dated records. existence marks those
// whose mere existence some reading asks about, with the fields that say
// whose they are.
var (
	datedFields = map[string][]string{
		"Meeting":                {"held_on"},
		"Membership":             {"started_on", "ended_on"},
		"Term":                   {"started_on", "due_on", "postponed_to", "renewed_on"},
		"Exemption":              {"started_on", "ended_on"},
		"KindChange":             {"changed_on"},
		"UnitCoverage":           {"started_on", "ended_on"},
		"Appointment":            {"started_on", "ended_on"},
		"InstructorVisit":        {"visited_on"},
		"AffiliatedOrganization": {"established_on", "dissolved_on"},
		"MobileReport":           {"reported_on"},
	}
	// optionalStarts are the dated records read from the beginning of time
	// while their first day is empty.
	optionalStarts = map[string]string{"AffiliatedOrganization": "established_on"}
	existence      = map[string][]string{
		"Membership":   {"member", "member_id"},
		"UnitCoverage": {"unit", "unit_id", "organization", "organization_id"},
	}
	// startFields are the start and end days of the records with history
	// that have them; the start may be empty only for units.
	startFields = map[string][2]string{
		"Member":       {"joined_party_on", ""},
		"Organization": {"established_on", "dissolved_on"},
		"Unit":         {"opened_on", "closed_on"},
	}
)

// never is the from-day of a write that changes no day's reading.
var never = time.Date(9999, time.December, 31, 0, 0, 0, 0, time.UTC)

// dating finds a write's from-day: start reads the record before the
// write, finish after it.
type dating struct {
	periods map[int]*ent.Period
	old     map[string]*time.Time
}

func dateOf(v any) *time.Time {
	switch t := v.(type) {
	case time.Time:
		d := calendar.Day(t)
		return &d
	case *time.Time:
		if t != nil {
			d := calendar.Day(*t)
			return &d
		}
	}
	return nil
}

// historyPeriods reads the periods of the record's attributes with history.
func historyPeriods(ctx context.Context, m entgo.Mutation, id int) (map[int]*ent.Period, error) {
	specs := vocab.AttributesOf(m.Type())
	if len(specs) == 0 {
		return nil, nil
	}
	attrs := make([]vocab.Attribute, len(specs))
	for i, s := range specs {
		attrs[i] = s.Attribute
	}
	ps, err := m.(txMutation).Client().Period.Query().Where(period.SubjectID(id), period.AttributeIn(attrs...)).
		All(privacy.DecisionContext(ctx, privacy.Allow))
	if err != nil {
		return nil, fmt.Errorf("register: reading the history a write changes: %w", err)
	}
	out := make(map[int]*ent.Period, len(ps))
	for _, p := range ps {
		out[p.ID] = p
	}
	return out, nil
}

// start reads, before an update, the record's periods and the old values
// of its days.
func (d *dating) start(ctx context.Context, m entgo.Mutation) error {
	id, ok := m.(interface{ ID() (int, bool) }).ID()
	if !ok {
		return nil
	}
	var err error
	if d.periods, err = historyPeriods(ctx, m, id); err != nil {
		return err
	}
	d.old = map[string]*time.Time{}
	fields := slices.Clone(datedFields[m.Type()])
	if s, ok := startFields[m.Type()]; ok {
		fields = append(fields, s[0], s[1])
	}
	for _, f := range fields {
		if f == "" {
			continue
		}
		v, err := m.OldField(ctx, f)
		if err != nil {
			return fmt.Errorf("register: reading %s.%s before the change: %w", m.Type(), f, err)
		}
		d.old[f] = dateOf(v)
	}
	return nil
}

// finish says, after the write, the earliest day whose reading it may
// change.
func (d *dating) finish(ctx context.Context, m entgo.Mutation) (time.Time, error) {
	id, ok := m.(interface{ ID() (int, bool) }).ID()
	if !ok {
		return Beginning, nil
	}
	create := m.Op().Is(entgo.OpCreate)
	typ := m.Type()
	changed := append(slices.Clone(m.Fields()), m.ClearedFields()...)
	changed = append(changed, m.AddedEdges()...)
	changed = append(changed, m.RemovedEdges()...)
	changed = append(changed, m.ClearedEdges()...)
	// now is a day's value after the write.
	now := func(f string) *time.Time {
		if v, ok := m.Field(f); ok {
			return dateOf(v)
		}
		if m.FieldCleared(f) || create {
			return nil
		}
		return d.old[f]
	}
	from := never
	earlier := func(t *time.Time) {
		if t != nil && t.Before(from) {
			from = *t
		}
	}
	after, err := historyPeriods(ctx, m, id)
	if err != nil {
		return Beginning, err
	}
	earlier(changedPeriods(d.periods, after))
	if fields, ok := datedFields[typ]; ok {
		if create && existence[typ] != nil || !create && slices.ContainsFunc(changed, func(f string) bool { return slices.Contains(existence[typ], f) }) {
			return Beginning, nil
		}
		if f, ok := optionalStarts[typ]; ok && (now(f) == nil || !create && d.old[f] == nil) {
			return Beginning, nil
		}
		for _, f := range fields {
			earlier(now(f))
			earlier(d.old[f])
		}
		return from, nil
	}
	s, ok := startFields[typ]
	if !ok {
		// An area, a rule setting created or any other type.
		if create || typ != "RuleSetting" {
			return Beginning, nil
		}
	}
	if create {
		if now(s[0]) == nil {
			return Beginning, nil
		}
		earlier(now(s[0]))
		return from, nil
	}
	history := map[string]bool{"current_since": true, "updated_at": true}
	for _, a := range vocab.AttributesOf(typ) {
		history[a.Field] = true
		history[strings.TrimSuffix(a.Field, "_id")] = true
	}
	for _, f := range changed {
		switch {
		case history[f]:
		case ok && f == s[0]:
			if now(f) == nil || d.old[f] == nil {
				return Beginning, nil
			}
			earlier(now(f))
			earlier(d.old[f])
		case ok && s[1] != "" && f == s[1]:
			earlier(now(f))
			earlier(d.old[f])
		default:
			return Beginning, nil
		}
	}
	if from == never {
		// Nothing dated changed: today, to be safe.
		from = calendar.Today()
	}
	return from, nil
}

// changedPeriods is the earliest start or end of a period added, removed
// or changed, or nil.
func changedPeriods(before, after map[int]*ent.Period) *time.Time {
	var from *time.Time
	earlier := func(t *time.Time) {
		if t != nil && (from == nil || t.Before(*from)) {
			d := calendar.Day(*t)
			from = &d
		}
	}
	for id, p := range after {
		q, ok := before[id]
		if !ok {
			earlier(&p.ValidFrom)
			continue
		}
		if !samePeriodValue(p, q) {
			earlier(&p.ValidFrom)
			earlier(&q.ValidFrom)
			continue
		}
		if !p.ValidFrom.Equal(q.ValidFrom) {
			earlier(&p.ValidFrom)
			earlier(&q.ValidFrom)
		}
		if (p.ValidTo == nil) != (q.ValidTo == nil) || p.ValidTo != nil && !p.ValidTo.Equal(*q.ValidTo) {
			earlier(p.ValidTo)
			earlier(q.ValidTo)
		}
	}
	for id, q := range before {
		if _, ok := after[id]; !ok {
			earlier(&q.ValidFrom)
		}
	}
	return from
}

func samePeriodValue(p, q *ent.Period) bool {
	eqInt := func(a, b *int) bool { return (a == nil) == (b == nil) && (a == nil || *a == *b) }
	eqNum := func(a, b *float64) bool { return (a == nil) == (b == nil) && (a == nil || *a == *b) }
	eqText := func(a, b *string) bool { return (a == nil) == (b == nil) && (a == nil || *a == *b) }
	return p.Attribute == q.Attribute && eqInt(p.RefID, q.RefID) && eqNum(p.Number, q.Number) && eqText(p.Text, q.Text)
}

// DayNumber is a day of the register's calendar as area_revisions keeps it:
// 20261203 for 3 December 2026.
func DayNumber(t time.Time) int {
	y, m, d := calendar.Day(t).Date()
	return y*10000 + int(m)*100 + d
}
