package coverage

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"strconv"
	"time"

	"jiceng/calendar"
	"jiceng/ent"
	"jiceng/ent/organization"
	"jiceng/vocab"
)

// Standing is what an organisation is on a day, read with the analysis's
// own expressions (org_facts): its kind, parent and members then, the units
// it covers, where its committee stands in its term, and who leads it. The
// organisation tree, the organisation's page and the grid panel show these
// instead of deriving them again.
type Standing struct {
	ID        int
	Name      string
	Kind      vocab.OrganizationKind
	Formation organization.Formation
	ParentID  int
	// Members are those whose relationship sits in the organisation (a
	// temporary branch's: its site members); a Party group's are the members
	// placed in it on the day.
	Members int
	Units   int
	Term    TermState
	// TermDue is the day the term in force ends (a postponement's when one
	// is approved); for a committee never elected, the day one was due.
	TermDue *time.Time
	// Leader is the secretary or, of a Party group, the group leader in
	// office; nil while the office is vacant.
	Leader *string
	// AreaIDs are the areas the organisation was responsible for on the day
	// (its ORGANIZATION_AREA periods in force), by ID.
	AreaIDs []int
}

// TermState is where an organisation's committee stands in its term on a day.
type TermState string

// The term states.
const (
	// TermNone is an organisation with no term: a Party group or a temporary
	// branch, which elect no committee, or one not yet due to have elected one.
	TermNone TermState = "NONE"
	// TermCurrent is a term in force that ends later than the warning window.
	TermCurrent TermState = "CURRENT"
	// TermExpiring is a term ending within the warning window (LIFE_TERM_EXPIRING).
	TermExpiring TermState = "EXPIRING"
	// TermExpired is a term past its end without an election (LIFE_TERM_EXPIRED).
	TermExpired TermState = "EXPIRED"
)

// termExpired is the SQL test, on an org_facts row f, that the
// organisation's term ended without an election: the rule
// LIFE_TERM_EXPIRED and the standing read it.
func termExpired(e *env) string {
	return "f.term_years > 0 AND ((f.has_term = 1 AND f.term_due <= {d} AND (f.term_renewed IS NULL OR f.term_renewed > {d}))" +
		" OR (f.has_term = 0 AND f.established_on <= " + e.termCut("f.term_years") + "))"
}

// termExpiring is the SQL test that the term ends within the warning
// window (LIFE_TERM_EXPIRING).
func termExpiring(*env) string {
	return "f.term_years > 0 AND f.has_term = 1 AND f.term_due > {d} AND f.term_due <= {expiring_end} AND (f.term_renewed IS NULL OR f.term_renewed > {d})"
}

// leaderRoles are the offices that lead an organisation: its secretary, or
// a Party group's leader (LIFE_NO_SECRETARY counts them).
const leaderRoles = "('SECRETARY', 'GROUP_LEADER')"

// Standings reads the standing on day of every organisation in force then,
// by ID, with the rule settings of that day.
func Standings(ctx context.Context, c *ent.Client, day time.Time) (map[int]*Standing, error) {
	dialectName, err := dialectOf(ctx, c)
	if err != nil {
		return nil, err
	}
	settings, err := LoadSettingsOn(ctx, c, day)
	if err != nil {
		return nil, err
	}
	e := newEnv(dialectName, day, settings, 0)
	text := e.with("org_facts", "member_core", "org_active") + `
		SELECT f.id, oa.name, f.kind, oa.formation, oa.parent_id,
			CASE WHEN f.kind = '` + string(vocab.PartyGroup) + `' THEN (SELECT COUNT(*) FROM member_core mc WHERE mc.party_group_id = f.id) ELSE f.members END,
			f.units,
			CASE WHEN ` + termExpired(e) + ` THEN 'EXPIRED' WHEN ` + termExpiring(e) + ` THEN 'EXPIRING'
				WHEN f.term_years > 0 AND f.has_term = 1 THEN 'CURRENT' ELSE 'NONE' END,
			CASE WHEN f.term_years > 0 THEN f.term_due END, f.established_on, f.term_years, f.has_term
		FROM org_facts f JOIN org_active oa ON oa.id = f.id`
	out := map[int]*Standing{}
	err = e.query.rows(ctx, c, text, func(r *sql.Rows) error {
		var (
			s                Standing
			parent           sql.NullInt64
			due, established any
			years            sql.NullFloat64
			hasTerm          int
		)
		if err := r.Scan(&s.ID, &s.Name, &s.Kind, &s.Formation, &parent, &s.Members, &s.Units, &s.Term, &due, &established, &years, &hasTerm); err != nil {
			return err
		}
		s.ParentID = int(parent.Int64)
		if d, ok := sqlDate(due); ok {
			s.TermDue = &d
		} else if s.Term == TermExpired && hasTerm == 0 {
			if d, ok := sqlDate(established); ok {
				d = calendar.AddYears(d, int(years.Float64))
				s.TermDue = &d
			}
		}
		out[s.ID] = &s
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("reading the organisations as of %s: %w", day.Format(time.DateOnly), err)
	}
	leaders := `SELECT ap.organization_id, COALESCE(m.name, ap.holder_name, '') FROM appointments ap
		LEFT JOIN members m ON m.id = ap.member_id
		WHERE ap.organization_id IS NOT NULL AND ap.role IN ` + leaderRoles + ` AND ` + active("ap", "started_on", "ended_on") + `
		ORDER BY ap.started_on, ap.id`
	err = e.query.rows(ctx, c, leaders, func(r *sql.Rows) error {
		var (
			id   int
			name string
		)
		if err := r.Scan(&id, &name); err != nil {
			return err
		}
		if s := out[id]; s != nil && s.Leader == nil {
			s.Leader = &name
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("reading who led the organisations as of %s: %w", day.Format(time.DateOnly), err)
	}
	areas := `SELECT p.subject_id, p.ref_id FROM periods p WHERE ` + inForceOn(vocab.OrganizationArea, "p") + ` AND p.ref_id IS NOT NULL
		ORDER BY p.subject_id, p.ref_id`
	err = e.query.rows(ctx, c, areas, func(r *sql.Rows) error {
		var id, area int
		if err := r.Scan(&id, &area); err != nil {
			return err
		}
		if s := out[id]; s != nil {
			s.AreaIDs = append(s.AreaIDs, area)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("reading the organisations' areas as of %s: %w", day.Format(time.DateOnly), err)
	}
	return out, nil
}

// orgMemberPairs is the SQL of every organisation's members on {d}, as
// (org_id, member_id) rows: those whose relationship sits in it (ms_active)
// and a temporary branch's site members. The standing's and the analysis's
// member counts (org_members) and MembersOn read it.
func orgMemberPairs() string {
	return `SELECT ms.organization_id AS org_id, ms.member_id FROM ms_active ms
				UNION ALL SELECT p.subject_id, p.ref_id FROM periods p WHERE ` + inForceOn(vocab.OrganizationSiteMember, "p")
}

// MarshalGQL writes the state as a GraphQL enum value.
func (s TermState) MarshalGQL(w io.Writer) { _, _ = io.WriteString(w, strconv.Quote(string(s))) }

// UnmarshalGQL reads the state from a GraphQL enum value.
func (s *TermState) UnmarshalGQL(v any) error {
	str, ok := v.(string)
	if !ok {
		return fmt.Errorf("term state must be a string")
	}
	*s = TermState(str)
	return nil
}
