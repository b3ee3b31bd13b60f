package graph_test

import (
	"context"
	"fmt"
	"strconv"
	"testing"
	"time"

	"jiceng/check"
	"jiceng/database"
	"jiceng/database/dbtest"
	"jiceng/ent"
	"jiceng/ent/area"
	"jiceng/ent/member"
	"jiceng/ent/membership"
	"jiceng/ent/organization"
	"jiceng/ent/unit"
	"jiceng/geo"
	"jiceng/graph/graphtest"
	"jiceng/policy"
	"jiceng/register"
	"jiceng/vocab"
)

// world is a small register: a sub-district with one community and one
// grid, the working committee, a general branch, a grid branch with a Party
// group, one unit and one member whose relationship sits in the grid branch.
type world struct {
	store                              *database.Store
	api                                *graphtest.Client
	sub, community, grid               *ent.Area
	committee, general, gridBranch, pg *ent.Organization
	unit                               *ent.Unit
	member                             *ent.Member
	membership                         *ent.Membership
}

func date(s string) time.Time {
	t, err := check.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return t
}

// id writes an ID as the API does.
func id(n int) string { return strconv.Itoa(n) }

// creditCode returns a valid unified social credit code ending in seq.
func creditCode(seq int) string {
	first := fmt.Sprintf("91652302MA%07d", seq)
	c, err := check.CreditCodeCheck(first)
	if err != nil {
		panic(err)
	}
	return first + string(c)
}

// square is a closed GeoJSON polygon around (lon, lat).
func square(lon, lat float64) *geo.Geometry {
	g, err := geo.Parse([]byte(fmt.Sprintf(`{"type":"Polygon","coordinates":[[[%g,%g],[%g,%g],[%g,%g],[%g,%g],[%g,%g]]]}`,
		lon, lat, lon+0.01, lat, lon+0.01, lat+0.01, lon, lat+0.01, lon, lat)))
	if err != nil {
		panic(err)
	}
	return g
}

func newWorld(t testing.TB, opts ...database.Option) *world {
	t.Helper()
	return newWorldOn(t, dbtest.Open(t, opts...))
}

// newWorldOn builds the world's register in st.
func newWorldOn(t testing.TB, st *database.Store) *world {
	t.Helper()
	w := &world{store: st, api: graphtest.New(t, st)}
	ctx := policy.System(context.Background())
	err := register.InTx(ctx, st.Client, func(c *ent.Client) error {
		w.sub = c.Area.Create().SetName("测试街道").SetKind(area.KindSUBDISTRICT).SaveX(ctx)
		w.community = c.Area.Create().SetName("一号社区").SetKind(area.KindCOMMUNITY).SetParent(w.sub).SaveX(ctx)
		w.grid = c.Area.Create().SetName("一号网格").SetKind(area.KindGRID).SetParent(w.community).
			SetResidents(900).SetHouseholds(300).SetBoundary(square(87.98, 44.15)).SaveX(ctx)
		w.committee = c.Organization.Create().SetName("测试街道党工委").SetKind(vocab.WorkingCommittee).
			SetFormation(organization.FormationTERRITORIAL).SetEstablishedOn(date("2000-01-01")).SaveX(ctx)
		w.general = c.Organization.Create().SetName("一号社区党总支").SetKind(vocab.GeneralBranch).
			SetFormation(organization.FormationTERRITORIAL).SetEstablishedOn(date("2010-01-01")).
			SetParent(w.committee).AddAreas(w.community).SaveX(ctx)
		w.gridBranch = c.Organization.Create().SetName("一号网格党支部").SetKind(vocab.GridBranch).
			SetFormation(organization.FormationTERRITORIAL).SetEstablishedOn(date("2020-01-01")).
			SetParent(w.general).AddAreas(w.grid).SetActivityBudget(500).SaveX(ctx)
		w.pg = c.Organization.Create().SetName("一号网格第一党小组").SetKind(vocab.PartyGroup).
			SetFormation(organization.FormationTERRITORIAL).SetEstablishedOn(date("2020-02-01")).
			SetParent(w.gridBranch).SaveX(ctx)
		w.unit = c.Unit.Create().SetName("示例驾校").SetKind(unit.KindNON_PUBLIC_ENTERPRISE).
			SetCreditCode(creditCode(1)).SetEmployees(40).SetGrid(w.grid).SaveX(ctx)
		w.member = c.Member.Create().SetName("王某001").SetGender(member.GenderMALE).
			SetStatus(member.StatusFULL).SetCategory(member.CategoryIN_SERVICE).
			SetJoinedPartyOn(date("2012-07-01")).SetResidenceGrid(w.grid).SetPartyGroup(w.pg).SaveX(ctx)
		w.membership = c.Membership.Create().SetMember(w.member).SetOrganization(w.gridBranch).
			SetStartedOn(date("2020-03-01")).SetStartReason(membership.StartReasonTRANSFERRED_IN).SaveX(ctx)
		return nil
	})
	if err != nil {
		t.Fatalf("building the test register: %v", err)
	}
	return w
}

// counts returns the number of rows of every record type, to prove that a
// refused write left the register as it was.
func (w *world) counts(t *testing.T) map[string]int {
	t.Helper()
	ctx := policy.System(context.Background())
	c := w.store.Client
	return map[string]int{
		"areas":         c.Area.Query().CountX(ctx),
		"organizations": c.Organization.Query().CountX(ctx),
		"kindChanges":   c.KindChange.Query().CountX(ctx),
		"units":         c.Unit.Query().CountX(ctx),
		"unitCoverages": c.UnitCoverage.Query().CountX(ctx),
		"members":       c.Member.Query().CountX(ctx),
		"memberships":   c.Membership.Query().CountX(ctx),
		"appointments":  c.Appointment.Query().CountX(ctx),
		"terms":         c.Term.Query().CountX(ctx),
		"meetings":      c.Meeting.Query().CountX(ctx),
		"exemptions":    c.Exemption.Query().CountX(ctx),
		"assessments":   c.Assessment.Query().CountX(ctx),
		"affiliated":    c.AffiliatedOrganization.Query().CountX(ctx),
		"mobileReports": c.MobileReport.Query().CountX(ctx),
		"ruleSettings":  c.RuleSetting.Query().CountX(ctx),
		"users":         c.User.Query().CountX(ctx),
	}
}

// refused posts a write that must fail with code on field, and checks that
// no row of any kind was written or changed in count.
func (w *world) refused(t *testing.T, code, field, query string, vars ...any) graphtest.Error {
	t.Helper()
	return w.refusedTo(t, w.api, code, field, query, vars...)
}

// refusedTo is refused for a write posted by another client.
func (w *world) refusedTo(t *testing.T, api *graphtest.Client, code, field, query string, vars ...any) graphtest.Error {
	t.Helper()
	before := w.counts(t)
	e := api.Fail(query, vars...)
	t.Logf("%s %s: %s", e.Code(), e.Field(), e.Message)
	if e.Code() != code || e.Field() != field {
		t.Errorf("got %s on %q (%s), want %s on %q", e.Code(), e.Field(), e.Message, code, field)
	}
	after := w.counts(t)
	for k, n := range before {
		if after[k] != n {
			t.Errorf("%s: got %d rows after the refused write, want %d", k, after[k], n)
		}
	}
	return e
}
