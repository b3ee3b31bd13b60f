package rectify

import (
	"context"
	"fmt"
	"time"

	"jiceng/calendar"
	"jiceng/coverage"
	"jiceng/ent"
	"jiceng/ent/rectification"
	"jiceng/register"
)

// Account is the ledger's part of a half-yearly account (半年汇报), for
// one area responsible or in all.
type Account struct {
	// HandedOver counts the items handed over (转办) in the span.
	HandedOver int
	// Verified counts the items the register found closed in the span.
	Verified int
	// StillOpen counts the items handed over by the last day and neither
	// verified nor waived by it (OpenOn).
	StillOpen int
	// Waived counts the items the working committee waived in the span.
	Waived int
	// Overdue counts the items still open whose deadline was before the
	// last day.
	Overdue int
}

// HalfYear is the account of an area to the working committee over a
// span (a half year: 上半年, 下半年): the coverage on the eve of its
// first day and on its last, the gaps found (opened) and closed in it, and
// what the ledger did with them.
type HalfYear struct {
	From, To time.Time
	// Start is the coverage on the day before From, End on To.
	Start, End *coverage.Report
	// Found are the gaps that opened in the span, Closed those that closed.
	Found, Closed []*coverage.GapChange
	All           *Account
	// ByArea accounts for each area responsible (a community, mostly).
	ByArea map[int]*Account
}

// FamilyCounts counts gap changes by rule family, in the order of
// coverage.Families.
func FamilyCounts(changes []*coverage.GapChange) []*coverage.FamilyCount {
	n := map[coverage.RuleFamily]int{}
	for _, c := range changes {
		n[c.Gap.Family]++
	}
	out := make([]*coverage.FamilyCount, len(coverage.Families))
	for i, f := range coverage.Families {
		out[i] = &coverage.FamilyCount{Family: f, Count: n[f]}
	}
	return out
}

// HalfYear makes the account of an area (nil: the whole register) from
// from to to, both days included. The days are read from the register's
// history; the ledger's items by the days they were handed over and
// verified. An item reopened after it was verified counts as open.
func (l *Ledger) HalfYear(ctx context.Context, areaID *int, from, to time.Time) (*HalfYear, error) {
	from, to = calendar.Day(from), calendar.Day(to)
	if to.Before(from) {
		return nil, register.Fail(register.Invalid, "to", "BAD_SPAN", "结束日期早于开始日期", "to is before from")
	}
	if to.After(calendar.Today()) {
		return nil, register.Fail(register.Invalid, "to", "AFTER_TODAY", "结束日期不能晚于今天", "to is after today")
	}
	if _, err := l.Reconcile(ctx); err != nil {
		return nil, err
	}
	eve := from.AddDate(0, 0, -1)
	out := &HalfYear{From: from, To: to, All: &Account{}, ByArea: map[int]*Account{}}
	var err error
	if out.Start, err = l.engine.Coverage(ctx, areaID, &eve, 0); err != nil {
		return nil, err
	}
	if out.End, err = l.engine.Coverage(ctx, areaID, &to, 0); err != nil {
		return nil, err
	}
	if out.Found, out.Closed, err = l.engine.GapChanges(ctx, areaID, eve, to); err != nil {
		return nil, err
	}
	q, err := Filter{AreaID: areaID}.Where(ctx, l.client, l.client.Rectification.Query())
	if err != nil {
		return nil, err
	}
	items, err := q.Where(rectification.HandedOverOnLTE(to)).All(ctx)
	if err != nil {
		return nil, fmt.Errorf("reading the ledger: %w", err)
	}
	for _, it := range items {
		a := out.ByArea[it.AreaID]
		if a == nil {
			a = &Account{}
			out.ByArea[it.AreaID] = a
		}
		for _, acc := range []*Account{out.All, a} {
			acc.add(it, from, to)
		}
	}
	for id, a := range out.ByArea {
		if *a == (Account{}) {
			delete(out.ByArea, id)
		}
	}
	return out, nil
}

func (a *Account) add(it *ent.Rectification, from, to time.Time) {
	eve := from.AddDate(0, 0, -1)
	if !HandedOverBy(it, eve) {
		a.HandedOver++
	}
	if VerifiedBy(it, to) && !VerifiedBy(it, eve) {
		a.Verified++
	}
	if WaivedBy(it, to) && !WaivedBy(it, eve) {
		a.Waived++
	}
	if OpenOn(it, to) {
		a.StillOpen++
	}
	if OverdueOn(it, to) {
		a.Overdue++
	}
}
