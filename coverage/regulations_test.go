package coverage_test

import (
	"context"
	"testing"

	"jiceng/calendar"
	"jiceng/ent"
	"jiceng/ent/member"
	"jiceng/ent/membership"
	"jiceng/ent/organization"
	"jiceng/ent/rulesetting"
	"jiceng/policy"
	"jiceng/register"
	"jiceng/vocab"
)

// Boundary tests of the rules as the regulations state them (issue 8).

func TestSixMonthsBeforeTheThirtyFirstOfAugustIsTheEndOfFebruary(t *testing.T) {
	r := newReg(t)
	_, branch := r.gridBranch()
	absent := r.members(1, member.StatusFULL, nil, branch)[0]
	r.do(func(c *ent.Client, ctx context.Context) {
		c.Meeting.Create().SetOrganizationID(branch.ID).SetType(vocab.MembersAssembly).SetHeldOn(date("2025-03-01")).
			SetExpectedAttendance(2).SetAttendance(1).AddAttendeeIDs(absent.ID).SaveX(ctx)
	})
	if got := calendar.AddMonths(date("2025-08-31"), -6); !got.Equal(date("2025-02-28")) {
		t.Fatalf("six months before 31 August 2025: got %s, want 2025-02-28", got.Format("2006-01-02"))
	}
	// On 31 August the window opens after 28 February, so life on 1 March
	// is inside it (AddDate would open it after 3 March).
	if r.fires("2025-08-31", "ORG_MEMBER_LAPSE_RISK", absent.ID) {
		t.Error("31 August: a member last present on 1 March is at risk before six calendar months")
	}
	if !r.fires("2025-09-01", "ORG_MEMBER_LAPSE_RISK", absent.ID) {
		t.Error("1 September: a member last present on 1 March is not at risk after six calendar months")
	}
}

func TestLapseCountsTheMembersOwnSixMonths(t *testing.T) {
	r := newReg(t)
	_, from := r.gridBranch()
	_, to := r.gridBranch()
	_, metWithoutRoll := r.gridBranch()
	grouped := r.org("党小组", vocab.PartyGroup, organization.FormationTERRITORIAL, to)
	ungrouped := r.members(1, member.StatusFULL, nil, to)[0]
	withGroup := r.members(1, member.StatusFULL, nil, to)[0]
	moved := r.members(1, member.StatusFULL, nil, from)[0]
	movedAfterRollless := r.members(1, member.StatusFULL, nil, metWithoutRoll)[0]
	r.do(func(c *ent.Client, ctx context.Context) {
		c.Member.UpdateOneID(withGroup.ID).SetPartyGroupID(grouped.ID).SaveX(register.On(ctx, date("2016-01-01"), ""))
		// The two who moved were transferred from one branch to the other on 1 March 2025.
		for _, m := range []*ent.Member{moved, movedAfterRollless} {
			ms := c.Membership.Query().Where(membership.MemberID(m.ID)).OnlyX(ctx)
			c.Membership.UpdateOneID(ms.ID).SetEndedOn(date("2025-03-01")).SetEndReason(membership.EndReasonTRANSFERRED_OUT).SaveX(ctx)
			c.Membership.Create().SetMemberID(m.ID).SetOrganizationID(to.ID).SetStartedOn(date("2025-03-01")).
				SetStartReason(membership.StartReasonTRANSFERRED_IN).SaveX(ctx)
		}
		// Everyone but movedAfterRollless attended on 30 December 2024 (a roll kept).
		c.Meeting.Create().SetOrganizationID(to.ID).SetType(vocab.MembersAssembly).SetHeldOn(date("2024-12-30")).
			SetExpectedAttendance(3).SetAttendance(3).AddAttendeeIDs(ungrouped.ID, withGroup.ID, moved.ID).SaveX(ctx)
		// The old branch met without a roll on 20 January 2025, while movedAfterRollless was there.
		c.Meeting.Create().SetOrganizationID(metWithoutRoll.ID).SetType(vocab.MembersAssembly).SetHeldOn(date("2025-01-20")).
			SetExpectedAttendance(2).SetAttendance(2).SaveX(ctx)
	})
	for _, m := range []*ent.Member{ungrouped, withGroup, moved} {
		if r.fires("2025-06-29", "ORG_MEMBER_LAPSE_RISK", m.ID) {
			t.Errorf("%s: at risk on 29 June, six months minus a day after the last life", m.Name)
		}
		if !r.fires("2025-06-30", "ORG_MEMBER_LAPSE_RISK", m.ID) {
			t.Errorf("%s: not at risk on 30 June, exactly six months after the last life", m.Name)
		}
	}
	if r.fires("2025-07-19", "ORG_MEMBER_LAPSE_RISK", movedAfterRollless.ID) {
		t.Error("the life in the previous branch (met without a roll) does not count")
	}
	if !r.fires("2025-07-20", "ORG_MEMBER_LAPSE_RISK", movedAfterRollless.ID) {
		t.Error("a member transferred in four months ago is not at risk six months after the last life in the previous branch")
	}
	for _, g := range r.gaps("2025-06-30", "ORG_MEMBER_LAPSE_RISK") {
		if subjectID(g) == moved.ID && figure(g, "monthsWithoutLife") != 6 {
			t.Errorf("monthsWithoutLife: got %v, want 6", figure(g, "monthsWithoutLife"))
		}
	}
}

