package remind

import (
	"context"
	"fmt"

	"jiceng/calendar"
	"jiceng/ent"
	"jiceng/ent/meeting"
	"jiceng/ent/organization"
	"jiceng/vocab"
)

// trainingDue dates each missed training by the last monthly meeting of
// grid secretaries up to the day.
func (l *lister) trainingDue(ctx context.Context, rs []*Reminder) error {
	if len(rs) == 0 {
		return nil
	}
	m, err := l.c.Meeting.Query().Where(meeting.TypeEQ(vocab.MonthlyMeeting), meeting.HeldOnLTE(l.asOf),
		meeting.HasOrganizationWith(organization.KindEQ(vocab.WorkingCommittee))).
		Order(ent.Desc(meeting.FieldHeldOn)).First(ctx)
	if err != nil && !ent.IsNotFound(err) {
		return fmt.Errorf("reading the monthly meetings: %w", err)
	}
	for _, r := range rs {
		r.Due = l.asOf
		if m != nil {
			r.Due = calendar.Day(m.HeldOn)
		}
	}
	return nil
}
