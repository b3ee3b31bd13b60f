package register

import (
	"context"
	"fmt"
	"time"

	"jiceng/ent"
	"jiceng/ent/appointment"
	"jiceng/ent/exemption"
)

// Dissolution dissolves an organisation on a date, for a reason.
type Dissolution struct {
	OrganizationID int
	On             time.Time
	Reason         string
}

// DissolveOrganization dissolves an organisation. Its children, covered
// units and members must have been moved or ended first, or it fails saying
// what is left; its offices and exemptions end with it. The record is kept.
// c must be a transaction's client.
func DissolveOrganization(ctx context.Context, c *ent.Client, d Dissolution) (*ent.Organization, error) {
	if d.Reason == "" {
		return nil, invalid("reason", "REASON_REQUIRED", "请填写撤销原因", "say why the organisation is dissolved")
	}
	org, err := c.Organization.Get(ctx, d.OrganizationID)
	if ent.IsNotFound(err) {
		return nil, notFound("organizationID", "ORGANIZATION_NOT_FOUND", "找不到该党组织", "no Organization has ID %d", d.OrganizationID)
	} else if err != nil {
		return nil, fmt.Errorf("loading organisation: %w", err)
	}
	if org.DissolvedOn != nil {
		return nil, conflict("organizationID", "ALREADY_DISSOLVED", "%[1]s已于%[2]s撤销", "%s was already dissolved on %s", org.Name, day(*org.DissolvedOn))
	}
	if d.On.Before(org.EstablishedOn) {
		return nil, invalid("on", "BEFORE_ESTABLISHED", "%[1]s早于%[2]s的成立日期%[3]s", "%s is before %s was established on %s", day(d.On), org.Name, day(org.EstablishedOn))
	}
	offices, err := org.QueryAppointments().Where(appointment.EndedOnIsNil()).All(ctx)
	if err != nil {
		return nil, fmt.Errorf("loading appointments: %w", err)
	}
	for _, a := range offices {
		if _, err := a.Update().SetEndedOn(maxTime(d.On, a.StartedOn)).Save(ctx); err != nil {
			return nil, err
		}
	}
	exemptions, err := org.QueryExemptions().Where(exemption.EndedOnIsNil()).All(ctx)
	if err != nil {
		return nil, fmt.Errorf("loading exemptions: %w", err)
	}
	for _, e := range exemptions {
		if _, err := e.Update().SetEndedOn(maxTime(d.On, e.StartedOn)).Save(ctx); err != nil {
			return nil, err
		}
	}
	updated, err := org.Update().SetDissolvedOn(d.On).SetDissolutionReason(d.Reason).Save(ctx)
	return updated, renameField(err, "dissolvedOn", "on")
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}
