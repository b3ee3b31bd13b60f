package register

import (
	"context"
	"fmt"

	entgo "entgo.io/ent"

	"jiceng/ent"
	"jiceng/ent/area"
	"jiceng/ent/unit"
	"jiceng/ent/unitcoverage"
	"jiceng/vocab"
)

// CheckUnit checks a unit as written: it lies in a grid and its dates are in order.
func CheckUnit(ctx context.Context, c *ent.Client, u *ent.Unit) error {
	if u.OpenedOn != nil {
		if err := notBefore("closedOn", u.ClosedOn, "openedOn", *u.OpenedOn); err != nil {
			return err
		}
		if err := notBefore("plannedCloseOn", u.PlannedCloseOn, "openedOn", *u.OpenedOn); err != nil {
			return err
		}
	}
	return mustBeArea(ctx, c, "gridID", u.GridID, area.KindGRID)
}

// mustBeArea checks that the area with the given ID is of one of the kinds.
func mustBeArea(ctx context.Context, c *ent.Client, field string, id int, kinds ...area.Kind) error {
	a, err := c.Area.Get(ctx, id)
	if err != nil {
		return fmt.Errorf("loading area %d: %w", id, err)
	}
	if !hasKind(kinds, a.Kind) {
		return invalid(field, "AREA_KIND", "%[1]s是%[2]s，应为%[3]s", "%s is a %s; want a %s", a.Name, a.Kind, kindList(kinds))
	}
	return nil
}

// UniqueCreditCode reports a credit code already registered to another unit
// before the write reaches the unique index, so the message names the unit.
func UniqueCreditCode(next entgo.Mutator) entgo.Mutator {
	return entgo.MutateFunc(func(ctx context.Context, m entgo.Mutation) (entgo.Value, error) {
		um, ok := m.(*ent.UnitMutation)
		if !ok {
			return next.Mutate(ctx, m)
		}
		code, set := um.CreditCode()
		if !set {
			return next.Mutate(ctx, m)
		}
		q := um.Client().Unit.Query().Where(unit.CreditCode(code))
		if id, ok := um.ID(); ok {
			q = q.Where(unit.IDNEQ(id))
		}
		other, err := q.First(ctx)
		switch {
		case ent.IsNotFound(err):
			return next.Mutate(ctx, m)
		case err != nil:
			return nil, fmt.Errorf("looking up credit code: %w", err)
		}
		return nil, conflict("creditCode", "CREDIT_CODE_TAKEN", "统一社会信用代码%[1]s已登记为%[2]s", "%s is already registered to %s", code, other.Name)
	})
}

// CheckUnitCoverage checks a link between an organisation and a unit: the
// organisation can cover units and existed when the link started, the dates
// are in order, and the same organisation does not cover the unit twice at once.
func CheckUnitCoverage(ctx context.Context, c *ent.Client, uc *ent.UnitCoverage) error {
	if err := notBefore("endedOn", uc.EndedOn, "startedOn", uc.StartedOn); err != nil {
		return err
	}
	org, err := c.Organization.Get(ctx, uc.OrganizationID)
	if err != nil {
		return fmt.Errorf("loading organisation: %w", err)
	}
	if org.Kind == vocab.PartyGroup {
		return invalid("organizationID", "GROUP_COVERS_NO_UNIT", "党小组不覆盖单位，请将单位关联到其党支部", "a PARTY_GROUP does not cover units; link the unit to its branch")
	}
	if uc.StartedOn.Before(org.EstablishedOn) {
		return invalid("startedOn", "BEFORE_ESTABLISHED", "%[1]s早于%[2]s的成立日期%[3]s", "%s is before %s was established on %s", day(uc.StartedOn), org.Name, day(org.EstablishedOn))
	}
	// A unit may leave an organisation and rejoin it later: each stay is a
	// link of its own, and two stays never overlap.
	others, err := c.UnitCoverage.Query().Where(
		unitcoverage.OrganizationID(uc.OrganizationID), unitcoverage.UnitID(uc.UnitID), unitcoverage.IDNEQ(uc.ID),
	).All(ctx)
	if err != nil {
		return fmt.Errorf("looking up unit coverages: %w", err)
	}
	for _, o := range others {
		if overlaps(uc.StartedOn, uc.EndedOn, o.StartedOn, o.EndedOn) {
			return conflict("startedOn", "COVERAGE_OVERLAPS", "该组织已覆盖此单位（%[1]s%[2]s），新的覆盖须在其结束后开始", "the organisation already covers this unit from %s%s (link %d); a new link starts after that one ends",
				day(o.StartedOn), endText(o.EndedOn), o.ID)
		}
	}
	return nil
}

// CheckInstructorVisit checks a visit to a unit: made while the unit was
// open, not in the future, and under an assignment to that unit.
func CheckInstructorVisit(ctx context.Context, c *ent.Client, v *ent.InstructorVisit) error {
	if err := checkEffective("visitedOn", v.VisitedOn); err != nil {
		return err
	}
	u, err := c.Unit.Get(ctx, v.UnitID)
	if err != nil {
		return fmt.Errorf("loading unit: %w", err)
	}
	if u.ClosedOn != nil && !v.VisitedOn.Before(*u.ClosedOn) {
		return conflict("visitedOn", "UNIT_CLOSED", "%[1]s已于%[2]s关闭", "%s closed on %s", u.Name, day(*u.ClosedOn))
	}
	if v.AppointmentID == nil {
		return nil
	}
	ap, err := c.Appointment.Get(ctx, *v.AppointmentID)
	if err != nil {
		return fmt.Errorf("loading appointment: %w", err)
	}
	if ap.UnitID == nil || *ap.UnitID != v.UnitID {
		return invalid("appointmentID", "WRONG_ASSIGNMENT", "该派驻不是派往%[1]s的", "the assignment is not to %s", u.Name)
	}
	if !activeOn(ap.StartedOn, ap.EndedOn, v.VisitedOn) {
		return invalid("visitedOn", "OUTSIDE_ASSIGNMENT", "%[1]s不在派驻期间（%[2]s%[3]s）内", "%s is outside the assignment from %s%s", day(v.VisitedOn), day(ap.StartedOn), endText(ap.EndedOn))
	}
	return nil
}
