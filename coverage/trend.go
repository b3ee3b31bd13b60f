package coverage

import (
	"context"
	"fmt"
	"slices"
	"time"

	"jiceng/calendar"
	"jiceng/ent"
	"jiceng/ent/area"
	"jiceng/ent/member"
	"jiceng/ent/organization"
	"jiceng/ent/period"
	"jiceng/ent/unit"
	"jiceng/vocab"
)

// TrendPoint is the coverage of an area on one day of a series.
type TrendPoint struct {
	AsOf   time.Time
	Report *Report
	// Families counts the day's gaps by rule family, in the order of Families.
	Families []*FamilyCount
}

// FamilyCount counts the gaps of one rule family.
type FamilyCount struct {
	Family RuleFamily
	Count  int
}

// Families lists the rule families in the order of the four clauses.
var Families = []RuleFamily{Work, Organization, Life, Structure}

// maxTrendPoints bounds a series.
const maxTrendPoints = 150

// TrendDays are the days of a series: from, the reporting days after it
// and before to (the last day of every month, of every quarter when months
// is 3, of every year when 12), and to.
func TrendDays(from, to time.Time, months int) ([]time.Time, error) {
	from, to = calendar.Day(from), calendar.Day(to)
	if to.Before(from) {
		return nil, &FieldError{Field: "to", Zh: "结束日期早于开始日期", En: "to is before from"}
	}
	out := []time.Time{from}
	for d := calendar.MonthEnd(from); d.Before(to); d = calendar.MonthEnd(d.AddDate(0, 0, 1)) {
		if !d.After(from) || int(d.Month())%months != 0 {
			continue
		}
		if len(out) == maxTrendPoints-1 {
			return nil, &FieldError{Field: "every", Zh: fmt.Sprintf("一次最多 %d 个时点，请放宽间隔或缩短时段", maxTrendPoints),
				En: fmt.Sprintf("at most %d days in a series; choose a longer step or a shorter span", maxTrendPoints)}
		}
		out = append(out, d)
	}
	if !to.Equal(from) {
		out = append(out, to)
	}
	return out, nil
}

// FieldError is bad input to a series, naming the argument.
type FieldError struct{ Field, Zh, En string }

func (e *FieldError) Error() string { return e.Field + ": " + e.En }

