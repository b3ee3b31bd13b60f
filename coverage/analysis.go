package coverage

import (
	"context"
	"database/sql"
	"strings"
	"time"

	"jiceng/vocab"
)

// tally holds the counts of one area, its own and, once summed, those of
// every area below it.
type tally struct {
	units   UnitRollup
	members MemberRollup
	kinds   map[vocab.OrganizationKind]*OrganizationKindCount
	gaps    map[RuleCode]int
	grids   GridRollup
	// orgs counts the organisations responsible for the area itself (grids).
	orgs int
}

// analysis is one reading of the register as of a day: a tally for every
// area (0 for the whole register) and the status of every grid.
type analysis struct {
	env     *env
	tree    *tree
	tallies map[int]*tally
	status  map[int]GridStatus
}

func (a *analysis) tally(id int) *tally {
	t, ok := a.tallies[id]
	if !ok {
		t = &tally{kinds: map[vocab.OrganizationKind]*OrganizationKindCount{}, gaps: map[RuleCode]int{}}
		a.tallies[id] = t
	}
	return t
}

// located returns the tallies a row located in area counts towards: the
// whole register, the area and each area above it.
func (a *analysis) located(area sql.NullInt64) []*tally {
	out := []*tally{a.tally(0)}
	if area.Valid {
		for _, id := range a.tree.lineage(int(area.Int64)) {
			out = append(out, a.tally(id))
		}
	}
	return out
}

