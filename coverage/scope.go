package coverage

import (
	"context"
	"database/sql"
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"time"

	"entgo.io/ent/dialect"

	"jiceng/vocab"
)

// An analysis scoped to an area reads only the records that can be located
// in it: the units whose grid on the day is in the area, the organisations
// located in it or covering one of those units, and the members who live
// there, work in one of those units or belong to one of those
// organisations. Each fact table keeps its definition; in a scoped
// analysis its rows are further limited to those candidates, found first
// by the indexes on grid, work unit, parent, membership and the periods'
// (attribute, ref_id, valid_from), then to the rows located in the area,
// so that a scoped analysis counts what the whole analysis counts there,
// record for record. Its tallies hold only for the area and the areas
// below it.

// scope is what a scoped analysis reads: the areas (the area and those
// below it) and the candidate sets of IDs. Each set is one parameter of
// the statements (an array on PostgreSQL, a JSON array on SQLite), so
// that a statement's text is the same whatever the area and each database
// can keep its plan.
type scope struct {
	ids  []int
	sets map[string][]int
	// nowhere is set for the reading of the records placed in no area
	// (compose.go): its rows are those whose area is NULL.
	nowhere bool
}

// The candidate sets.
const (
	scopeAreas      = "areas"
	scopeLevel      = "level" // a level of the organisations' tree, while the candidates are found
	scopeUnits      = "units"
	scopeCandidates = "candidates" // organisations that may be located in the area
	scopeOrgs       = "organizations"
	scopeMembers    = "members"
)

// scoped says whether the analysis reads one area only.
func (e *env) scoped() bool { return e.scope != nil }

// only is, in a scoped analysis, the SQL condition " AND col IN (set)";
// else "".
func (e *env) only(col, set string) string {
	if !e.scoped() {
		return ""
	}
	if _, ok := e.scope.sets[set]; !ok {
		return ""
	}
	return " AND " + col + " " + e.inSet(set)
}

// inAreas is, in a scoped analysis, the SQL condition " AND col IN (the
// areas)"; else "".
func (e *env) inAreas(col string) string {
	if e.scoped() && e.scope.nowhere {
		return " AND " + col + " IS NULL"
	}
	return e.only(col, scopeAreas)
}

// inSet is the SQL comparison of a value with a set of the scope, "IN
// (…)", the set being the parameter {scope_<set>} (see setIDs).
func (e *env) inSet(set string) string {
	name := "{scope_" + set + "}"
	if e.query.dialect == dialect.Postgres {
		return "= ANY(CAST(" + name + " AS BIGINT[]))"
	}
	return "IN (SELECT value FROM json_each(" + name + "))"
}

// setIDs keeps a set of the scope and binds its parameter: an array on
// PostgreSQL, a JSON array on SQLite.
func (e *env) setIDs(set string, ids []int) {
	e.scope.sets[set] = ids
	if e.query.dialect == dialect.Postgres {
		v := make([]int64, len(ids))
		for i, id := range ids {
			v[i] = int64(id)
		}
		e.query.params["scope_"+set] = v
		return
	}
	b, _ := json.Marshal(ids)
	if ids == nil {
		b = []byte("[]")
	}
	e.query.params["scope_"+set] = string(b)
}

// scopeSubjects limits the analysis to the subjects of some gaps (see
// subjectScope).
func (e *env) scopeSubjects(subjects map[string][]int) {
	sc := subjectScope(subjects)
	e.scope = &scope{sets: map[string][]int{}}
	for set, ids := range sc.sets {
		e.setIDs(set, ids)
	}
}

// subjectScope is the scope of a reading asking about some gaps alone (see
// reading.subjects), of no area: it restricts a candidate set to those
// subjects only where every statement the reading runs reads that set for
// them alone. The members' facts read the members; the units' facts read
// the units and every member working in them (so members are not narrowed
// when units are asked about); the units' and the areas' facts read every
// organisation covering them or responsible for them (so organisations are
// narrowed only when the organisations' facts are all that is read).
func subjectScope(subjects map[string][]int) *scope {
	sc := &scope{sets: map[string][]int{}}
	members, asksMembers := subjects["member_facts"]
	orgs, asksOrgs := subjects["org_facts"]
	units, asksUnits := subjects["unit_facts"]
	_, asksAreas := subjects["area_facts"]
	if asksMembers && !asksUnits {
		sc.sets[scopeMembers] = members
	}
	if asksOrgs && !asksMembers && !asksUnits && !asksAreas {
		sc.sets[scopeOrgs], sc.sets[scopeCandidates] = orgs, orgs
	}
	if asksUnits {
		sc.sets[scopeUnits] = units
	}
	return sc
}

// sqlList writes IDs as a SQL list; (NULL), which holds nothing, when
// there are none.
func sqlList(ids []int) string {
	if len(ids) == 0 {
		return "(NULL)"
	}
	s := make([]string, len(ids))
	for i, id := range ids {
		s[i] = strconv.Itoa(id)
	}
	return "(" + strings.Join(s, ", ") + ")"
}

// idsOf runs a statement of one ID column with tx and returns its IDs,
// sorted, each once, nulls left out.
func (e *env) idsOf(ctx context.Context, tx querier, text string) ([]int, error) {
	var out []int
	err := e.query.rows(ctx, tx, text, func(r *sql.Rows) error {
		var id sql.NullInt64
		if err := r.Scan(&id); err != nil {
			return err
		}
		if id.Valid {
			out = append(out, int(id.Int64))
		}
		return nil
	})
	slices.Sort(out)
	return slices.Compact(out), err
}

