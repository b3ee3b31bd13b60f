package graph_test

import (
	"context"
	"strings"
	"testing"

	"jiceng/ent"
	"jiceng/ent/appointment"
	"jiceng/ent/membership"
	"jiceng/ent/unit"
	"jiceng/policy"
	"jiceng/register"
	"jiceng/vocab"
)

const transfer = `mutation($in: TransferMemberInput!) {
	transferMember(input: $in) {
		closed { id endedOn endReason organization { name } }
		opened { id startedOn startReason organization { name } }
	}
}`

func TestTransferMember(t *testing.T) {
	t.Run("closes the current membership and opens the next on the same day", func(t *testing.T) {
		w := newWorld(t)
		var out struct {
			TransferMember struct {
				Closed struct {
					EndedOn, EndReason string
					Organization       struct{ Name string }
				}
				Opened struct {
					StartedOn, StartReason string
					Organization           struct{ Name string }
				}
			}
		}
		w.api.Do(&out, transfer, "in", map[string]any{
			"memberID": w.member.ID, "toOrganizationID": w.general.ID, "on": "2025-04-01",
		})
		got := out.TransferMember
		if got.Closed.EndedOn != "2025-04-01" || got.Closed.EndReason != "TRANSFERRED_OUT" || got.Closed.Organization.Name != "一号网格党支部" {
			t.Errorf("closed: got %+v", got.Closed)
		}
		if got.Opened.StartedOn != "2025-04-01" || got.Opened.StartReason != "TRANSFERRED_IN" || got.Opened.Organization.Name != "一号社区党总支" {
			t.Errorf("opened: got %+v", got.Opened)
		}
		ctx := policy.System(context.Background())
		open := w.store.Membership.Query().Where(membership.MemberID(w.member.ID), membership.EndedOnIsNil()).CountX(ctx)
		all := w.store.Membership.Query().Where(membership.MemberID(w.member.ID)).CountX(ctx)
		if open != 1 || all != 2 {
			t.Errorf("got %d current of %d memberships, want 1 of 2: history is kept", open, all)
		}
	})
	t.Run("with the whole unit records that reason", func(t *testing.T) {
		w := newWorld(t)
		var out struct {
			TransferMember struct {
				Closed struct{ EndReason string }
				Opened struct{ StartReason string }
			}
		}
		w.api.Do(&out, transfer, "in", map[string]any{
			"memberID": w.member.ID, "toOrganizationID": w.general.ID, "on": "2025-04-01", "reason": "WHOLE_UNIT",
		})
		if out.TransferMember.Closed.EndReason != "WHOLE_UNIT_TRANSFERRED" || out.TransferMember.Opened.StartReason != "WHOLE_UNIT_TRANSFERRED" {
			t.Errorf("got %+v", out.TransferMember)
		}
	})
	t.Run("out of the sub-district only closes", func(t *testing.T) {
		w := newWorld(t)
		var out struct {
			TransferMember struct {
				Closed struct{ EndedOn string }
				Opened *struct{ ID string }
			}
		}
		w.api.Do(&out, transfer, "in", map[string]any{"memberID": w.member.ID, "on": "2025-04-01"})
		if out.TransferMember.Opened != nil || out.TransferMember.Closed.EndedOn != "2025-04-01" {
			t.Errorf("got %+v, want closed on 2025-04-01 and nothing opened", out.TransferMember)
		}
	})
	t.Run("into a Party group is refused and closes nothing", func(t *testing.T) {
		w := newWorld(t)
		e := w.refused(t, "BAD_USER_INPUT", "toOrganizationID", transfer, "in", map[string]any{
			"memberID": w.member.ID, "toOrganizationID": w.pg.ID, "on": "2025-04-01",
		})
		t.Log(e.Message)
		m := w.store.Membership.GetX(policy.System(context.Background()), w.membership.ID)
		if m.EndedOn != nil {
			t.Errorf("the current membership was closed on %v by a refused transfer", m.EndedOn)
		}
	})
	t.Run("on a day before the current membership started is refused", func(t *testing.T) {
		w := newWorld(t)
		w.refused(t, "BAD_USER_INPUT", "on", transfer, "in", map[string]any{
			"memberID": w.member.ID, "toOrganizationID": w.general.ID, "on": "2019-01-01",
		})
	})
	t.Run("of a member with no membership is a conflict", func(t *testing.T) {
		w := newWorld(t)
		var created struct{ CreateMember struct{ ID string } }
		w.api.Do(&created, `mutation { createMember(input: {name: "郑某008", gender: MALE, status: FULL, category: RETIRED, joinedPartyOn: "1990-07-01"}) { id } }`)
		w.refused(t, "CONFLICT", "memberID", transfer, "in", map[string]any{
			"memberID": created.CreateMember.ID, "toOrganizationID": w.general.ID, "on": "2025-04-01",
		})
	})
}