// analyse reads the register as of asOf in one snapshot, then runs more
// queries of the caller's in the same snapshot.
func (en *Engine) analyse(ctx context.Context, asOf time.Time, more func(*analysis, *sql.Tx) error) (*analysis, error) {
	settings, err := LoadSettings(ctx, en.client)
	if err != nil {
		return nil, err
	}
	var a *analysis
	err = en.snapshot(ctx, func(tx *sql.Tx) error {
		q := &query{dialect: en.dialect, params: map[string]any{}}
		t, err := loadTree(ctx, q, tx, asOf)
		if err != nil {
			return err
		}
		a = &analysis{env: newEnv(en.dialect, asOf, settings, t.singleRoot()), tree: t,
			tallies: map[int]*tally{}, status: map[int]GridStatus{}}
		for _, step := range []func(context.Context, *sql.Tx) error{a.countUnits, a.countMembers, a.countOrganizations, a.countMeetings, a.countAreas} {
			if err := step(ctx, tx); err != nil {
				return err
			}
		}
		a.gridStatuses()
		if more != nil {
			return more(a, tx)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return a, nil
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

// ruleCounts writes one column per rule over the fact table: the number of
// rows of a group it fires on.
func (a *analysis) ruleCounts(facts string) ([]*rule, string) {
	return a.ruleColumns(facts, sum)
}

// ruleColumns writes one column per rule over the fact table, wrapping
// each rule's condition in wrap.
func (a *analysis) ruleColumns(facts string, wrap func(cond string) string) ([]*rule, string) {
	var (
		rs   []*rule
		cols []string
	)
	for _, r := range rules {
		if r.facts == facts {
			rs = append(rs, r)
			cols = append(cols, wrap(r.when(a.env)))
		}
	}
	if len(cols) == 0 {
		return nil, ""
	}
	return rs, ", " + strings.Join(cols, ", ")
}

// scanCounts reads a grouped row: the area, n figures, then one count per rule.
func (a *analysis) scanCounts(rows *sql.Rows, n int, rs []*rule, add func(t *tally, v []any)) error {
	v, err := scanAll(rows.Scan, 1+n+len(rs))
	if err != nil {
		return err
	}
	var area sql.NullInt64
	if v[0] != nil {
		area = sql.NullInt64{Int64: int64(toInt(v[0])), Valid: true}
	}
	for _, t := range a.located(area) {
		add(t, v[1:1+n])
		for i, r := range rs {
			t.gaps[r.Code] += toInt(v[1+n+i])
		}
	}
	return nil
}

func sum(cond string) string { return "SUM(" + flag(cond) + ")" }

func flag(cond string) string { return "CASE WHEN " + cond + " THEN 1 ELSE 0 END" }

func (a *analysis) countUnits(ctx context.Context, tx *sql.Tx) error {
	rs, counts := a.ruleCounts("unit_facts")
	none := "f.own_rank = 0 AND f.joint = 0"
	cols := []string{"COUNT(*)", sum("f.own_rank = 3"), sum("f.own_rank = 2"), sum("f.own_rank = 1"),
		sum("f.own_rank = 0 AND f.joint = 1"), sum("f.own_rank = 0 AND f.joint = 1 AND f.full_members >= {org_min}"),
		sum(none), sum(none + " AND f.full_members >= {org_min}"),
		sum(none + " AND f.full_members >= {org_min} AND f.grouped > 0"),
		sum(none + " AND f.full_members < {org_min} AND f.members > 0"), sum(none + " AND f.members = 0"),
		sum(none + " AND f.affiliated = 1"), sum("f.instructors > 0"),
		"SUM(f.employees)", "SUM(f.members)", "SUM(f.not_transferred)"}
	text := a.env.with("unit_facts") + "\nSELECT f.area_id, " + strings.Join(cols, ", ") + counts + " FROM unit_facts f GROUP BY f.area_id"
	return a.env.query.rows(ctx, tx, text, func(rows *sql.Rows) error {
		return a.scanCounts(rows, len(cols), rs, func(t *tally, v []any) {
			u := &t.units
			for i, p := range []*int{&u.Total, &u.OwnCommittee, &u.OwnGeneralBranch, &u.OwnBranch,
				&u.InJointBranch, &u.InJointBranchWithEnoughMembers, &u.WithoutOrganization, &u.ShouldOrganize,
				&u.ShouldOrganizeWithPartyGroup, &u.WithOneOrTwoMembers, &u.WithNoMembers, &u.Affiliated,
				&u.InstructorAssigned, &u.Employees, &u.Members, &u.MembersNotTransferredIn} {
				*p += toInt(v[i])
			}
		})
	})
}

func (a *analysis) countMembers(ctx context.Context, tx *sql.Tx) error {
	rs, counts := a.ruleCounts("member_facts")
	cols := []string{"COUNT(*)", sum("f.status = 'FULL'"), sum("f.status = 'PROBATIONARY'"),
		sum("f.category = 'IN_SERVICE'"), sum("f.category = 'RETIRED'"), sum("f.category = 'SELF_EMPLOYED'"),
		sum("f.category = 'MOBILE'"), sum("f.mobility = 'OUTFLOW'"), sum("f.mobility = 'INFLOW'")}
	text := a.env.with("member_facts") + "\nSELECT f.area_id, " + strings.Join(cols, ", ") + counts + " FROM member_facts f GROUP BY f.area_id"
	return a.env.query.rows(ctx, tx, text, func(rows *sql.Rows) error {
		return a.scanCounts(rows, len(cols), rs, func(t *tally, v []any) {
			m := &t.members
			for i, p := range []*int{&m.Total, &m.Full, &m.Probationary, &m.InService, &m.Retired,
				&m.SelfEmployed, &m.Mobile, &m.Outflow, &m.Inflow} {
				*p += toInt(v[i])
			}
		})
	})
}

func (a *analysis) countOrganizations(ctx context.Context, tx *sql.Tx) error {
	rs, counts := a.ruleCounts("org_facts")
	expired := ruleByCode["LIFE_TERM_EXPIRED"].when(a.env)
	cols := []string{"f.kind", "COUNT(*)", sum("f.leaders > 0"), sum(expired), sum("f.formation = 'JOINT'")}
	text := a.env.with("org_facts") + "\nSELECT f.area_id, " + strings.Join(cols, ", ") + counts + " FROM org_facts f GROUP BY f.area_id, f.kind"
	return a.env.query.rows(ctx, tx, text, func(rows *sql.Rows) error {
		return a.scanCounts(rows, len(cols), rs, func(t *tally, v []any) {
			k := t.kind(kindOf(v[0]))
			k.Count += toInt(v[1])
			k.WithSecretary += toInt(v[2])
			k.TermExpired += toInt(v[3])
			t.units.JointBranches += toInt(v[4])
		})
	})
}

func (t *tally) kind(k vocab.OrganizationKind) *OrganizationKindCount {
	c, ok := t.kinds[k]
	if !ok {
		c = &OrganizationKindCount{Kind: k}
		t.kinds[k] = c
	}
	return c
}

func (a *analysis) countMeetings(ctx context.Context, tx *sql.Tx) error {
	behind := ruleByCode["LIFE_MEETINGS_BEHIND"]
	text := a.env.with("meeting_facts") + "\nSELECT f.area_id, f.kind, COUNT(*), COUNT(DISTINCT f.id) FROM meeting_facts f WHERE " +
		behind.when(a.env) + " GROUP BY f.area_id, f.kind"
	return a.env.query.rows(ctx, tx, text, func(rows *sql.Rows) error {
		return a.scanCounts(rows, 3, nil, func(t *tally, v []any) {
			t.gaps[behind.Code] += toInt(v[1])
			t.kind(kindOf(v[0])).MeetingsBehind += toInt(v[2])
		})
	})
}

func (a *analysis) countAreas(ctx context.Context, tx *sql.Tx) error {
	rs, counts := a.ruleColumns("area_facts", flag)
	text := a.env.with("area_facts") + "\nSELECT f.area_id, f.orgs" + counts + " FROM area_facts f"
	return a.env.query.rows(ctx, tx, text, func(rows *sql.Rows) error {
		v, err := scanAll(rows.Scan, 2+len(rs))
		if err != nil {
			return err
		}
		id := toInt(v[0])
		a.tally(id).orgs = toInt(v[1])
		for _, t := range a.located(sql.NullInt64{Int64: int64(id), Valid: true}) {
			for i, r := range rs {
				t.gaps[r.Code] += toInt(v[2+i])
			}
		}
		return nil
	})
}

// gridStatuses decides each grid's status and counts grids by status in
// every area above them: uncovered without a responsible organisation,
// partial with a HIGH or CRITICAL gap located in it, covered otherwise.
func (a *analysis) gridStatuses() {
	for _, id := range sortedKeys(a.tree.nodes) {
		n := a.tree.nodes[id]
		if n.kind != "GRID" || !n.active {
			continue
		}
		t := a.tally(id)
		status := Covered
		switch {
		case t.orgs == 0:
			status = Uncovered
		case a.urgentGaps(t) > 0:
			status = Partial
		}
		a.status[id] = status
		for _, up := range a.located(sql.NullInt64{Int64: int64(id), Valid: true}) {
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

func (a *analysis) urgentGaps(t *tally) int {
	n := 0
	for code, c := range t.gaps {
		if s := ruleByCode[code].Severity; s == Critical || s == High {
			n += c
		}
	}
	return n
}
