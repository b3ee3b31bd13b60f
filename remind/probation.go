package remind

import (
	"cmp"
	"context"
	"fmt"

	"jiceng/calendar"
	"jiceng/coverage"
	"jiceng/ent/member"
	"jiceng/ent/period"
	"jiceng/register"
	"jiceng/vocab"
)

// probations are the members probationary on the day (their status
// history) whose probation ends within the days ahead or has ended: a
// year after joining (register.ProbationYears), or the day it was
// extended to.
func (l *lister) probations(ctx context.Context) ([]*Reminder, error) {
	ps, err := l.c.Period.Query().Where(period.AttributeEQ(vocab.MemberStatus), period.TextEQ("PROBATIONARY"),
		period.ValidFromLTE(l.asOf), period.Or(period.ValidToIsNil(), period.ValidToGT(l.asOf))).All(ctx)
	if err != nil {
		return nil, fmt.Errorf("reading the members' status: %w", err)
	}
	ids := make([]int, len(ps))
	for i, p := range ps {
		ids[i] = p.SubjectID
	}
	members, err := l.c.Member.Query().Where(member.IDIn(ids...)).All(ctx)
	if err != nil {
		return nil, fmt.Errorf("reading the members: %w", err)
	}
	var out []*Reminder
	for _, m := range members {
		due := calendar.AddYears(calendar.Day(m.JoinedPartyOn), register.ProbationYears)
		if m.ProbationExtendedTo != nil {
			due = calendar.Day(*m.ProbationExtendedTo)
		}
		if due.After(l.horizon()) {
			continue
		}
		at, err := coverage.Place(ctx, l.c, "Member", m.ID, l.asOf)
		if err != nil {
			return nil, err
		}
		if !l.shows(at.AreaID, at.GridID, at.CommunityID) {
			continue
		}
		out = append(out, &Reminder{Kind: Probation, SubjectType: "Member", SubjectID: m.ID, SubjectName: m.Name,
			Due: due, AreaID: cmp.Or(at.CommunityID, at.GridID, at.AreaID), Action: "confirm"})
	}
	return out, nil
}
