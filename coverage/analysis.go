package coverage

import (
	"context"
	"database/sql"
	"slices"
	"time"

	"golang.org/x/sync/errgroup"

	"jiceng/ent/unit"
	"jiceng/vocab"
)

// tally holds the counts of one area, its own and, once summed, those of
// every area below it.
type tally struct {
	units UnitRollup
	// unitsBy and unitGaps are the unit table and the gaps on units by the
	// units' kind, for a report scoped to some kinds (the 两新 table).
	unitsBy  map[unit.Kind]*UnitRollup
	unitGaps map[unit.Kind]gapCounts
	members  MemberRollup
	kinds    map[vocab.OrganizationKind]*OrganizationKindCount
	gaps     gapCounts
	grids    GridRollup
	assess   AssessmentRollup
	// orgs counts the organisations responsible for the area itself (grids).
	orgs int
}

// gapRow is a gap as the analysis finds it: the rule, its subject and the
// values of the rule's figure columns. Figures and messages are written
// when a page of gaps is returned.
type gapRow struct {
	rule              *rule
	order             int // the rule's place in the listing order
	subjectID, areaID int
	detail, name      string
	values            []any
	unitKind          unit.Kind // the kind of a unit subject
}

// analysis is one reading of the whole register as of a day: a tally for
// every area (0 for the whole register), the status of every grid and every
// gap, sorted in listing order.
type analysis struct {
	env     *env
	tree    *tree
	tallies map[int]*tally
	status  map[int]GridStatus
	gaps    []*gapRow
	// joint lists the joint branches that could take another unit.
	joint []candidate
	// kindOf is each organisation's kind on the day.
	kindOf map[int]vocab.OrganizationKind
	// area is the area a scoped analysis holds for (with those below it);
	// 0 for the whole register's.
	area int
	// subjects are, for a reading asking about some gaps alone, the IDs of
	// their subjects by fact table (see reading.subjects).
	subjects map[string][]int
}

// subjectsOf is, for a reading asking about some gaps, the SQL condition
// that a fact row is of one of their subjects; else "".
func (a *analysis) subjectsOf(facts string) string {
	ids, ok := a.subjects[facts]
	if !ok {
		return ""
	}
	return " WHERE f.id IN " + sqlList(ids)
}

type candidate struct{ id, area, units int }

func (a *analysis) tally(id int) *tally {
	t, ok := a.tallies[id]
	if !ok {
		t = &tally{kinds: map[vocab.OrganizationKind]*OrganizationKindCount{}}
		a.tallies[id] = t
	}
	return t
}

// read returns the tally of an area without adding one: a finished
// analysis is shared by concurrent requests and must not change.
func (a *analysis) read(id int) *tally {
	if t, ok := a.tallies[id]; ok {
		return t
	}
	return &tally{kinds: map[vocab.OrganizationKind]*OrganizationKindCount{}}
}

// gapCounts counts gaps by rule, one slot a rule in the order of rules
// (nil: none): a cached analysis keeps one per area and kind of unit, and
// a slot costs 4 bytes where a map's entry cost tens.
type gapCounts []int32

// ruleIndex is each rule's place in rules.
var ruleIndex = func() map[RuleCode]int {
	m := map[RuleCode]int{}
	for i, r := range rules {
		m[r.Code] = i
	}
	return m
}()

// of is the count of a rule's gaps.
func (g gapCounts) of(code RuleCode) int {
	if g == nil {
		return 0
	}
	return int(g[ruleIndex[code]])
}

// add counts a gap of the rule.
func (g *gapCounts) add(code RuleCode) {
	if *g == nil {
		*g = make(gapCounts, len(rules))
	}
	(*g)[ruleIndex[code]]++
}

func (t *tally) kind(k vocab.OrganizationKind) *OrganizationKindCount {
	c, ok := t.kinds[k]
	if !ok {
		c = &OrganizationKindCount{Kind: k}
		t.kinds[k] = c
	}
	return c
}

// located returns the tallies a row located in area counts towards: the
// whole register, the area and each area above it.
func (a *analysis) located(area int) []*tally {
	out := []*tally{a.tally(0)}
	for _, id := range a.tree.lineage(area) {
		out = append(out, a.tally(id))
	}
	return out
}

// scope checks an area ID (nil: the whole register, 0) against the tree.
func (a *analysis) scope(areaID *int) (int, error) {
	if areaID == nil {
		return 0, nil
	}
	if _, ok := a.tree.nodes[*areaID]; !ok {
		return 0, &NotFoundError{*areaID}
	}
	return *areaID, nil
}

// part is one statement of an analysis and what to do with its rows.
type part struct {
	query *query
	text  string
	cols  int
	row   func(v []any)
}

// analyse reads the whole register as of asOf with read.
func (en *Engine) analyse(ctx context.Context, asOf time.Time, read reader) (*analysis, error) {
	return en.analyseIn(ctx, asOf, read, scopeKey{})
}

