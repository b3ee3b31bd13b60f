package register

import (
	"context"
	"fmt"

	"jiceng/ent"
	"jiceng/ent/area"
	"jiceng/ent/membership"
	"jiceng/ent/organization"
	"jiceng/ent/unitcoverage"
	"jiceng/vocab"
)

// organizationParents says under which kinds of organisation each kind may
// sit. Party groups sit only under a branch; the other kinds may also have
// no parent in this register, when they are led from outside the
// sub-district (a stationed unit's branch under its own system).
var organizationParents = map[vocab.OrganizationKind][]vocab.OrganizationKind{
	vocab.WorkingCommittee:   nil,
	vocab.CommunityCommittee: {vocab.WorkingCommittee},
	vocab.Committee:          {vocab.WorkingCommittee, vocab.CommunityCommittee},
	vocab.GeneralBranch:      {vocab.WorkingCommittee, vocab.CommunityCommittee, vocab.Committee},
	vocab.Branch:             {vocab.WorkingCommittee, vocab.CommunityCommittee, vocab.Committee, vocab.GeneralBranch},
	vocab.GridBranch:         {vocab.WorkingCommittee, vocab.CommunityCommittee, vocab.GeneralBranch},
	vocab.PartyGroup:         {vocab.Branch, vocab.GridBranch},
}

// maxDepth bounds the walk up the tree; the real tree is five levels deep.
const maxDepth = 64

// CheckOrganization checks an organisation as written: no cycle, a parent of
// a kind it may sit under, children that may sit under its kind, areas that
// fit a grid branch, and, once dissolved, nothing left attached to it.
func CheckOrganization(ctx context.Context, c *ent.Client, o *ent.Organization) error {
	if err := notBefore("dissolvedOn", o.DissolvedOn, "establishedOn", o.EstablishedOn); err != nil {
		return err
	}
	if err := checkOrganizationParent(ctx, c, o); err != nil {
		return err
	}
	children, err := o.QueryChildren().All(ctx)
	if err != nil {
		return fmt.Errorf("loading child organisations: %w", err)
	}
	for _, child := range children {
		if !hasKind(organizationParents[child.Kind], o.Kind) {
			return conflict("kind", "CHILD_KIND", "下级%[1]s（%[2]s）不能隶属于%[3]s，请先调整它", "%s (a %s) sits under this organisation and cannot sit under a %s; move it first",
				child.Name, child.Kind, o.Kind)
		}
	}
	if o.Kind == vocab.GridBranch {
		n, err := o.QueryAreas().Where(area.KindNEQ(area.KindGRID)).Count(ctx)
		if err != nil {
			return fmt.Errorf("loading areas: %w", err)
		}
		if n > 0 {
			return invalid("areaIDs", "GRID_BRANCH_AREAS", "网格党支部只负责网格", "a GRID_BRANCH is responsible for grids only")
		}
	}
	if o.DissolvedOn != nil {
		return checkNothingAttached(ctx, c, o)
	}
	return nil
}

func checkOrganizationParent(ctx context.Context, c *ent.Client, o *ent.Organization) error {
	allowed := organizationParents[o.Kind]
	if o.ParentID == nil {
		if o.Kind == vocab.PartyGroup {
			return invalid("parentID", "PARENT_KIND", "党小组的上级应为%[1]s", "a PARTY_GROUP must sit under a %s", kindList(allowed))
		}
		return nil
	}
	// Walk up first: a cycle is the clearer message when both rules fail.
	id := *o.ParentID
	for depth := 0; ; depth++ {
		if id == o.ID {
			return conflict("parentID", "PARENT_CYCLE", "新的上级组织是本组织或其下级，不能这样设置", "the new parent is this organisation or one below it; that would make a cycle")
		}
		up, err := c.Organization.Query().Where(organization.ID(id)).Select(organization.FieldParentID).Only(ctx)
		if err != nil {
			return fmt.Errorf("walking up the organisation tree: %w", err)
		}
		if up.ParentID == nil || depth > maxDepth {
			break
		}
		id = *up.ParentID
	}
	parent, err := c.Organization.Get(ctx, *o.ParentID)
	if err != nil {
		return fmt.Errorf("loading parent organisation: %w", err)
	}
	if !hasKind(allowed, parent.Kind) {
		if len(allowed) == 0 {
			return invalid("parentID", "ROOT_HAS_NO_PARENT", "%[1]s是最上级组织，没有上级", "the %s is the root of the tree and has no parent", o.Kind)
		}
		return invalid("parentID", "PARENT_KIND", "%[1]s的上级应为%[2]s，不能是%[3]s（%[4]s）", "a %s must sit under a %s, not under %s (a %s)",
			o.Kind, kindList(allowed), parent.Name, parent.Kind)
	}
	if o.DissolvedOn == nil && parent.DissolvedOn != nil {
		return conflict("parentID", "DISSOLVED", "%[1]s已于%[2]s撤销", "%s was dissolved on %s", parent.Name, day(*parent.DissolvedOn))
	}
	return nil
}

// checkNothingAttached reports what still hangs on a dissolved organisation:
// children not dissolved, units still covered, memberships still open.
func checkNothingAttached(ctx context.Context, c *ent.Client, o *ent.Organization) error {
	on := *o.DissolvedOn
	children, err := o.QueryChildren().Where(organization.Or(
		organization.DissolvedOnIsNil(), organization.DissolvedOnGT(on),
	)).Count(ctx)
	if err != nil {
		return fmt.Errorf("counting child organisations: %w", err)
	}
	units, err := c.UnitCoverage.Query().Where(
		unitcoverage.OrganizationID(o.ID),
		unitcoverage.Or(unitcoverage.EndedOnIsNil(), unitcoverage.EndedOnGT(on)),
	).Count(ctx)
	if err != nil {
		return fmt.Errorf("counting covered units: %w", err)
	}
	members, err := c.Membership.Query().Where(
		membership.OrganizationID(o.ID),
		membership.Or(membership.EndedOnIsNil(), membership.EndedOnGT(on)),
	).Count(ctx)
	if err != nil {
		return fmt.Errorf("counting memberships: %w", err)
	}
	if children+units+members == 0 {
		return nil
	}
	return conflict("dissolvedOn", "NOT_EMPTY", "%[5]s时%[1]s仍有%[2]d个下级组织、%[3]d个覆盖单位和%[4]d名党员；请先撤销或调整下级组织、结束或调整单位覆盖，并转出党员", "%s still has %d child organisation(s), %d covered unit(s) and %d member(s) on %s; "+
		"dissolve or move the children, end or move the unit coverages and transfer the members first",
		o.Name, children, units, members, day(on))
}

// CheckKindChange checks a recorded change of kind: it is a change.
func CheckKindChange(_ context.Context, _ *ent.Client, k *ent.KindChange) error {
	if k.FromKind == k.ToKind {
		return invalid("toKind", "SAME_KIND", "该组织已是%[1]s", "the organisation is already a %s", k.ToKind)
	}
	return nil
}
