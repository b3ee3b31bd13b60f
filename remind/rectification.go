package remind

import (
	"context"
	"fmt"

	"jiceng/calendar"
	"jiceng/coverage"
	"jiceng/ent/rectification"
	"jiceng/rectify"
)

// rectifications are the ledger's items open on the day (rectify.OpenOnDay:
// handed over by then, neither waived nor verified by then), whose deadline falls within the days ahead
// or has passed.
func (l *lister) rectifications(ctx context.Context) ([]*Reminder, error) {
	items, err := l.c.Rectification.Query().Where(
		rectify.OpenOnDay(l.asOf),
		rectification.DeadlineLTE(l.horizon()),
	).All(ctx)
	if err != nil {
		return nil, fmt.Errorf("reading the ledger: %w", err)
	}
	var out []*Reminder
	for _, it := range items {
		if !l.shows(it.AreaID) {
			continue
		}
		k := coverage.GapKey{Rule: coverage.RuleCode(it.Rule), SubjectID: it.SubjectID, Detail: it.Detail}
		r := &Reminder{Kind: Rectification, Rule: k.Rule, SubjectID: it.SubjectID,
			SubjectName: it.SubjectName, Due: calendar.Day(it.Deadline), Responsible: it.Responsible, AreaID: it.AreaID,
			RectificationID: it.ID, GapID: coverage.GapIDOf(k, l.asOf)}
		if it.OrganizationID != nil {
			r.OrganizationID = *it.OrganizationID
		}
		out = append(out, r)
	}
	return out, nil
}
