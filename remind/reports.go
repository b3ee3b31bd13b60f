package remind

import (
	"context"
	"fmt"
	"time"

	"jiceng/calendar"
	"jiceng/coverage"
	"jiceng/ent/mobilereport"
)

// reportsDue dates each missing report: the day it went missing, the
// rule's months (MOBILE_REPORT_MONTHS) after the last report up to the
// day, or the day itself for a member who never reported.
func (l *lister) reportsDue(ctx context.Context, rs []*Reminder) error {
	if len(rs) == 0 {
		return nil
	}
	settings, err := coverage.LoadSettingsOn(ctx, l.c, l.asOf)
	if err != nil {
		return err
	}
	months := int(settings.Value("MOBILE_REPORT_MONTHS", ""))
	ids := make([]int, len(rs))
	for i, r := range rs {
		ids[i] = r.SubjectID
	}
	reports, err := l.c.MobileReport.Query().Where(mobilereport.MemberIDIn(ids...), mobilereport.ReportedOnLTE(l.asOf)).All(ctx)
	if err != nil {
		return fmt.Errorf("reading the mobile reports: %w", err)
	}
	last := map[int]time.Time{}
	for _, rp := range reports {
		if d := calendar.Day(rp.ReportedOn); d.After(last[rp.MemberID]) {
			last[rp.MemberID] = d
		}
	}
	for _, r := range rs {
		r.Due = l.asOf
		if d, ok := last[r.SubjectID]; ok {
			r.Due = calendar.AddMonths(d, months)
		}
	}
	return nil
}
