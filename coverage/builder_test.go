package coverage_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"jiceng/check"
	"jiceng/coverage"
	"jiceng/database"
	"jiceng/database/dbtest"
	"jiceng/ent"
	"jiceng/ent/appointment"
	"jiceng/ent/area"
	"jiceng/ent/member"
	"jiceng/ent/membership"
	"jiceng/ent/organization"
	"jiceng/ent/unit"
	"jiceng/policy"
	"jiceng/register"
	"jiceng/vocab"
)

// asOf is the day the tests examine.
const asOf = "2025-06-30"

func date(s string) time.Time {
	t, err := check.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return t
}

// reg builds a small register for a test: a sub-district with one
// community, a general branch responsible for it, and one grid.
type reg struct {
	t                    *testing.T
	st                   *database.Store
	en                   *coverage.Engine
	sub, community, grid *ent.Area
	committee, general   *ent.Organization
	seq                  int
}

func newReg(t *testing.T) *reg {
	t.Helper()
	st := dbtest.Open(t)
	r := &reg{t: t, st: st, en: coverage.New(st.Client, st.Read, st.Dialect)}
	r.do(func(c *ent.Client, ctx context.Context) {
		r.sub = c.Area.Create().SetName("测试街道").SetKind(area.KindSUBDISTRICT).SaveX(ctx)
		r.community = c.Area.Create().SetName("一号社区").SetKind(area.KindCOMMUNITY).SetParent(r.sub).SaveX(ctx)
		r.grid = c.Area.Create().SetName("一号网格").SetKind(area.KindGRID).SetParent(r.community).SaveX(ctx)
	})
	r.committee = r.org("测试街道党工委", vocab.WorkingCommittee, organization.FormationTERRITORIAL, nil)
	r.general = r.org("一号社区党总支", vocab.GeneralBranch, organization.FormationTERRITORIAL, r.committee, r.community)
	return r
}

// do runs fn in a transaction and fails the test if any write is refused.
func (r *reg) do(fn func(c *ent.Client, ctx context.Context)) {
	r.t.Helper()
	ctx := policy.System(context.Background())
	err := register.InTx(ctx, r.st.Client, func(c *ent.Client) (err error) {
		defer func() {
			if p := recover(); p != nil {
				err = fmt.Errorf("%v", p)
			}
		}()
		fn(c, ctx)
		return nil
	})
	if err != nil {
		r.t.Fatalf("building the register: %v", err)
	}
}

func (r *reg) name(prefix string) string {
	r.seq++
	return fmt.Sprintf("%s%03d", prefix, r.seq)
}

// org adds an organisation established on 2015-01-01 with a secretary in office.
func (r *reg) org(name string, kind vocab.OrganizationKind, formation organization.Formation, parent *ent.Organization, areas ...*ent.Area) *ent.Organization {
	r.t.Helper()
	var o *ent.Organization
	r.do(func(c *ent.Client, ctx context.Context) {
		create := c.Organization.Create().SetName(name).SetKind(kind).SetFormation(formation).
			SetEstablishedOn(date("2015-01-01")).AddAreas(areas...)
		if parent != nil {
			create.SetParentID(parent.ID)
		}
		o = create.SaveX(ctx)
		role := appointment.RoleSECRETARY
		if kind == vocab.PartyGroup {
			role = appointment.RoleGROUP_LEADER
		}
		c.Appointment.Create().SetRole(role).SetOrganizationID(o.ID).SetHolderName(r.name("书记")).
			SetStartedOn(date("2015-01-01")).SaveX(ctx)
	})
	return o
}

// gridBranch adds a grid, a grid branch responsible for it and returns both.
func (r *reg) gridBranch() (*ent.Area, *ent.Organization) {
	r.t.Helper()
	var g *ent.Area
	r.do(func(c *ent.Client, ctx context.Context) {
		g = c.Area.Create().SetName(r.name("网格")).SetKind(area.KindGRID).SetParent(r.community).SetResidents(500).SaveX(ctx)
	})
	return g, r.org(r.name("网格党支部"), vocab.GridBranch, organization.FormationTERRITORIAL, r.general, g)
}

