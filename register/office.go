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
		return invalid("memberID", "HOLDER_REQUIRED", "请选择任职党员，或填写非本街道人员的姓名", "give the holder: a member's ID, or holderName for someone outside the register")
	}
	if hasKind(unitRoles, a.Role) {
		if a.UnitID == nil {
			return invalid("unitID", "UNIT_REQUIRED", "%[1]s须指定所在单位", "a %s is assigned to a unit", a.Role)
		}
		return nil
	}
	if a.OrganizationID == nil {
		return invalid("organizationID", "ORGANIZATION_REQUIRED", "%[1]s须指定所在党组织", "a %s holds office in an organisation", a.Role)
	}
	if a.UnitID != nil {
		return invalid("unitID", "NOT_IN_UNIT", "%[1]s在党组织中任职，不在单位", "a %s holds office in an organisation, not a unit", a.Role)
	}
	org, err := c.Organization.Get(ctx, *a.OrganizationID)
	if err != nil {
		return fmt.Errorf("loading organisation: %w", err)
	}
	isGroup := org.Kind == vocab.PartyGroup
	if isGroup != (a.Role == appointment.RoleGROUP_LEADER) {
		if isGroup {
			return invalid("role", "GROUP_ROLE", "党小组设党小组组长，不设%[1]s", "a PARTY_GROUP has a GROUP_LEADER, not a %s", a.Role)
		}
		return invalid("role", "GROUP_LEADER_NOT_GROUP", "党小组组长只在党小组任职；%[1]s是%[2]s", "a GROUP_LEADER leads a PARTY_GROUP; %s is a %s", org.Name, org.Kind)
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
			return conflict("startedOn", "OFFICE_HELD", "%[1]s已有%[2]s（%[3]s%[4]s），请先结束该任职", "%s already has a %s from %s%s; end that appointment first",
				org.Name, a.Role, day(o.StartedOn), endText(o.EndedOn))
		}
	}
	return nil
}

// CheckTerm checks a committee term: due after it starts, renewed not before
// it starts, and at most one term of an organisation awaiting renewal.
func CheckTerm(ctx context.Context, c *ent.Client, t *ent.Term) error {
	if !t.DueOn.After(t.StartedOn) {
		return invalid("dueOn", "DATES_OUT_OF_ORDER", "届满日期%[1]s不晚于任期开始日期%[2]s", "%s is not after startedOn %s", day(t.DueOn), day(t.StartedOn))
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
			return invalid("postponedTo", "DATES_OUT_OF_ORDER", "延期至%[1]s不晚于届满日期%[2]s", "%s is not after dueOn %s", day(*t.PostponedTo), day(t.DueOn))
		case t.PostponedTo.After(latest):
			return invalid("postponedTo", "POSTPONEMENT_TOO_LONG", "延期至%[1]s超过届满日期%[3]s后%[2]g个月的上限（换届最长延期），最晚为%[4]s", "%s is more than %g months after dueOn %s (TERM_MAX_POSTPONE_MONTHS); the latest allowed is %s",
				day(*t.PostponedTo), limit, day(t.DueOn), day(latest))
		case strings.TrimSpace(t.PostponementReason) == "":
			return invalid("postponementReason", "REASON_REQUIRED", "延期换届须填写批准的原因", "a postponement needs the reason it was approved for")
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
	return conflict("organizationID", "TERM_OPEN", "%[1]s开始的任期尚未换届，请先填写换届日期", "the term from %s is not renewed yet; set its renewedOn first", day(open.StartedOn))
}
