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
		return invalid("attendance", "ATTENDANCE_OVER_EXPECTED", "实到%[1]d人，多于应到的%[2]d人", "%d present is more than the %d expected", m.Attendance, m.ExpectedAttendance)
	}
	org, err := c.Organization.Get(ctx, m.OrganizationID)
	if err != nil {
		return fmt.Errorf("loading organisation: %w", err)
	}
	if !activeOn(org.EstablishedOn, org.DissolvedOn, m.HeldOn) {
		return invalid("heldOn", "ORGANIZATION_NOT_EXISTING", "%[2]s时%[1]s不存在（成立于%[3]s%[4]s）", "%s did not exist on %s (established %s%s)",
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
