package coverage_test

import (
	"context"
	"testing"

	"jiceng/coverage"
	"jiceng/ent"
	"jiceng/ent/affiliatedorganization"
	"jiceng/ent/appointment"
	"jiceng/ent/member"
	"jiceng/ent/organization"
	"jiceng/ent/term"
	"jiceng/register"
	"jiceng/vocab"
)

func TestUnitsShouldOrganizeFromThreeFullMembers(t *testing.T) {
	r := newReg(t)
	two, three, probationary := r.unit(), r.unit(), r.unit()
	r.members(2, member.StatusFULL, two, r.general)
	r.members(3, member.StatusFULL, three, r.general)
	r.members(2, member.StatusFULL, probationary, r.general)
	r.members(1, member.StatusPROBATIONARY, probationary, r.general)
	if r.fires(asOf, "ORG_UNIT_SHOULD_ORGANIZE", two.ID) {
		t.Error("a unit with 2 full members should not have to organise")
	}
	if !r.fires(asOf, "ORG_UNIT_SHOULD_ORGANIZE", three.ID) {
		t.Error("a unit with 3 full members and no organisation of its own is not reported")
	}
	if r.fires(asOf, "ORG_UNIT_SHOULD_ORGANIZE", probationary.ID) {
		t.Error("a probationary member was counted towards the 3")
	}
	if g := r.gaps(asOf, "ORG_UNIT_SHOULD_ORGANIZE")[0]; figure(g, "fullMembers") != 3 || *g.Figures[0].Threshold != 3 {
		t.Errorf("figures: got %+v, want fullMembers 3 against 3", g.Figures[0])
	}
	t.Run("an organisation of its own ends it", func(t *testing.T) {
		own := r.org("示例企业党支部", vocab.Branch, organization.FormationSTANDALONE, r.committee)
		r.cover(own, three)
		if r.fires(asOf, "ORG_UNIT_SHOULD_ORGANIZE", three.ID) {
			t.Error("still reported after the unit set up its own branch")
		}
	})
}

func TestSmallUnitsNeedAJointBranch(t *testing.T) {
	r := newReg(t)
	alone, joined, attached := r.unit(), r.unit(), r.unit()
	for _, u := range []*ent.Unit{alone, joined, attached} {
		r.members(1, member.StatusFULL, u, r.general)
	}
	joint := r.org("联合党支部", vocab.Branch, organization.FormationJOINT, r.general, r.grid)
	r.cover(joint, joined)
	r.cover(r.general, attached)
	full := r.org("满额联合党支部", vocab.Branch, organization.FormationJOINT, r.general, r.grid)
	for i := 0; i < 5; i++ {
		r.cover(full, r.unit())
	}
	if r.fires(asOf, "ORG_UNIT_NEEDS_JOINT", joined.ID) || r.fires(asOf, "ORG_UNIT_NEEDS_JOINT", attached.ID) {
		t.Error("a unit in a joint branch or attached to the community branch is reported")
	}
	gaps := r.gaps(asOf, "ORG_UNIT_NEEDS_JOINT")
	if len(gaps) != 1 || subjectID(gaps[0]) != alone.ID {
		t.Fatalf("got %d gaps, want only the unit on its own", len(gaps))
	}
	var suggested []string
	for _, o := range gaps[0].Suggestions {
		suggested = append(suggested, o.Name)
	}
	if len(suggested) != 1 || suggested[0] != "联合党支部" {
		t.Errorf("suggestions: got %v, want the joint branch with room (not the one covering 5 units)", suggested)
	}
}

func TestBranchSizeFiftyAndFiftyOne(t *testing.T) {
	r := newReg(t)
	fifty := r.org("五十人党支部", vocab.Branch, organization.FormationTERRITORIAL, r.general)
	fiftyOne := r.org("五十一人党支部", vocab.Branch, organization.FormationTERRITORIAL, r.general)
	r.members(50, member.StatusFULL, nil, fifty)
	r.members(50, member.StatusFULL, nil, fiftyOne)
	r.members(1, member.StatusPROBATIONARY, nil, fiftyOne)
	if r.fires(asOf, "STRUCT_BRANCH_OVERSIZE", fifty.ID) {
		t.Error("a branch of 50 is reported oversize")
	}
	if !r.fires(asOf, "STRUCT_BRANCH_OVERSIZE", fiftyOne.ID) {
		t.Error("a branch of 51 is not reported")
	}
}

