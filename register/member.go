package register

import (
	"context"
	"fmt"

	"jiceng/ent"
	"jiceng/ent/area"
	"jiceng/ent/member"
	"jiceng/ent/membership"
	"jiceng/ent/organization"
	"jiceng/vocab"
)

// CheckMember checks a member as written: a direction exactly when mobile,
// a Party group that is one, a grid of residence that is a grid, and a
// date of joining after the date of birth.
func CheckMember(ctx context.Context, c *ent.Client, m *ent.Member) error {
	switch {
	case m.Category == member.CategoryMOBILE && m.Mobility == nil:
		return invalid("mobility", "MOBILITY_REQUIRED", "流动党员须选择流动情况：流出或流入", "a MOBILE member needs a direction, OUTFLOW or INFLOW")
	case m.Category != member.CategoryMOBILE && m.Mobility != nil:
		return invalid("mobility", "MOBILITY_NOT_MOBILE", "只有流动党员有流动情况；该党员是%[1]s", "only a MOBILE member has a direction; this member is %s", m.Category)
	}
	if m.BornOn != nil && !m.JoinedPartyOn.After(*m.BornOn) {
		return invalid("joinedPartyOn", "JOINED_BEFORE_BIRTH", "入党日期%[1]s不晚于出生日期%[2]s", "%s is not after the date of birth %s", day(m.JoinedPartyOn), day(*m.BornOn))
	}
	switch {
	case m.Status == member.StatusFULL && m.ConfirmedOn == nil:
		return invalid("confirmedOn", "CONFIRMED_ON_REQUIRED", "正式党员须填写转正日期", "a FULL member needs the day they were confirmed")
	case m.Status != member.StatusFULL && m.ConfirmedOn != nil:
		return invalid("confirmedOn", "CONFIRMED_ON_NOT_FULL", "只有正式党员有转正日期；该党员是%[1]s", "only a FULL member has a confirmation date; this member is %s", m.Status)
	}
	if err := checkConfirmation(m.JoinedPartyOn, m.ConfirmedOn); err != nil {
		return err
	}
	if m.PartyGroupID != nil {
		g, err := c.Organization.Get(ctx, *m.PartyGroupID)
		if err != nil {
			return fmt.Errorf("loading Party group: %w", err)
		}
		if g.Kind != vocab.PartyGroup {
			return invalid("partyGroupID", "NOT_PARTY_GROUP", "%[1]s是%[2]s，不是党小组", "%s is a %s, not a PARTY_GROUP", g.Name, g.Kind)
		}
	}
	if m.ResidenceGridID != nil {
		return mustBeArea(ctx, c, "residenceGridID", *m.ResidenceGridID, area.KindGRID)
	}
	return nil
}

// CheckMembership checks where a member's relationship sits: dates in order
// with an end reason exactly when ended, not in a Party group, not before
// the member joined or the organisation existed, and never two at once.
func CheckMembership(ctx context.Context, c *ent.Client, ms *ent.Membership) error {
	if err := notBefore("endedOn", ms.EndedOn, "startedOn", ms.StartedOn); err != nil {
		return err
	}
	switch {
	case ms.EndedOn != nil && ms.EndReason == nil:
		return invalid("endReason", "END_REASON_REQUIRED", "已结束的组织关系须填写结束原因", "an ended membership needs the reason it ended")
	case ms.EndedOn == nil && ms.EndReason != nil:
		return invalid("endedOn", "ENDED_ON_REQUIRED", "填写了结束原因的组织关系须填写结束日期", "a membership with an end reason needs the date it ended")
	}
	m, err := c.Member.Get(ctx, ms.MemberID)
	if err != nil {
		return fmt.Errorf("loading member: %w", err)
	}
	if ms.StartedOn.Before(m.JoinedPartyOn) {
		return invalid("startedOn", "BEFORE_JOINED", "%[1]s早于%[2]s的入党日期%[3]s", "%s is before %s joined the Party on %s", day(ms.StartedOn), m.Name, day(m.JoinedPartyOn))
	}
	org, err := c.Organization.Get(ctx, ms.OrganizationID)
	if err != nil {
		return fmt.Errorf("loading organisation: %w", err)
	}
	if org.Kind == vocab.PartyGroup {
		return invalid("organizationID", "RELATIONSHIP_IN_GROUP", "%[1]s是党小组；组织关系应在党支部，党小组在党员信息中填写", "%s is a PARTY_GROUP; a relationship sits in the branch, and the group is set on the member", org.Name)
	}
	if org.Formation == organization.FormationTEMPORARY {
		return invalid("organizationID", "RELATIONSHIP_IN_TEMPORARY", "%[1]s是临时党支部，组织关系不转入（《支部工作条例》第五条）；请保留党员原组织关系，并将其加入该支部的参加活动党员", "%s is a TEMPORARY branch: relationships are not transferred into it (支部工作条例 Art. 5); "+
			"keep the membership in the member's own organisation and add the member to the branch's siteMemberIDs", org.Name)
	}
	if ms.StartedOn.Before(org.EstablishedOn) {
		return invalid("startedOn", "BEFORE_ESTABLISHED", "%[1]s早于%[2]s的成立日期%[3]s", "%s is before %s was established on %s", day(ms.StartedOn), org.Name, day(org.EstablishedOn))
	}
	if org.DissolvedOn != nil && (ms.EndedOn == nil || ms.EndedOn.After(*org.DissolvedOn)) {
		return conflict("organizationID", "DISSOLVED", "%[1]s已于%[2]s撤销", "%s was dissolved on %s", org.Name, day(*org.DissolvedOn))
	}
	others, err := c.Membership.Query().
		Where(membership.MemberID(ms.MemberID), membership.IDNEQ(ms.ID)).
		WithOrganization().
		All(ctx)
	if err != nil {
		return fmt.Errorf("loading memberships: %w", err)
	}
	for _, o := range others {
		if overlaps(ms.StartedOn, ms.EndedOn, o.StartedOn, o.EndedOn) {
			return conflict("memberID", "MEMBERSHIP_EXISTS", "%[1]s已有在%[2]s的组织关系（%[3]s%[4]s），请办理转接", "%s already has a membership in %s from %s%s; transfer the member instead",
				m.Name, o.Edges.Organization.Name, day(o.StartedOn), endText(o.EndedOn))
		}
	}
	return nil
}

// CheckMobileReport checks a monthly report: only mobile members report.
func CheckMobileReport(ctx context.Context, c *ent.Client, r *ent.MobileReport) error {
	m, err := c.Member.Get(ctx, r.MemberID)
	if err != nil {
		return fmt.Errorf("loading member: %w", err)
	}
	if m.Category != member.CategoryMOBILE {
		return invalid("memberID", "NOT_MOBILE", "%[1]s是%[2]s；只有流动党员按月报告", "%s is %s; only MOBILE members report monthly", m.Name, m.Category)
	}
	return nil
}