func TestTermsByKind(t *testing.T) {
	r := newReg(t)
	enterprise := r.org("企业党支部", vocab.Branch, organization.FormationSTANDALONE, r.committee)
	_, grid := r.gridBranch()
	community := r.org("二号社区党委", vocab.CommunityCommittee, organization.FormationTERRITORIAL, r.committee)
	basic := r.org("企业党委", vocab.Committee, organization.FormationSTANDALONE, r.committee)
	group := r.org("党小组", vocab.PartyGroup, organization.FormationTERRITORIAL, grid)
	temporary := r.org("工地临时党支部", vocab.Branch, organization.FormationTEMPORARY, r.committee)
	// Organisations established on 2015-01-01 with no term recorded: a term
	// of 3 years ends 2018-01-01, of 5 years 2020-01-01.
	three := map[*ent.Organization]bool{enterprise: true, grid: false, community: false, basic: false}
	for o, threeYears := range three {
		if got := r.fires("2017-12-31", "LIFE_TERM_EXPIRED", o.ID); got {
			t.Errorf("%s: expired before three years", o.Name)
		}
		if got := r.fires("2018-01-01", "LIFE_TERM_EXPIRED", o.ID); got != threeYears {
			t.Errorf("%s after three years: expired %v, want %v", o.Name, got, threeYears)
		}
		if got := r.fires("2019-12-31", "LIFE_TERM_EXPIRED", o.ID); got != threeYears {
			t.Errorf("%s after four years: expired %v, want %v", o.Name, got, threeYears)
		}
		if !r.fires("2020-01-01", "LIFE_TERM_EXPIRED", o.ID) {
			t.Errorf("%s: not expired after five years", o.Name)
		}
	}
	for _, o := range []*ent.Organization{group, temporary, r.committee} {
		if r.fires("2025-06-30", "LIFE_TERM_EXPIRED", o.ID) {
			t.Errorf("%s has no elected committee but its term is reported expired", o.Name)
		}
	}
	t.Run("a postponement moves the due date", func(t *testing.T) {
		o := r.org("延期换届党支部", vocab.Branch, organization.FormationSTANDALONE, r.committee)
		var tm *ent.Term
		r.do(func(c *ent.Client, ctx context.Context) {
			tm = c.Term.Create().SetOrganizationID(o.ID).SetStartedOn(date("2022-03-01")).SetDueOn(date("2025-03-01")).
				SetPostponedTo(date("2025-09-01")).SetPostponementReason("项目搬迁，经上级党组织批准").SaveX(ctx)
		})
		if r.fires("2025-08-31", "LIFE_TERM_EXPIRED", o.ID) {
			t.Error("reported expired before the approved postponement ends")
		}
		if !r.fires("2025-09-01", "LIFE_TERM_EXPIRED", o.ID) {
			t.Error("not reported expired when the approved postponement ends")
		}
		postpone := func(to string) error {
			ctx := policy.System(context.Background())
			return register.InTx(ctx, r.st.Client, func(c *ent.Client) error {
				_, err := c.Term.UpdateOneID(tm.ID).SetPostponedTo(date(to)).Save(ctx)
				return err
			})
		}
		if err := postpone("2026-03-02"); err == nil || !contains(err.Error(), "TERM_MAX_POSTPONE_MONTHS") {
			t.Errorf("a postponement of 12 months and a day: got %v, want a refusal naming TERM_MAX_POSTPONE_MONTHS", err)
		}
		if err := postpone("2026-03-01"); err != nil {
			t.Errorf("a postponement of 12 months: got %v, want it accepted", err)
		}
	})
}

