package rectify

import (
	"slices"
	"time"

	"jiceng/calendar"
	"jiceng/ent"
	"jiceng/ent/rectification"
)

// Tally counts items of one group.
type Tally struct {
	Total, Open, Overdue, Verified, Waived int
	// MedianDaysToClose is nil while none is verified.
	MedianDaysToClose *float64
	days              []int
}

// Days is how long an item took: from the hand-over to verification (or
// to the day it was waived), or to today while it is followed up.
func Days(r *ent.Rectification) int {
	return daysBetween(r.HandedOverOn, closedOn(r))
}

// OpenForDays is the age of an item's gap, from since (the first day it
// fired) to the day it was verified or waived, or to today while it is
// followed up.
func OpenForDays(r *ent.Rectification, since time.Time) int {
	return daysBetween(since, closedOn(r))
}

// closedOn is the day an item stopped being followed up: waived,
// verified, or (while neither) today.
func closedOn(r *ent.Rectification) time.Time {
	switch {
	case r.Status == rectification.StatusWAIVED && r.WaivedOn != nil:
		return calendar.Day(*r.WaivedOn)
	case r.VerifiedOn != nil:
		return calendar.Day(*r.VerifiedOn)
	}
	return calendar.Today()
}

// add counts r as it stood on day (standing.go): waived, verified, overdue
// or open.
func (t *Tally) add(r *ent.Rectification, day time.Time) {
	t.Total++
	switch {
	case WaivedBy(r, day):
		t.Waived++
	case VerifiedBy(r, day):
		t.Verified++
		t.days = append(t.days, daysBetween(r.HandedOverOn, *r.VerifiedOn))
	case OverdueOn(r, day):
		t.Overdue++
		t.Open++
	default:
		t.Open++
	}
}

func (t *Tally) finish() {
	if len(t.days) == 0 {
		return
	}
	slices.Sort(t.days)
	n := len(t.days)
	m := float64(t.days[n/2])
	if n%2 == 0 {
		m = float64(t.days[n/2-1]+t.days[n/2]) / 2
	}
	t.MedianDaysToClose = &m
}

// Figures are the ledger's figures: in all, by area responsible, by rule.
type Figures struct {
	All    *Tally
	ByArea map[int]*Tally
	ByRule map[string]*Tally
}

// Count makes the figures of items as the ledger stood on day: the items
// handed over by then, each counted as it stood that day (an item verified
// later was open, its deadline judged on the day). On today they agree
// with the items' statuses, which the reconciler keeps.
func Count(items []*ent.Rectification, day time.Time) *Figures {
	f := &Figures{All: &Tally{}, ByArea: map[int]*Tally{}, ByRule: map[string]*Tally{}}
	for _, r := range items {
		if !HandedOverBy(r, day) {
			continue
		}
		f.All.add(r, day)
		for _, t := range []*Tally{group(f.ByArea, r.AreaID), group(f.ByRule, r.Rule)} {
			t.add(r, day)
		}
	}
	f.All.finish()
	for _, t := range f.ByArea {
		t.finish()
	}
	for _, t := range f.ByRule {
		t.finish()
	}
	return f
}

func group[K comparable](m map[K]*Tally, k K) *Tally {
	t, ok := m[k]
	if !ok {
		t = &Tally{}
		m[k] = t
	}
	return t
}

// daysBetween is the number of calendar days from a to b.
func daysBetween(a, b time.Time) int {
	return int(calendar.Day(b).Sub(calendar.Day(a)) / (24 * time.Hour))
}
