package remind

import (
	"cmp"
	"context"

	"jiceng/coverage"
	"jiceng/ent"
)

// The kinds the coverage rules find (gapKinds): terms due for renewal,
// missing monthly reports and missed training, read from the day's gaps;
// each kind dates its reminders in its own file.

// gapKinds are the rules each gap-made kind reads.
var gapKinds = map[coverage.RuleCode]Kind{
	"LIFE_TERM_EXPIRING":             TermRenewal,
	"LIFE_TERM_EXPIRED":              TermRenewal,
	"ORG_MOBILE_REPORT_OVERDUE":      MobileReport,
	"LIFE_SECRETARY_TRAINING_MISSED": Training,
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
