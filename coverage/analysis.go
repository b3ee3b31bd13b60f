package coverage

import (
	"context"
	"database/sql"
	"slices"
	"strings"
	"time"

	"golang.org/x/sync/errgroup"

	"jiceng/ent/assessment"
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
		t, err := loadTree(ctx, &query{dialect: en.dialect}, tx, asOf)
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
		if areas := t.within(where.id); where.id != 0 && !slices.Contains(areas, t.singleRoot()) {
			a.area = where.id
			return a.env.scopeTo(ctx, tx, areas)
		}
		if r.subjects != nil {
			a.env.scope = subjectScope(r.subjects)
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
	slices.SortFunc(a.gaps, func(x, y *gapRow) int {
		switch {
		case x.order != y.order:
			return x.order - y.order
		case x.subjectID != y.subjectID:
			return x.subjectID - y.subjectID
		}
		return strings.Compare(x.detail, y.detail)
	})
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

func sum(cond string) string { return "SUM(" + flag(cond) + ")" }

func flag(cond string) string { return "CASE WHEN " + cond + " THEN 1 ELSE 0 END" }

func (a *analysis) unitTable() part {
	none := "f.own_rank = 0 AND f.joint = 0"
	cols := []string{"f.area_id", "COUNT(*)", sum("f.own_rank = 3"), sum("f.own_rank = 2"), sum("f.own_rank = 1"),
		sum("f.own_rank = 0 AND f.joint = 1"), sum("f.own_rank = 0 AND f.joint = 1 AND f.full_members >= {org_min}"),
		sum(none), sum(none + " AND f.full_members >= {org_min}"),
		sum(none + " AND f.full_members >= {org_min} AND f.grouped > 0"),
		sum(none + " AND f.full_members < {org_min} AND f.members > 0"), sum(none + " AND f.members = 0"),
		sum(none + " AND f.affiliated = 1"), sum("f.instructors > 0"), sum("f.visits > 0"),
		"SUM(f.employees)", "SUM(f.members)", "SUM(f.not_transferred)"}
	rs, gaps, needs := a.gapLists("unit_facts")
	n := len(cols)
	return part{
		query: a.env.query,
		text: a.env.with(append(needs, "unit_facts")...) + "\nSELECT " + strings.Join(append(append(cols, gaps...), "f.kind"), ", ") +
			" FROM unit_facts f" + a.subjectsOf("unit_facts") + " GROUP BY f.area_id, f.kind",
		cols: n + len(gaps) + 1,
		row: func(v []any) {
			kind := unit.Kind(toString(v[len(v)-1]))
			before := len(a.gaps)
			a.readGapLists(rs, toInt(v[0]), v[n:len(v)-1])
			for _, g := range a.gaps[before:] {
				g.unitKind = kind
			}
			var row UnitRollup
			for i, p := range row.fields() {
				*p = toInt(v[1+i])
			}
			for _, t := range a.located(toInt(v[0])) {
				t.units.add(&row)
				if t.unitsBy == nil {
					t.unitsBy = map[unit.Kind]*UnitRollup{}
				}
				if t.unitsBy[kind] == nil {
					t.unitsBy[kind] = &UnitRollup{}
				}
				t.unitsBy[kind].add(&row)
			}
		},
	}
}

func (a *analysis) memberTable() part {
	cols := []string{"f.area_id", "COUNT(*)", sum("f.status = 'FULL'"), sum("f.status = 'PROBATIONARY'"),
		sum("f.category = 'IN_SERVICE'"), sum("f.category = 'RETIRED'"), sum("f.category = 'SELF_EMPLOYED'"),
		sum("f.category = 'MOBILE'"), sum("f.mobility = 'OUTFLOW'"), sum("f.mobility = 'INFLOW'")}
	rs, gaps, needs := a.gapLists("member_facts")
	n := len(cols)
	return part{
		query: a.env.query,
		text:  a.env.with(append(needs, "member_facts")...) + "\nSELECT " + strings.Join(append(cols, gaps...), ", ") + " FROM member_facts f" + a.subjectsOf("member_facts") + " GROUP BY f.area_id",
		cols:  n + len(gaps),
		row: func(v []any) {
			a.readGapLists(rs, toInt(v[0]), v[n:])
			for _, t := range a.located(toInt(v[0])) {
				m := &t.members
				for i, p := range []*int{&m.Total, &m.Full, &m.Probationary, &m.InService, &m.Retired,
					&m.SelfEmployed, &m.Mobile, &m.Outflow, &m.Inflow} {
					*p += toInt(v[1+i])
				}
			}
		},
	}
}

// rulesOf lists the rules reading a fact table, and the columns that flag
// each and carry its figures.
func (a *analysis) rulesOf(facts string) (rs []*rule, flags, values []string, needs []string) {
	for _, r := range rules {
		if r.facts == facts {
			rs = append(rs, r)
			flags = append(flags, flag(r.when(a.env)))
			if !a.env.lean {
				values = append(values, r.columns...)
			}
			needs = append(needs, r.needs...)
		}
	}
	return rs, flags, values, needs
}

// gapRows turns the flags of a fact row into gaps.
func (a *analysis) gapRows(rs []*rule, id, area int, detail, name string, flags, values []any) {
	at := 0
	for i, r := range rs {
		n := len(r.columns)
		if toInt(flags[i]) == 1 {
			g := &gapRow{rule: r, order: ruleOrder[r.Code], subjectID: id, areaID: area, detail: detail, name: name}
			if len(values) > 0 { // none in a lean analysis
				g.values = slices.Clone(values[at : at+n]) // not the whole row
			}
			a.gaps = append(a.gaps, g)
		}
		at += n
	}
}

// Records of a gap list: the subject's ID and name, then the rule's figure
// columns, joined by the ASCII unit separator; records joined by the record
// separator. Neither is a character a name or a number holds.
const (
	unitSep   = "\x1f"
	recordSep = "\x1e"
)

// gapLists writes, for each rule on a fact table, a column that lists the
// rows of a group the rule fires on, so that one grouped statement gives
// both the counts of an area and its gaps. The subject's name and the
// figures are read only for those rows.
func (a *analysis) gapLists(facts string) (rs []*rule, cols []string, needs []string) {
	for _, r := range rules {
		if r.facts != facts {
			continue
		}
		parts := []string{"CAST(f.id AS TEXT)"}
		if !a.env.lean {
			parts = append(parts, "(SELECT s.name FROM "+r.subject+" s WHERE s.id = f.id)")
			for _, c := range r.columns {
				parts = append(parts, "CAST("+c+" AS TEXT)")
			}
		}
		for i, p := range parts {
			parts[i] = "COALESCE(" + p + ", '')"
		}
		record := strings.Join(parts, " || "+a.env.char(0x1f)+" || ")
		rs = append(rs, r)
		cols = append(cols, a.env.listAgg("CASE WHEN "+r.when(a.env)+" THEN "+record+" END", a.env.char(0x1e)))
		needs = append(needs, r.needs...)
	}
	return rs, cols, needs
}

// readGapLists turns the gap lists of a group located in area into gaps.
func (a *analysis) readGapLists(rs []*rule, area int, lists []any) {
	for i, r := range rs {
		list := toString(lists[i])
		if list == "" {
			continue
		}
		for _, rec := range strings.Split(list, recordSep) {
			f := strings.Split(rec, unitSep)
			g := &gapRow{rule: r, order: ruleOrder[r.Code], subjectID: toInt(f[0]), areaID: area}
			if len(f) > 1 { // the ID alone in a lean analysis
				g.name, g.values = f[1], make([]any, len(r.columns))
				for j := range g.values {
					if f[2+j] != "" {
						g.values[j] = f[2+j]
					}
				}
			}
			a.gaps = append(a.gaps, g)
		}
	}
}

// organizations reads every organisation in force: few enough (one or two
// per grid) to count by kind here, and the rules on them.
func (a *analysis) organizations() part {
	rs, flags, values, needs := a.rulesOf("org_facts")
	expired := flag(ruleByCode["LIFE_TERM_EXPIRED"].when(a.env))
	cols := append([]string{"f.id", "f.area_id", "f.kind", "f.name", "f.formation", "f.leaders", "f.units", expired, a.env.behindList()}, flags...)
	cols = append(cols, values...)
	settings := a.env.settings
	return part{
		query: a.env.query,
		text:  a.env.with(append(needs, "org_facts")...) + "\nSELECT " + strings.Join(cols, ", ") + " FROM org_facts f" + a.subjectsOf("org_facts"),
		cols:  len(cols),
		row: func(v []any) {
			id, area, kind := toInt(v[0]), toInt(v[1]), kindOf(v[2])
			a.kindOf[id] = kind
			joint := toString(v[4]) == "JOINT"
			for _, t := range a.located(area) {
				k := t.kind(kind)
				k.Count++
				k.WithSecretary += min(toInt(v[5]), 1)
				k.TermExpired += toInt(v[7])
				if joint {
					t.units.JointBranches++
				}
			}
			if joint && float64(toInt(v[6])) < settings.Value("JOINT_MAX_UNITS", kind) {
				a.joint = append(a.joint, candidate{id, area, toInt(v[6])})
			}
			a.gapRows(rs, id, area, "", toString(v[3]), v[9:9+len(rs)], v[9+len(rs):])
			if list := toString(v[8]); list != "" {
				behind := ruleByCode["LIFE_MEETINGS_BEHIND"]
				for _, rec := range strings.Split(list, recordSep) {
					f := strings.Split(rec, unitSep)
					g := &gapRow{rule: behind, order: ruleOrder[behind.Code], subjectID: id, areaID: area, detail: f[0], name: toString(v[3])}
					if len(f) > 2 { // the type alone in a lean analysis
						g.values = []any{f[1], f[2]}
					}
					a.gaps = append(a.gaps, g)
				}
			}
		},
	}
}

// areas reads every grid and community in force, with the organisations
// responsible for it and the rules on them.
func (a *analysis) areas() part {
	rs, flags, values, _ := a.rulesOf("area_facts")
	cols := append([]string{"f.id", "f.name", "f.orgs"}, flags...)
	cols = append(cols, values...)
	return part{
		query: a.env.query,
		text:  a.env.with("area_facts") + "\nSELECT " + strings.Join(cols, ", ") + " FROM area_facts f" + a.subjectsOf("area_facts"),
		cols:  len(cols),
		row: func(v []any) {
			id := toInt(v[0])
			a.tally(id).orgs = toInt(v[2])
			a.gapRows(rs, id, id, "", toString(v[1]), v[3:3+len(rs)], v[3+len(rs):])
		},
	}
}

// assessments reads the latest year's assessments up to the day, each with
// where it is and whether the same organisation or community was
// unqualified the year before.
func (a *analysis) assessments() part {
	cols := []string{"COALESCE(x.community_id, ol.area_id, " + a.env.root + ")", "x.year", "x.score", "x.grade",
		`CASE WHEN EXISTS (SELECT 1 FROM assessments p WHERE p.year = x.year - 1 AND p.score < {unqualified}
			AND (p.organization_id = x.organization_id OR p.community_id = x.community_id)) THEN 1 ELSE 0 END`}
	q := *a.env.query
	q.params = map[string]any{}
	for k, v := range a.env.query.params {
		q.params[k] = v
	}
	q.params["year"] = a.env.asOf.Year()
	q.params["unqualified"] = a.env.settings.Value("ASSESSMENT_UNQUALIFIED_SCORE", "")
	award := a.env.settings.Value("ASSESSMENT_AWARD_SCORE", "")
	return part{
		query: &q,
		text: a.env.with("org_loc") + "\nSELECT " + strings.Join(cols, ", ") + ` FROM assessments x
			LEFT JOIN org_loc ol ON ol.id = x.organization_id
			WHERE x.year = (SELECT MAX(year) FROM assessments WHERE year <= {year})` + a.env.inAreas(cols[0]),
		cols: len(cols),
		row: func(v []any) {
			score := toFloat(v[2])
			for _, t := range a.located(toInt(v[0])) {
				r := &t.assess
				r.Year = toInt(v[1])
				r.Assessed++
				r.sum += score
				if score >= award {
					r.Awarded++
				}
				if score < toFloat(q.params["unqualified"]) {
					r.Unqualified++
					r.UnqualifiedTwice += toInt(v[4])
				}
				if r.grades == nil {
					r.grades = map[assessment.Grade]int{}
				}
				r.grades[assessment.Grade(toString(v[3]))]++
			}
		},
	}
}

// gridStatuses decides each grid's status and counts grids by status in
// every area above them: uncovered without a responsible organisation,
// partial with a HIGH or CRITICAL gap located in it, covered otherwise.
func (a *analysis) gridStatuses() {
	ids := sortedKeys(a.tree.nodes)
	if a.env.scoped() {
		ids = a.env.scope.ids // a scoped analysis holds for its areas alone
	}
	for _, id := range ids {
		n := a.tree.nodes[id]
		if n.kind != "GRID" || !n.active {
			continue
		}
		t := a.tally(id)
		status := Covered
		switch {
		case t.orgs == 0:
			status = Uncovered
		case urgentGaps(t) > 0:
			status = Partial
		}
		a.status[id] = status
		for _, up := range a.located(id) {
			up.grids.Total++
			switch status {
			case Covered:
				up.grids.Covered++
			case Partial:
				up.grids.Partial++
			case Uncovered:
				up.grids.Uncovered++
			}
		}
	}
}

func urgentGaps(t *tally) int {
	n := 0
	for i, c := range t.gaps {
		if s := rules[i].Severity; s == Critical || s == High {
			n += int(c)
		}
	}
	return n
}