// scopeTo limits the analysis to the areas (an area and every area below
// it), finding the candidates with tx, the snapshot the analysis reads.
func (e *env) scopeTo(ctx context.Context, tx querier, areas []int) error {
	e.scope = &scope{ids: slices.Sorted(slices.Values(areas)), sets: map[string][]int{}}
	e.setIDs(scopeAreas, areas)
	ids := func(text string) ([]int, error) { return e.idsOf(ctx, tx, text) }
	set := func(name, text string) error {
		list, err := ids(text)
		e.setIDs(name, list)
		return err
	}
	if err := set(scopeUnits, holdingWhere(vocab.UnitGrid, e.inSet(scopeAreas))); err != nil {
		return err
	}
	covering := `SELECT uc.organization_id FROM unit_coverages uc WHERE uc.unit_id ` + e.inSet(scopeUnits)
	// Responsible for an area of it or covering one of its units (where
	// org_direct looks), and their descendants to the depth org_loc looks
	// up, who may be located where they are.
	responsible := `SELECT p.subject_id FROM periods p WHERE ` + inForceOn(vocab.OrganizationArea, "p") + ` AND p.ref_id ` + e.inSet(scopeAreas)
	level, err := ids(responsible + ` UNION ` + covering)
	if err != nil {
		return err
	}
	candidates := slices.Clone(level)
	for range 5 {
		if len(level) == 0 {
			break
		}
		e.setIDs(scopeLevel, level)
		if level, err = ids(holdingWhere(vocab.OrganizationParent, e.inSet(scopeLevel))); err != nil {
			return err
		}
		candidates = append(candidates, level...)
	}
	slices.Sort(candidates)
	e.setIDs(scopeCandidates, slices.Compact(candidates))
	// Located in the area, or, wherever they are, responsible for an area
	// of it (the areas' facts count them) or covering one of its units (a
	// unit's coverage reads their kind).
	if err := set(scopeOrgs, e.with("org_loc")+"\nSELECT l.id FROM org_loc l WHERE l.area_id "+e.inSet(scopeAreas)+" UNION "+responsible+" UNION "+covering); err != nil {
		return err
	}
	return set(scopeMembers, holdingWhere(vocab.MemberResidenceGrid, e.inSet(scopeAreas))+
		" UNION "+holdingWhere(vocab.MemberWorkUnit, e.inSet(scopeUnits))+
		" UNION SELECT ms.member_id FROM memberships ms WHERE ms.organization_id "+e.inSet(scopeOrgs))
}

// treeOf reads the territory an analysis needs: all of it for the whole
// register, else only the part around the area (see treeAround).
func (en *Engine) treeOf(ctx context.Context, tx querier, asOf time.Time, where scopeKey) (*tree, error) {
	if where.id == 0 || where.id == nowhere {
		return loadTree(ctx, &query{dialect: en.dialect}, tx, asOf)
	}
	return treeAround(ctx, &query{dialect: en.dialect}, tx, asOf, where)
}

// treeAround reads, for an analysis scoped to an area (or to the community
// it lies in), the part of the territory the analysis reads, each by an
// index: the area and the areas above it, every area below the scope, and
// the top-level areas (whether there is a single one decides where
// records with no location belong). Within the scope and up its lineage
// it is the whole tree; the areas beside it are not read.
func treeAround(ctx context.Context, q *query, tx querier, asOf time.Time, where scopeKey) (*tree, error) {
	q = &query{dialect: q.dialect, params: map[string]any{"d": asOf, "area": where.id}}
	var all []int
	ids := func(text string, scan func(id int, kind string)) error {
		return q.rows(ctx, tx, text, func(r *sql.Rows) error {
			var (
				id   sql.NullInt64
				kind sql.NullString
			)
			dest := []any{&id}
			if scan != nil {
				dest = append(dest, &kind)
			}
			if err := r.Scan(dest...); err != nil {
				return err
			}
			if id.Valid {
				all = append(all, int(id.Int64))
				if scan != nil {
					scan(int(id.Int64), kind.String)
				}
			}
			return nil
		})
	}
	// The lineage, nearest first, with each area's kind.
	top := where.id
	lineage := `WITH RECURSIVE up(id, kind, depth) AS (SELECT a.id, a.kind, 0 FROM areas a WHERE a.id = {area}
		UNION ALL SELECT p.id, p.kind, up.depth + 1 FROM up JOIN areas c ON c.id = up.id JOIN areas p ON p.id = ` + at(vocab.AreaParent, "c") + `
		WHERE up.depth < ` + strconv.Itoa(maxDepth) + `)
		SELECT id, kind FROM up ORDER BY depth`
	found := false
	err := ids(lineage, func(id int, kind string) {
		if where.community && !found && kind == "COMMUNITY" {
			top, found = id, true
		}
	})
	if err != nil {
		return nil, err
	}
	// The areas below the scope, a level at a time.
	for i, level := 0, []int{top}; i < maxDepth && len(level) > 0; i++ {
		before := len(all)
		if err := ids(holdingWhere(vocab.AreaParent, "IN "+sqlList(level)), nil); err != nil {
			return nil, err
		}
		level = slices.Clone(all[before:])
	}
	// The top-level areas: no parent on the day.
	roots := `SELECT h.id FROM areas h WHERE h.parent_id IS NULL AND h.current_since <= {d}
		UNION ALL SELECT h.id FROM areas h WHERE (h.current_since IS NULL OR h.current_since > {d}) AND ` + at(vocab.AreaParent, "h") + ` IS NULL`
	if err := ids(roots, nil); err != nil {
		return nil, err
	}
	slices.Sort(all)
	return loadAreas(ctx, q, tx, asOf, "a.id IN "+sqlList(slices.Compact(all)))
}