func TestJointBranchFiveAndSixUnits(t *testing.T) {
	r := newReg(t)
	five := r.org("五单位联合党支部", vocab.Branch, organization.FormationJOINT, r.general)
	six := r.org("六单位联合党支部", vocab.Branch, organization.FormationJOINT, r.general)
	grown := r.org("含大单位联合党支部", vocab.Branch, organization.FormationJOINT, r.general)
	for i := 0; i < 5; i++ {
		r.cover(five, r.unit())
		r.cover(six, r.unit())
	}
	r.cover(six, r.unit())
	big := r.unit()
	r.members(3, member.StatusFULL, big, grown)
	r.cover(grown, big)
	if r.fires(asOf, "STRUCT_JOINT_OVERWIDE", five.ID) {
		t.Error("a joint branch of 5 units is reported")
	}
	if !r.fires(asOf, "STRUCT_JOINT_OVERWIDE", six.ID) {
		t.Error("a joint branch of 6 units is not reported")
	}
	if !r.fires(asOf, "STRUCT_JOINT_OVERWIDE", grown.ID) {
		t.Error("a joint branch covering a unit with 3 full members is not reported")
	}
}

// meetings records one meeting of the type on each day.
func (r *reg) meetings(o *ent.Organization, typ vocab.MeetingType, days ...string) {
	r.do(func(c *ent.Client, ctx context.Context) {
		for _, d := range days {
			c.Meeting.Create().SetOrganizationID(o.ID).SetType(typ).SetHeldOn(date(d)).
				SetExpectedAttendance(10).SetAttendance(9).SaveX(ctx)
		}
	})
}

// monthly lists the 5th of each of the n months up to June 2025.
func monthly(n int) []string {
	var out []string
	for m := 0; m < n; m++ {
		out = append(out, date("2025-06-05").AddDate(0, -m, 0).Format("2006-01-02"))
	}
	return out
}

func behind(r *reg, o *ent.Organization, typ vocab.MeetingType) *coverage.Gap {
	for _, g := range r.gaps(asOf, "LIFE_MEETINGS_BEHIND") {
		if subjectID(g) == o.ID && g.Key == "LIFE_MEETINGS_BEHIND:"+itoa(o.ID)+":"+string(typ) {
			return g
		}
	}
	return nil
}

func TestMeetingsOnTheFrequencyAndOneMissing(t *testing.T) {
	r := newReg(t)
	_, onTime := r.gridBranch()
	_, oneShort := r.gridBranch()
	_, excused := r.gridBranch()
	r.meetings(onTime, vocab.ThemedPartyDay, monthly(12)...)
	r.meetings(oneShort, vocab.ThemedPartyDay, monthly(11)...)
	if g := behind(r, onTime, vocab.ThemedPartyDay); g != nil {
		t.Errorf("12 themed Party days in 12 months reported behind: %+v", g.Figures)
	}
	g := behind(r, oneShort, vocab.ThemedPartyDay)
	if g == nil {
		t.Fatal("11 themed Party days in 12 months are not reported")
	}
	if figure(g, "held") != 11 || figure(g, "required") != 12 {
		t.Errorf("figures: got %v held of %v required, want 11 of 12", figure(g, "held"), figure(g, "required"))
	}
	if behind(r, excused, vocab.ThemedPartyDay) == nil {
		t.Fatal("a grid branch with no meetings is not reported")
	}
	r.do(func(c *ent.Client, ctx context.Context) {
		c.Exemption.Create().SetOrganizationID(excused.ID).SetMeetingType(vocab.ThemedPartyDay).
			SetReason("网格调整期间暂停").SetStartedOn(date("2025-01-01")).SaveX(ctx)
	})
	if behind(r, excused, vocab.ThemedPartyDay) != nil {
		t.Error("an exemption in force does not silence the rule")
	}
	if behind(r, excused, vocab.PartyLecture) == nil {
		t.Error("the exemption for themed Party days silenced another type")
	}
}

