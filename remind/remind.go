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
	"cmp"
	"context"
	"fmt"
	"slices"
	"time"

	"jiceng/calendar"
	"jiceng/coverage"
	"jiceng/ent"
	"jiceng/ent/appointment"
	"jiceng/ent/meeting"
	"jiceng/ent/member"
	"jiceng/ent/membership"
	"jiceng/ent/mobilereport"
	"jiceng/ent/organization"
	"jiceng/ent/period"
	"jiceng/ent/rectification"
	"jiceng/policy"
	"jiceng/rectify"
	"jiceng/register"
	"jiceng/vocab"
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

// gapKinds are the rules each gap-made kind reads.
var gapKinds = map[coverage.RuleCode]Kind{
	"LIFE_TERM_EXPIRING":             TermRenewal,
	"LIFE_TERM_EXPIRED":              TermRenewal,
	"ORG_MOBILE_REPORT_OVERDUE":      MobileReport,
	"LIFE_SECRETARY_TRAINING_MISSED": Training,
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

// rectifications are the ledger's items handed over by the day, neither
// waived nor verified by then, whose deadline falls within the days ahead
// or has passed.
func (l *lister) rectifications(ctx context.Context) ([]*Reminder, error) {
	items, err := l.c.Rectification.Query().Where(
		rectification.StatusNEQ(rectification.StatusWAIVED),
		rectification.HandedOverOnLTE(l.asOf),
		rectification.Or(rectification.VerifiedOnIsNil(), rectification.VerifiedOnGT(l.asOf)),
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

// subjectTypes are the types of the records the gaps of each kind are about.
var subjectTypes = map[Kind]string{TermRenewal: "Organization", MobileReport: "Member", Training: "Organization"}

// gaps are the reminders the coverage rules find as of the day.
func (l *lister) gaps(ctx context.Context, areaID *int, rules []coverage.RuleCode) ([]*Reminder, error) {
	asOf := l.asOf
	conn, err := l.en.Gaps(ctx, coverage.GapFilter{AreaID: areaID, AsOf: &asOf, Rules: rules, First: 1 << 20})
	if err != nil {
		return nil, err
	}
	var out []*Reminder
	var mobile, training []*Reminder
	for _, g := range conn.Nodes() {
		grid, community := areaIDOf(g.Grid), areaIDOf(g.Community)
		if !l.shows(grid, community) {
			continue
		}
		k := g.GapKey()
		kind := gapKinds[g.Rule]
		r := &Reminder{Kind: kind, Rule: g.Rule, SubjectType: subjectTypes[kind], SubjectID: k.SubjectID,
			SubjectName: g.SubjectName, AreaID: cmp.Or(community, grid), GapID: g.ID, Gap: g}
		switch r.Kind {
		case TermRenewal:
			r.Action = "renew"
			r.OrganizationID = k.SubjectID
			r.Due = termDue(asOf, g)
		case MobileReport:
			r.Action = "mobileReport"
			mobile = append(mobile, r)
		case Training:
			r.OrganizationID = k.SubjectID
			training = append(training, r)
		}
		out = append(out, r)
	}
	if err := l.reportsDue(ctx, mobile); err != nil {
		return nil, err
	}
	if err := l.trainingDue(ctx, training); err != nil {
		return nil, err
	}
	return out, nil
}

func areaIDOf(a *ent.Area) int {
	if a == nil {
		return 0
	}
	return a.ID
}

// termDue is the end of the term the gap is about, read from its figures:
// the days left (LIFE_TERM_EXPIRING) or the days overdue (LIFE_TERM_EXPIRED).
func termDue(asOf time.Time, g *coverage.Gap) time.Time {
	for _, f := range g.Figures {
		switch f.Name {
		case "daysLeft":
			return asOf.AddDate(0, 0, int(f.Value))
		case "daysOverdue":
			return asOf.AddDate(0, 0, -int(f.Value))
		}
	}
	return asOf
}

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

// responsible fills in the organisation of each member's reminder (where
// the member's relationship sits on the day) and the person responsible
// for every reminder without one: the organisation's secretary in office.
func (l *lister) responsible(ctx context.Context, rs []*Reminder) error {
	var members []int
	for _, r := range rs {
		if r.OrganizationID == 0 && r.SubjectType == "Member" {
			members = append(members, r.SubjectID)
		}
	}
	if len(members) > 0 {
		ms, err := l.c.Membership.Query().Where(membership.MemberIDIn(members...), membership.StartedOnLTE(l.asOf),
			membership.Or(membership.EndedOnIsNil(), membership.EndedOnGT(l.asOf))).All(ctx)
		if err != nil {
			return fmt.Errorf("reading the memberships: %w", err)
		}
		org := map[int]int{}
		for _, m := range ms {
			org[m.MemberID] = m.OrganizationID
		}
		for _, r := range rs {
			if r.OrganizationID == 0 && r.SubjectType == "Member" {
				r.OrganizationID = org[r.SubjectID]
			}
		}
	}
	var orgs []int
	for _, r := range rs {
		if r.OrganizationID != 0 && r.Responsible == "" {
			orgs = append(orgs, r.OrganizationID)
		}
	}
	if len(orgs) == 0 {
		return nil
	}
	aps, err := l.c.Appointment.Query().Where(appointment.OrganizationIDIn(orgs...), appointment.RoleEQ(appointment.RoleSECRETARY),
		appointment.StartedOnLTE(l.asOf), appointment.Or(appointment.EndedOnIsNil(), appointment.EndedOnGT(l.asOf))).
		WithMember().Order(ent.Asc(appointment.FieldStartedOn), ent.Asc(appointment.FieldID)).All(ctx)
	if err != nil {
		return fmt.Errorf("reading the secretaries: %w", err)
	}
	secretary := map[int]string{}
	for _, ap := range aps {
		name := ap.HolderName
		if ap.Edges.Member != nil {
			name = ap.Edges.Member.Name
		}
		if name != "" {
			secretary[*ap.OrganizationID] = name
		}
	}
	for _, r := range rs {
		if r.Responsible == "" {
			r.Responsible = secretary[r.OrganizationID]
		}
	}
	return nil
}

// group sorts the reminders (overdue first, then by day) and groups them
// by person responsible and organisation, the group with the earliest due
// first.
func group(asOf time.Time, within int, rs []*Reminder) *List {
	l := &List{AsOf: asOf, Within: within, Counts: map[Kind]int{}, Total: len(rs)}
	for _, r := range rs {
		r.Overdue = r.Due.Before(asOf)
		l.Counts[r.Kind]++
	}
	slices.SortStableFunc(rs, func(a, b *Reminder) int {
		return cmp.Or(a.Due.Compare(b.Due), cmp.Compare(slices.Index(Kinds, a.Kind), slices.Index(Kinds, b.Kind)),
			cmp.Compare(a.SubjectName, b.SubjectName), cmp.Compare(a.SubjectID, b.SubjectID))
	})
	type key struct {
		who  string
		org  int
		area int
	}
	byKey := map[key]*Group{}
	for _, r := range rs {
		k := key{r.Responsible, r.OrganizationID, 0}
		if r.OrganizationID == 0 {
			k.area = r.AreaID
		}
		g := byKey[k]
		if g == nil {
			g = &Group{Responsible: r.Responsible, OrganizationID: r.OrganizationID, AreaID: r.AreaID}
			byKey[k] = g
			l.Groups = append(l.Groups, g)
		}
		g.Reminders = append(g.Reminders, r)
	}
	return l
}

func set(ids []int) map[int]bool {
	s := make(map[int]bool, len(ids))
	for _, id := range ids {
		s[id] = true
	}
	return s
}