// Trend is the coverage of an area (nil: the whole register) on each day
// of the series from, every months, to: the official table's figures and
// the gaps by rule family, each day's what Coverage reports for it, all of
// one revision of the register. The points are kept (kept.go): a day whose
// point is still current is not read again; the others are read in one
// span (span.go), without keeping their analyses in the engine's cache.
func (en *Engine) Trend(ctx context.Context, areaID *int, from, to time.Time, months int) ([]*TrendPoint, error) {
	days, err := TrendDays(from, to, months)
	if err != nil {
		return nil, err
	}
	var where scopeKey
	if areaID != nil {
		where.id = *areaID
	}
	for range fastTries {
		st, err := en.steps(ctx, where.id)
		if err != nil {
			return nil, err
		}
		out := make([]*TrendPoint, len(days))
		var missing []time.Time
		for i, d := range days {
			if out[i] = en.kept.current(key(d, where), d, st); out[i] == nil {
				missing = append(missing, d)
			}
		}
		if len(missing) == 0 {
			return en.asked(ctx, out, areaID)
		}
		as, revision, err := en.readDays(ctx, missing, where)
		if err != nil {
			return nil, err
		}
		read := map[time.Time]*TrendPoint{}
		for i, d := range missing {
			p, err := en.point(ctx, as[i], d, areaID)
			if err != nil {
				return nil, err
			}
			en.kept.put(key(d, where), p, as[i].area, revision)
			read[d] = p
		}
		if revision != st.revision && len(missing) < len(days) {
			// The register moved since the kept points were checked: check
			// them again at the revision read.
			continue
		}
		for i, d := range days {
			if out[i] == nil {
				out[i] = read[d]
			}
		}
		return en.asked(ctx, out, areaID)
	}
	// The register kept changing: every day afresh, of one revision.
	as, _, err := en.readDays(ctx, days, where)
	if err != nil {
		return nil, err
	}
	out := make([]*TrendPoint, len(days))
	for i, d := range days {
		if out[i], err = en.point(ctx, as[i], d, areaID); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// asked gives the points with the area's record as the asker reads it: a
// kept point was read for another request, with its reader's rights.
func (en *Engine) asked(ctx context.Context, points []*TrendPoint, areaID *int) ([]*TrendPoint, error) {
	if areaID == nil {
		return points, nil
	}
	areas, err := en.client.Area.Query().Where(area.ID(*areaID)).All(ctx)
	if err != nil {
		return nil, fmt.Errorf("loading areas: %w", err)
	}
	var ar *ent.Area
	if len(areas) == 1 {
		ar = areas[0]
	}
	out := make([]*TrendPoint, len(points))
	for i, p := range points {
		r := *p.Report
		r.Area = ar
		out[i] = &TrendPoint{AsOf: p.AsOf, Report: &r, Families: p.Families}
	}
	return out, nil
}

// point is a series' point of an area from the day's analysis.
func (en *Engine) point(ctx context.Context, a *analysis, d time.Time, areaID *int) (*TrendPoint, error) {
	r, err := en.reportOf(ctx, a, areaID, 0, nil)
	if err != nil {
		return nil, err
	}
	counts := map[RuleFamily]int{}
	for _, g := range r.Gaps {
		if rl := ruleByCode[g.Rule]; rl != nil {
			counts[rl.Family] += g.Count
		}
	}
	p := &TrendPoint{AsOf: d, Report: r}
	for _, f := range Families {
		p.Families = append(p.Families, &FamilyCount{Family: f, Count: counts[f]})
	}
	return p, nil
}

// GapChange is a gap that opened or closed between two days, with the day
// it did.
type GapChange struct {
	Gap *Gap
	Day time.Time
}

// RecordChange is a record of the register set up, dissolved or moved on a
// day, with what it was before and after where there is a value.
type RecordChange struct {
	Record        ent.Noder
	Day           time.Time
	Before, After string
}

// Changes is what changed in an area between two days.
type Changes struct {
	From, To               time.Time
	Opened, Closed         []*GapChange
	OrganizationsSetUp     []*RecordChange
	OrganizationsDissolved []*RecordChange
	// UnitsCovered are the units whose coverage mode differs (Before and
	// After) on the two days; their Day is to.
	UnitsCovered []*RecordChange
	// MembersMoved are the members who moved home (Before and After: grid IDs).
	MembersMoved []*RecordChange
}

// Changes lists what changed in an area (nil: the whole register) after
// from up to to: the gaps found on to and not on from (opened, with the
// first day they fired) and those found on from and not on to (closed,
// with the first day they no longer fired), the organisations set up and
// dissolved, the units covered differently, the members who moved home.
func (en *Engine) Changes(ctx context.Context, areaID *int, from, to time.Time) (*Changes, error) {
	from, to = calendar.Day(from), calendar.Day(to)
	if !from.Before(to) {
		return nil, &FieldError{Field: "to", Zh: "结束日期须晚于开始日期", En: "to must be after from"}
	}
	out := &Changes{From: from, To: to}
	var err error
	if out.Opened, out.Closed, err = en.GapChanges(ctx, areaID, from, to); err != nil {
		return nil, err
	}
	a, err := en.analysis(ctx, to)
	if err != nil {
		return nil, err
	}
	scope, err := a.scope(areaID)
	if err != nil {
		return nil, err
	}
	in := func(typ string, id int, d time.Time) (bool, error) {
		if scope == 0 {
			return true, nil
		}
		p, err := Place(ctx, en.client, typ, id, d)
		return err == nil && slices.Contains(a.tree.lineage(p.AreaID), scope), err
	}
	if err := en.recordChanges(ctx, out, from, to, in); err != nil {
		return nil, err
	}
	return out, nil
}

// GapChanges are the gaps in an area found on to and not on from (opened)
// and found on from and not on to (closed), with the day each opened or
// closed.
func (en *Engine) GapChanges(ctx context.Context, areaID *int, from, to time.Time) (opened, closed []*GapChange, err error) {
	from, to = calendar.Day(from), calendar.Day(to)
	revision, err := en.revision(ctx)
	if err != nil {
		return nil, nil, err
	}
	before, err := en.Gaps(ctx, GapFilter{AreaID: areaID, AsOf: &from, First: 1 << 30})
	if err != nil {
		return nil, nil, err
	}
	after, err := en.Gaps(ctx, GapFilter{AreaID: areaID, AsOf: &to, First: 1 << 30})
	if err != nil {
		return nil, nil, err
	}
	if opened, err = en.gapChanges(ctx, after.Nodes(), before.Nodes(), from, to, revision, true); err != nil {
		return nil, nil, err
	}
	closed, err = en.gapChanges(ctx, before.Nodes(), after.Nodes(), from, to, revision, false)
	return opened, closed, err
}

// gapChanges are the gaps of these not among those, with the day each
// opened (opening) or closed.
func (en *Engine) gapChanges(ctx context.Context, these, those []*Gap, from, to time.Time, revision int64, opening bool) ([]*GapChange, error) {
	known := map[GapKey]bool{}
	for _, g := range those {
		known[g.GapKey()] = true
	}
	var keys []GapKey
	var gaps []*Gap
	for _, g := range these {
		if !known[g.GapKey()] {
			keys, gaps = append(keys, g.GapKey()), append(gaps, g)
		}
	}
	days := map[GapKey]time.Time{}
	if err := en.edge(ctx, from, to, keys, days, revision, opening); err != nil {
		return nil, err
	}
	out := make([]*GapChange, len(gaps))
	for i, g := range gaps {
		out[i] = &GapChange{Gap: g, Day: days[g.GapKey()]}
	}
	return out, nil
}

func (en *Engine) recordChanges(ctx context.Context, out *Changes, from, to time.Time, in func(string, int, time.Time) (bool, error)) error {
	orgs, err := en.client.Organization.Query().Where(organization.Or(
		organization.And(organization.EstablishedOnGT(from), organization.EstablishedOnLTE(to)),
		organization.And(organization.DissolvedOnGT(from), organization.DissolvedOnLTE(to)))).
		Order(ent.Asc(organization.FieldID)).All(ctx)
	if err != nil {
		return fmt.Errorf("reading organisations set up or dissolved: %w", err)
	}
	for _, o := range orgs {
		if o.EstablishedOn.After(from) && !o.EstablishedOn.After(to) {
			if ok, err := in("Organization", o.ID, calendar.Day(o.EstablishedOn)); err != nil {
				return err
			} else if ok {
				out.OrganizationsSetUp = append(out.OrganizationsSetUp, &RecordChange{Record: o, Day: calendar.Day(o.EstablishedOn)})
			}
		}
		if d := o.DissolvedOn; d != nil && d.After(from) && !d.After(to) {
			if ok, err := in("Organization", o.ID, from); err != nil {
				return err
			} else if ok {
				out.OrganizationsDissolved = append(out.OrganizationsDissolved, &RecordChange{Record: o, Day: calendar.Day(*d)})
			}
		}
	}
	units, err := en.client.Unit.Query().Where(unit.OpenedOnLTE(to), unit.Or(unit.ClosedOnIsNil(), unit.ClosedOnGT(from))).
		Order(ent.Asc(unit.FieldID)).All(ctx)
	if err != nil {
		return fmt.Errorf("reading units: %w", err)
	}
	for _, u := range units {
		was, err := UnitCoverageMode(ctx, en.client, u.ID, from)
		if err != nil {
			return err
		}
		is, err := UnitCoverageMode(ctx, en.client, u.ID, to)
		if err != nil {
			return err
		}
		if was == is {
			continue
		}
		if ok, err := in("Unit", u.ID, to); err != nil {
			return err
		} else if ok {
			out.UnitsCovered = append(out.UnitsCovered, &RecordChange{Record: u, Day: to, Before: string(was), After: string(is)})
		}
	}
	moves, err := en.client.Period.Query().Where(period.AttributeEQ(vocab.MemberResidenceGrid),
		period.ValidFromGT(from), period.ValidFromLTE(to)).Order(ent.Asc(period.FieldValidFrom), ent.Asc(period.FieldID)).All(ctx)
	if err != nil {
		return fmt.Errorf("reading moves: %w", err)
	}
	for _, p := range moves {
		prev, err := en.client.Period.Query().Where(period.SubjectID(p.SubjectID), period.AttributeEQ(vocab.MemberResidenceGrid),
			period.ValidToEQ(p.ValidFrom)).First(ctx)
		if ent.IsNotFound(err) {
			continue // the first residence recorded, not a move
		}
		if err != nil {
			return fmt.Errorf("reading moves: %w", err)
		}
		m, err := en.client.Member.Query().Where(member.ID(p.SubjectID)).Only(ctx)
		if err != nil {
			return fmt.Errorf("reading member %d: %w", p.SubjectID, err)
		}
		ok, err := in("Member", m.ID, calendar.Day(p.ValidFrom))
		if err != nil {
			return err
		}
		if ok {
			c := &RecordChange{Record: m, Day: calendar.Day(p.ValidFrom)}
			if prev.RefID != nil {
				c.Before = fmt.Sprint(*prev.RefID)
			}
			if p.RefID != nil {
				c.After = fmt.Sprint(*p.RefID)
			}
			out.MembersMoved = append(out.MembersMoved, c)
		}
	}
	return nil
}
