package coverage_test

import (
	"context"
	"testing"

	"jiceng/ent"
	"jiceng/ent/appointment"
	"jiceng/ent/member"
	"jiceng/ent/organization"
	"jiceng/ent/unit"
	"jiceng/policy"
	"jiceng/register"
	"jiceng/vocab"
)

// Tests of the rules reading settings that were reference values, the
// secretaries' monthly meeting and the 两新 table (issue 8).

func TestCommitteeOfSevenAndEight(t *testing.T) {
	r := newReg(t)
	seven := r.org("七人支委党支部", vocab.Branch, organization.FormationSTANDALONE, r.committee)
	eight := r.org("八人支委党支部", vocab.Branch, organization.FormationSTANDALONE, r.committee)
	r.do(func(c *ent.Client, ctx context.Context) {
		for o, n := range map[*ent.Organization]int{seven: 6, eight: 7} {
			for i := 0; i < n; i++ {
				c.Appointment.Create().SetRole(appointment.RoleCOMMITTEE_MEMBER).SetOrganizationID(o.ID).
					SetHolderName(r.name("委员")).SetStartedOn(date("2020-01-01")).SaveX(ctx)
			}
		}
	})
	if r.fires(asOf, "STRUCT_COMMITTEE_OVERSIZE", seven.ID) {
		t.Error("a committee of 7 (the secretary and 6) is reported")
	}
	gaps := r.gaps(asOf, "STRUCT_COMMITTEE_OVERSIZE")
	if len(gaps) != 1 || subjectID(gaps[0]) != eight.ID || figure(gaps[0], "officeHolders") != 8 {
		t.Errorf("got %d gaps, want the committee of 8 only", len(gaps))
	}
}

func TestGeneralBranchOfNinetyNineAndAHundred(t *testing.T) {
	r := newReg(t)
	small := r.org("九十九人党总支", vocab.GeneralBranch, organization.FormationSTANDALONE, r.committee)
	large := r.org("一百人党总支", vocab.GeneralBranch, organization.FormationSTANDALONE, r.committee)
	r.members(99, member.StatusFULL, nil, small)
	r.members(100, member.StatusFULL, nil, large)
	if r.fires(asOf, "STRUCT_UPGRADE_TO_COMMITTEE", small.ID) || !r.fires(asOf, "STRUCT_UPGRADE_TO_COMMITTEE", large.ID) {
		t.Error("want the general branch of 100 members suggested for a committee, not the one of 99")
	}
}

func TestTemporaryBranchAgainstThePlannedClose(t *testing.T) {
	r := newReg(t)
	short, long := r.unit(), r.unit()
	r.do(func(c *ent.Client, ctx context.Context) {
		// Five months and 30 days, and six months exactly.
		c.Unit.UpdateOneID(short.ID).SetKind(unit.KindCONSTRUCTION_SITE).SetOpenedOn(date("2025-01-31")).SetPlannedCloseOn(date("2025-07-30")).SaveX(ctx)
		c.Unit.UpdateOneID(long.ID).SetKind(unit.KindCONSTRUCTION_SITE).SetOpenedOn(date("2025-01-31")).SetPlannedCloseOn(date("2025-07-31")).SaveX(ctx)
	})
	shortBranch := r.org("短期工地临时党支部", vocab.Branch, organization.FormationTEMPORARY, r.committee)
	longBranch := r.org("长期工地临时党支部", vocab.Branch, organization.FormationTEMPORARY, r.committee)
	r.cover(shortBranch, short)
	r.cover(longBranch, long)
	if !r.fires(asOf, "STRUCT_TEMPORARY_STALE", shortBranch.ID) {
		t.Error("a temporary branch for a project shorter than SITE_BRANCH_MIN_MONTHS is not reported")
	}
	if r.fires(asOf, "STRUCT_TEMPORARY_STALE", longBranch.ID) {
		t.Error("a temporary branch for a six-month project is reported before its planned close")
	}
	if r.fires("2025-07-31", "STRUCT_TEMPORARY_STALE", longBranch.ID) {
		t.Error("reported on the planned close day")
	}
	if !r.fires("2025-08-01", "STRUCT_TEMPORARY_STALE", longBranch.ID) {
		t.Error("a temporary branch still open the day after its site's planned close is not reported")
	}
}

