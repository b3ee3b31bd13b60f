package rectify

import (
	"time"

	"jiceng/calendar"
	"jiceng/ent"
	"jiceng/ent/predicate"
	"jiceng/ent/rectification"
)

// How an item stood on a past day, read from the days it keeps (handed
// over, verified, waived) rather than from its status today: every account
// of a span (the half-yearly and monthly reports) counts items with these.

// HandedOverBy says whether the item was in the ledger on day.
func HandedOverBy(it *ent.Rectification, day time.Time) bool {
	return !calendar.Day(it.HandedOverOn).After(calendar.Day(day))
}

// VerifiedBy says whether the register had found the item's gap gone by
// day (and the item has not reopened since).
func VerifiedBy(it *ent.Rectification, day time.Time) bool {
	return it.VerifiedOn != nil && !calendar.Day(*it.VerifiedOn).After(calendar.Day(day))
}

// WaivedBy says whether the working committee had waived the item by day.
// A waived item without its day (which the upgrade fills in) counts as
// waived on every day.
func WaivedBy(it *ent.Rectification, day time.Time) bool {
	if it.Status != rectification.StatusWAIVED {
		return false
	}
	return it.WaivedOn == nil || !calendar.Day(*it.WaivedOn).After(calendar.Day(day))
}

// OpenOn says whether the item was still followed up on day: handed over
// by then, and neither verified nor waived by then.
func OpenOn(it *ent.Rectification, day time.Time) bool {
	return HandedOverBy(it, day) && !VerifiedBy(it, day) && !WaivedBy(it, day)
}

// OverdueOn says whether the item was open on day with its deadline
// passed. The deadline is the item's latest: one moved later is read as
// if it had always been.
func OverdueOn(it *ent.Rectification, day time.Time) bool {
	return OpenOn(it, day) && calendar.Day(it.Deadline).Before(calendar.Day(day))
}

// OpenOnDay selects in a query the items OpenOn says were open on day.
func OpenOnDay(day time.Time) predicate.Rectification {
	day = calendar.Day(day)
	return rectification.And(rectification.HandedOverOnLTE(day),
		rectification.Or(rectification.VerifiedOnIsNil(), rectification.VerifiedOnGT(day)),
		rectification.Or(rectification.StatusNEQ(rectification.StatusWAIVED),
			rectification.And(rectification.WaivedOnNotNil(), rectification.WaivedOnGT(day))))
}
