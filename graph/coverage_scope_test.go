package graph_test

import (
	"context"
	"fmt"
	"testing"

	"jiceng/ent"
	"jiceng/ent/unit"
	"jiceng/policy"
	"jiceng/register"
)

// The 两新 table through the API: coverage(unitKinds) and instructor contact.
func TestCoverageOfTwoNewOrganizations(t *testing.T) {
	w := newWorld(t)
	ctx := policy.System(context.Background())
	err := register.InTx(ctx, w.store.Client, func(c *ent.Client) error {
		c.Unit.Create().SetName("驻区单位").SetKind(unit.KindSTATIONED_UNIT).SetEmployees(10).SetGrid(w.grid).SaveX(ctx)
		c.InstructorVisit.Create().SetUnitID(w.unit.ID).SetVisitedOn(date("2025-05-01")).SaveX(ctx)
		return nil
	})
	if err != nil {
		t.Fatalf("building: %v", err)
	}
	var out struct {
		All, Two struct {
			Units struct{ Total, InstructorContacted, WithNoMembers, Employees int }
		}
	}
	w.api.Do(&out, `{ all: coverage(asOf: "2025-06-30") { units { total instructorContacted withNoMembers employees } }
		two: coverage(asOf: "2025-06-30", unitKinds: [NON_PUBLIC_ENTERPRISE, SOCIAL_ORGANIZATION]) { units { total instructorContacted withNoMembers employees } } }`)
	if got := out.All.Units; got.Total != 2 || got.Employees != 50 || got.InstructorContacted != 1 {
		t.Errorf("all units: got %+v, want 2 units, 50 employees, 1 contacted", got)
	}
	if got := out.Two.Units; got.Total != 1 || got.Employees != 40 || got.InstructorContacted != 1 || got.WithNoMembers != 1 {
		t.Errorf("两新 table: got %+v, want the enterprise alone: 1 unit, 40 employees, contacted, without members", got)
	}
}

// A postponement of more than TERM_MAX_POSTPONE_MONTHS is refused, naming the field.
func TestTermPostponementLimit(t *testing.T) {
	w := newWorld(t)
	q := `mutation { createTerm(input: {organizationID: %d, startedOn: "2022-03-01", dueOn: "2025-03-01", postponedTo: "%s", postponementReason: "上级批准"}) { id postponedTo } }`
	w.refused(t, "BAD_USER_INPUT", "postponedTo", fmt.Sprintf(q, w.gridBranch.ID, "2026-03-02"))
	var out struct{ CreateTerm struct{ PostponedTo string } }
	w.api.Do(&out, fmt.Sprintf(q, w.gridBranch.ID, "2026-03-01"))
	if out.CreateTerm.PostponedTo != "2026-03-01" {
		t.Errorf("postponedTo: got %q, want 2026-03-01", out.CreateTerm.PostponedTo)
	}
}
