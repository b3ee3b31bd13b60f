package register

import (
	"context"
	"fmt"
	"time"

	"jiceng/ent"
	"jiceng/ent/member"
	"jiceng/ent/membership"
	"jiceng/ent/organization"
	"jiceng/ent/unitcoverage"
	"jiceng/vocab"
)

// Rehoming dissolves an organisation after moving what still hangs off it:
// its members' relationships, the units it covers and the organisations
// below it.
type Rehoming struct {
	OrganizationID int
	On             time.Time
	Reason         string
	// MembersTo receives the current members' relationships (a transfer on On).
	MembersTo *int
	// UnitsTo covers the units from On; nil ends their coverage only.
	UnitsTo *int
	// ChildrenTo becomes the parent of the organisations below from On.
	ChildrenTo *int
}

// DissolveRehoming moves the members, units and child organisations of an
// organisation where r says, then dissolves it (DissolveOrganization), all
// in the caller's transaction: if any step fails, nothing is written. c
// must be a transaction's client.
func DissolveRehoming(ctx context.Context, c *ent.Client, r Rehoming) (*ent.Organization, error) {
	org, err := c.Organization.Get(ctx, r.OrganizationID)
	if ent.IsNotFound(err) {
		return nil, notFound("organizationID", "ORGANIZATION_NOT_FOUND", "找不到该党组织", "no Organization has ID %d", r.OrganizationID)
	} else if err != nil {
		return nil, fmt.Errorf("loading organisation: %w", err)
	}
	for _, to := range []*int{r.MembersTo, r.UnitsTo, r.ChildrenTo} {
		if to != nil && *to == org.ID {
			return nil, Fail(Invalid, "organizationID", "REHOME_TO_ITSELF",
				fmt.Sprintf("%s不能安置到它自己", org.Name),
				fmt.Sprintf("%s cannot take what it gives up", org.Name))
		}
	}
	ctx = On(ctx, r.On, r.Reason)
	t, err := RehomingOf(ctx, c, org)
	if err != nil {
		return nil, err
	}
	if err := rehomeMembers(ctx, c, org, t.Memberships, r); err != nil {
		return nil, err
	}
	if err := rehomeUnits(ctx, c, t.Links, r); err != nil {
		return nil, err
	}
	if err := rehomeChildren(ctx, c, org, t.Children, r); err != nil {
		return nil, err
	}
	return DissolveOrganization(ctx, c, Dissolution{OrganizationID: org.ID, On: r.On, Reason: r.Reason})
}

// ToRehome is what a dissolution of an organisation moves, whatever its
// day: the memberships still open (their relationships transfer), the
// coverage links still open (they end, or pass to another organisation)
// and the organisations below not dissolved (they move under another).
// DissolveRehoming moves exactly these, and the dissolve dialog lists them
// (Organization.toRehome). Whatever of them ends after the day still blocks
// the dissolution (NOT_EMPTY).
type ToRehome struct {
	Memberships []*ent.Membership
	Links       []*ent.UnitCoverage
	Children    []*ent.Organization
}

// RehomingOf reads what a dissolution of org moves (ToRehome), oldest first.
func RehomingOf(ctx context.Context, c *ent.Client, org *ent.Organization) (*ToRehome, error) {
	var t ToRehome
	var err error
	t.Memberships, err = c.Membership.Query().
		Where(membership.OrganizationID(org.ID), membership.EndedOnIsNil()).
		Order(ent.Asc(membership.FieldStartedOn), ent.Asc(membership.FieldID)).All(ctx)
	if err != nil {
		return nil, fmt.Errorf("loading memberships: %w", err)
	}
	t.Links, err = c.UnitCoverage.Query().
		Where(unitcoverage.OrganizationID(org.ID), unitcoverage.EndedOnIsNil()).
		Order(ent.Asc(unitcoverage.FieldStartedOn), ent.Asc(unitcoverage.FieldID)).All(ctx)
	if err != nil {
		return nil, fmt.Errorf("loading unit coverage: %w", err)
	}
	t.Children, err = c.Organization.Query().
		Where(organization.ParentID(org.ID), organization.DissolvedOnIsNil()).
		Order(ent.Asc(organization.FieldID)).All(ctx)
	if err != nil {
		return nil, fmt.Errorf("loading child organisations: %w", err)
	}
	return &t, nil
}

func rehomeMembers(ctx context.Context, c *ent.Client, org *ent.Organization, current []*ent.Membership, r Rehoming) error {
	if len(current) > 0 && r.MembersTo == nil {
		return Fail(Invalid, "membersTo", "REHOME_MEMBERS_MISSING",
			fmt.Sprintf("%s还有%d名党员，请选择他们的组织关系转入的组织", org.Name, len(current)),
			fmt.Sprintf("%s still has %d members: choose the organisation their relationships move to", org.Name, len(current)))
	}
	note := r.Reason
	for _, m := range current {
		t := Transfer{MemberID: m.MemberID, ToOrganizationID: r.MembersTo, On: r.On, Reason: TransferIndividual, Note: &note}
		if _, err := TransferMember(ctx, c, t); err != nil {
			return renameField(renameField(err, "toOrganizationID", "membersTo"), "memberID", "membersTo")
		}
	}
	if org.Kind == vocab.PartyGroup {
		// The group's members leave it; their relationships stay where they are.
		grouped, err := c.Member.Query().Where(member.PartyGroupID(org.ID)).All(ctx)
		if err != nil {
			return fmt.Errorf("loading group members: %w", err)
		}
		for _, m := range grouped {
			if _, err := m.Update().ClearPartyGroup().Save(ctx); err != nil {
				return err
			}
		}
	}
	return nil
}

func rehomeUnits(ctx context.Context, c *ent.Client, links []*ent.UnitCoverage, r Rehoming) error {
	for _, l := range links {
		if _, err := l.Update().SetEndedOn(maxTime(r.On, l.StartedOn)).Save(ctx); err != nil {
			return err
		}
		if r.UnitsTo == nil {
			continue
		}
		_, err := c.UnitCoverage.Create().
			SetOrganizationID(*r.UnitsTo).SetUnitID(l.UnitID).SetStartedOn(r.On).SetNote(r.Reason).Save(ctx)
		if err != nil {
			return renameField(err, "organizationID", "unitsTo")
		}
	}
	return nil
}

func rehomeChildren(ctx context.Context, c *ent.Client, org *ent.Organization, children []*ent.Organization, r Rehoming) error {
	if len(children) > 0 && r.ChildrenTo == nil {
		return Fail(Invalid, "childrenTo", "REHOME_CHILDREN_MISSING",
			fmt.Sprintf("%s下还有%d个组织，请选择它们划归的组织", org.Name, len(children)),
			fmt.Sprintf("%s still has %d organisations below it: choose where they move", org.Name, len(children)))
	}
	for _, ch := range children {
		if _, err := ch.Update().SetParentID(*r.ChildrenTo).Save(ctx); err != nil {
			return renameField(err, "parentID", "childrenTo")
		}
	}
	return nil
}
