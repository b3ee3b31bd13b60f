package coverage

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"sort"
	"strconv"
	"time"

	entsql "entgo.io/ent/dialect/sql"

	"jiceng/ent"
	"jiceng/policy"
	"jiceng/vocab"
)

// Placement is where a record is on a day: the area it is located in (as
// the analysis locates it), and the grid and community that area lies in.
// A zero ID means none.
type Placement = policy.Placement

// Access control places the records an editor writes as the analysis does.
func init() { policy.Place = Place }

// Place locates the member, unit, organisation or area with the ID as of
// day, with the same SQL the analysis uses to count it: a member where
// they live, else where they work, else where their organisation is
// (member_place: counted by the rules on the day or not); a
// unit in its grid; an organisation in an area it is responsible for, else
// the grid of a unit it covers, else where its parent is. c may be a
// transaction's client: a write is placed as it stands inside it. Access
// control, the API's fields and the analysis all place records this way.
func Place(ctx context.Context, c *ent.Client, typ string, id int, day time.Time) (Placement, error) {
	dialectName, err := dialectOf(ctx, c)
	if err != nil {
		return Placement{}, err
	}
	t, err := loadTree(ctx, &query{dialect: dialectName}, c, day)
	if err != nil {
		return Placement{}, fmt.Errorf("placing %s %d: %w", typ, id, err)
	}
	e := newEnv(dialectName, day, defaultSettings(), t.singleRoot())
	e.query.params["id"] = id
	var text string
	switch typ {
	case "Member":
		text = e.with("member_place") + "\nSELECT f.area_id FROM member_place f WHERE f.id = {id}"
	case "Unit":
		text = "SELECT " + at(vocab.UnitGrid, "u") + " FROM units u WHERE u.id = {id}"
	case "Organization":
		text = e.with("org_loc") + "\nSELECT COALESCE(l.area_id, " + e.root + ") FROM org_loc l WHERE l.id = {id}"
	case "Area":
		return t.placement(id), nil
	default:
		return Placement{}, fmt.Errorf("coverage: cannot place a %s", typ)
	}
	area := 0
	err = e.query.rows(ctx, c, text, func(r *sql.Rows) error {
		var v sql.NullInt64
		if err := r.Scan(&v); err != nil {
			return err
		}
		area = int(v.Int64)
		return nil
	})
	if err != nil {
		return Placement{}, fmt.Errorf("placing %s %d: %w", typ, id, err)
	}
	return t.placement(area), nil
}

// placement is an area with the grid and community it lies in.
func (t *tree) placement(area int) Placement {
	if _, ok := t.nodes[area]; !ok {
		return Placement{}
	}
	return Placement{AreaID: area, GridID: t.nearest(area, "GRID"), CommunityID: t.nearest(area, "COMMUNITY")}
}

// dialectOf finds the SQL dialect of a client, which may be a
// transaction's, from a query builder it makes.
func dialectOf(ctx context.Context, c *ent.Client) (string, error) {
	var d string
	_, err := c.RuleSetting.Query().Limit(1).Modify(func(s *entsql.Selector) { d = s.Dialect() }).Ints(ctx)
	if err != nil && d == "" {
		return "", fmt.Errorf("finding the database's dialect: %w", err)
	}
	return d, nil
}

// defaultSettings are the default rule settings, for readings that
// depend on no threshold (placing a record).
func defaultSettings() *Settings {
	s := &Settings{rows: map[string]setting{}}
	s.fill(nil)
	return s
}

// CoverageMode is how a unit is reached by Party work on a day.
type CoverageMode string

// The coverage modes, from the strongest.
const (
	// ModeOwn is a unit with an organisation of its own (单独组建).
	ModeOwn CoverageMode = "OWN"
	// ModeJoint is a unit in a joint branch (联合组建).
	ModeJoint CoverageMode = "JOINT"
	// ModeAffiliated is a unit attached to a territorial organisation (挂靠).
	ModeAffiliated CoverageMode = "AFFILIATED"
	// ModeMassOnly is a unit reached only by a union, women's organisation
	// or youth league.
	ModeMassOnly CoverageMode = "MASS_ORGANIZATION_ONLY"
	// ModeInstructorOnly is a unit reached only by an instructor or liaison.
	ModeInstructorOnly CoverageMode = "INSTRUCTOR_ONLY"
	// ModeNone is a unit nothing reaches.
	ModeNone CoverageMode = "NONE"
)

// formationModes is how an organisation of each formation covers a unit
// linked to it (DOMAIN.md section 3): a standalone or temporary
// organisation is the unit's own, a joint branch joins it with others, a
// territorial organisation takes it in (挂靠). The analysis's SQL and the
// API's Organization.coversAs (through Standing's formation) read this one table.
var formationModes = map[string]CoverageMode{
	"STANDALONE":  ModeOwn,
	"TEMPORARY":   ModeOwn,
	"JOINT":       ModeJoint,
	"TERRITORIAL": ModeAffiliated,
}

// ModeOf is how an organisation of the formation covers a unit linked to
// it; "" for a formation that covers none.
func ModeOf(formation string) CoverageMode { return formationModes[formation] }

// formationsOf is the SQL list of the formations that cover a unit in mode m.
func formationsOf(m CoverageMode) string {
	var fs []string
	for f, mode := range formationModes {
		if mode == m {
			fs = append(fs, f)
		}
	}
	sort.Strings(fs)
	return quoteList(fs...)
}

