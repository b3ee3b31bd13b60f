package demo

import (
	"slices"
	"testing"
	"time"
)

// plantedGaps checks that each planted gap is in the register and that it
// is the only one of its kind, so the coverage analysis finds exactly these.
func (d *loaded) plantedGaps(t *testing.T) {
	t.Run("one grid with residents has no organisation responsible", d.uncoveredGrid)
	t.Run("units with members are organised but for two", d.unorganizedUnits)
	t.Run("the joint branch covers small units only", d.jointBranch)
	t.Run("one member's relationship sits nowhere", d.pocketMember)
	t.Run("one outflow member is behind with reports", d.mobileReports)
	t.Run("one member has had no organisational life for six months", d.lapsedMember)
}

func (d *loaded) uncoveredGrid(t *testing.T) {
	var out struct {
		Areas struct {
			Nodes []struct {
				Name          string
				Residents     int
				Organizations []struct{ Name string }
			}
		}
	}
	d.api.Do(&out, `{ areas(where: {kind: GRID}) { nodes { name residents organizations { name } } } }`)
	var uncovered []string
	for _, a := range out.Areas.Nodes {
		if len(a.Organizations) == 0 && a.Residents > 0 {
			uncovered = append(uncovered, a.Name)
		}
	}
	if !slices.Equal(uncovered, []string{UncoveredGrid}) {
		t.Errorf("grids with residents and no organisation responsible: got %v, want [%s]", uncovered, UncoveredGrid)
	}
}

func (d *loaded) unorganizedUnits(t *testing.T) {
	var out struct {
		Units struct{ Nodes []unitNode }
	}
	d.api.Do(&out, `{ units(first: 500, where: {closedOnIsNil: true}) { nodes { `+unitFields+` } } }`)
	var should, lone, unreached []string
	for _, u := range out.Units.Nodes {
		covered := u.coveredBy()
		own := slices.Contains(covered, "STANDALONE") || slices.Contains(covered, "TEMPORARY")
		attached := slices.Contains(covered, "JOINT") || slices.Contains(covered, "TERRITORIAL")
		switch full := u.fullWorkers(); {
		case full >= 3 && !own:
			should = append(should, u.Name)
		case full > 0 && full < 3 && !own && !attached:
			lone = append(lone, u.Name)
		case full == 0 && len(covered) == 0 && len(u.AffiliatedOrganizations) == 0 && len(u.Appointments) == 0:
			unreached = append(unreached, u.Name)
		}
	}
	if !slices.Equal(should, []string{UnorganizedUnit}) {
		t.Errorf("units with 3 or more full members and no organisation of their own: got %v, want [%s]", should, UnorganizedUnit)
	}
	if !slices.Equal(lone, []string{LoneUnit}) {
		t.Errorf("units with 1–2 full members neither joint nor attached: got %v, want [%s]", lone, LoneUnit)
	}
	if len(unreached) > 0 {
		t.Errorf("units with no members and no Party work: got %v, want none", unreached)
	}
	if u := d.unit(t, UnorganizedUnit); !slices.Equal(u.coveredBy(), []string{"TERRITORIAL"}) {
		t.Errorf("%s: covered by %v, want attached to its grid branch", UnorganizedUnit, u.coveredBy())
	}
}

func (d *loaded) jointBranch(t *testing.T) {
	var out struct {
		Organizations struct {
			Nodes []struct {
				Name          string
				UnitCoverages []struct{ Unit unitNode }
			}
		}
	}
	d.api.Do(&out, `{ organizations(where: {formation: JOINT}) { nodes { name unitCoverages { unit { `+unitFields+` } } } } }`)
	if len(out.Organizations.Nodes) != 1 || out.Organizations.Nodes[0].Name != JointBranch {
		t.Fatalf("joint branches: got %+v, want %s", out.Organizations.Nodes, JointBranch)
	}
	var units []unitNode
	for _, c := range out.Organizations.Nodes[0].UnitCoverages {
		units = append(units, c.Unit)
	}
	if len(units) < 2 || len(units) > 5 {
		t.Errorf("%s covers %d units, want several and at most 5", JointBranch, len(units))
	}
	for _, u := range units {
		if u.fullWorkers() < 1 || u.fullWorkers() > 2 {
			t.Errorf("%s in the joint branch has %d full members, want 1 or 2", u.Name, u.fullWorkers())
		}
	}
}

func (d *loaded) pocketMember(t *testing.T) {
	var out struct {
		Members struct {
			Nodes []struct{ Name string }
		}
	}
	d.api.Do(&out, `{ members(where: {not: {hasMembershipsWith: [{endedOnIsNil: true}]}}) { nodes { name } } }`)
	if len(out.Members.Nodes) != 1 || out.Members.Nodes[0].Name != PocketMember {
		t.Errorf("members with no current membership: got %v, want %s", out.Members.Nodes, PocketMember)
	}
}

// lastOf returns the latest of some dates.
func lastOf(t *testing.T, days []string) time.Time {
	t.Helper()
	var last time.Time
	for _, s := range days {
		if d := parse(t, s); d.After(last) {
			last = d
		}
	}
	return last
}

func (d *loaded) mobileReports(t *testing.T) {
	for _, m := range d.members(t) {
		if m.Category != "MOBILE" {
			continue
		}
		var days []string
		for _, r := range m.MobileReports {
			days = append(days, r.ReportedOn)
		}
		last := lastOf(t, days)
		overdue := last.Before(d.ref.AddDate(0, -1, 0))
		if overdue != (m.Name == OverdueMobileMember) {
			t.Errorf("%s last reported on %s: overdue %v", m.Name, date(last), overdue)
		}
		if m.Name == OverdueMobileMember && last.After(d.ref.AddDate(0, -3, 0)) {
			t.Errorf("%s last reported on %s; want several months back", m.Name, date(last))
		}
	}
}

func (d *loaded) lapsedMember(t *testing.T) {
	sixMonths := d.ref.AddDate(0, -6, 0)
	var lapsed []string
	for _, m := range d.members(t) {
		current := false
		for _, ms := range m.Memberships {
			current = current || ms.EndedOn == nil
		}
		if !current || m.Mobility != nil {
			continue // the pocket member and the outflow members have no roll here
		}
		var days []string
		for _, a := range m.AttendedMeetings {
			days = append(days, a.HeldOn)
		}
		if last := lastOf(t, days); last.Before(sixMonths) {
			lapsed = append(lapsed, m.Name)
			if len(days) == 0 {
				t.Errorf("%s never attended; want attendance until seven months back", m.Name)
			}
		}
	}
	if !slices.Equal(lapsed, []string{LapsedMember}) {
		t.Errorf("members with no organisational life for six months: got %v, want [%s]", lapsed, LapsedMember)
	}
}
