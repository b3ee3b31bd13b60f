package policy

import (
	"context"
	"fmt"
	"time"

	entgo "entgo.io/ent"

	"jiceng/calendar"
	"jiceng/ent"
	"jiceng/ent/meeting"
	"jiceng/ent/organization"
	"jiceng/register"
	"jiceng/viewer"
)

// An editor's write is judged by where it lands: every record it creates
// or changes, and every record it links to, must sit in the editor's areas
// before the write and after it, on the day the write takes effect and
// today. Records are placed by Place (coverage.Place), the placement the analysis
// counts them by, so an editor can change exactly what their areas' figures
// are made of.

// Placement is where a record is on a day: its area, and the grid and
// community that area lies in (zero for none).
type Placement struct{ AreaID, GridID, CommunityID int }

// Place locates a member, unit, organisation or area on a day. The coverage
// package sets it when it is linked in (coverage.Place: the placement the
// analysis counts records by), as database/sql drivers register
// themselves; until then editors may write nowhere.
var Place func(ctx context.Context, c *ent.Client, typ string, id int, day time.Time) (Placement, error)

// record is a record of the register to place.
type record struct {
	typ string
	id  int
}

// placeable are the types coverage.Place locates; the others sit where the
// records they link to are.
var placeable = map[string]bool{"Member": true, "Unit": true, "Organization": true, "Area": true}

// edgeTypes are the record types the edges of the register point to, by
// edge name (the same name means the same type on every record type).
var edgeTypes = map[string]string{
	"organization": "Organization", "party_group": "Organization", "unit": "Unit", "work_unit": "Unit",
	"member": "Member", "attendees": "Member", "site_members": "Member",
	"grid": "Area", "residence_grid": "Area", "community": "Area", "areas": "Area",
}

// linkFields are the fields holding the records a link record (a
// membership, an appointment, a term …) joins.
var linkFields = []struct{ field, typ string }{
	{"organization_id", "Organization"}, {"unit_id", "Unit"}, {"member_id", "Member"},
	{"community_id", "Area"}, {"grid_id", "Area"},
}

// touched lists the records a write touches as the register stands before
// it: the record itself (for an update), what it links to now, and what the
// write links it to.
func touched(ctx context.Context, m ent.Mutation) ([]record, error) {
	var out []record
	id, isUpdate := m.(interface{ ID() (int, bool) }).ID()
	isUpdate = isUpdate && m.Op().Is(entgo.OpUpdateOne)
	if isUpdate && placeable[m.Type()] {
		out = append(out, record{m.Type(), id})
	}
	for _, e := range m.AddedEdges() {
		typ, ok := edgeTypes[e]
		if e == "parent" {
			typ, ok = m.Type(), true
		}
		if !ok {
			continue
		}
		for _, v := range m.AddedIDs(e) {
			if n, ok := v.(int); ok {
				out = append(out, record{typ, n})
			}
		}
	}
	if !isUpdate {
		return out, nil
	}
	for _, e := range m.RemovedEdges() {
		if typ, ok := edgeTypes[e]; ok {
			for _, v := range m.RemovedIDs(e) {
				if n, ok := v.(int); ok {
					out = append(out, record{typ, n})
				}
			}
		}
	}
	gone, err := cleared(ctx, m, id)
	if err != nil {
		return nil, err
	}
	out = append(out, gone...)
	if !placeable[m.Type()] {
		for _, f := range linkFields {
			old, err := m.OldField(ctx, f.field)
			if err != nil {
				continue // the type has no such field
			}
			switch v := old.(type) {
			case int:
				out = append(out, record{f.typ, v})
			case *int:
				if v != nil {
					out = append(out, record{f.typ, *v})
				}
			}
		}
	}
	return out, nil
}

// cleared lists the records an update unlinks by clearing an edge to
// many (a meeting's attendees, an organisation's areas or site members),
// as removing them one by one would name them.
func cleared(ctx context.Context, m ent.Mutation, id int) ([]record, error) {
	c := m.(interface{ Client() *ent.Client }).Client()
	ctx = System(ctx)
	var out []record
	for _, e := range m.ClearedEdges() {
		var q interface {
			IDs(context.Context) ([]int, error)
		}
		switch {
		case m.Type() == "Meeting" && e == "attendees":
			q = c.Meeting.Query().Where(meeting.ID(id)).QueryAttendees()
		case m.Type() == "Organization" && e == "site_members":
			q = c.Organization.Query().Where(organization.ID(id)).QuerySiteMembers()
		case m.Type() == "Organization" && e == "areas":
			q = c.Organization.Query().Where(organization.ID(id)).QueryAreas()
		default:
			continue // an edge to one: its old record is read from its field
		}
		ids, err := q.IDs(ctx)
		if err != nil {
			return nil, fmt.Errorf("reading the %s a write clears: %w", e, err)
		}
		for _, n := range ids {
			out = append(out, record{edgeTypes[e], n})
		}
	}
	return out, nil
}