func TestTermEndingYesterdayAndTomorrow(t *testing.T) {
	r := newReg(t)
	ended := r.org("换届逾期党支部", vocab.Branch, organization.FormationSTANDALONE, r.committee)
	ending := r.org("即将换届党支部", vocab.Branch, organization.FormationSTANDALONE, r.committee)
	r.do(func(c *ent.Client, ctx context.Context) {
		c.Term.Create().SetOrganizationID(ended.ID).SetStartedOn(date("2022-06-29")).SetDueOn(date("2025-06-29")).SaveX(ctx)
		c.Term.Create().SetOrganizationID(ending.ID).SetStartedOn(date("2022-07-01")).SetDueOn(date("2025-07-01")).SaveX(ctx)
	})
	if !r.fires(asOf, "LIFE_TERM_EXPIRED", ended.ID) || r.fires(asOf, "LIFE_TERM_EXPIRING", ended.ID) {
		t.Error("a term that ended yesterday is not reported expired")
	}
	if r.fires(asOf, "LIFE_TERM_EXPIRED", ending.ID) || !r.fires(asOf, "LIFE_TERM_EXPIRING", ending.ID) {
		t.Error("a term that ends tomorrow is not reported expiring")
	}
	r.do(func(c *ent.Client, ctx context.Context) {
		tm := c.Term.Query().Where(term.OrganizationID(ended.ID)).OnlyX(ctx)
		c.Term.UpdateOneID(tm.ID).SetRenewedOn(date("2025-06-30")).SaveX(ctx)
	})
	if r.fires(asOf, "LIFE_TERM_EXPIRED", ended.ID) {
		t.Error("a renewed term is still reported")
	}
}

func TestNoSecretary(t *testing.T) {
	r := newReg(t)
	o := r.org("书记调离党支部", vocab.Branch, organization.FormationSTANDALONE, r.committee)
	if r.fires(asOf, "LIFE_NO_SECRETARY", o.ID) {
		t.Fatal("an organisation with a secretary is reported")
	}
	r.do(func(c *ent.Client, ctx context.Context) {
		a := c.Appointment.Query().Where(appointment.OrganizationID(o.ID), appointment.RoleEQ(appointment.RoleSECRETARY)).OnlyX(ctx)
		c.Appointment.UpdateOneID(a.ID).SetEndedOn(date("2025-03-01")).SaveX(ctx)
	})
	if !r.fires(asOf, "LIFE_NO_SECRETARY", o.ID) {
		t.Error("an organisation whose secretary left is not reported")
	}
	if r.fires("2025-02-28", "LIFE_NO_SECRETARY", o.ID) {
		t.Error("reported before the secretary left")
	}
}

func TestBranchCommittee(t *testing.T) {
	r := newReg(t)
	six := r.org("六人党支部", vocab.Branch, organization.FormationTERRITORIAL, r.general)
	seven := r.org("七人党支部", vocab.Branch, organization.FormationTERRITORIAL, r.general)
	r.members(6, member.StatusFULL, nil, six)
	r.members(7, member.StatusFULL, nil, seven)
	if r.fires(asOf, "STRUCT_COMMITTEE_MISSING", six.ID) {
		t.Error("a branch of 6 full members needs no committee")
	}
	if !r.fires(asOf, "STRUCT_COMMITTEE_MISSING", seven.ID) {
		t.Error("a branch of 7 full members with only a secretary is not reported")
	}
	r.do(func(c *ent.Client, ctx context.Context) {
		for _, role := range []appointment.Role{appointment.RoleDEPUTY_SECRETARY, appointment.RoleCOMMITTEE_MEMBER} {
			c.Appointment.Create().SetRole(role).SetOrganizationID(seven.ID).SetHolderName("委员").
				SetStartedOn(date("2024-01-01")).SaveX(ctx)
		}
	})
	if r.fires(asOf, "STRUCT_COMMITTEE_MISSING", seven.ID) {
		t.Error("a branch with a committee of 3 is still reported")
	}
}

