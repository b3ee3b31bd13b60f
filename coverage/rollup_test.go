package coverage_test

import (
	"context"
	"testing"

	"jiceng/coverage"
	"jiceng/ent"
	"jiceng/ent/appointment"
	"jiceng/ent/assessment"
	"jiceng/ent/member"
	"jiceng/ent/organization"
	"jiceng/policy"
	"jiceng/register"
	"jiceng/vocab"
)

// TestOfficialRollup builds one unit of each class of the official table
// and checks the table, and that the classes add up.
func TestOfficialRollup(t *testing.T) {
	r := newReg(t)
	ownBranch, ownGeneral, inJoint, jointBig, should, grouped, small, none, affiliated := r.unit(), r.unit(), r.unit(), r.unit(), r.unit(), r.unit(), r.unit(), r.unit(), r.unit()
	r.cover(r.org("企业党支部", vocab.Branch, organization.FormationSTANDALONE, r.committee), ownBranch)
	r.cover(r.org("企业党总支", vocab.GeneralBranch, organization.FormationSTANDALONE, r.committee), ownGeneral)
	joint := r.org("联合党支部", vocab.Branch, organization.FormationJOINT, r.general, r.grid)
	r.cover(joint, inJoint)
	r.cover(joint, jointBig)
	r.members(3, member.StatusFULL, jointBig, joint)
	r.members(4, member.StatusFULL, should, r.general)
	groupBranch := r.org("楼栋党支部", vocab.Branch, organization.FormationTERRITORIAL, r.general)
	group := r.org("企业党小组", vocab.PartyGroup, organization.FormationTERRITORIAL, groupBranch)
	for _, m := range r.members(3, member.StatusFULL, grouped, groupBranch) {
		r.do(func(c *ent.Client, ctx context.Context) {
			// Placed in the group when its relationship moved in.
			c.Member.UpdateOneID(m.ID).SetPartyGroupID(group.ID).SaveX(register.On(ctx, date("2016-01-01"), ""))
		})
	}
	r.members(2, member.StatusFULL, small, r.general)
	r.cover(r.general, affiliated)
	r.do(func(c *ent.Client, ctx context.Context) {
		c.Appointment.Create().SetRole(appointment.RoleLIAISON).SetUnitID(none.ID).SetHolderName("联络员").
			SetStartedOn(date("2024-01-01")).SaveX(ctx)
		c.Member.Create().SetName("外地关系党员").SetGender(member.GenderMALE).SetStatus(member.StatusPROBATIONARY).
			SetCategory(member.CategoryIN_SERVICE).SetJoinedPartyOn(date("2010-01-01")).SetWorkUnitID(small.ID).
			SetExternalOrganization("乌鲁木齐某党支部").SaveX(ctx)
	})
	_ = none
	got := r.report(asOf, nil).Units
	want := coverage.UnitRollup{
		Total: 9, OwnCommittee: 0, OwnGeneralBranch: 1, OwnBranch: 1,
		InJointBranch: 2, InJointBranchWithEnoughMembers: 1, JointBranches: 1,
		WithoutOrganization: 5, ShouldOrganize: 2, ShouldOrganizeWithPartyGroup: 1,
		WithOneOrTwoMembers: 1, WithNoMembers: 2, Affiliated: 1, InstructorAssigned: 1,
		Employees: 180, Members: 13, MembersNotTransferredIn: 1,
	}
	if *got != want {
		t.Errorf("units:\n got %+v\nwant %+v", *got, want)
	}
	if sum := got.OwnCommittee + got.OwnGeneralBranch + got.OwnBranch + got.InJointBranch + got.WithoutOrganization; sum != got.Total {
		t.Errorf("own + joint + without = %d, want the total %d", sum, got.Total)
	}
	if sum := got.ShouldOrganize + got.WithOneOrTwoMembers + got.WithNoMembers; sum != got.WithoutOrganization {
		t.Errorf("should + one or two + none = %d, want those without an organisation, %d", sum, got.WithoutOrganization)
	}
}

