package register

import (
	"context"
	"fmt"
	"time"

	"jiceng/ent"
	"jiceng/ent/kindchange"
	"jiceng/vocab"
)

// Upgrade changes an organisation's kind from a date on (升格), as when a
// community's branch becomes a general branch.
type Upgrade struct {
	OrganizationID int
	ToKind         vocab.OrganizationKind
	On             time.Time
	Reason         *string
}

// upgrades lists the kinds each kind may be upgraded to.
var upgrades = map[vocab.OrganizationKind][]vocab.OrganizationKind{
	vocab.Branch:        {vocab.GeneralBranch},
	vocab.GridBranch:    {vocab.GeneralBranch},
	vocab.GeneralBranch: {vocab.CommunityCommittee, vocab.Committee},
}

// UpgradeOrganization records the change of kind and applies it; the
// earlier kind stays queryable in the organisation's kindChanges. The
// organisation's parent and children must fit the new kind. c must be a
// transaction's client.
func UpgradeOrganization(ctx context.Context, c *ent.Client, u Upgrade) (*ent.Organization, error) {
	org, err := c.Organization.Get(ctx, u.OrganizationID)
	if ent.IsNotFound(err) {
		return nil, notFound("organizationID", "ORGANIZATION_NOT_FOUND", "找不到该党组织", "no Organization has ID %d", u.OrganizationID)
	} else if err != nil {
		return nil, fmt.Errorf("loading organisation: %w", err)
	}
	if !hasKind(upgrades[org.Kind], u.ToKind) {
		if len(upgrades[org.Kind]) == 0 {
			return nil, invalid("toKind", "CANNOT_UPGRADE", "%[1]s不能升格", "a %s cannot be upgraded", org.Kind)
		}
		return nil, invalid("toKind", "UPGRADE_KIND", "%[1]s升格为%[2]s，不能升格为%[3]s", "a %s is upgraded to a %s, not a %s", org.Kind, kindList(upgrades[org.Kind]), u.ToKind)
	}
	if org.DissolvedOn != nil {
		return nil, conflict("organizationID", "DISSOLVED", "%[1]s已于%[2]s撤销", "%s was dissolved on %s", org.Name, day(*org.DissolvedOn))
	}
	if !u.On.After(org.EstablishedOn) {
		return nil, invalid("on", "BEFORE_ESTABLISHED", "%[1]s不晚于%[2]s的成立日期%[3]s", "%s is not after %s was established on %s", day(u.On), org.Name, day(org.EstablishedOn))
	}
	last, err := c.KindChange.Query().
		Where(kindchange.OrganizationID(org.ID)).
		Order(ent.Desc(kindchange.FieldChangedOn)).
		First(ctx)
	if err != nil && !ent.IsNotFound(err) {
		return nil, fmt.Errorf("loading kind changes: %w", err)
	}
	if last != nil && !u.On.After(last.ChangedOn) {
		return nil, invalid("on", "BEFORE_LAST_KIND_CHANGE", "%[1]s不晚于上次类别变更的日期%[2]s", "%s is not after the last change of kind on %s", day(u.On), day(last.ChangedOn))
	}
	change := c.KindChange.Create().
		SetOrganizationID(org.ID).SetFromKind(org.Kind).SetToKind(u.ToKind).SetChangedOn(u.On)
	if u.Reason != nil {
		change.SetReason(*u.Reason)
	}
	if _, err := change.Save(ctx); err != nil {
		return nil, err
	}
	reason := ""
	if u.Reason != nil {
		reason = *u.Reason
	}
	upgraded, err := org.Update().SetKind(u.ToKind).Save(On(ctx, u.On, reason))
	return upgraded, renameField(renameField(err, "parentID", "toKind"), "kind", "toKind")
}