// unit adds an enterprise in the grid.
func (r *reg) unit() *ent.Unit {
	r.t.Helper()
	var u *ent.Unit
	r.do(func(c *ent.Client, ctx context.Context) {
		u = c.Unit.Create().SetName(r.name("示例企业")).SetKind(unit.KindNON_PUBLIC_ENTERPRISE).SetEmployees(20).SetGridID(r.grid.ID).SaveX(ctx)
	})
	return u
}

// members adds n members of the status working in u (if given) whose
// relationship sits in org (if given) from 2016-01-01.
func (r *reg) members(n int, status member.Status, u *ent.Unit, org *ent.Organization) []*ent.Member {
	r.t.Helper()
	var out []*ent.Member
	r.do(func(c *ent.Client, ctx context.Context) {
		for i := 0; i < n; i++ {
			create := c.Member.Create().SetName(r.name("党员")).SetGender(member.GenderMALE).SetStatus(status).
				SetCategory(member.CategoryIN_SERVICE).SetJoinedPartyOn(date("2010-07-01")).SetResidenceGridID(r.grid.ID)
			if u != nil {
				create.SetWorkUnitID(u.ID)
			}
			m := create.SaveX(ctx)
			if org != nil {
				c.Membership.Create().SetMemberID(m.ID).SetOrganizationID(org.ID).SetStartedOn(date("2016-01-01")).
					SetStartReason(membership.StartReasonTRANSFERRED_IN).SaveX(ctx)
			}
			out = append(out, m)
		}
	})
	return out
}

// cover links an organisation to a unit from 2016-01-01.
func (r *reg) cover(o *ent.Organization, u *ent.Unit) {
	r.t.Helper()
	r.do(func(c *ent.Client, ctx context.Context) {
		c.UnitCoverage.Create().SetOrganizationID(o.ID).SetUnitID(u.ID).SetStartedOn(date("2016-01-01")).SaveX(ctx)
	})
}

// gaps lists the gaps of a rule in the whole register on a day.
func (r *reg) gaps(day string, code coverage.RuleCode) []*coverage.Gap {
	r.t.Helper()
	d := date(day)
	conn, err := r.en.Gaps(policy.System(context.Background()), coverage.GapFilter{AsOf: &d, Rules: []coverage.RuleCode{code}, First: 500})
	if err != nil {
		r.t.Fatalf("listing gaps: %v", err)
	}
	if conn.TotalCount != len(conn.Edges) {
		r.t.Errorf("%s: totalCount %d but %d gaps listed", code, conn.TotalCount, len(conn.Edges))
	}
	return conn.Nodes()
}

// fires reports whether rule fires on the subject on the day.
func (r *reg) fires(day string, code coverage.RuleCode, subject int) bool {
	r.t.Helper()
	for _, g := range r.gaps(day, code) {
		if subjectID(g) == subject {
			return true
		}
	}
	return false
}

func subjectID(g *coverage.Gap) int {
	switch s := g.Subject.(type) {
	case *ent.Unit:
		return s.ID
	case *ent.Member:
		return s.ID
	case *ent.Organization:
		return s.ID
	case *ent.Area:
		return s.ID
	}
	return 0
}

// report is the coverage of an area on a day, with children two levels down.
func (r *reg) report(day string, areaID *int) *coverage.Report {
	r.t.Helper()
	d := date(day)
	rep, err := r.en.Coverage(policy.System(context.Background()), areaID, &d, 2)
	if err != nil {
		r.t.Fatalf("coverage: %v", err)
	}
	return rep
}

// figure returns the value of a gap's figure.
func figure(g *coverage.Gap, name string) float64 {
	for _, f := range g.Figures {
		if f.Name == name {
			return f.Value
		}
	}
	return -1
}

func itoa(n int) string { return fmt.Sprint(n) }
