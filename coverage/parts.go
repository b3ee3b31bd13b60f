package coverage

import (
	"slices"
	"strings"

	"jiceng/ent/assessment"
	"jiceng/ent/unit"
)

// The statements of an analysis, one a fact table, and how their rows
// become tallies and gaps.

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
	// The text first: a scoped analysis binds its sets as it writes them.
	text := a.env.with("org_loc") + "\nSELECT " + strings.Join(cols, ", ") + ` FROM assessments x
			LEFT JOIN org_loc ol ON ol.id = x.organization_id
			WHERE x.year = (SELECT MAX(year) FROM assessments WHERE year <= {year})` + a.env.inAreas(cols[0]) +
		a.env.only("COALESCE(x.organization_id, 0)", scopeAssessed)
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
		text:  text,
		cols:  len(cols),
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