func TestExternalRelationshipIsNotAPocketMember(t *testing.T) {
	r := newReg(t)
	u := r.unit()
	pocket := r.members(1, member.StatusFULL, u, nil)[0]
	var external *ent.Member
	r.do(func(c *ent.Client, ctx context.Context) {
		external = c.Member.Create().SetName("外地关系党员").SetGender(member.GenderMALE).SetStatus(member.StatusFULL).
			SetCategory(member.CategoryIN_SERVICE).SetJoinedPartyOn(date("2010-01-01")).SetWorkUnitID(u.ID).
			SetExternalOrganization("乌鲁木齐某党支部").SaveX(register.On(ctx, date("2020-01-01"), ""))
	})
	if !r.fires(asOf, "ORG_MEMBER_UNATTACHED", pocket.ID) {
		t.Error("the pocket member is not reported")
	}
	if r.fires(asOf, "ORG_MEMBER_UNATTACHED", external.ID) {
		t.Error("a member whose relationship is held outside the sub-district is reported as a pocket member")
	}
	rep := r.report(asOf, nil)
	if rep.Units.MembersNotTransferredIn != 1 || rep.Members.Unattached != 1 {
		t.Errorf("roll-ups: got %d not transferred in and %d unattached, want 1 and 1",
			rep.Units.MembersNotTransferredIn, rep.Members.Unattached)
	}
}

func TestProbationaryOnlyUnitsAgreeWithTheTable(t *testing.T) {
	r := newReg(t)
	probationary, one, attached := r.unit(), r.unit(), r.unit()
	r.members(2, member.StatusPROBATIONARY, probationary, r.general)
	r.members(1, member.StatusFULL, one, r.general)
	r.members(1, member.StatusPROBATIONARY, attached, r.general)
	r.cover(r.general, attached)
	if !r.fires(asOf, "ORG_UNIT_NEEDS_JOINT", probationary.ID) {
		t.Error("a unit whose only members are probationary gets no gap")
	}
	rep := r.report(asOf, nil)
	gaps := r.gaps(asOf, "ORG_UNIT_NEEDS_JOINT")
	if want := rep.Units.WithOneOrTwoMembers - 1; len(gaps) != want || want != 2 {
		t.Errorf("ORG_UNIT_NEEDS_JOINT: got %d gaps, want the %d units with one or two members less the affiliated one (2)",
			len(gaps), rep.Units.WithOneOrTwoMembers)
	}
}

func contains(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return true
		}
	}
	return false
}

func TestAnUpgradedRegisterNoLongerRequiresGridMonthlyMeetings(t *testing.T) {
	r := newReg(t)
	kind := vocab.GridBranch
	old := "A GRID_BRANCH holds MONTHLY_MEETING at least 1 time(s) every 1 month(s)."
	r.do(func(c *ent.Client, ctx context.Context) {
		c.RuleSetting.Create().SetKey("MEETING_MONTHLY_MEETING").SetOrganizationKind(kind).SetValue(1).SetPeriodMonths(1).
			SetDescription(old).SetSource("阜新街道 practice (the talk)").SaveX(ctx)
		c.RuleSetting.Query().Where(rulesetting.Key("SITE_BRANCH_MIN_MONTHS")).OnlyX(ctx).Update().
			SetDescription("A site … (A reference value of the regulation; no coverage rule reads it yet.)").SaveX(ctx)
	})
	ctx := policy.System(context.Background())
	if err := register.SeedSettings(ctx, r.st.Client); err != nil {
		t.Fatal(err)
	}
	monthly := r.st.Client.RuleSetting.Query().Where(rulesetting.Key("MEETING_MONTHLY_MEETING"), rulesetting.OrganizationKindEQ(kind)).OnlyX(ctx)
	if monthly.Value != 0 {
		t.Errorf("grid branches' monthly meetings: got %v required, want 0", monthly.Value)
	}
	site := r.st.Client.RuleSetting.Query().Where(rulesetting.Key("SITE_BRANCH_MIN_MONTHS")).OnlyX(ctx)
	if contains(site.Description, "reads it yet") {
		t.Errorf("description: got %q, want today's", site.Description)
	}
}
