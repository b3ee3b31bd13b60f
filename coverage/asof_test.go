package coverage_test

import (
	"context"
	"testing"

	"jiceng/coverage"
	"jiceng/ent"
	"jiceng/ent/member"
	"jiceng/ent/organization"
	"jiceng/register"
	"jiceng/vocab"
)

func kindCount(rep *coverage.Report, kind vocab.OrganizationKind) int {
	for _, k := range rep.Organizations {
		if k.Kind == kind {
			return k.Count
		}
	}
	return 0
}

func TestAsOfAcrossATransfer(t *testing.T) {
	r := newReg(t)
	from := r.org("迁出党支部", vocab.Branch, organization.FormationTERRITORIAL, r.general)
	to := r.org("迁入党支部", vocab.Branch, organization.FormationTERRITORIAL, r.general)
	r.members(50, member.StatusFULL, nil, from)
	mover := r.members(1, member.StatusFULL, nil, from)[0]
	r.do(func(c *ent.Client, ctx context.Context) {
		if _, err := register.TransferMember(ctx, c, register.Transfer{MemberID: mover.ID, ToOrganizationID: &to.ID, On: date("2025-03-01")}); err != nil {
			panic(err)
		}
	})
	if !r.fires("2025-02-28", "STRUCT_BRANCH_OVERSIZE", from.ID) {
		t.Error("before the transfer the branch had 51 members and is not reported")
	}
	if r.fires("2025-03-01", "STRUCT_BRANCH_OVERSIZE", from.ID) {
		t.Error("from the day of the transfer the branch has 50 and is still reported")
	}
	before, after := r.report("2025-02-28", nil), r.report("2025-03-01", nil)
	if before.Members.Total != 51 || after.Members.Total != 51 || after.Members.Unattached != 0 {
		t.Errorf("members: got %d before and %d (%d unattached) after, want 51 and 51 (none unattached)",
			before.Members.Total, after.Members.Total, after.Members.Unattached)
	}
}

func TestAsOfAcrossAnUpgrade(t *testing.T) {
	r := newReg(t)
	b := r.org("百合村社区党支部", vocab.Branch, organization.FormationTERRITORIAL, r.committee)
	r.do(func(c *ent.Client, ctx context.Context) {
		if _, err := register.UpgradeOrganization(ctx, c, register.Upgrade{OrganizationID: b.ID, ToKind: vocab.GeneralBranch, On: date("2021-07-01")}); err != nil {
			panic(err)
		}
	})
	before, after := r.report("2021-06-30", nil), r.report("2021-07-01", nil)
	if kindCount(before, vocab.Branch) != 1 || kindCount(before, vocab.GeneralBranch) != 1 {
		t.Errorf("before the upgrade: got %d branches and %d general branches, want 1 and 1",
			kindCount(before, vocab.Branch), kindCount(before, vocab.GeneralBranch))
	}
	if kindCount(after, vocab.Branch) != 0 || kindCount(after, vocab.GeneralBranch) != 2 {
		t.Errorf("after the upgrade: got %d branches and %d general branches, want 0 and 2",
			kindCount(after, vocab.Branch), kindCount(after, vocab.GeneralBranch))
	}
}

func TestAsOfAcrossADissolution(t *testing.T) {
	r := newReg(t)
	site := r.unit()
	r.members(3, member.StatusFULL, site, nil)
	temp := r.org("临时党支部", vocab.Branch, organization.FormationTEMPORARY, r.committee)
	r.cover(temp, site)
	r.do(func(c *ent.Client, ctx context.Context) {
		link := c.UnitCoverage.Query().AllX(ctx)[0]
		c.UnitCoverage.UpdateOneID(link.ID).SetEndedOn(date("2025-04-01")).SaveX(ctx)
		if _, err := register.DissolveOrganization(ctx, c, register.Dissolution{OrganizationID: temp.ID, On: date("2025-04-01"), Reason: "工程竣工"}); err != nil {
			panic(err)
		}
	})
	before, after := r.report("2025-03-31", nil), r.report("2025-04-01", nil)
	if before.Units.OwnBranch != 1 || after.Units.OwnBranch != 0 || after.Units.ShouldOrganize != 1 {
		t.Errorf("units with their own branch: got %d before, %d after (%d should organise), want 1, 0 (1)",
			before.Units.OwnBranch, after.Units.OwnBranch, after.Units.ShouldOrganize)
	}
	if kindCount(before, vocab.Branch) != 1 || kindCount(after, vocab.Branch) != 0 {
		t.Errorf("branches: got %d before and %d after the dissolution, want 1 and 0", kindCount(before, vocab.Branch), kindCount(after, vocab.Branch))
	}
	if !r.fires("2025-04-01", "ORG_UNIT_SHOULD_ORGANIZE", site.ID) || r.fires("2025-03-31", "ORG_UNIT_SHOULD_ORGANIZE", site.ID) {
		t.Error("the site should need its own organisation from the day its branch was dissolved, not before")
	}
}