func TestTemporaryBranchOutlivesItsSite(t *testing.T) {
	r := newReg(t)
	site := r.unit()
	temp := r.org("工地临时党支部", vocab.Branch, organization.FormationTEMPORARY, r.committee)
	r.cover(temp, site)
	if r.fires(asOf, "STRUCT_TEMPORARY_STALE", temp.ID) {
		t.Fatal("a temporary branch of an open site is reported")
	}
	r.do(func(c *ent.Client, ctx context.Context) {
		c.Unit.UpdateOneID(site.ID).SetClosedOn(date("2025-05-01")).SaveX(ctx)
	})
	if !r.fires(asOf, "STRUCT_TEMPORARY_STALE", temp.ID) {
		t.Error("a temporary branch whose site closed is not reported")
	}
}

func TestWorkCoverage(t *testing.T) {
	r := newReg(t)
	var empty, peopled *ent.Area
	r.do(func(c *ent.Client, ctx context.Context) {
		empty = c.Area.Create().SetName("空网格").SetKind("GRID").SetParentID(r.community.ID).SaveX(ctx)
		peopled = c.Area.Create().SetName("有人网格").SetKind("GRID").SetParentID(r.community.ID).SetResidents(300).SaveX(ctx)
	})
	covered, _ := r.gridBranch()
	if r.fires(asOf, "WORK_GRID_UNCOVERED", empty.ID) || r.fires(asOf, "WORK_GRID_UNCOVERED", covered.ID) {
		t.Error("a grid with no residents, or with a grid branch, is reported")
	}
	if !r.fires(asOf, "WORK_GRID_UNCOVERED", peopled.ID) {
		t.Error("a grid with residents and no organisation is not reported")
	}
	var bare *ent.Area
	r.do(func(c *ent.Client, ctx context.Context) {
		bare = c.Area.Create().SetName("二号社区").SetKind("COMMUNITY").SetParentID(r.sub.ID).SaveX(ctx)
	})
	if !r.fires(asOf, "WORK_COMMUNITY_UNORGANIZED", bare.ID) || r.fires(asOf, "WORK_COMMUNITY_UNORGANIZED", r.community.ID) {
		t.Error("WORK_COMMUNITY_UNORGANIZED: want the community without an organisation only")
	}

	unreached, unionOnly, instructed := r.unit(), r.unit(), r.unit()
	r.do(func(c *ent.Client, ctx context.Context) {
		c.AffiliatedOrganization.Create().SetName("工会").SetKind(affiliatedorganization.KindUNION).SetUnitID(unionOnly.ID).SaveX(ctx)
		c.Appointment.Create().SetRole(appointment.RolePARTY_BUILDING_INSTRUCTOR).SetUnitID(instructed.ID).
			SetHolderName("指导员").SetStartedOn(date("2024-01-01")).SaveX(ctx)
	})
	if !r.fires(asOf, "WORK_UNIT_UNREACHED", unreached.ID) {
		t.Error("a unit with no members and nothing reaching it is not reported")
	}
	if r.fires(asOf, "WORK_UNIT_UNREACHED", unionOnly.ID) || r.fires(asOf, "WORK_UNIT_UNREACHED", instructed.ID) {
		t.Error("a unit reached by its union or an instructor is reported")
	}
}

