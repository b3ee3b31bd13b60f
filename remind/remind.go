// Package remind lists what is due (待办提醒) as of a day, grouped by the
// person responsible: the ledger's items near or past their deadline,
// terms due for renewal, mobile members' missing monthly reports,
// probationary members due for confirmation and grid secretaries who
// missed the sub-district's monthly training meeting. It reads each fact
// where it is defined: the gaps of the coverage engine (terms, reports,
// training), the ledger's items (rectify) and the register's probation
// (register.ProbationYears and the members' status history); it derives
// none of them again.
package remind

import (
	"context"
	"slices"
	"time"

	"jiceng/calendar"
	"jiceng/coverage"
	"jiceng/ent"
	"jiceng/policy"
	"jiceng/rectify"
)

// Kind is what a reminder is about.
type Kind string

// The kinds of reminder, in the order a list shows them.
const (
	Rectification Kind = "RECTIFICATION"
	TermRenewal   Kind = "TERM_RENEWAL"
	MobileReport  Kind = "MOBILE_REPORT"
	Probation     Kind = "PROBATION"
	Training      Kind = "SECRETARY_TRAINING"
)

// Kinds lists every kind in order.
var Kinds = []Kind{Rectification, TermRenewal, MobileReport, Probation, Training}

// DefaultWithin is how many days ahead a deadline or a confirmation is
// reminded of when the caller does not say.
const DefaultWithin = 30

// MaxWithin bounds how far ahead a list may look: a year.
const MaxWithin = 366

// Reminder is one thing due.
type Reminder struct {
	Kind Kind
	// Rule is the coverage rule behind it (the item's gap's rule for a
	// ledger item); empty for probation, which is no gap.
	Rule coverage.RuleCode
	// SubjectType and SubjectID name the record it is about: the member
	// or organisation; for a ledger item, the gap's subject (its type
	// left empty: the ID tells it).
	SubjectType string
	SubjectID   int
	SubjectName string
	// Due is the day it is due: the item's deadline, the term's end, the
	// day the monthly report became missing, the end of probation, the
	// day of the training meeting missed.
	Due time.Time
	// Overdue is true when Due is before the day examined.
	Overdue bool
	// Responsible is the person responsible ("" when nobody is): the
	// item's 负责人, else the secretary in office of Organization.
	Responsible    string
	OrganizationID int
	// AreaID is the community it lies in (else the grid or area).
	AreaID int
	// RectificationID is the ledger item, for a ledger reminder.
	RectificationID int
	// GapID is the gap behind it, when there is one; Gap is the gap as
	// found on the day, when the list read it.
	GapID int
	Gap   *coverage.Gap
	// Action is the operation on the subject's page that deals with it
	// (lib/actions.ts, lib/orgActions.ts), "" for the page itself.
	Action string
}

// Group is the reminders of one person responsible in one organisation.
type Group struct {
	Responsible    string
	OrganizationID int
	AreaID         int
	Reminders      []*Reminder
}

// List is what is due as of a day.
type List struct {
	AsOf   time.Time
	Within int
	Groups []*Group
	// Counts is how many reminders of each kind (every kind, in order).
	Counts map[Kind]int
	Total  int
}

// Filter says what to list.
type Filter struct {
	// AreaID narrows the list to an area and the areas below it.
	AreaID *int
	AsOf   time.Time
	// Within is how many days ahead deadlines and confirmations are
	// reminded of; terms follow their rule's own months
	// (TERM_EXPIRING_MONTHS), reports and training are due when missed.
	Within int
	Kinds  []Kind
	// Areas, when not nil, are the only areas whose reminders are listed
	// (an editor's areas, with every area below them).
	Areas []int
}

// Due lists the reminders f selects.
func Due(ctx context.Context, c *ent.Client, en *coverage.Engine, f Filter) (*List, error) {
	ctx = policy.System(ctx)
	asOf := calendar.Day(f.AsOf)
	want := map[Kind]bool{}
	for _, k := range f.Kinds {
		want[k] = true
	}
	all := len(want) == 0
	l := &lister{c: c, en: en, asOf: asOf, within: f.Within}
	if f.AreaID != nil {
		below, err := rectify.AreasBelow(ctx, c, *f.AreaID)
		if err != nil {
			return nil, err
		}
		l.area = set(below)
	}
	if f.Areas != nil {
		l.allowed = set(f.Areas)
	}
	var rs []*Reminder
	if all || want[Rectification] {
		got, err := l.rectifications(ctx)
		if err != nil {
			return nil, err
		}
		rs = append(rs, got...)
	}
	var rules []coverage.RuleCode
	for rule, k := range gapKinds {
		if all || want[k] {
			rules = append(rules, rule)
		}
	}
	if len(rules) > 0 {
		slices.Sort(rules)
		got, err := l.gaps(ctx, f.AreaID, rules)
		if err != nil {
			return nil, err
		}
		rs = append(rs, got...)
	}
	if all || want[Probation] {
		got, err := l.probations(ctx)
		if err != nil {
			return nil, err
		}
		rs = append(rs, got...)
	}
	if err := l.responsible(ctx, rs); err != nil {
		return nil, err
	}
	return group(asOf, f.Within, rs), nil
}

type lister struct {
	c       *ent.Client
	en      *coverage.Engine
	asOf    time.Time
	within  int
	area    map[int]bool // nil: everywhere
	allowed map[int]bool // nil: everywhere
}

// shows says whether a reminder placed in these areas is listed: in the
// area asked for and in the viewer's areas. A zero area is none.
func (l *lister) shows(areas ...int) bool {
	in := func(s map[int]bool) bool {
		if s == nil {
			return true
		}
		for _, a := range areas {
			if a != 0 && s[a] {
				return true
			}
		}
		return false
	}
	return in(l.area) && in(l.allowed)
}

// horizon is the last day a deadline or a confirmation is reminded of.
func (l *lister) horizon() time.Time { return l.asOf.AddDate(0, 0, l.within) }

func set(ids []int) map[int]bool {
	s := make(map[int]bool, len(ids))
	for _, id := range ids {
		s[id] = true
	}
	return s
}
