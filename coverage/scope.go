package coverage

import (
	"strconv"
	"strings"

	"jiceng/vocab"
)

// An analysis scoped to an area reads only the records that can be located
// in it: the units whose grid on the day is in the area, the organisations
// located in it or covering one of those units, and the members who live
// there, work in one of those units or belong to one of those
// organisations. Each fact table keeps its definition; in a scoped
// analysis its rows are further limited to those candidates (found by the
// indexes on grid, work unit, membership and the periods' (attribute,
// ref_id, valid_from)), then to the rows located in the area, so a scoped
// analysis counts what the whole analysis counts there, record for record.
// Its tallies hold only for the area and the areas below it.

// scopeCTEs are the candidate sets of a scoped analysis.
var scopeCTEs = []string{"scope_units", "scope_orgs", "scope_members"}

// scopeTo limits the analysis to the areas listed (an area and every area
// below it).
func (e *env) scopeTo(areas []int) {
	ids := make([]string, len(areas))
	for i, id := range areas {
		ids[i] = strconv.Itoa(id)
	}
	e.areas = "(" + strings.Join(ids, ", ") + ")"
}

// scoped says whether the analysis reads one area only.
func (e *env) scoped() bool { return e.areas != "" }

// only is, in a scoped analysis, the SQL condition " AND col IN (set)",
// set a candidate set (scope_units, scope_orgs, scope_members); else "".
func (e *env) only(col, set string) string {
	if !e.scoped() {
		return ""
	}
	return " AND " + col + " IN (SELECT id FROM " + set + ")"
}

// inAreas is, in a scoped analysis, the SQL condition " AND col IN (the
// areas)"; else "".
func (e *env) inAreas(col string) string {
	if !e.scoped() {
		return ""
	}
	return " AND " + col + " IN " + e.areas
}

func init() {
	define("scope_units", nil, func(e *env) string {
		return holdingWhere(vocab.UnitGrid, "IN "+e.areas)
	})
	// The organisations located in the area (org_loc, computed once for
	// all: an organisation's location may come from its ancestors), and
	// those covering a unit of the area, wherever they are.
	define("scope_orgs", []string{"org_loc", "scope_units"}, func(e *env) string {
		return `SELECT l.id FROM org_loc l WHERE l.area_id IN ` + e.areas + `
			UNION SELECT uc.organization_id FROM unit_coverages uc WHERE uc.unit_id IN (SELECT id FROM scope_units)`
	})
	define("scope_members", []string{"scope_units", "scope_orgs"}, func(e *env) string {
		return holdingWhere(vocab.MemberResidenceGrid, "IN "+e.areas) + `
			UNION ` + holdingWhere(vocab.MemberWorkUnit, "IN (SELECT id FROM scope_units)") + `
			UNION SELECT ms.member_id FROM memberships ms WHERE ms.organization_id IN (SELECT id FROM scope_orgs)`
	})
}
