package register

import (
	"context"
	"fmt"

	"jiceng/ent"
	"jiceng/ent/area"
	"jiceng/ent/assessment"
)

// CheckAffiliatedOrganization checks a union, women's organisation or youth
// league: it belongs to exactly one unit or one community.
func CheckAffiliatedOrganization(ctx context.Context, c *ent.Client, a *ent.AffiliatedOrganization) error {
	if a.EstablishedOn != nil {
		if err := notBefore("dissolvedOn", a.DissolvedOn, "establishedOn", *a.EstablishedOn); err != nil {
			return err
		}
	}
	return oneOwner(ctx, c, "unitID", a.UnitID, a.CommunityID)
}

// oneOwner checks that exactly one of another owner (a unit, an
// organisation) and a community is given, and that the community is one.
func oneOwner(ctx context.Context, c *ent.Client, otherField string, other, community *int) error {
	switch {
	case other != nil && community != nil:
		return invalid("communityID", "EITHER_UNIT_OR_COMMUNITY", "只能填写所属单位或所属社区中的一项", "give %s or communityID, not both", otherField)
	case other == nil && community == nil:
		return invalid(otherField, "UNIT_OR_COMMUNITY_REQUIRED", "请填写所属单位或所属社区", "give %s or communityID", otherField)
	case community != nil:
		return mustBeArea(ctx, c, "communityID", *community, area.KindCOMMUNITY)
	}
	return nil
}

// CheckAssessment checks a yearly assessment: of exactly one organisation or
// community, and one a year for each.
func CheckAssessment(ctx context.Context, c *ent.Client, a *ent.Assessment) error {
	if err := oneOwner(ctx, c, "organizationID", a.OrganizationID, a.CommunityID); err != nil {
		return err
	}
	q := c.Assessment.Query().Where(assessment.Year(a.Year), assessment.IDNEQ(a.ID))
	if a.OrganizationID != nil {
		q = q.Where(assessment.OrganizationID(*a.OrganizationID))
	} else {
		q = q.Where(assessment.CommunityID(*a.CommunityID))
	}
	n, err := q.Count(ctx)
	if err != nil {
		return fmt.Errorf("counting assessments: %w", err)
	}
	if n > 0 {
		return conflict("year", "ASSESSMENT_EXISTS", "%d年已有考核记录，请修改该记录", "already assessed for %d; update that assessment instead", a.Year)
	}
	return nil
}
