package coverage

import (
	"context"
	"fmt"
	"maps"
	"strings"
	"sync/atomic"
	"time"

	"golang.org/x/sync/errgroup"

	"jiceng/ent/assessment"
	"jiceng/ent/unit"
	"jiceng/register"
	"jiceng/vocab"
)

// The whole register as a sum of its top-level areas. When the register
// has several top-level areas (a city's sub-districts), each record the
// whole reading counts is located in exactly one of them, or in none: the
// scoped reading of a top-level area counts the records located in it
// (scope.go), and the reading of what no top-level area holds (scopeNowhere)
// counts the rest. So the whole register's analysis of a day is the merge
// of those readings, each cached and kept current per area as any scoped
// analysis is: after a write in one sub-district only that sub-district
// and the records placed nowhere are read again.
//
// What adds up: every count of a tally (units, members, organisations by
// kind, grids by status, gaps by rule and by kind of unit, assessments);
// the assessment year is the latest of the parts' (every part reads the
// register's latest year up to the day, so it is the same year or none);
// the grids' statuses and the organisations' kinds are per record; the
// gaps merge in listing order. A record reaching into two top-level areas
// (an organisation responsible for grids in both, a member living in one
// and working in the other) is counted by the one it is located in; the
// other reads it only for the figures it feeds there (a unit's members, a
// grid's organisations), as the whole reading does.
//
// The register is read whole instead when it has one top-level area (its
// reading is already the root's), when no analysis of the day was read
// before (the first reading, whose parts then seed the top-level areas'
// entries), when the territory changed since (a write that touched the
// whole register), when more than a quarter of the top-level areas (and
// more than one) must be read again (one reading is cheaper than many),
// when the register moved while the parts were read, or when the areas do
// not lie each below one top-level area (a cycle in a history).

// nowhere is the scope key's area of the reading of the records placed in
// no area.
const nowhere = -1

// scopeAssessed is, in the reading of the records placed nowhere, the
// organisations whose assessments it counts (0 for an assessment of no
// organisation).
const scopeAssessed = "assessed"

// readFor reads the analysis the cache lacks: the whole register's
// composed or read whole, an area's scoped.
func (en *Engine) readFor(ctx context.Context, asOf time.Time, revision int64, where scopeKey) (*analysis, int64, error) {
	if where.id != 0 {
		return en.consistentIn(ctx, asOf, revision, where)
	}
	a, ok, err := en.compose(ctx, asOf, revision)
	if err != nil || ok {
		return a, revision, err
	}
	a, revision, err = en.consistentIn(ctx, asOf, revision, scopeKey{})
	if err == nil {
		en.seed(asOf, a, revision)
	}
	return a, revision, err
}

