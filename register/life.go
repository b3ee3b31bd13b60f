package register

import (
	"context"
	"fmt"

	"jiceng/ent"
)

// CheckMeeting checks a meeting: no more present than expected, and held
// while the organisation existed.
func CheckMeeting(ctx context.Context, c *ent.Client, m *ent.Meeting) error {
	if m.Attendance > m.ExpectedAttendance {
		return invalid("attendance", "%d present is more than the %d expected", m.Attendance, m.ExpectedAttendance)
	}
	org, err := c.Organization.Get(ctx, m.OrganizationID)
	if err != nil {
		return fmt.Errorf("loading organisation: %w", err)
	}
	if !activeOn(org.EstablishedOn, org.DissolvedOn, m.HeldOn) {
		return invalid("heldOn", "%s did not exist on %s (established %s%s)",
			org.Name, day(m.HeldOn), day(org.EstablishedOn), dissolvedText(org))
	}
	return nil
}

// CheckExemption checks an exemption's dates.
func CheckExemption(_ context.Context, _ *ent.Client, e *ent.Exemption) error {
	return notBefore("endedOn", e.EndedOn, "startedOn", e.StartedOn)
}

func dissolvedText(o *ent.Organization) string {
	if o.DissolvedOn == nil {
		return ""
	}
	return ", dissolved " + day(*o.DissolvedOn)
}