const upgrade = `mutation($in: UpgradeOrganizationInput!) {
	upgradeOrganization(input: $in) { id kind kindChanges { fromKind toKind changedOn reason } }
}`

func TestUpgradeOrganization(t *testing.T) {
	t.Run("changes the kind from a date and keeps the history", func(t *testing.T) {
		w := newWorld(t)
		b := w.branch(t, "二号社区党支部")
		var out struct {
			UpgradeOrganization struct {
				Kind        string
				KindChanges []struct{ FromKind, ToKind, ChangedOn, Reason string }
			}
		}
		w.api.Do(&out, upgrade, "in", map[string]any{"organizationID": b.ID, "on": "2022-07-01", "reason": "党员超过50名"})
		got := out.UpgradeOrganization
		if got.Kind != "GENERAL_BRANCH" {
			t.Errorf("kind: got %s, want GENERAL_BRANCH", got.Kind)
		}
		if len(got.KindChanges) != 1 || got.KindChanges[0] != (struct{ FromKind, ToKind, ChangedOn, Reason string }{"BRANCH", "GENERAL_BRANCH", "2022-07-01", "党员超过50名"}) {
			t.Errorf("kindChanges: got %+v", got.KindChanges)
		}
	})
	t.Run("of a branch with Party groups is refused until they move", func(t *testing.T) {
		w := newWorld(t)
		b := w.branch(t, "二号社区党支部")
		if err := register.InTx(policy.System(context.Background()), w.store.Client, func(c *ent.Client) error {
			_, err := c.Organization.Create().SetName("二号社区第一党小组").SetKind(vocab.PartyGroup).
				SetFormation("TERRITORIAL").SetEstablishedOn(date("2013-01-01")).SetParentID(b.ID).Save(policy.System(context.Background()))
			return err
		}); err != nil {
			t.Fatal(err)
		}
		e := w.refused(t, "CONFLICT", "toKind", upgrade, "in", map[string]any{"organizationID": b.ID, "on": "2024-01-01"})
		if want := "二号社区第一党小组"; !strings.Contains(e.Message, want) {
			t.Errorf("message %q does not name %s", e.Message, want)
		}
	})
	t.Run("to a kind its parent cannot lead is refused", func(t *testing.T) {
		w := newWorld(t)
		w.refused(t, "BAD_USER_INPUT", "toKind", upgrade, "in", map[string]any{"organizationID": w.gridBranch.ID, "on": "2024-01-01"})
	})
	t.Run("to a kind the organisation cannot become is refused", func(t *testing.T) {
		w := newWorld(t)
		w.refused(t, "BAD_USER_INPUT", "toKind", upgrade, "in", map[string]any{"organizationID": w.general.ID, "toKind": "PARTY_GROUP", "on": "2024-01-01"})
	})
}

const dissolve = `mutation($in: DissolveOrganizationInput!) {
	dissolveOrganization(input: $in) { id dissolvedOn dissolutionReason appointments { endedOn } }
}`

