package register_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"jiceng/database/dbtest"
	"jiceng/ent"
	"jiceng/ent/area"
	"jiceng/ent/member"
	"jiceng/ent/organization"
	"jiceng/ent/unit"
	"jiceng/policy"
	"jiceng/register"
	"jiceng/vocab"
)

func date(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// periods lists a register's periods as comparable lines.
func periods(t *testing.T, ctx context.Context, c *ent.Client) []string {
	t.Helper()
	var out []string
	for _, p := range c.Period.Query().AllX(ctx) {
		v := ""
		switch {
		case p.RefID != nil:
			v = fmt.Sprint(*p.RefID)
		case p.Number != nil:
			v = fmt.Sprint(*p.Number)
		case p.Text != nil:
			v = *p.Text
		}
		to := "…"
		if p.ValidTo != nil {
			to = p.ValidTo.Format(time.DateOnly)
		}
		out = append(out, fmt.Sprintf("%d %s=%s [%s, %s)", p.SubjectID, p.Attribute, v, p.ValidFrom.Format(time.DateOnly), to))
	}
	slices.Sort(out)
	return out
}

// TestBackfillRebuildsTheHistoryWrites: a register written before history
// was kept (its periods gone) gets, at its next start, the same history the
// register writes for records made without dated changes; an upgrade's
// kinds come from the recorded kind change.
func TestBackfillRebuildsTheHistoryWrites(t *testing.T) {
	st := dbtest.Open(t)
	ctx := policy.System(context.Background())
	err := register.InTx(ctx, st.Client, func(c *ent.Client) error {
		sub := c.Area.Create().SetName("街道").SetKind(area.KindSUBDISTRICT).SaveX(ctx)
		com := c.Area.Create().SetName("社区").SetKind(area.KindCOMMUNITY).SetParent(sub).SetResidents(3000).
			SetEstablishedOn(date("2001-03-01")).SaveX(ctx)
		grid := c.Area.Create().SetName("网格").SetKind(area.KindGRID).SetParent(com).SetResidents(900).SaveX(ctx)
		wc := c.Organization.Create().SetName("党工委").SetKind(vocab.WorkingCommittee).SetFormation(organization.FormationTERRITORIAL).
			SetEstablishedOn(date("2000-01-01")).AddAreas(sub).SaveX(ctx)
		branch := c.Organization.Create().SetName("社区党支部").SetKind(vocab.Branch).SetFormation(organization.FormationTERRITORIAL).
			SetEstablishedOn(date("2002-01-01")).SetParent(wc).AddAreas(com).SaveX(ctx)
		if _, err := register.UpgradeOrganization(ctx, c, register.Upgrade{OrganizationID: branch.ID, ToKind: vocab.GeneralBranch, On: date("2021-05-10")}); err != nil {
			return err
		}
		u := c.Unit.Create().SetName("企业").SetKind(unit.KindNON_PUBLIC_ENTERPRISE).SetEmployees(40).SetAboveDesignatedSize(true).
			SetOpenedOn(date("2010-01-01")).SetGridID(grid.ID).SaveX(ctx)
		gridBranch := c.Organization.Create().SetName("网格党支部").SetKind(vocab.GridBranch).SetFormation(organization.FormationTERRITORIAL).
			SetEstablishedOn(date("2012-01-01")).SetParent(branch).AddAreas(grid).SaveX(ctx)
		group := c.Organization.Create().SetName("党小组").SetKind(vocab.PartyGroup).SetFormation(organization.FormationTERRITORIAL).
			SetEstablishedOn(date("2020-01-01")).SetParent(gridBranch).SaveX(ctx)
		c.Member.Create().SetName("正式").SetGender(member.GenderMALE).SetStatus(member.StatusFULL).SetCategory(member.CategoryIN_SERVICE).
			SetJoinedPartyOn(date("2015-07-01")).SetResidenceGridID(grid.ID).SetWorkUnitID(u.ID).SetPartyGroupID(group.ID).SaveX(ctx)
		// Joined before the unit opened: works there from its opening.
		c.Member.Create().SetName("老党员").SetGender(member.GenderMALE).SetStatus(member.StatusFULL).SetCategory(member.CategoryIN_SERVICE).
			SetJoinedPartyOn(date("2005-07-01")).SetConfirmedOn(date("2006-07-01")).SetWorkUnitID(u.ID).SaveX(ctx)
		c.Member.Create().SetName("预备").SetGender(member.GenderFEMALE).SetStatus(member.StatusPROBATIONARY).SetCategory(member.CategoryMOBILE).
			SetMobility(member.MobilityOUTFLOW).SetMobilePlace("乌鲁木齐").SetJoinedPartyOn(date("2026-01-05")).SaveX(ctx)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	written := periods(t, ctx, st.Client)
	// A value naming a record begins no earlier than that record.
	for _, want := range []string{"MEMBER_PARTY_GROUP=", "MEMBER_WORK_UNIT="} {
		found := false
		for _, p := range written {
			if strings.Contains(p, want) && (strings.Contains(p, "[2020-01-01,") || strings.Contains(p, "[2010-01-01,")) {
				found = true
			}
		}
		if !found {
			t.Errorf("no %s period begins with the record it names: %v", want, written)
		}
	}
	if len(written) < 20 {
		t.Fatalf("the register wrote only %d periods: %v", len(written), written)
	}
	for _, stmt := range []string{"DELETE FROM periods", "UPDATE members SET current_since = NULL, confirmed_on = NULL",
		"UPDATE organizations SET current_since = NULL", "UPDATE units SET current_since = NULL", "UPDATE areas SET current_since = NULL"} {
		if _, err := st.DB.ExecContext(ctx, stmt); err != nil {
			t.Fatal(err)
		}
	}
	if err := register.Backfill(ctx, st.DB, st.Dialect); err != nil {
		t.Fatal(err)
	}
	rebuilt := periods(t, ctx, st.Client)
	if !slices.Equal(written, rebuilt) {
		t.Errorf("the backfill rebuilt\n%v\nwant what the register wrote\n%v", rebuilt, written)
	}
	// Run again: nothing more is written.
	if err := register.Backfill(ctx, st.DB, st.Dialect); err != nil {
		t.Fatal(err)
	}
	if again := periods(t, ctx, st.Client); !slices.Equal(again, written) {
		t.Errorf("a second backfill changed the history: %d periods, want %d", len(again), len(written))
	}
	full := st.Client.Member.Query().Where(member.Name("正式")).OnlyX(ctx)
	if full.ConfirmedOn == nil || !full.ConfirmedOn.Equal(date("2016-07-01")) {
		t.Errorf("the full member's confirmation: got %v, want a year after joining", full.ConfirmedOn)
	}
}
