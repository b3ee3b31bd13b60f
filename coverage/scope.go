package coverage

import (
	"context"
	"database/sql"
	"slices"
	"strconv"
	"strings"

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
// below it) and the candidate sets, each a SQL list of IDs.
type scope struct {
	ids   []int
	areas string
	sets  map[string]string
	// nowhere is set for the reading of the records placed in no area
	// (compose.go): its rows are those whose area is NULL.
	nowhere bool
}

// The candidate sets.
const (
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
	list, ok := "", e.scoped()
	if ok {
		list, ok = e.scope.sets[set]
	}
	if !ok {
		return ""
	}
	return " AND " + col + " IN " + list
}

// inAreas is, in a scoped analysis, the SQL condition " AND col IN (the
// areas)"; else "".
func (e *env) inAreas(col string) string {
	if e.scoped() && e.scope.nowhere {
		return " AND " + col + " IS NULL"
	}
	if !e.scoped() || e.scope.areas == "" {
		return ""
	}
	return " AND " + col + " IN " + e.scope.areas
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
	sc := &scope{sets: map[string]string{}}
	members, asksMembers := subjects["member_facts"]
	orgs, asksOrgs := subjects["org_facts"]
	units, asksUnits := subjects["unit_facts"]
	_, asksAreas := subjects["area_facts"]
	if asksMembers && !asksUnits {
		sc.sets[scopeMembers] = sqlList(members)
	}
	if asksOrgs && !asksMembers && !asksUnits && !asksAreas {
		sc.sets[scopeOrgs], sc.sets[scopeCandidates] = sqlList(orgs), sqlList(orgs)
	}
	if asksUnits {
		sc.sets[scopeUnits] = sqlList(units)
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

// scopeTo limits the analysis to the areas (an area and every area below
// it), finding the candidates with tx, the snapshot the analysis reads.
func (e *env) scopeTo(ctx context.Context, tx querier, areas []int) error {
	e.scope = &scope{ids: slices.Sorted(slices.Values(areas)), areas: sqlList(areas), sets: map[string]string{}}
	ids := func(text string) ([]int, error) {
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
	set := func(name, text string) error {
		list, err := ids(text)
		e.scope.sets[name] = sqlList(list)
		return err
	}
	if err := set(scopeUnits, holdingWhere(vocab.UnitGrid, "IN "+e.scope.areas)); err != nil {
		return err
	}
	units := e.scope.sets[scopeUnits]
	covering := `SELECT uc.organization_id FROM unit_coverages uc WHERE uc.unit_id IN ` + units
	// Responsible for an area of it or covering one of its units (where
	// org_direct looks), and their descendants to the depth org_loc looks
	// up, who may be located where they are.
	responsible := `SELECT p.subject_id FROM periods p WHERE ` + inForceOn(vocab.OrganizationArea, "p") + ` AND p.ref_id IN ` + e.scope.areas
	level, err := ids(responsible + ` UNION ` + covering)
	if err != nil {
		return err
	}
	candidates := slices.Clone(level)
	for range 5 {
		if len(level) == 0 {
			break
		}
		if level, err = ids(holdingWhere(vocab.OrganizationParent, "IN "+sqlList(level))); err != nil {
			return err
		}
		candidates = append(candidates, level...)
	}
	slices.Sort(candidates)
	e.scope.sets[scopeCandidates] = sqlList(slices.Compact(candidates))
	// Located in the area, or, wherever they are, responsible for an area
	// of it (the areas' facts count them) or covering one of its units (a
	// unit's coverage reads their kind).
	if err := set(scopeOrgs, e.with("org_loc")+"\nSELECT l.id FROM org_loc l WHERE l.area_id IN "+e.scope.areas+" UNION "+responsible+" UNION "+covering); err != nil {
		return err
	}
	return set(scopeMembers, holdingWhere(vocab.MemberResidenceGrid, "IN "+e.scope.areas)+
		" UNION "+holdingWhere(vocab.MemberWorkUnit, "IN "+units)+
		" UNION SELECT ms.member_id FROM memberships ms WHERE ms.organization_id IN "+e.scope.sets[scopeOrgs])
}