// analyseIn reads the register as of asOf with read: all of it, or only
// what can be located in an area and the areas below it.
func (en *Engine) analyseIn(ctx context.Context, asOf time.Time, read reader, where scopeKey) (*analysis, error) {
	return en.analyseWith(ctx, asOf, read, where, reading{})
}

// reading is what an analysis reads: everything, or (lean, see env.lean)
// the counts and the gaps' keys; of the rules' fact tables, those of only
// (its gaps and the tallies read with them alone, for a walk asking about
// a few rules' gaps), or all of them when only is nil.
type reading struct {
	lean bool
	only map[string]bool
	// settings, when set, are the rule settings' history the day's are
	// read from (a span reads them once).
	settings *settingHistory
	// subjects, when set, holds the IDs of the subjects of the gaps a walk
	// asks about, by fact table: the statements read those fact rows alone
	// (a row's rules read the row, not the others), so the reading finds
	// exactly which of those gaps fire, and its tallies are not the day's.
	subjects map[string][]int
}

// reads says whether the reading reads the statement of a fact table.
func (r reading) reads(facts string) bool { return r.only == nil || r.only[facts] }

// analyseWith is analyseIn reading what r says.
func (en *Engine) analyseWith(ctx context.Context, asOf time.Time, read reader, where scopeKey, r reading) (*analysis, error) {
	var settings *Settings
	var err error
	if r.settings != nil {
		settings = r.settings.on(asOf)
	} else if settings, err = LoadSettingsOn(ctx, en.client, asOf); err != nil {
		return nil, err
	}
	var a *analysis
	err = read(ctx, func(tx querier) error {
		t, err := en.treeOf(ctx, tx, asOf, where)
		if err != nil {
			return err
		}
		a = &analysis{env: newEnv(en.dialect, asOf, settings, t.singleRoot()), tree: t,
			tallies: map[int]*tally{}, status: map[int]GridStatus{}, kindOf: map[int]vocab.OrganizationKind{}}
		a.env.lean, a.subjects = r.lean, r.subjects
		if where.community {
			if c := t.nearest(where.id, "COMMUNITY"); c != 0 {
				where.id = c
			}
		}
		if where.id == nowhere {
			a.area = nowhere
			return a.env.scopeNowhere(ctx, tx)
		}
		if areas := t.within(where.id); where.id != 0 && !slices.Contains(areas, t.singleRoot()) {
			a.area = where.id
			return a.env.scopeTo(ctx, tx, areas)
		}
		if r.subjects != nil {
			a.env.scopeSubjects(r.subjects)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	var parts []part
	for _, p := range []struct {
		facts string
		part  func() part
	}{{"member_facts", a.memberTable}, {"org_facts", a.organizations}, {"unit_facts", a.unitTable}, {"area_facts", a.areas}, {"", a.assessments}} {
		if p.facts == "" && r.only == nil || p.facts != "" && r.reads(p.facts) {
			parts = append(parts, p.part())
		}
	}
	if err := run(ctx, read, parts); err != nil {
		return nil, err
	}
	a.finish()
	return a, nil
}

// run runs the statements with read, two at a time, and hands their rows
// to the parts one at a time.
func run(ctx context.Context, read reader, parts []part) error {
	rows := make(chan func(), 64)
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(2)
	done := make(chan struct{})
	go func() {
		for f := range rows {
			f()
		}
		close(done)
	}()
	for _, p := range parts {
		g.Go(func() error {
			return read(gctx, func(tx querier) error {
				return p.query.rows(gctx, tx, p.text, func(r *sql.Rows) error {
					v, err := scanAll(r.Scan, p.cols)
					if err != nil {
						return err
					}
					rows <- func() { p.row(v) }
					return nil
				})
			})
		})
	}
	err := g.Wait()
	close(rows)
	<-done
	return err
}

// finish counts the gaps, decides the grids' statuses and sorts the gaps.
func (a *analysis) finish() {
	behind := map[int]bool{}
	for _, g := range a.gaps {
		for _, t := range a.located(g.areaID) {
			t.gaps.add(g.rule.Code)
			if g.unitKind != "" {
				if t.unitGaps == nil {
					t.unitGaps = map[unit.Kind]gapCounts{}
				}
				c := t.unitGaps[g.unitKind]
				c.add(g.rule.Code)
				t.unitGaps[g.unitKind] = c
			}
		}
		if g.rule.Code == "LIFE_MEETINGS_BEHIND" && !behind[g.subjectID] {
			behind[g.subjectID] = true
			for _, t := range a.located(g.areaID) {
				t.kind(a.kindOf[g.subjectID]).MeetingsBehind++
			}
		}
	}
	slices.SortFunc(a.gaps, gapOrder)
	a.gridStatuses()
}

// ruleOrder is each rule's place in the listing order: by severity, then
// as the rules are listed.
var ruleOrder = func() map[RuleCode]int {
	m := map[RuleCode]int{}
	for _, s := range Severities {
		for _, r := range rules {
			if r.Severity == s {
				m[r.Code] = len(m)
			}
		}
	}
	return m
}()