// compose merges the whole register's analysis at revision from its
// top-level areas' and the records placed nowhere, reading those not
// current; ok is false when the whole register is better read whole.
func (en *Engine) compose(ctx context.Context, asOf time.Time, revision int64) (*analysis, bool, error) {
	c := &en.cache
	prev := c.get(asOf, scopeKey{})
	if prev == nil || len(prev.a.tree.roots) < 2 || !partitioned(prev.a.tree) {
		return nil, false, nil
	}
	// The territory (the tree the parts are merged on) is as it was unless
	// a write touched the whole register.
	// (A write touching the whole register from a day after asOf leaves
	// the day's territory as it was.)
	now, whole, err := en.revisions(ctx, asOf, register.WholeRegister)
	if err != nil {
		return nil, false, err
	}
	if now != revision || whole.area > prev.revision {
		return nil, false, nil
	}
	t := prev.a.tree
	parts := make([]*analysis, len(t.roots))
	var stale []int
	for i, root := range t.roots {
		seen, touched, err := en.revisions(ctx, asOf, root)
		if err != nil {
			return nil, false, err
		}
		if seen != revision {
			return nil, false, nil
		}
		if e := c.get(asOf, scopeKey{id: root}); e != nil && c.current(e, revision, touched) {
			parts[i] = e.a
		} else {
			stale = append(stale, i)
		}
	}
	if len(stale) > max(1, len(t.roots)/4) {
		return nil, false, nil
	}
	var rest *analysis
	if e := c.get(asOf, scopeKey{id: nowhere}); e != nil && e.revision == revision {
		rest = e.a
	} else {
		stale = append(stale, -1)
	}
	var moved atomic.Bool
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(2)
	for _, i := range stale {
		where := scopeKey{id: nowhere}
		if i >= 0 {
			where.id = t.roots[i]
		}
		g.Go(func() error {
			a, seen, err := en.consistentIn(gctx, asOf, revision, where)
			if err != nil {
				return err
			}
			c.put(asOf, where, &entry{a: a, revision: seen})
			if seen != revision {
				moved.Store(true)
				return nil
			}
			if i >= 0 {
				parts[i] = a
			} else {
				rest = a
			}
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return nil, false, err
	}
	if moved.Load() {
		return nil, false, nil
	}
	c.composed.Add(1)
	return merge(t, parts, rest), true, nil
}

// partitioned says whether every area lies below exactly one top-level
// area (a history could hold a cycle, which the whole reading counts in the
// whole register's figures alone).
func partitioned(t *tree) bool {
	seen := map[int]bool{}
	for _, root := range t.roots {
		for _, id := range t.within(root) {
			if seen[id] {
				return false
			}
			seen[id] = true
		}
	}
	return len(seen) == len(t.nodes)
}

// merge is the whole register's analysis from those of its top-level
// areas (parts, in the order of t.roots) and of the records placed nowhere.
func merge(t *tree, parts []*analysis, rest *analysis) *analysis {
	env := *rest.env
	env.scope = nil
	m := &analysis{env: &env, tree: t, tallies: map[int]*tally{}, status: map[int]GridStatus{}, kindOf: map[int]vocab.OrganizationKind{}}
	total := &tally{kinds: map[vocab.OrganizationKind]*OrganizationKindCount{}}
	lists := make([][]*gapRow, 0, len(parts)+1)
	kinds := map[string]bool{}
	for i, p := range parts {
		root := t.roots[i]
		for _, id := range t.within(root) {
			if tl, ok := p.tallies[id]; ok {
				m.tallies[id] = tl // a finished analysis's tallies are not changed
			}
		}
		total.add(p.read(root))
		maps.Copy(m.status, p.status)
		if k := fmt.Sprintf("%p", p.kindOf); !kinds[k] { // the parts seeded from one reading share its map
			kinds[k] = true
			maps.Copy(m.kindOf, p.kindOf)
		}
		m.joint = append(m.joint, p.joint...)
		lists = append(lists, p.gaps)
	}
	total.add(rest.read(0))
	total.orgs = 0 // the organisations responsible for an area count in that area alone
	m.tallies[0] = total
	maps.Copy(m.kindOf, rest.kindOf)
	m.joint = append(m.joint, rest.joint...)
	m.gaps = mergeGaps(append(lists, rest.gaps))
	return m
}

// seed keeps, from a reading of the whole register at revision, each
// top-level area's part as that area's analysis, so that after a write the
// next whole analysis reads only the areas the write touched.
func (en *Engine) seed(asOf time.Time, a *analysis, revision int64) {
	t := a.tree
	if len(t.roots) < 2 || !partitioned(t) || a.subjects != nil || a.env.lean {
		return
	}
	rootOf := map[int]int{}
	parts := map[int]*analysis{}
	for _, root := range t.roots {
		p := &analysis{env: a.env, tree: t, tallies: map[int]*tally{}, status: map[int]GridStatus{}, kindOf: a.kindOf, area: root}
		for _, id := range t.within(root) {
			rootOf[id] = root
			if tl, ok := a.tallies[id]; ok {
				p.tallies[id] = tl
			}
			if s, ok := a.status[id]; ok {
				p.status[id] = s
			}
		}
		parts[root] = p
	}
	for _, g := range a.gaps { // in listing order, so each part's are too
		if p := parts[rootOf[g.areaID]]; p != nil {
			p.gaps = append(p.gaps, g)
		}
	}
	for _, c := range a.joint {
		if p := parts[rootOf[c.area]]; p != nil {
			p.joint = append(p.joint, c)
		}
	}
	for root, p := range parts {
		en.cache.put(asOf, scopeKey{id: root}, &entry{a: p, revision: revision})
	}
}

// gapOrder is the listing order of gaps: by rule (severity first), subject
// and detail.
func gapOrder(x, y *gapRow) int {
	switch {
	case x.order != y.order:
		return x.order - y.order
	case x.subjectID != y.subjectID:
		return x.subjectID - y.subjectID
	}
	return strings.Compare(x.detail, y.detail)
}

// mergeGaps merges lists each in listing order into one, pairwise.
func mergeGaps(lists [][]*gapRow) []*gapRow {
	if len(lists) == 0 {
		return nil
	}
	for len(lists) > 1 {
		next := make([][]*gapRow, 0, (len(lists)+1)/2)
		for i := 0; i < len(lists); i += 2 {
			if i+1 == len(lists) {
				next = append(next, lists[i])
				continue
			}
			x, y := lists[i], lists[i+1]
			out := make([]*gapRow, 0, len(x)+len(y))
			for len(x) > 0 && len(y) > 0 {
				if gapOrder(y[0], x[0]) < 0 {
					out, y = append(out, y[0]), y[1:]
				} else {
					out, x = append(out, x[0]), x[1:]
				}
			}
			next = append(next, append(append(out, x...), y...))
		}
		lists = next
	}
	return lists[0]
}

// add adds another area's counts to the tally.
func (t *tally) add(o *tally) {
	t.units.add(&o.units)
	t.units.JointBranches += o.units.JointBranches // not one of fields()
	for k, u := range o.unitsBy {
		if t.unitsBy == nil {
			t.unitsBy = map[unit.Kind]*UnitRollup{}
		}
		if t.unitsBy[k] == nil {
			t.unitsBy[k] = &UnitRollup{}
		}
		t.unitsBy[k].add(u)
		t.unitsBy[k].JointBranches += u.JointBranches
	}
	for k, g := range o.unitGaps {
		if t.unitGaps == nil {
			t.unitGaps = map[unit.Kind]gapCounts{}
		}
		c := t.unitGaps[k]
		c.plus(g)
		t.unitGaps[k] = c
	}
	m, n := &t.members, &o.members
	for i, p := range []*int{&m.Total, &m.Full, &m.Probationary, &m.InService, &m.Retired, &m.SelfEmployed,
		&m.Mobile, &m.Outflow, &m.Inflow, &m.Unattached, &m.ReportOverdue, &m.LapseRisk} {
		*p += []int{n.Total, n.Full, n.Probationary, n.InService, n.Retired, n.SelfEmployed,
			n.Mobile, n.Outflow, n.Inflow, n.Unattached, n.ReportOverdue, n.LapseRisk}[i]
	}
	for k, c := range o.kinds {
		tk := t.kind(k)
		tk.Count += c.Count
		tk.WithSecretary += c.WithSecretary
		tk.TermExpired += c.TermExpired
		tk.MeetingsBehind += c.MeetingsBehind
	}
	t.gaps.plus(o.gaps)
	t.grids.Total += o.grids.Total
	t.grids.Covered += o.grids.Covered
	t.grids.Partial += o.grids.Partial
	t.grids.Uncovered += o.grids.Uncovered
	r, s := &t.assess, &o.assess
	r.Year = max(r.Year, s.Year)
	r.Assessed += s.Assessed
	r.Awarded += s.Awarded
	r.Unqualified += s.Unqualified
	r.UnqualifiedTwice += s.UnqualifiedTwice
	r.sum += s.sum
	for g, n := range s.grades {
		if r.grades == nil {
			r.grades = map[assessment.Grade]int{}
		}
		r.grades[g] += n
	}
	t.orgs += o.orgs
}

// plus adds another's counts, rule by rule.
func (g *gapCounts) plus(o gapCounts) {
	if o == nil {
		return
	}
	if *g == nil {
		*g = make(gapCounts, len(rules))
	}
	for i, n := range o {
		(*g)[i] += n
	}
}
