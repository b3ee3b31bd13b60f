package register

import (
	"context"
	"fmt"
	"strings"

	"jiceng/calendar"
	"jiceng/ent"
	"jiceng/ent/appointment"
	"jiceng/ent/term"
	"jiceng/vocab"
)

// unitRoles are the roles assigned to a unit rather than held in an organisation.
var unitRoles = []appointment.Role{appointment.RolePARTY_BUILDING_INSTRUCTOR, appointment.RoleLIAISON}

// CheckAppointment checks an appointment: an office in an organisation or an
// instructor or liaison for a unit, a holder, dates in order, a role that
// fits the organisation, and one secretary at a time.
func CheckAppointment(ctx context.Context, c *ent.Client, a *ent.Appointment) error {
	if err := notBefore("endedOn", a.EndedOn, "startedOn", a.StartedOn); err != nil {
		return err
	}
	if a.MemberID == nil && a.HolderName == "" {
		return invalid("memberID", "give the holder: a member's ID, or holderName for someone outside the register")
	}
	if hasKind(unitRoles, a.Role) {
		if a.UnitID == nil {
			return invalid("unitID", "a %s is assigned to a unit", a.Role)
		}
		return nil
	}
	if a.OrganizationID == nil {
		return invalid("organizationID", "a %s holds office in an organisation", a.Role)
	}
	if a.UnitID != nil {
		return invalid("unitID", "a %s holds office in an organisation, not a unit", a.Role)
	}
	org, err := c.Organization.Get(ctx, *a.OrganizationID)
	if err != nil {
		return fmt.Errorf("loading organisation: %w", err)
	}
	isGroup := org.Kind == vocab.PartyGroup
	if isGroup != (a.Role == appointment.RoleGROUP_LEADER) {
		if isGroup {
			return invalid("role", "a PARTY_GROUP has a GROUP_LEADER, not a %s", a.Role)
		}
		return invalid("role", "a GROUP_LEADER leads a PARTY_GROUP; %s is a %s", org.Name, org.Kind)
	}
	if a.Role != appointment.RoleSECRETARY && a.Role != appointment.RoleGROUP_LEADER {
		return nil
	}
	others, err := c.Appointment.Query().Where(
		appointment.OrganizationID(org.ID), appointment.RoleEQ(a.Role), appointment.IDNEQ(a.ID),
	).All(ctx)
	if err != nil {
		return fmt.Errorf("loading appointments: %w", err)
	}
	for _, o := range others {
		if overlaps(a.StartedOn, a.EndedOn, o.StartedOn, o.EndedOn) {
			return conflict("startedOn", "%s already has a %s from %s%s; end that appointment first",
				org.Name, a.Role, day(o.StartedOn), endText(o.EndedOn))
		}
	}
	return nil
}

// CheckTerm checks a committee term: due after it starts, renewed not before
// it starts, and at most one term of an organisation awaiting renewal.
func CheckTerm(ctx context.Context, c *ent.Client, t *ent.Term) error {
	if !t.DueOn.After(t.StartedOn) {
		return invalid("dueOn", "%s is not after startedOn %s", day(t.DueOn), day(t.StartedOn))
	}
	if err := notBefore("renewedOn", t.RenewedOn, "startedOn", t.StartedOn); err != nil {
		return err
	}
	if t.PostponedTo != nil {
		limit, err := SettingValue(ctx, c, "TERM_MAX_POSTPONE_MONTHS")
		if err != nil {
			return err
		}
		latest := calendar.AddMonths(t.DueOn, int(limit))
		switch {
		case !t.PostponedTo.After(t.DueOn):
			return invalid("postponedTo", "%s is not after dueOn %s", day(*t.PostponedTo), day(t.DueOn))
		case t.PostponedTo.After(latest):
			return invalid("postponedTo", "%s is more than %g months after dueOn %s (TERM_MAX_POSTPONE_MONTHS); the latest allowed is %s",
				day(*t.PostponedTo), limit, day(t.DueOn), day(latest))
		case strings.TrimSpace(t.PostponementReason) == "":
			return invalid("postponementReason", "a postponement needs the reason it was approved for")
		}
	}
	if t.RenewedOn != nil {
		return nil
	}
	open, err := c.Term.Query().Where(
		term.OrganizationID(t.OrganizationID), term.RenewedOnIsNil(), term.IDNEQ(t.ID),
	).First(ctx)
	switch {
	case ent.IsNotFound(err):
		return nil
	case err != nil:
		return fmt.Errorf("loading terms: %w", err)
	}
	return conflict("organizationID", "the term from %s is not renewed yet; set its renewedOn first", day(open.StartedOn))
}