// coverageMode is the SQL of the mode of a unit fact row f: the one
// definition the roll-up, the gaps and the API's Unit.coverageMode read.
const coverageMode = `(CASE WHEN f.own_rank > 0 THEN 'OWN' WHEN f.joint = 1 THEN 'JOINT'
	WHEN f.affiliated = 1 THEN 'AFFILIATED' WHEN f.mass_orgs > 0 THEN 'MASS_ORGANIZATION_ONLY'
	WHEN f.instructors > 0 THEN 'INSTRUCTOR_ONLY' ELSE 'NONE' END)`

// UnitCoverageMode says how the unit is covered on day; "" for a unit
// not open that day.
func UnitCoverageMode(ctx context.Context, c *ent.Client, unitID int, day time.Time) (CoverageMode, error) {
	dialectName, err := dialectOf(ctx, c)
	if err != nil {
		return "", err
	}
	e := newEnv(dialectName, day, defaultSettings(), 0)
	e.query.params["id"] = unitID
	var mode CoverageMode
	err = e.query.rows(ctx, c, e.with("unit_facts")+"\nSELECT "+coverageMode+" FROM unit_facts f WHERE f.id = {id}", func(r *sql.Rows) error {
		return r.Scan(&mode)
	})
	if err != nil {
		return "", fmt.Errorf("reading how unit %d is covered: %w", unitID, err)
	}
	return mode, nil
}

// MarshalGQL writes the mode as a GraphQL enum value.
func (m CoverageMode) MarshalGQL(w io.Writer) { _, _ = io.WriteString(w, strconv.Quote(string(m))) }

// UnmarshalGQL reads the mode from a GraphQL enum value.
func (m *CoverageMode) UnmarshalGQL(v any) error {
	s, ok := v.(string)
	if !ok {
		return fmt.Errorf("coverage mode must be a string")
	}
	*m = CoverageMode(s)
	return nil
}

// PlacedIn is a SQL predicate on the members, units or organisations
// table (typ "Member", "Unit" or "Organization"): the record is placed on
// day, as Place places it, in one of the areas or an area within one. The
// register's lists filter by area with it, so a list holds the records the
// analysis places in an area; a member list also holds the Party members
// of the area the rules do not count that day (see member_place).
func PlacedIn(ctx context.Context, c *ent.Client, typ string, areas []int, day time.Time) (func(*entsql.Selector), error) {
	dialectName, err := dialectOf(ctx, c)
	if err != nil {
		return nil, err
	}
	t, err := loadTree(ctx, &query{dialect: dialectName}, c, day)
	if err != nil {
		return nil, fmt.Errorf("placing the %ss in areas: %w", typ, err)
	}
	var within []int
	for _, a := range areas {
		within = append(within, t.within(a)...)
	}
	list := sqlList(within)
	e := newEnv(dialectName, day, defaultSettings(), t.singleRoot())
	var text string
	switch typ {
	case "Member":
		text = e.with("member_place") + "\nSELECT f.id FROM member_place f WHERE f.area_id IN " + list
	case "Unit":
		text = "SELECT u.id FROM units u WHERE " + at(vocab.UnitGrid, "u") + " IN " + list
	case "Organization":
		text = e.with("org_loc") + "\nSELECT l.id FROM org_loc l WHERE COALESCE(l.area_id, " + e.root + ") IN " + list
	default:
		return nil, fmt.Errorf("coverage: cannot place a %s", typ)
	}
	return func(s *entsql.Selector) {
		s.Where(entsql.P(func(b *entsql.Builder) {
			b.Ident(s.C("id")).WriteString(" IN (")
			e.query.write(b, text)
			b.WriteString(")")
		}))
	}, nil
}

// memberArea is the SQL of where a member is: the home grid (the
// expression residence), else the grid of the work unit (units alias wu),
// else where the organisation is (org_loc alias ol), else the
// sub-district. The analysis (member_facts) and Place (member_place) read it.
func memberArea(e *env, residence, wu, ol string) string {
	return "COALESCE(" + residence + ", " + at(vocab.UnitGrid, wu) + ", " + ol + ".area_id, " + e.root + ")"
}

// endedByLeaving is the SQL list of the reasons a membership ends with the
// member no longer in the Party.
var endedByLeaving = quoteList("DIED", "LEFT_PARTY")

func init() {
	// Where every Party member of {d} is, whether the rules count them that
	// day or not: a member whose relationship was transferred out, or is
	// held outside, or who flowed out, is still placed where they live,
	// else work, else where their last organisation is. Those who died or
	// left the Party by {d}, and those who joined later, are placed nowhere.
	// Access control and the lists' area filter read it.
	define("member_place", []string{"ms_active", "org_loc"}, func(e *env) string {
		return `SELECT m.id, ` + memberArea(e, at(vocab.MemberResidenceGrid, "m"), "wu", "ol") + ` AS area_id
			FROM members m
			LEFT JOIN units wu ON wu.id = ` + at(vocab.MemberWorkUnit, "m") + `
			LEFT JOIN org_loc ol ON ol.id = COALESCE(
				(SELECT MIN(ms.organization_id) FROM ms_active ms WHERE ms.member_id = m.id),
				(SELECT y.organization_id FROM memberships y WHERE y.member_id = m.id AND y.started_on <= {d}
					ORDER BY y.started_on DESC, y.id DESC LIMIT 1))
			WHERE m.joined_party_on <= {d}
			AND NOT EXISTS (SELECT 1 FROM memberships y WHERE y.member_id = m.id AND y.ended_on <= {d}
				AND y.end_reason IN ` + endedByLeaving + `
				AND NOT EXISTS (SELECT 1 FROM memberships z WHERE z.member_id = m.id AND z.started_on >= y.ended_on AND z.started_on <= {d}))`
	})
}
