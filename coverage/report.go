package coverage

import (
	"context"
	"fmt"
	"slices"
	"time"

	"jiceng/ent"
	"jiceng/ent/area"
	"jiceng/ent/assessment"
	"jiceng/ent/unit"
	"jiceng/vocab"
)

// NotFoundError reports an area ID that names no area.
type NotFoundError struct{ ID int }

func (e *NotFoundError) Error() string { return fmt.Sprintf("no Area has ID %d", e.ID) }

// Coverage reports the coverage of an area (nil: the whole register) as of
// a day (nil: today), with depth levels of child reports below it. Given
// unit kinds, the unit table and the gaps on units count only units of
// those kinds (NON_PUBLIC_ENTERPRISE and SOCIAL_ORGANIZATION: the 两新
// table); without, every unit.
func (en *Engine) Coverage(ctx context.Context, areaID *int, asOf *time.Time, depth int, unitKinds ...unit.Kind) (*Report, error) {
	var where scopeKey
	if areaID != nil {
		where.id = *areaID
	}
	a, err := en.analysisOf(ctx, day(asOf), where)
	if err != nil {
		return nil, err
	}
	return en.reportOf(ctx, a, areaID, depth, unitKinds)
}

// reportOf is Coverage's report of an area from an analysis that holds for it.
func (en *Engine) reportOf(ctx context.Context, a *analysis, areaID *int, depth int, unitKinds []unit.Kind) (*Report, error) {
	id, err := a.scope(areaID)
	if err != nil {
		return nil, err
	}
	// Load the areas of every report to be returned in one query.
	ids := []int{}
	var collect func(id, depth int)
	collect = func(id, depth int) {
		if id != 0 {
			ids = append(ids, id)
		}
		if depth > 0 {
			for _, c := range a.tree.activeChildren(id) {
				collect(c, depth-1)
			}
		}
	}
	collect(id, depth)
	areas, err := en.client.Area.Query().Where(area.IDIn(ids...)).All(ctx)
	if err != nil {
		return nil, fmt.Errorf("loading areas: %w", err)
	}
	byID := map[int]*ent.Area{}
	for _, ar := range areas {
		byID[ar.ID] = ar
	}
	return a.report(id, depth, byID, unitKinds), nil
}

func (a *analysis) report(id, depth int, areas map[int]*ent.Area, kinds []unit.Kind) *Report {
	t := a.read(id)
	units, members, grids := t.units, t.members, t.grids
	if len(kinds) > 0 {
		units = UnitRollup{}
		for _, k := range uniqueKinds(kinds) {
			if u := t.unitsBy[k]; u != nil {
				units.add(u)
			}
		}
		units.JointBranches = t.units.JointBranches
	}
	members.Unattached = t.gaps.of("ORG_MEMBER_UNATTACHED")
	members.ReportOverdue = t.gaps.of("ORG_MOBILE_REPORT_OVERDUE")
	members.LapseRisk = t.gaps.of("ORG_MEMBER_LAPSE_RISK")
	r := &Report{Area: areas[id], AsOf: a.env.asOf, Units: &units, Members: &members, Grids: &grids,
		Organizations: []*OrganizationKindCount{}, Gaps: []*GapCount{}, Children: []*Report{}}
	for _, k := range vocab.OrganizationKinds {
		if c, ok := t.kinds[k]; ok && c.Count > 0 {
			cc := *c
			r.Organizations = append(r.Organizations, &cc)
		}
	}
	for _, rl := range rules {
		n := t.gaps.of(rl.Code)
		if len(kinds) > 0 && rl.facts == "unit_facts" {
			n = 0
			for _, k := range uniqueKinds(kinds) {
				n += t.unitGaps[k].of(rl.Code)
			}
		}
		if n > 0 {
			r.Gaps = append(r.Gaps, &GapCount{Rule: rl.Code, Severity: rl.Severity, Count: n})
			r.GapTotal += n
		}
	}
	if s, ok := a.status[id]; ok {
		r.Status = &s
	}
	assess := t.assess
	assess.Grades = []*GradeCount{}
	for _, g := range []assessment.Grade{assessment.GradeGOOD, assessment.GradeFAIRLY_GOOD, assessment.GradeAVERAGE, assessment.GradePOOR} {
		if n := assess.grades[g]; n > 0 {
			assess.Grades = append(assess.Grades, &GradeCount{Grade: g, Count: n})
		}
	}
	if assess.Assessed > 0 {
		avg := assess.sum / float64(assess.Assessed)
		assess.AverageScore = &avg
	}
	r.Assessments = &assess
	if depth > 0 {
		for _, c := range a.tree.activeChildren(id) {
			r.Children = append(r.Children, a.report(c, depth-1, areas, kinds))
		}
	}
	return r
}

// uniqueKinds drops repeated kinds, so a kind asked for twice counts once.
func uniqueKinds(kinds []unit.Kind) []unit.Kind {
	var out []unit.Kind
	for _, k := range kinds {
		if !slices.Contains(out, k) {
			out = append(out, k)
		}
	}
	return out
}