func TestMembersAttachedReportingAndLiving(t *testing.T) {
	r := newReg(t)
	grid, branch := r.gridBranch()
	_ = grid
	pocket := r.members(1, member.StatusFULL, nil, nil)[0]
	attended := r.members(1, member.StatusFULL, nil, branch)[0]
	absent := r.members(1, member.StatusFULL, nil, branch)[0]
	var mobile, silent *ent.Member
	r.do(func(c *ent.Client, ctx context.Context) {
		for _, m := range []**ent.Member{&mobile, &silent} {
			*m = c.Member.Create().SetName(r.name("流动党员")).SetGender(member.GenderFEMALE).SetStatus(member.StatusFULL).
				SetCategory(member.CategoryMOBILE).SetMobility(member.MobilityOUTFLOW).SetJoinedPartyOn(date("2012-07-01")).SaveX(ctx)
			c.Membership.Create().SetMemberID((*m).ID).SetOrganizationID(branch.ID).SetStartedOn(date("2016-01-01")).
				SetStartReason("TRANSFERRED_IN").SaveX(ctx)
		}
		c.MobileReport.Create().SetMemberID(mobile.ID).SetReportedOn(date("2025-06-10")).SaveX(ctx)
		c.MobileReport.Create().SetMemberID(silent.ID).SetReportedOn(date("2025-04-10")).SaveX(ctx)
		// A meeting with a roll: attended was there 5 months ago, absent 7 months ago.
		m1 := c.Meeting.Create().SetOrganizationID(branch.ID).SetType(vocab.MembersAssembly).SetHeldOn(date("2025-01-20")).
			SetExpectedAttendance(4).SetAttendance(1).AddAttendeeIDs(attended.ID).SaveX(ctx)
		m2 := c.Meeting.Create().SetOrganizationID(branch.ID).SetType(vocab.MembersAssembly).SetHeldOn(date("2024-11-20")).
			SetExpectedAttendance(4).SetAttendance(1).AddAttendeeIDs(absent.ID).SaveX(ctx)
		_, _ = m1, m2
	})
	if !r.fires(asOf, "ORG_MEMBER_UNATTACHED", pocket.ID) || r.fires(asOf, "ORG_MEMBER_UNATTACHED", attended.ID) {
		t.Error("ORG_MEMBER_UNATTACHED: want the pocket member only")
	}
	if r.fires(asOf, "ORG_MOBILE_REPORT_OVERDUE", mobile.ID) {
		t.Error("a mobile member who reported this month is reported overdue")
	}
	overdue := r.gaps(asOf, "ORG_MOBILE_REPORT_OVERDUE")
	if len(overdue) != 1 || subjectID(overdue[0]) != silent.ID || figure(overdue[0], "monthsSinceReport") != 2 {
		t.Errorf("ORG_MOBILE_REPORT_OVERDUE: got %d gaps, want the member silent for 2 months", len(overdue))
	}
	if r.fires(asOf, "ORG_MEMBER_LAPSE_RISK", attended.ID) {
		t.Error("a member who attended 5 months ago is at risk")
	}
	lapsed := r.gaps(asOf, "ORG_MEMBER_LAPSE_RISK")
	if len(lapsed) != 1 || subjectID(lapsed[0]) != absent.ID || lapsed[0].Severity != coverage.Critical {
		t.Fatalf("ORG_MEMBER_LAPSE_RISK: got %d gaps, want the member last present 7 months ago, CRITICAL", len(lapsed))
	}
	if got := figure(lapsed[0], "monthsWithoutLife"); got != 7 {
		t.Errorf("monthsWithoutLife: got %v, want 7", got)
	}
}

func TestSettingsChangeTheAnswer(t *testing.T) {
	r := newReg(t)
	u := r.unit()
	r.members(3, member.StatusFULL, u, r.general)
	if !r.fires(asOf, "ORG_UNIT_SHOULD_ORGANIZE", u.ID) {
		t.Fatal("a unit with 3 full members is not reported by default")
	}
	r.do(func(c *ent.Client, ctx context.Context) {
		s := c.RuleSetting.Query().AllX(ctx)
		for _, row := range s {
			if row.Key == "ORG_REQUIRED_FULL_MEMBERS" {
				// A correction that holds for every day asked.
				c.RuleSetting.UpdateOneID(row.ID).SetValue(4).SaveX(register.On(ctx, register.Beginning, ""))
			}
		}
	})
	if r.fires(asOf, "ORG_UNIT_SHOULD_ORGANIZE", u.ID) {
		t.Error("after the threshold became 4, a unit with 3 is still reported")
	}
	if !r.fires(asOf, "ORG_UNIT_NEEDS_JOINT", u.ID) {
		t.Error("after the threshold became 4, a unit with 3 should need a joint branch")
	}
}
