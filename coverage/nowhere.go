package coverage

import (
	"context"
	"slices"

	"jiceng/vocab"
)

// The reading of the records placed in no area, when the register has
// several top-level areas (compose.go): on the day, the whole reading
// counts in the whole register's figures alone the units with no grid,
// the members with no residence grid, no work unit with a grid and no
// organisation located anywhere, the organisations that neither they nor
// a parent up the chain org_loc follows are responsible for an area or
// cover a unit with a grid, and the assessments of no community whose
// organisation is one of those (or none). Its statements are the fact
// tables' own; the scope's candidate sets make each read those records and
// the records their figures come from, and its area condition keeps the
// rows whose area is NULL (scope.nowhere).

// scopeNowhere limits the analysis to the records placed in no area,
// finding the candidates with tx, the snapshot the analysis reads.
func (e *env) scopeNowhere(ctx context.Context, tx querier) error {
	e.scope = &scope{nowhere: true, sets: map[string][]int{}}
	ids := func(text string) ([]int, error) { return e.idsOf(ctx, tx, text) }
	// A record whose columns do not hold on the day (changed since, or
	// created later and backdated) reads each attribute from its periods,
	// and has none where no period covers the day.
	unsettled := func(table string) string {
		return " UNION SELECT h.id FROM " + table + " h WHERE h.current_since IS NULL OR h.current_since > {d}"
	}
	// The units with no grid on the day.
	gridless, err := ids(`SELECT u.id FROM units u WHERE u.id IN (` + holdingWhere(vocab.UnitGrid, "IS NULL") + unsettled("units") +
		`) AND ` + at(vocab.UnitGrid, "u") + ` IS NULL`)
	if err != nil {
		return err
	}
	units := sqlList(gridless)
	e.setIDs(scopeUnits, gridless)
	// The members who may be placed nowhere (no residence grid, no work
	// unit with a grid), and those working in those units (their figures).
	members, err := ids(`SELECT m.id FROM members m WHERE m.id IN (` + holdingWhere(vocab.MemberResidenceGrid, "IS NULL") + unsettled("members") +
		`) AND ` + at(vocab.MemberResidenceGrid, "m") + ` IS NULL AND (` + at(vocab.MemberWorkUnit, "m") + ` IS NULL OR ` +
		at(vocab.MemberWorkUnit, "m") + ` IN ` + units + `)
		UNION ` + holdingWhere(vocab.MemberWorkUnit, "IN "+units))
	if err != nil {
		return err
	}
	e.setIDs(scopeMembers, members)
	// The organisations with no place of their own (responsible for no
	// area, covering no unit with a grid), and of those the ones whose
	// parent has none either or who have no parent: the only ones org_loc
	// can place nowhere.
	placeless := `o.id NOT IN (SELECT pa.subject_id FROM periods pa WHERE ` + inForceOn(vocab.OrganizationArea, "pa") + `)
		AND o.id NOT IN (SELECT uc.organization_id FROM unit_coverages uc WHERE uc.organization_id IS NOT NULL AND uc.unit_id NOT IN ` +
		sqlList(append([]int{0}, gridless...)) + `)`
	top, err := ids(`WITH pl AS MATERIALIZED (SELECT o.id, ` + at(vocab.OrganizationParent, "o") + ` AS parent_id FROM organizations o WHERE ` + placeless + `)
		SELECT pl.id FROM pl WHERE pl.parent_id IS NULL OR pl.parent_id IN (SELECT id FROM pl)`)
	if err != nil {
		return err
	}
	e.setIDs(scopeCandidates, top)
	unplaced, err := ids(e.with("org_loc") + "\nSELECT l.id FROM org_loc l WHERE l.area_id IS NULL")
	if err != nil {
		return err
	}
	// The organisations read: those placed nowhere and those covering the
	// units read (a unit's coverage reads their kind). org_loc places
	// those and the organisations of the members read, so a member's or
	// an organisation's area is computed as in the whole reading.
	covering, err := ids(`SELECT uc.organization_id FROM unit_coverages uc WHERE uc.unit_id IN ` + units)
	if err != nil {
		return err
	}
	theirs, err := ids(`SELECT ms.organization_id FROM memberships ms WHERE ms.member_id IN ` + sqlList(e.scope.sets[scopeMembers]))
	if err != nil {
		return err
	}
	orgs := slices.Compact(slices.Sorted(slices.Values(append(slices.Clone(unplaced), covering...))))
	e.setIDs(scopeOrgs, orgs)
	e.setIDs(scopeCandidates, slices.Compact(slices.Sorted(slices.Values(append(slices.Clone(orgs), theirs...)))))
	e.setIDs(scopeAssessed, append([]int{0}, unplaced...))
	return nil
}