func TestReportsDrillDownAndAddUp(t *testing.T) {
	r := newReg(t)
	g1, b1 := r.gridBranch()
	_, _ = g1, b1
	r.members(4, member.StatusFULL, nil, b1)
	var other *ent.Area
	r.do(func(c *ent.Client, ctx context.Context) {
		other = c.Area.Create().SetName("二号社区").SetKind("COMMUNITY").SetParentID(r.sub.ID).SaveX(ctx)
	})
	whole := r.report(asOf, nil)
	if len(whole.Children) != 1 || whole.Children[0].Area.ID != r.sub.ID {
		t.Fatalf("the whole register's children: got %d, want the sub-district", len(whole.Children))
	}
	sub := r.report(asOf, &r.sub.ID)
	if len(sub.Children) != 2 {
		t.Fatalf("the sub-district's children: got %d, want 2 communities", len(sub.Children))
	}
	total := 0
	for _, c := range sub.Children {
		total += c.GapTotal
		if c.Area.ID == other.ID && c.GapTotal == 0 {
			t.Error("the community without an organisation has no gap")
		}
	}
	if total != sub.GapTotal {
		t.Errorf("the communities' gaps add to %d, want the sub-district's %d", total, sub.GapTotal)
	}
	community := sub.Children[0]
	if community.Area.ID != r.community.ID || len(community.Children) != 2 {
		t.Fatalf("the first community's children: got %d grids, want 2", len(community.Children))
	}
	for _, g := range community.Children {
		if g.Status == nil {
			t.Errorf("grid %s has no status", g.Area.Name)
		}
	}
	if sub.Members.Total != 4 || sub.Grids.Total != 2 {
		t.Errorf("got %d members and %d grids, want 4 and 2", sub.Members.Total, sub.Grids.Total)
	}
}

func TestGapPages(t *testing.T) {
	r := newReg(t)
	for i := 0; i < 7; i++ {
		r.members(1, member.StatusFULL, nil, nil) // pocket members
	}
	d := date(asOf)
	all, err := r.en.Gaps(policy.System(context.Background()), coverage.GapFilter{AsOf: &d, First: 500})
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	var after *string
	for page := 0; ; page++ {
		conn, err := r.en.Gaps(policy.System(context.Background()), coverage.GapFilter{AsOf: &d, First: 3, After: after})
		if err != nil {
			t.Fatal(err)
		}
		if conn.TotalCount != all.TotalCount {
			t.Fatalf("page %d: totalCount %d, want %d", page, conn.TotalCount, all.TotalCount)
		}
		for _, e := range conn.Edges {
			keys = append(keys, e.Node.Key)
		}
		if !conn.PageInfo.HasNextPage {
			break
		}
		after = conn.PageInfo.EndCursor
	}
	if len(keys) != len(all.Edges) {
		t.Fatalf("paged through %d gaps, want %d", len(keys), len(all.Edges))
	}
	for i, e := range all.Edges {
		if keys[i] != e.Node.Key {
			t.Errorf("gap %d: got %s paging, want %s", i, keys[i], e.Node.Key)
		}
	}
	for i := 1; i < len(all.Edges); i++ {
		if sevRank(all.Edges[i].Node.Severity) < sevRank(all.Edges[i-1].Node.Severity) {
			t.Errorf("gap %d (%s) comes after a less severe gap", i, all.Edges[i].Node.Key)
		}
	}
	high, _ := r.en.Gaps(policy.System(context.Background()), coverage.GapFilter{AsOf: &d, First: 500, Severities: []coverage.Severity{coverage.High}})
	for _, e := range high.Edges {
		if e.Node.Severity != coverage.High {
			t.Errorf("severity filter let %s through", e.Node.Key)
		}
	}
	bad := "nonsense"
	if _, err := r.en.Gaps(policy.System(context.Background()), coverage.GapFilter{AsOf: &d, First: 5, After: &bad}); err == nil {
		t.Error("a malformed cursor was accepted")
	}
}

func sevRank(s coverage.Severity) int {
	for i, x := range coverage.Severities {
		if x == s {
			return i
		}
	}
	return -1
}

func TestAssessmentRollup(t *testing.T) {
	r := newReg(t)
	poor := r.org("屡评不合格党支部", vocab.Branch, organization.FormationTERRITORIAL, r.general)
	r.do(func(c *ent.Client, ctx context.Context) {
		for _, a := range []struct {
			org   *ent.Organization
			year  int
			score float64
			grade assessment.Grade
		}{
			{r.general, 2024, 93, assessment.GradeGOOD},
			{poor, 2023, 62, assessment.GradePOOR},
			{poor, 2024, 66, assessment.GradePOOR},
			{r.general, 2023, 85, assessment.GradeFAIRLY_GOOD},
		} {
			c.Assessment.Create().SetOrganizationID(a.org.ID).SetYear(a.year).SetScore(a.score).SetGrade(a.grade).SaveX(ctx)
		}
	})
	got := r.report(asOf, nil).Assessments
	if got.Year != 2024 || got.Assessed != 2 || got.Awarded != 1 || got.Unqualified != 1 || got.UnqualifiedTwice != 1 {
		t.Errorf("got %+v, want 2024: 2 assessed, 1 awarded, 1 unqualified twice running", *got)
	}
	if got.AverageScore == nil || *got.AverageScore != 79.5 {
		t.Errorf("average: got %v, want 79.5", got.AverageScore)
	}
	if early := r.report("2022-12-31", nil).Assessments; early.Year != 0 || early.Assessed != 0 || early.AverageScore != nil {
		t.Errorf("before any assessment: got %+v", *early)
	}
}