func TestDissolveOrganization(t *testing.T) {
	t.Run("fails while members, children and units remain, saying what is left", func(t *testing.T) {
		w := newWorld(t)
		ctx := policy.System(context.Background())
		if err := register.InTx(ctx, w.store.Client, func(c *ent.Client) error {
			_, err := c.UnitCoverage.Create().SetOrganizationID(w.gridBranch.ID).SetUnitID(w.unit.ID).SetStartedOn(date("2021-01-01")).Save(ctx)
			return err
		}); err != nil {
			t.Fatal(err)
		}
		e := w.refused(t, "CONFLICT", "on", dissolve, "in", map[string]any{"organizationID": w.gridBranch.ID, "on": "2025-01-01", "reason": "网格调整"})
		if want := "1 child organisation(s), 1 covered unit(s) and 1 member(s)"; !strings.Contains(e.Message, want) {
			t.Errorf("message %q does not say %q", e.Message, want)
		}
	})
	t.Run("succeeds once everything is re-homed, ending its offices and keeping the record", func(t *testing.T) {
		w := newWorld(t)
		ctx := policy.System(context.Background())
		var branch *ent.Organization
		if err := register.InTx(ctx, w.store.Client, func(c *ent.Client) error {
			branch = c.Organization.Create().SetName("临时党支部").SetKind(vocab.Branch).SetFormation("TEMPORARY").
				SetEstablishedOn(date("2023-05-01")).SetParentID(w.committee.ID).SaveX(ctx)
			c.Appointment.Create().SetRole(appointment.RoleSECRETARY).SetOrganizationID(branch.ID).
				SetHolderName("冯某009").SetStartedOn(date("2023-05-01")).SaveX(ctx)
			site := c.Unit.Create().SetName("示例工地").SetKind(unit.KindCONSTRUCTION_SITE).SetGridID(w.grid.ID).SaveX(ctx)
			c.UnitCoverage.Create().SetOrganizationID(branch.ID).SetUnitID(site.ID).
				SetStartedOn(date("2023-05-01")).SetEndedOn(date("2024-10-01")).SaveX(ctx)
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		var out struct {
			DissolveOrganization struct {
				DissolvedOn, DissolutionReason string
				Appointments                   []struct{ EndedOn string }
			}
		}
		w.api.Do(&out, dissolve, "in", map[string]any{"organizationID": branch.ID, "on": "2024-10-01", "reason": "工程竣工"})
		got := out.DissolveOrganization
		if got.DissolvedOn != "2024-10-01" || got.DissolutionReason != "工程竣工" {
			t.Errorf("got %+v", got)
		}
		if len(got.Appointments) != 1 || got.Appointments[0].EndedOn != "2024-10-01" {
			t.Errorf("appointments: got %+v, want the secretary's ended on 2024-10-01", got.Appointments)
		}
		if n := w.store.Organization.Query().CountX(ctx); n != 5 {
			t.Errorf("got %d organisations, want 5: the dissolved one is kept", n)
		}
	})
	t.Run("needs a reason", func(t *testing.T) {
		w := newWorld(t)
		w.refused(t, "BAD_USER_INPUT", "reason", dissolve, "in", map[string]any{"organizationID": w.pg.ID, "on": "2025-01-01", "reason": ""})
	})
	t.Run("of an unknown organisation is NOT_FOUND", func(t *testing.T) {
		w := newWorld(t)
		w.refused(t, "NOT_FOUND", "organizationID", dissolve, "in", map[string]any{"organizationID": 424242, "on": "2025-01-01", "reason": "x"})
	})
}

// branch adds a community branch under the working committee.
func (w *world) branch(t *testing.T, name string) *ent.Organization {
	t.Helper()
	var b *ent.Organization
	if err := register.InTx(policy.System(context.Background()), w.store.Client, func(c *ent.Client) error {
		var err error
		b, err = c.Organization.Create().SetName(name).SetKind(vocab.Branch).SetFormation("TERRITORIAL").
			SetEstablishedOn(date("2012-01-01")).SetParentID(w.committee.ID).Save(policy.System(context.Background()))
		return err
	}); err != nil {
		t.Fatal(err)
	}
	return b
}
