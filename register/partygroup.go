package register

import (
	"context"
	"fmt"
	"time"

	"jiceng/ent"
	"jiceng/ent/appointment"
	"jiceng/ent/membership"
	"jiceng/ent/organization"
	"jiceng/vocab"
)

// PartyGroup sets up a Party group (党小组) inside an organisation, with its
// members and, where named, its leader.
type PartyGroup struct {
	ParentID  int
	Name      string
	On        time.Time
	MemberIDs []int
	// LeaderID is the member designated group leader (组长); one of MemberIDs.
	LeaderID *int
}

// CreatePartyGroup creates the group under its parent from On, moves the
// members named into it (each must hold a relationship in the parent on
// that day) and appoints the leader, in the caller's transaction. c must be
// a transaction's client.
func CreatePartyGroup(ctx context.Context, c *ent.Client, g PartyGroup) (*ent.Organization, error) {
	parent, err := c.Organization.Get(ctx, g.ParentID)
	if ent.IsNotFound(err) {
		return nil, notFound("parentID", "ORGANIZATION_NOT_FOUND", "找不到上级党组织", "no Organization has ID %d", g.ParentID)
	} else if err != nil {
		return nil, fmt.Errorf("loading organisation: %w", err)
	}
	if g.LeaderID != nil && !containsInt(g.MemberIDs, *g.LeaderID) {
		return nil, Fail(Invalid, "leaderID", "LEADER_NOT_IN_GROUP",
			"党小组组长须是党小组成员", "The group leader must be one of the group's members")
	}
	for _, id := range g.MemberIDs {
		held, err := c.Membership.Query().Where(
			membership.MemberID(id), membership.OrganizationID(parent.ID),
			membership.StartedOnLTE(g.On),
			membership.Or(membership.EndedOnIsNil(), membership.EndedOnGT(g.On)),
		).Exist(ctx)
		if err != nil {
			return nil, fmt.Errorf("loading membership: %w", err)
		}
		if !held {
			name := fmt.Sprint(id)
			if m, err := c.Member.Get(ctx, id); err == nil {
				name = m.Name
			}
			return nil, Fail(Invalid, "memberIDs", "GROUP_MEMBER_ELSEWHERE",
				fmt.Sprintf("%s在%s当日不在%s", name, day(g.On), parent.Name),
				fmt.Sprintf("%s is not a member of %s on %s", name, parent.Name, day(g.On)))
		}
	}
	group, err := c.Organization.Create().
		SetName(g.Name).SetKind(vocab.PartyGroup).SetFormation(organization.FormationTERRITORIAL).
		SetEstablishedOn(g.On).SetParentID(parent.ID).Save(ctx)
	if err != nil {
		return nil, renameField(err, "establishedOn", "on")
	}
	dated := On(ctx, g.On, "")
	for _, id := range g.MemberIDs {
		if _, err := c.Member.UpdateOneID(id).SetPartyGroupID(group.ID).Save(dated); err != nil {
			return nil, renameField(err, "partyGroupID", "memberIDs")
		}
	}
	if g.LeaderID != nil {
		_, err := c.Appointment.Create().SetRole(appointment.RoleGROUP_LEADER).
			SetOrganizationID(group.ID).SetMemberID(*g.LeaderID).SetStartedOn(g.On).Save(ctx)
		if err != nil {
			return nil, renameField(err, "memberID", "leaderID")
		}
	}
	return group, nil
}

func containsInt(xs []int, x int) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}
