package register

import (
	"context"
	"time"

	entgo "entgo.io/ent"

	"jiceng/calendar"
	"jiceng/ent"
)

// ProbationYears is how long a new member is probationary before being
// confirmed (Party Constitution Art. 7); probation may be extended once, by
// at most as long again.
const ProbationYears = 1

// ProbationDue is the day the first year of probation of a member who
// joined on joined ends, by the register's calendar: the earliest day of
// confirmation, and the day an extension must be after.
func ProbationDue(joined time.Time) time.Time {
	return calendar.AddYears(calendar.Day(joined), ProbationYears)
}

// ProbationLatest is the latest day the probation of a member who joined on
// joined may be extended to: a year after ProbationDue.
func ProbationLatest(joined time.Time) time.Time {
	return calendar.AddYears(ProbationDue(joined), ProbationYears)
}

// Confirmation dates a member's becoming full (转正): a member written as
// FULL is confirmed on confirmedOn when given, else a year after joining
// (on creation) or on the day the change takes effect (on an update). A
// member who joined less than a year before that day cannot be FULL unless
// an earlier confirmation is recorded with confirmedOn.
func Confirmation(next entgo.Mutator) entgo.Mutator {
	return entgo.MutateFunc(func(ctx context.Context, m entgo.Mutation) (entgo.Value, error) {
		mm, ok := m.(*ent.MemberMutation)
		if !ok {
			return next.Mutate(ctx, m)
		}
		status, set := mm.Status()
		if !set {
			return next.Mutate(ctx, m)
		}
		if status != "FULL" {
			if _, given := mm.ConfirmedOn(); given {
				return nil, invalid("confirmedOn", "CONFIRMED_ON_NOT_FULL", "只有正式党员有转正日期；该党员是%[1]s", "only a FULL member has a confirmation date; this member is %s", status)
			}
			mm.ClearConfirmedOn()
			return next.Mutate(ctx, m)
		}
		if _, given := mm.ConfirmedOn(); given {
			return next.Mutate(ctx, m)
		}
		joined, ok := mm.JoinedPartyOn()
		if !ok && mm.Op().Is(entgo.OpUpdateOne) {
			old, err := mm.OldStatus(ctx)
			if err != nil {
				return nil, err
			}
			if old == "FULL" {
				return next.Mutate(ctx, m)
			}
			if joined, err = mm.OldJoinedPartyOn(ctx); err != nil {
				return nil, err
			}
		}
		on := calendar.AddYears(calendar.Day(joined), ProbationYears)
		if mm.Op().Is(entgo.OpUpdateOne) {
			on = effectiveOf(ctx).on
		}
		if due := calendar.AddYears(calendar.Day(joined), ProbationYears); on.Before(due) || due.After(calendar.Today()) {
			return nil, invalid("status", "STILL_PROBATIONARY", "%[1]s入党的党员预备期至%[2]s（《党章》第七条）；如已提前转正，请填写转正日期", "a member who joined on %s is probationary until %s (Party Constitution Art. 7); record an earlier confirmation with confirmedOn", day(joined), day(due))
		}
		mm.SetConfirmedOn(on)
		return next.Mutate(ctx, m)
	})
}

// confirmedTooLate reports a confirmation that is not after joining or is
// dated in the future.
func checkConfirmation(joined time.Time, confirmed *time.Time) error {
	if confirmed == nil {
		return nil
	}
	if confirmed.Before(joined) {
		return invalid("confirmedOn", "CONFIRMED_BEFORE_JOINED", "转正日期%[1]s早于入党日期%[2]s", "%s is before the member joined on %s", day(*confirmed), day(joined))
	}
	return checkEffective("confirmedOn", *confirmed)
}