// days are the days a write is placed on: today, and the day it takes
// effect when that is another.
func days(ctx context.Context) []time.Time {
	today := calendar.Today()
	if on := register.EffectiveDay(ctx); !on.Equal(today) {
		return []time.Time{today, on}
	}
	return []time.Time{today}
}

// inAreas refuses the write unless every record sits in the editor's areas
// on each day.
func inAreas(ctx context.Context, c *ent.Client, v *viewer.Viewer, typ string, records []record) error {
	for _, r := range records {
		for _, d := range days(ctx) {
			p, err := place(ctx, c, r, d)
			if err != nil {
				return fmt.Errorf("placing %s %d: %w", r.typ, r.id, err)
			}
			if p.AreaID == 0 {
				return forbidden("NOT_PLACED",
					fmt.Sprintf("%s在%s不属于任何区域，只有管理员可以修改", nameOf(ctx, c, r), d.Format(time.DateOnly)),
					fmt.Sprintf("the %s is not placed in any area on %s, so only an administrator may change it", what(r, typ), d.Format(time.DateOnly)))
			}
			if !v.MayWriteIn(p.AreaID) {
				name := fmt.Sprint(p.AreaID)
				if a, err := c.Area.Get(ctx, p.AreaID); err == nil {
					name = a.Name
				}
				return forbidden("OUTSIDE_AREAS",
					fmt.Sprintf("编辑员只能修改自己负责区域内的记录；%s在%s，不在您负责的区域", nameOf(ctx, c, r), name),
					fmt.Sprintf("an editor may change records in their own areas only; this %s touches %s in %s", typ, what(r, typ), name))
			}
		}
	}
	return nil
}

func what(r record, typ string) string {
	if r.typ == typ {
		return "record"
	}
	return r.typ
}

// nameOf names a record for a person: 党员张三, 单位某某公司; a record it
// cannot read is named by its type alone.
func nameOf(ctx context.Context, c *ent.Client, r record) string {
	ctx = System(ctx)
	var name string
	var err error
	switch r.typ {
	case "Member":
		var m *ent.Member
		if m, err = c.Member.Get(ctx, r.id); err == nil {
			name = m.Name
		}
	case "Organization":
		var o *ent.Organization
		if o, err = c.Organization.Get(ctx, r.id); err == nil {
			name = o.Name
		}
	case "Unit":
		var u *ent.Unit
		if u, err = c.Unit.Get(ctx, r.id); err == nil {
			name = u.Name
		}
	case "Area":
		var a *ent.Area
		if a, err = c.Area.Get(ctx, r.id); err == nil {
			name = a.Name
		}
	}
	if name == "" {
		return "该" + register.TypeZh(r.typ)
	}
	return register.TypeZh(r.typ) + "“" + name + "”"
}

func place(ctx context.Context, c *ent.Client, r record, d time.Time) (Placement, error) {
	if Place == nil {
		return Placement{}, nil
	}
	return Place(System(ctx), c, r.typ, r.id, d)
}

// Landing checks, after an editor's write and inside its transaction,
// that the record written sits in the editor's areas as it now stands. It
// is registered on the client (database.Open), so it sees every write.
func Landing(next entgo.Mutator) entgo.Mutator {
	return entgo.MutateFunc(func(ctx context.Context, m entgo.Mutation) (entgo.Value, error) {
		v := viewer.FromContext(ctx)
		value, err := next.Mutate(ctx, m)
		if err != nil || v == nil || v.Role != viewer.Editor || !placeable[m.Type()] {
			return value, err
		}
		id, ok := m.(interface{ ID() (int, bool) }).ID()
		if !ok {
			return value, nil
		}
		c := m.(interface{ Client() *ent.Client }).Client()
		if err := inAreas(ctx, c, v, m.Type(), []record{{m.Type(), id}}); err != nil {
			return nil, err
		}
		return value, nil
	})
}
