package demo

import (
	"regexp"
	"strings"
	"testing"

	"jiceng/check"
)

// memberNode is a member as the tests read them.
type memberNode struct {
	Name, Category, Status, Phone, IDNumber string
	Mobility                                *string
	Memberships                             []struct {
		StartedOn, StartReason string
		EndedOn, EndReason     *string
		Note                   *string
	}
	MobileReports    []struct{ ReportedOn string }
	AttendedMeetings []struct{ HeldOn string }
}

// members reads every member, a page at a time.
func (d *loaded) members(t *testing.T) []memberNode {
	t.Helper()
	var all []memberNode
	var after *string
	for {
		var out struct {
			Members struct {
				Nodes    []memberNode
				PageInfo struct {
					HasNextPage bool
					EndCursor   *string
				}
			}
		}
		d.api.Do(&out, `query($after: Cursor) { members(first: 500, after: $after) {
			nodes { name category status phone idNumber mobility
				memberships { startedOn startReason endedOn endReason note }
				mobileReports { reportedOn } attendedMeetings { heldOn } }
			pageInfo { hasNextPage endCursor } } }`, "after", after)
		all = append(all, out.Members.Nodes...)
		if !out.Members.PageInfo.HasNextPage {
			return all
		}
		after = out.Members.PageInfo.EndCursor
	}
}

var syntheticName = regexp.MustCompile(`^\p{Han}某\d{3}$`)

func (d *loaded) synthetic(t *testing.T) {
	ms := d.members(t)
	if len(ms) != 812 {
		t.Fatalf("read %d members, want 812", len(ms))
	}
	ids := map[string]bool{}
	for _, m := range ms {
		if !syntheticName.MatchString(m.Name) {
			t.Errorf("%q is not a visibly synthetic name (surname, 某, number)", m.Name)
		}
		if !strings.HasPrefix(m.Phone, "1380000") || check.Phone(m.Phone) != nil {
			t.Errorf("%s: phone %q is not a synthetic 1380000xxxx number", m.Name, m.Phone)
		}
		if err := check.IDNumber(m.IDNumber); err != nil || ids[m.IDNumber] {
			t.Errorf("%s: ID number %q: %v (or repeated)", m.Name, m.IDNumber, err)
		}
		ids[m.IDNumber] = true
	}
}

func (d *loaded) history(t *testing.T) {
	moved, campaign := 0, 0
	for _, m := range d.members(t) {
		for _, ms := range m.Memberships {
			if ms.EndReason != nil && *ms.EndReason == "TRANSFERRED_OUT" && ms.EndedOn == nil {
				t.Errorf("%s: a transfer out with no end date", m.Name)
			}
			if ms.Note != nil && strings.Contains(*ms.Note, "迁居") {
				moved++
			}
			if ms.Note != nil && strings.Contains(*ms.Note, "网格党支部组建") {
				campaign++
			}
		}
	}
	if moved != 2 || campaign < 100 {
		t.Errorf("transfers: got %d on moving house and %d in the grid campaign; want 2 and most grid members", moved, campaign)
	}
	var out struct {
		Organizations struct {
			Nodes []struct {
				DissolvedOn, DissolutionReason *string
				Memberships                    []struct{ EndedOn *string }
				Appointments                   []struct{ EndedOn *string }
			}
		}
	}
	d.api.Do(&out, `query($n: String!) { organizations(where: {name: $n}) { nodes { dissolvedOn dissolutionReason
		memberships { endedOn } appointments { endedOn } } } }`, "n", DissolvedOrganization)
	if len(out.Organizations.Nodes) != 1 {
		t.Fatalf("%s: got %d organisations", DissolvedOrganization, len(out.Organizations.Nodes))
	}
	o := out.Organizations.Nodes[0]
	if o.DissolvedOn == nil || o.DissolutionReason == nil || len(o.Memberships) == 0 {
		t.Fatalf("%s: got %+v; want dissolved with a reason and its members' history kept", DissolvedOrganization, o)
	}
	for _, m := range append(o.Memberships, o.Appointments...) {
		if m.EndedOn == nil || *m.EndedOn != *o.DissolvedOn {
			t.Errorf("%s: a membership or office ends %v, want %s", DissolvedOrganization, m.EndedOn, *o.DissolvedOn)
		}
	}
	u := d.unit(t, ClosedUnit)
	if u.ClosedOn == nil || *u.ClosedOn != *o.DissolvedOn || len(u.Coverages) != 1 ||
		u.Coverages[0].EndedOn == nil || *u.Coverages[0].EndedOn != *o.DissolvedOn {
		t.Errorf("%s: closed %v, coverages %+v; want closed and its coverage ended the day its branch was dissolved",
			ClosedUnit, u.ClosedOn, u.Coverages)
	}
}
