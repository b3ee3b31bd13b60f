package coverage

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"jiceng/ent"
	"jiceng/register"
	"jiceng/vocab"
)

// A write invalidates only the analyses of the areas it touches. Inside
// the write's transaction, before and after it, the register asks which
// areas those are (register.Touched); it stamps them, and the areas above
// them, with the write's revision (area_revisions), and an analysis scoped
// to an area and cached at an earlier revision stays current while its
// area's stamp is not past it (cache.go).
//
// An area's analysis counts the facts of the records located in it (facts.go).
// A write changes the facts of some records (the record written and those
// whose figures it feeds: a member feeds their work unit's and their
// organisations' figures) and may move some (a unit that moves takes the
// members placed by it along, and the organisations placed by the units
// they cover, their descendants and those descendants' members). Each of
// those records lies, on any day, in one of the areas it could ever be
// placed in — its reach: a member's residence grids, the grids of the units
// they worked in and the reach of every organisation they belonged to; an
// organisation's areas, the grids of every unit it covered and the reach
// of every parent it had; a unit's grids — all read from the records'
// columns and every period of their history, so a backdated change, which
// rewrites past periods, is seen before and after it is made. The
// touched areas are the union of those reaches, read before and after the
// write, so a member who moves from grid A to grid B touches both. The
// territory, the rule settings, the sub-district working committee (whose
// monthly meetings train every grid secretary) and any type not listed
// here touch the whole register.

func init() { register.Touched = touched }

// affected is what a write may change: the records whose facts may change
// (members, units, organisations), the organisations that may move, and
// areas touched directly.
type affected struct {
	members, units, orgs, moved, areas set
	all                                bool
}

type set map[int]bool

func (s set) add(ids ...int) {
	for _, id := range ids {
		if id != 0 {
			s[id] = true
		}
	}
}

func (s set) list() []int {
	out := make([]int, 0, len(s))
	for id := range s {
		out = append(out, id)
	}
	slices.Sort(out)
	return out
}

// toucher reads in a write's transaction.
type toucher struct {
	ctx context.Context
	c   querier
}

// ids runs a statement of one integer column over the IDs (a SQL list is
// put where %s is) and returns the non-null values.
func (t *toucher) ids(text string, ids []int) ([]int, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	rows, err := t.c.QueryContext(t.ctx, strings.ReplaceAll(text, "%s", sqlList(ids)))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []int
	for rows.Next() {
		var v sql.NullInt64
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		if v.Valid && v.Int64 != 0 {
			out = append(out, int(v.Int64))
		}
	}
	return out, rows.Err()
}

// ever is the statement of the values an attribute of the records in %s
// holds today or held in any period.
func ever(attr vocab.Attribute) string {
	s := attr.Spec()
	now := "SELECT " + s.Field + " FROM " + s.Table + " WHERE id IN %s"
	if s.Set {
		now = "SELECT " + s.JoinValue + " FROM " + s.JoinTable + " WHERE " + s.JoinOwner + " IN %s"
	}
	return now + " UNION SELECT ref_id FROM periods WHERE attribute = '" + string(attr) + "' AND subject_id IN %s"
}

// holders is the statement of the records whose attribute holds, or held,
// one of the values in %s.
func holders(attr vocab.Attribute) string {
	s := attr.Spec()
	now := "SELECT id FROM " + s.Table + " WHERE " + s.Field + " IN %s"
	if s.Set {
		now = "SELECT " + s.JoinOwner + " FROM " + s.JoinTable + " WHERE " + s.JoinValue + " IN %s"
	}
	return now + " UNION SELECT subject_id FROM periods WHERE attribute = '" + string(attr) + "' AND ref_id IN %s"
}

func touched(ctx context.Context, c *ent.Client, typ string, id int, changed []string) ([]int, bool, error) {
	t := &toucher{ctx: ctx, c: c}
	a := &affected{members: set{}, units: set{}, orgs: set{}, moved: set{}, areas: set{}}
	if err := t.affect(a, typ, id, changed); err != nil {
		return nil, false, err
	}
	if a.all {
		return nil, true, nil
	}
	areas, err := t.reach(a)
	return areas, false, err
}

// one reads the integer columns of a record.
func (t *toucher) one(table string, id int, cols ...string) ([]int, error) {
	out := make([]int, len(cols))
	ptrs := make([]any, len(cols))
	vals := make([]sql.NullInt64, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	rows, err := t.c.QueryContext(t.ctx, "SELECT "+strings.Join(cols, ", ")+" FROM "+table+" WHERE id = "+strconv.Itoa(id))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	if rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return nil, err
		}
	}
	for i, v := range vals {
		out[i] = int(v.Int64)
	}
	return out, rows.Err()
}

