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

// Days is how long an item took: from the hand-over to verification, or to
// today while it is not verified.
func Days(r *ent.Rectification) int {
	end := calendar.Today()
	if r.VerifiedOn != nil {
		end = calendar.Day(*r.VerifiedOn)
	}
	return int(end.Sub(calendar.Day(r.HandedOverOn)) / (24 * time.Hour))
}

func (t *Tally) add(r *ent.Rectification) {
	t.Total++
	switch r.Status {
	case rectification.StatusVERIFIED:
		t.Verified++
		t.days = append(t.days, Days(r))
	case rectification.StatusWAIVED:
		t.Waived++
	case rectification.StatusOVERDUE:
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

// Count makes the figures of items.
func Count(items []*ent.Rectification) *Figures {
	f := &Figures{All: &Tally{}, ByArea: map[int]*Tally{}, ByRule: map[string]*Tally{}}
	for _, r := range items {
		f.All.add(r)
		for _, t := range []*Tally{group(f.ByArea, r.AreaID), group(f.ByRule, r.Rule)} {
			t.add(r)
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