func TestGridSecretaryMissedTheMonthlyMeeting(t *testing.T) {
	r := newReg(t)
	_, present := r.gridBranch()
	_, absent := r.gridBranch()
	secretaries := r.members(2, member.StatusFULL, nil, r.general)
	r.do(func(c *ent.Client, ctx context.Context) {
		for i, o := range []*ent.Organization{present, absent} {
			a := c.Appointment.Query().Where(appointment.OrganizationID(o.ID)).OnlyX(ctx)
			c.Appointment.UpdateOneID(a.ID).SetMemberID(secretaries[i].ID).SaveX(ctx)
		}
		c.Meeting.Create().SetOrganizationID(r.committee.ID).SetType(vocab.MonthlyMeeting).SetHeldOn(date("2025-06-05")).
			SetExpectedAttendance(2).SetAttendance(1).AddAttendeeIDs(secretaries[0].ID).SaveX(ctx)
	})
	if r.fires(asOf, "LIFE_SECRETARY_TRAINING_MISSED", present.ID) {
		t.Error("a secretary who attended the monthly meeting is reported")
	}
	gaps := r.gaps(asOf, "LIFE_SECRETARY_TRAINING_MISSED")
	if len(gaps) != 1 || subjectID(gaps[0]) != absent.ID || figure(gaps[0], "missed") != 1 {
		t.Fatalf("got %d gaps, want the branch whose secretary missed 1 meeting", len(gaps))
	}
	if gaps[0].Message.Zh == "" || gaps[0].Remedy.En == "" {
		t.Error("the gap has no message or remedy")
	}
	if r.fires("2025-07-06", "LIFE_SECRETARY_TRAINING_MISSED", absent.ID) {
		t.Error("reported after the one-month window passed the meeting")
	}
	if behind(r, present, vocab.MonthlyMeeting) != nil {
		t.Error("a grid branch is still required to hold monthly meetings of its own")
	}
}

func TestTheTableOfTwoNewOrganizations(t *testing.T) {
	r := newReg(t)
	enterprise, social, site := r.unit(), r.unit(), r.unit()
	r.do(func(c *ent.Client, ctx context.Context) {
		c.Unit.UpdateOneID(social.ID).SetKind(unit.KindSOCIAL_ORGANIZATION).SaveX(ctx)
		c.Unit.UpdateOneID(site.ID).SetKind(unit.KindCONSTRUCTION_SITE).SaveX(ctx)
		c.InstructorVisit.Create().SetUnitID(enterprise.ID).SetVisitedOn(date("2024-07-01")).SaveX(ctx)
		c.InstructorVisit.Create().SetUnitID(social.ID).SetVisitedOn(date("2024-06-30")).SaveX(ctx)
	})
	r.members(3, member.StatusFULL, enterprise, r.general)
	r.members(3, member.StatusFULL, site, r.general)
	all := r.report(asOf, nil)
	if all.Units.Total != 3 {
		t.Fatalf("all units: got %d, want 3", all.Units.Total)
	}
	if all.Units.InstructorContacted != 1 {
		t.Errorf("contacted: got %d, want 1 (a visit 12 months ago to the day, not 12 months and a day)", all.Units.InstructorContacted)
	}
	d := date(asOf)
	two, err := r.en.Coverage(policy.System(context.Background()), nil, &d, 1, unit.KindNON_PUBLIC_ENTERPRISE, unit.KindSOCIAL_ORGANIZATION)
	if err != nil {
		t.Fatal(err)
	}
	if two.Units.Total != 2 || two.Units.ShouldOrganize != 1 || two.Units.WithNoMembers != 1 || two.Units.InstructorContacted != 1 {
		t.Errorf("两新 table: got %+v, want 2 units, 1 that should organise, 1 without members, 1 contacted", *two.Units)
	}
	should := 0
	for _, g := range two.Gaps {
		if g.Rule == "ORG_UNIT_SHOULD_ORGANIZE" {
			should = g.Count
		}
	}
	if should != 1 {
		t.Errorf("两新 gaps: got %d ORG_UNIT_SHOULD_ORGANIZE, want 1 (the site's gap left out)", should)
	}
	for _, g := range all.Gaps {
		if g.Rule == "ORG_UNIT_SHOULD_ORGANIZE" && g.Count != 2 {
			t.Errorf("all units: got %d ORG_UNIT_SHOULD_ORGANIZE, want 2", g.Count)
		}
	}
}

func TestTemporaryBranchCountsItsSiteMembers(t *testing.T) {
	r := newReg(t)
	temp := r.org("工地临时党支部", vocab.Branch, organization.FormationTEMPORARY, r.committee)
	site := r.members(51, member.StatusFULL, nil, r.general)
	var ids []int
	for _, m := range site {
		ids = append(ids, m.ID)
	}
	r.do(func(c *ent.Client, ctx context.Context) {
		c.Organization.UpdateOneID(temp.ID).AddSiteMemberIDs(ids...).SaveX(register.On(ctx, date("2025-03-01"), "进场"))
	})
	if r.fires("2025-02-28", "STRUCT_BRANCH_OVERSIZE", temp.ID) {
		t.Error("the site members counted before they joined the site")
	}
	gaps := r.gaps("2025-03-01", "STRUCT_BRANCH_OVERSIZE")
	if len(gaps) != 1 || subjectID(gaps[0]) != temp.ID || figure(gaps[0], "members") != 51 {
		t.Errorf("got %d gaps, want the temporary branch with its 51 site members", len(gaps))
	}
}