// affect adds what a write to the record may change.
func (t *toucher) affect(a *affected, typ string, id int, changed []string) error {
	touches := func(names ...string) bool {
		for _, n := range names {
			if slices.Contains(changed, n) {
				return true
			}
		}
		return false
	}
	switch typ {
	case "Member":
		return t.member(a, id)
	case "Membership":
		v, err := t.one("memberships", id, "member_id", "organization_id")
		if err != nil {
			return err
		}
		a.orgs.add(v[1])
		return t.member(a, v[0])
	case "Unit":
		a.units.add(id)
		covering, err := t.ids("SELECT organization_id FROM unit_coverages WHERE unit_id IN %s", []int{id})
		if err != nil {
			return err
		}
		a.orgs.add(covering...)
		if touches("grid", "grid_id") {
			// Members placed by their work unit and organisations placed
			// by the units they cover move with it.
			workers, err := t.ids(holders(vocab.MemberWorkUnit), []int{id})
			if err != nil {
				return err
			}
			a.members.add(workers...)
			a.moved.add(covering...)
		}
		return nil
	case "UnitCoverage":
		v, err := t.one("unit_coverages", id, "unit_id", "organization_id")
		if err != nil {
			return err
		}
		a.units.add(v[0])
		a.orgs.add(v[1])
		a.moved.add(v[1])
		return nil
	case "Organization":
		return t.organization(a, id, touches("kind"))
	case "Meeting":
		v, err := t.one("meetings", id, "organization_id")
		if err != nil {
			return err
		}
		if err := t.workingCommittee(a, v[0]); err != nil || a.all {
			return err
		}
		a.orgs.add(v[0])
		// Attendance and a meeting without a roll are members' life.
		attendees, err := t.ids("SELECT member_id FROM meeting_attendees WHERE meeting_id IN %s", []int{id})
		if err != nil {
			return err
		}
		a.members.add(attendees...)
		members, err := t.ids("SELECT member_id FROM memberships WHERE organization_id IN %s UNION "+holders(vocab.MemberPartyGroup), v)
		if err != nil {
			return err
		}
		a.members.add(members...)
		return nil
	case "Appointment":
		v, err := t.one("appointments", id, "organization_id", "unit_id")
		if err != nil {
			return err
		}
		a.orgs.add(v[0])
		a.units.add(v[1])
		return nil
	case "Term", "Exemption", "KindChange":
		table := map[string]string{"Term": "terms", "Exemption": "exemptions", "KindChange": "kind_changes"}[typ]
		v, err := t.one(table, id, "organization_id")
		if err != nil {
			return err
		}
		a.orgs.add(v[0])
		return t.workingCommittee(a, v[0])
	case "InstructorVisit", "AffiliatedOrganization":
		table := map[string]string{"InstructorVisit": "instructor_visits", "AffiliatedOrganization": "affiliated_organizations"}[typ]
		v, err := t.one(table, id, "unit_id")
		if err != nil {
			return err
		}
		a.units.add(v[0])
		return nil
	case "MobileReport":
		v, err := t.one("mobile_reports", id, "member_id")
		if err != nil {
			return err
		}
		a.members.add(v[0])
		return nil
	case "Assessment":
		v, err := t.one("assessments", id, "organization_id", "community_id")
		if err != nil {
			return err
		}
		a.orgs.add(v[0])
		a.areas.add(v[1])
		return nil
	}
	// The territory (every area's place in it), the rule settings, and
	// anything else.
	a.all = true
	return nil
}

// member adds a member whose record is written: their facts and place,
// and the figures of the units they work or worked in, the organisations
// they belong or belonged to, their Party groups, the temporary branches
// they take part in and the joint branches counting their units' members.
func (t *toucher) member(a *affected, id int) error {
	if id == 0 {
		return nil
	}
	a.members.add(id)
	units, err := t.ids(ever(vocab.MemberWorkUnit), []int{id})
	if err != nil {
		return err
	}
	a.units.add(units...)
	orgs, err := t.ids("SELECT organization_id FROM memberships WHERE member_id IN %s UNION "+ever(vocab.MemberPartyGroup)+
		" UNION "+holders(vocab.OrganizationSiteMember), []int{id})
	if err != nil {
		return err
	}
	a.orgs.add(orgs...)
	joint, err := t.ids("SELECT organization_id FROM unit_coverages WHERE unit_id IN %s", units)
	if err != nil {
		return err
	}
	a.orgs.add(joint...)
	return nil
}

