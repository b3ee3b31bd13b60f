package coverage_test

import (
	"context"
	"reflect"
	"testing"
	"time"

	"entgo.io/ent/dialect"

	"jiceng/coverage"
	"jiceng/database"
	"jiceng/database/dbtest"
	"jiceng/demo"
	"jiceng/ent"
	"jiceng/ent/area"
	"jiceng/ent/member"
	"jiceng/ent/membership"
	"jiceng/ent/organization"
	"jiceng/policy"
	"jiceng/synth"
	"jiceng/vocab"
)

// TestScopedReportsAgree checks that the report of an area read alone (an
// analysis scoped to it, reading only its records) equals that area's
// report in the analysis of the whole register, for every area, as of the
// demo's day and days in its history; and the same for a page of the
// area's gaps.
func TestScopedReportsAgree(t *testing.T) {
	st := dbtest.Open(t)
	if st.Dialect == dialect.Postgres {
		// The synthetic town's and the cross-area test run on both; the
		// demo's 63 pairs of analyses take minutes on CI's PostgreSQL.
		t.Skip("the demo's areas are compared on SQLite")
	}
	ctx := policy.System(context.Background())
	ref := demo.Reference()
	if err := demo.Load(ctx, st.Client, ref); err != nil {
		t.Fatal(err)
	}
	scopedAgree(t, st, ref.AddDate(0, 0, -1), ref.AddDate(-1, 0, 0), ref.AddDate(-2, -4, 0))
}

// TestScopedReportsAgreeSynthetic does the same on a small synthetic city
// of two sub-districts.
func TestScopedReportsAgreeSynthetic(t *testing.T) {
	st := dbtest.Open(t)
	ctx := policy.System(context.Background())
	day := time.Date(2025, 6, 30, 0, 0, 0, 0, time.UTC)
	size := synth.Town
	size.SubDistricts = 2
	if _, err := synth.GenerateIn(ctx, st.DB, st.Dialect, size, day); err != nil {
		t.Fatal(err)
	}
	scopedAgree(t, st, day, day.AddDate(0, -5, 0))
}

func scopedAgree(t *testing.T, st *database.Store, days ...time.Time) {
	t.Helper()
	ctx := policy.System(context.Background())
	areas, err := st.Client.Area.Query().IDs(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range days {
		whole := coverage.New(st.Client, st.Read, st.Dialect)
		full, err := whole.Coverage(ctx, nil, &d, 8)
		if err != nil {
			t.Fatal(err)
		}
		byArea := map[int]*coverage.Report{}
		var index func(r *coverage.Report)
		index = func(r *coverage.Report) {
			if r.Area != nil {
				byArea[r.Area.ID] = r
			}
			for _, c := range r.Children {
				index(c)
			}
		}
		index(full)
		for _, id := range areas {
			want, ok := byArea[id]
			if !ok {
				continue // not in force on d
			}
			got, err := coverage.New(st.Client, st.Read, st.Dialect).Coverage(ctx, &id, &d, 0)
			if err != nil {
				t.Fatal(err)
			}
			if g, w := figures(got), figures(want); !reflect.DeepEqual(g, w) {
				t.Errorf("%s as of %s: read alone\n%+v\nwant, as in the whole register's analysis,\n%+v", want.Area.Name, d.Format(time.DateOnly), g, w)
			}
			page := coverage.GapFilter{AreaID: &id, AsOf: &d, First: 1000}
			gotGaps, err := coverage.New(st.Client, st.Read, st.Dialect).Gaps(ctx, page)
			if err != nil {
				t.Fatal(err)
			}
			wantGaps, err := whole.Gaps(ctx, page)
			if err != nil {
				t.Fatal(err)
			}
			if g, w := gapKeys(t, gotGaps), gapKeys(t, wantGaps); !reflect.DeepEqual(g, w) {
				t.Errorf("%s as of %s: gaps read alone %v, want %v", want.Area.Name, d.Format(time.DateOnly), g, w)
			}
		}
	}
}

// figures is a report without its area and children, to compare.
func figures(r *coverage.Report) coverage.Report {
	c := *r
	c.Area, c.Children = nil, nil
	return c
}

// gapKeys lists a page's gaps with their figures, messages and suggestions.
func gapKeys(t *testing.T, c *coverage.GapConnection) []string {
	t.Helper()
	out := []string{}
	for _, g := range c.Nodes() {
		k := g.Key + " " + g.Message.En
		for _, s := range g.Suggestions {
			k += " " + s.Name
		}
		out = append(out, k)
	}
	return append(out, "total "+itoa(c.TotalCount))
}

// TestScopedReportsAgreeAcrossAreas does the same where records reach
// across areas: an organisation responsible for two grids and located in
// one, a joint branch covering a unit of another grid, and members placed
// by their work unit or their organisation alone.
func TestScopedReportsAgreeAcrossAreas(t *testing.T) {
	r := newReg(t)
	g1, b1 := r.gridBranch()
	var g2 *ent.Area
	r.do(func(c *ent.Client, ctx context.Context) {
		g2 = c.Area.Create().SetName("二号网格").SetKind(area.KindGRID).SetParent(r.community).SetResidents(300).SaveX(ctx)
	})
	both := r.org("两网格党支部", vocab.GridBranch, organization.FormationTERRITORIAL, r.general, g2, g1)
	joint := r.org("联合党支部", vocab.Branch, organization.FormationJOINT, r.general, g1)
	u := r.unit() // in the register's first grid
	r.cover(joint, u)
	r.members(3, member.StatusFULL, u, both)
	r.members(2, member.StatusFULL, nil, b1)
	r.members(2, member.StatusPROBATIONARY, nil, both)
	r.members(1, member.StatusFULL, nil, nil)
	// Members living nowhere recorded: placed by their work unit, else
	// their organisation.
	r.do(func(c *ent.Client, ctx context.Context) {
		for i, o := range []*ent.Organization{both, b1, joint, both} {
			create := c.Member.Create().SetName(r.name("无住址党员")).SetGender(member.GenderFEMALE).SetStatus(member.StatusFULL).
				SetCategory(member.CategoryRETIRED).SetJoinedPartyOn(date("2010-07-01"))
			if i == 3 {
				create.SetWorkUnitID(u.ID)
			}
			m := create.SaveX(ctx)
			c.Membership.Create().SetMemberID(m.ID).SetOrganizationID(o.ID).SetStartedOn(date("2016-01-01")).
				SetStartReason(membership.StartReasonTRANSFERRED_IN).SaveX(ctx)
		}
	})
	scopedAgree(t, r.st, date("2016-06-30"), date("2025-06-30"))
}
