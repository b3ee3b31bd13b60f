package policy

import (
	"context"

	entgo "entgo.io/ent"

	"jiceng/ent"
	"jiceng/ent/area"
	"jiceng/ent/membership"
	"jiceng/ent/organization"
	"jiceng/ent/unit"
	"jiceng/ent/unitcoverage"
)

// locate returns the areas a write touches: where the record is before the
// write (for an update) and where it will be after it. An editor must own
// every one.
func locate(ctx context.Context, c *ent.Client, m ent.Mutation) ([]int, error) {
	l := &locator{ctx: ctx, c: c, update: m.Op().Is(entgo.OpUpdateOne)}
	switch m := m.(type) {
	case *ent.AreaMutation:
		if id, ok := m.ID(); ok {
			l.add(id)
		}
		l.areas(vals(l, m.ParentID, m.OldParentID))
	case *ent.OrganizationMutation:
		if id, ok := m.ID(); ok {
			l.org(id)
		}
		l.add(m.AreasIDs()...)
		for _, p := range vals(l, m.ParentID, m.OldParentID) {
			if p != nil {
				l.org(*p)
			}
		}
	case *ent.UnitMutation:
		l.add(plain(l, m.GridID, m.OldGridID)...)
	case *ent.UnitCoverageMutation:
		l.units(plain(l, m.UnitID, m.OldUnitID))
	case *ent.MemberMutation:
		if id, ok := m.ID(); ok {
			l.member(id)
		}
		l.areas(vals(l, m.ResidenceGridID, nil))
		l.units(derefAll(vals(l, m.WorkUnitID, nil)))
	case *ent.MobileReportMutation:
		for _, id := range plain(l, m.MemberID, m.OldMemberID) {
			l.member(id)
		}
	case *ent.MembershipMutation:
		l.orgs(plain(l, m.OrganizationID, m.OldOrganizationID))
	case *ent.AffiliatedOrganizationMutation:
		l.units(derefAll(vals(l, m.UnitID, m.OldUnitID)))
		l.areas(vals(l, m.CommunityID, m.OldCommunityID))
	case *ent.AppointmentMutation:
		l.orgs(derefAll(vals(l, m.OrganizationID, m.OldOrganizationID)))
		l.units(derefAll(vals(l, m.UnitID, m.OldUnitID)))
	case *ent.TermMutation:
		l.orgs(plain(l, m.OrganizationID, m.OldOrganizationID))
	case *ent.MeetingMutation:
		l.orgs(plain(l, m.OrganizationID, m.OldOrganizationID))
	case *ent.ExemptionMutation:
		l.orgs(plain(l, m.OrganizationID, m.OldOrganizationID))
	case *ent.KindChangeMutation:
		l.orgs(plain(l, m.OrganizationID, nil))
	case *ent.AssessmentMutation:
		l.orgs(derefAll(vals(l, m.OrganizationID, m.OldOrganizationID)))
		l.areas(vals(l, m.CommunityID, m.OldCommunityID))
	}
	return l.out, l.err
}

// locator gathers areas; a record it cannot place adds 0, which no editor owns.
type locator struct {
	ctx    context.Context
	c      *ent.Client
	update bool
	out    []int
	err    error
}

func (l *locator) add(ids ...int) { l.out = append(l.out, ids...) }

func (l *locator) areas(ids []*int) {
	for _, id := range ids {
		if id != nil {
			l.add(*id)
		}
	}
}

func (l *locator) fail(err error) {
	if l.err == nil && !ent.IsNotFound(err) {
		l.err = err
	}
}

func (l *locator) units(ids []int) {
	for _, id := range ids {
		u, err := l.c.Unit.Query().Where(unit.ID(id)).Select(unit.FieldGridID).Only(l.ctx)
		if err != nil {
			l.fail(err)
			l.add(0)
			continue
		}
		l.add(u.GridID)
	}
}

func (l *locator) orgs(ids []int) {
	for _, id := range ids {
		l.org(id)
	}
}

// org places an organisation: an area it is responsible for, else the grid
// of a unit it covers, else where its parent is.
func (l *locator) org(id int) {
	for depth := 0; depth < 8 && id != 0; depth++ {
		if a, err := l.c.Area.Query().Where(area.HasOrganizationsWith(organization.ID(id))).Order(ent.Asc(area.FieldID)).FirstID(l.ctx); err == nil {
			l.add(a)
			return
		} else if !ent.IsNotFound(err) {
			l.fail(err)
		}
		if u, err := l.c.Unit.Query().Where(unit.HasCoveragesWith(unitcoverage.OrganizationID(id))).Order(ent.Asc(unit.FieldID)).First(l.ctx); err == nil {
			l.add(u.GridID)
			return
		}
		o, err := l.c.Organization.Query().Where(organization.ID(id)).Select(organization.FieldParentID).Only(l.ctx)
		if err != nil || o.ParentID == nil {
			l.fail(err)
			break
		}
		id = *o.ParentID
	}
	l.add(0)
}

// member places a member: where they live, else where they work, else where
// their current organisation is.
func (l *locator) member(id int) {
	m, err := l.c.Member.Get(l.ctx, id)
	switch {
	case err != nil:
		l.fail(err)
		l.add(0)
	case m.ResidenceGridID != nil:
		l.add(*m.ResidenceGridID)
	case m.WorkUnitID != nil:
		l.units([]int{*m.WorkUnitID})
	default:
		ms, err := l.c.Membership.Query().Where(membership.MemberID(id), membership.EndedOnIsNil()).First(l.ctx)
		if err != nil {
			l.fail(err)
			l.add(0)
			return
		}
		l.org(ms.OrganizationID)
	}
}

// plain returns a required field's new value, if the write sets it, and its
// old value, if the write is an update.
func plain(l *locator, set func() (int, bool), old func(context.Context) (int, error)) []int {
	var out []int
	if v, ok := set(); ok {
		out = append(out, v)
	}
	if l.update && old != nil {
		if v, err := old(l.ctx); err == nil {
			out = append(out, v)
		} else {
			l.fail(err)
		}
	}
	return out
}

// vals is plain for an optional field.
func vals(l *locator, set func() (int, bool), old func(context.Context) (*int, error)) []*int {
	var out []*int
	if v, ok := set(); ok {
		out = append(out, &v)
	}
	if l.update && old != nil {
		if v, err := old(l.ctx); err == nil {
			out = append(out, v)
		} else {
			l.fail(err)
		}
	}
	return out
}

func derefAll(ids []*int) []int {
	var out []int
	for _, id := range ids {
		if id != nil {
			out = append(out, *id)
		}
	}
	return out
}
