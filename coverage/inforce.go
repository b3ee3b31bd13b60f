package coverage

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"jiceng/ent"
	"jiceng/vocab"
)

// The records in force on a day that the dashboard's dialogs offer: the
// coverage links an organisation or a unit can end, the members of an
// organisation, the offices held in it. Each is read with the SQL the
// analysis counts them with.

// linkInForce is the SQL test that coverage link uc, of organisation o,
// holds on {d}: the link and the organisation are both in force. The
// analysis's unit_cov counts these links (through org_active) and
// LinksOn lists them.
func linkInForce(uc, o string) string {
	return active(uc, "started_on", "ended_on") + " AND " + active(o, "established_on", "dissolved_on")
}

// LinksOn are the IDs of the coverage links (unit_coverages) in force on
// day of the unit (by "unit_id") or of the organisation (by
// "organization_id") with the ID, oldest first: the links a unit's mode
// comes from, and those an organisation can end.
func LinksOn(ctx context.Context, c *ent.Client, by string, id int, day time.Time) ([]int, error) {
	if by != "unit_id" && by != "organization_id" {
		return nil, fmt.Errorf("coverage: cannot list links by %q", by)
	}
	return idsOn(ctx, c, day, id, "the coverage links of "+by, func(*env) string {
		return `SELECT uc.id FROM unit_coverages uc JOIN organizations o ON o.id = uc.organization_id
		WHERE uc.` + by + ` = {id} AND ` + linkInForce("uc", "o") + ` ORDER BY uc.started_on, uc.id`
	})
}

// MembersOn are the IDs of the members an organisation of the kind had on
// day, those its standing counts: a Party group's, the members placed in
// it (member_core); another's, orgMemberPairs. The pickers of its
// secretary, its Party groups' members and a meeting's roll read them.
func MembersOn(ctx context.Context, c *ent.Client, orgID int, kind vocab.OrganizationKind, day time.Time) ([]int, error) {
	return idsOn(ctx, c, day, orgID, "the members of organisation", func(e *env) string {
		if kind == vocab.PartyGroup {
			return e.with("member_core") + "\nSELECT mc.id FROM member_core mc WHERE mc.party_group_id = {id}"
		}
		return e.with("ms_active") + "\nSELECT DISTINCT x.member_id FROM (" + orgMemberPairs() + ") x WHERE x.org_id = {id}"
	})
}

// OfficesOn are the IDs of the appointments held in the organisation on
// day, oldest first: those the standing's leader and LIFE_NO_SECRETARY
// read (org_offices), which the dialogs that end an office or appoint a
// successor offer.
func OfficesOn(ctx context.Context, c *ent.Client, orgID int, day time.Time) ([]int, error) {
	return idsOn(ctx, c, day, orgID, "the offices of organisation", func(*env) string {
		return `SELECT ap.id FROM appointments ap WHERE ap.organization_id = {id} AND ` + active("ap", "started_on", "ended_on") +
			` ORDER BY ap.started_on, ap.id`
	})
}

// InstructorsOn are the IDs of the Party-building instructors' and
// liaisons' assignments to the unit in force on day, oldest first: those the
// unit's facts count as its instructors (facts.go) and its INSTRUCTOR_ONLY
// mode reads, which the dialogs that record a visit or end an assignment
// offer.
func InstructorsOn(ctx context.Context, c *ent.Client, unitID int, day time.Time) ([]int, error) {
	return idsOn(ctx, c, day, unitID, "the instructors of unit", func(*env) string {
		return `SELECT ap.id FROM appointments ap WHERE ap.unit_id = {id} AND ap.role IN ('PARTY_BUILDING_INSTRUCTOR', 'LIAISON') AND ` +
			active("ap", "started_on", "ended_on") + ` ORDER BY ap.started_on, ap.id`
	})
}

// MembershipOn is the ID of the member's membership in force on day, the
// relationship the analysis counts them in (ms_active), or none: the
// member's page's relationship and the membership a transfer ends.
func MembershipOn(ctx context.Context, c *ent.Client, memberID int, day time.Time) ([]int, error) {
	return idsOn(ctx, c, day, memberID, "the membership of member", func(*env) string {
		return `SELECT ms.id FROM memberships ms WHERE ms.member_id = {id} AND ` + active("ms", "started_on", "ended_on") +
			` ORDER BY ms.started_on DESC, ms.id DESC`
	})
}

// idsOn runs a query of IDs on day with {id} bound to id.
func idsOn(ctx context.Context, c *ent.Client, day time.Time, id int, what string, text func(*env) string) ([]int, error) {
	dialectName, err := dialectOf(ctx, c)
	if err != nil {
		return nil, err
	}
	e := newEnv(dialectName, day, defaultSettings(), 0)
	e.query.params["id"] = id
	var ids []int
	err = e.query.rows(ctx, c, text(e), func(r *sql.Rows) error {
		var v int
		if err := r.Scan(&v); err != nil {
			return err
		}
		ids = append(ids, v)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("reading %s %d as of %s: %w", what, id, day.Format(time.DateOnly), err)
	}
	return ids, nil
}