// organization adds an organisation whose record is written: its facts,
// its place (and so its descendants' and their members'), the units it
// covers (their coverage reads its kind and formation).
func (t *toucher) organization(a *affected, id int, kindChanged bool) error {
	if kindChanged {
		// Who is a working committee, a community organisation, a branch
		// that elects a committee: a change of kind reaches far.
		a.all = true
		return nil
	}
	if err := t.workingCommittee(a, id); err != nil || a.all {
		return err
	}
	a.orgs.add(id)
	a.moved.add(id)
	units, err := t.ids("SELECT unit_id FROM unit_coverages WHERE organization_id IN %s", []int{id})
	if err != nil {
		return err
	}
	a.units.add(units...)
	return nil
}

// workingCommittee touches the whole register for a sub-district working
// committee, today or ever: its monthly meetings train every grid
// secretary, wherever the grid.
func (t *toucher) workingCommittee(a *affected, id int) error {
	if id == 0 {
		return nil
	}
	wc, err := t.ids("SELECT id FROM organizations WHERE id IN %s AND kind = '"+string(vocab.WorkingCommittee)+
		"' UNION SELECT subject_id FROM periods WHERE attribute = '"+string(vocab.OrganizationKindAttr)+"' AND subject_id IN %s AND text = '"+
		string(vocab.WorkingCommittee)+"'", []int{id})
	if err != nil {
		return err
	}
	a.all = a.all || len(wc) > 0
	return nil
}

// maxLevels bounds the walks up and down the organisation and area trees
// (six levels of organisations; a history could hold a cycle).
const maxLevels = 12

// walk follows a statement from the IDs to the next level, and so on,
// gathering every ID reached (those given included).
func (t *toucher) walk(ids []int, step string) ([]int, error) {
	all := set{}
	all.add(ids...)
	level := ids
	for range maxLevels {
		next, err := t.ids(step, level)
		if err != nil {
			return nil, err
		}
		level = level[:0:0]
		for _, id := range next {
			if !all[id] {
				all[id] = true
				level = append(level, id)
			}
		}
		if len(level) == 0 {
			break
		}
	}
	return all.list(), nil
}

// reach lists the areas the affected records could be placed in on any
// day, and every area above those.
func (t *toucher) reach(a *affected) ([]int, error) {
	if len(a.moved) > 0 {
		// A moved organisation takes its descendants and their members.
		down, err := t.walk(a.moved.list(), holders(vocab.OrganizationParent))
		if err != nil {
			return nil, err
		}
		a.orgs.add(down...)
		members, err := t.ids("SELECT member_id FROM memberships WHERE organization_id IN %s", down)
		if err != nil {
			return nil, err
		}
		a.members.add(members...)
	}
	members := a.members.list()
	grids, err := t.ids(ever(vocab.MemberResidenceGrid), members)
	if err != nil {
		return nil, err
	}
	a.areas.add(grids...)
	units, err := t.ids(ever(vocab.MemberWorkUnit), members)
	if err != nil {
		return nil, err
	}
	a.units.add(units...)
	orgs, err := t.ids("SELECT organization_id FROM memberships WHERE member_id IN %s", members)
	if err != nil {
		return nil, err
	}
	a.orgs.add(orgs...)
	// An organisation is placed by its areas, else its units, else its
	// parent's place.
	up, err := t.walk(a.orgs.list(), ever(vocab.OrganizationParent))
	if err != nil {
		return nil, err
	}
	own, err := t.ids(ever(vocab.OrganizationArea), up)
	if err != nil {
		return nil, err
	}
	a.areas.add(own...)
	covered, err := t.ids("SELECT unit_id FROM unit_coverages WHERE organization_id IN %s", up)
	if err != nil {
		return nil, err
	}
	a.units.add(covered...)
	unitGrids, err := t.ids(ever(vocab.UnitGrid), a.units.list())
	if err != nil {
		return nil, err
	}
	a.areas.add(unitGrids...)
	areas, err := t.walk(a.areas.list(), ever(vocab.AreaParent))
	if err != nil {
		return nil, fmt.Errorf("reading the areas above: %w", err)
	}
	return areas, nil
}
