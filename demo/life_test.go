package demo

import (
	"testing"
	"time"
)

// orgNode is an organisation with its offices, terms, members and meetings.
type orgNode struct {
	Name, Kind, Formation string
	DissolvedOn           *string
	Areas                 []struct{ Kind string }
	Appointments          []struct {
		Role      string
		StartedOn string
		EndedOn   *string
	}
	Terms []struct {
		StartedOn, DueOn string
		RenewedOn        *string
	}
	Memberships []struct{ EndedOn *string }
	Meetings    []struct {
		Type, HeldOn                   string
		ExpectedAttendance, Attendance int
		Attendees                      []struct{ ID string }
	}
}

// organizations reads every organisation with what it holds, a page of 25
// at a time: a page of them all with their meetings' attendees loads more
// records than the API's budget for one request.
func (d *loaded) organizations(t *testing.T) []orgNode {
	t.Helper()
	var (
		all   []orgNode
		after any // the cursor of the page read last; none at first
		total int
	)
	for {
		var out struct {
			Organizations struct {
				TotalCount int
				PageInfo   struct {
					HasNextPage bool
					EndCursor   string
				}
				Nodes []orgNode
			}
		}
		d.api.Do(&out, `query($after: Cursor) { organizations(first: 25, after: $after) { totalCount pageInfo { hasNextPage endCursor }
		nodes { name kind formation dissolvedOn areas { kind }
		appointments { role startedOn endedOn } terms { startedOn dueOn renewedOn } memberships { endedOn }
		meetings { type heldOn expectedAttendance attendance attendees { id } } } } }`, "after", after)
		all, total = append(all, out.Organizations.Nodes...), out.Organizations.TotalCount
		if !out.Organizations.PageInfo.HasNextPage {
			break
		}
		after = out.Organizations.PageInfo.EndCursor
	}
	if total != len(all) {
		t.Fatalf("read %d of %d organisations", len(all), total)
	}
	return all
}

// inOffice reports whether the organisation has someone in a role on day d.
func (o orgNode) inOffice(t *testing.T, role string, d time.Time) bool {
	for _, a := range o.Appointments {
		if a.Role == role && !parse(t, a.StartedOn).After(d) && (a.EndedOn == nil || parse(t, *a.EndedOn).After(d)) {
			return true
		}
	}
	return false
}

func (d *loaded) leadersAndTerms(t *testing.T) {
	threeMonths := d.ref.AddDate(0, 3, 0)
	for _, o := range d.organizations(t) {
		if o.DissolvedOn != nil {
			continue
		}
		role := "SECRETARY"
		if o.Kind == "PARTY_GROUP" {
			role = "GROUP_LEADER"
		}
		if has := o.inOffice(t, role, d.ref); has != (o.Name != VacantOrganization) {
			t.Errorf("%s has a %s in office: %v", o.Name, role, has)
		}
		var open []int
		for i, tm := range o.Terms {
			if tm.RenewedOn == nil {
				open = append(open, i)
			}
		}
		noTerm := o.Kind == "SUBDISTRICT_WORKING_COMMITTEE" || o.Kind == "PARTY_GROUP" || o.Formation == "TEMPORARY"
		if noTerm != (len(open) == 0) || len(open) > 1 {
			t.Errorf("%s (%s, %s) has %d terms awaiting renewal", o.Name, o.Kind, o.Formation, len(open))
			continue
		}
		if noTerm {
			continue
		}
		tm := o.Terms[open[0]]
		from, due := parse(t, tm.StartedOn), parse(t, tm.DueOn)
		years := 3
		if len(o.Areas) == 1 && o.Areas[0].Kind == "COMMUNITY" {
			years = 5
		}
		if !from.AddDate(years, 0, 0).Equal(due) {
			t.Errorf("%s: term from %s due %s; want %d years", o.Name, tm.StartedOn, tm.DueOn, years)
		}
		switch {
		case o.Name == ExpiredTermOrganization:
			if !due.Before(d.ref) {
				t.Errorf("%s: term due %s, want ended before %s", o.Name, tm.DueOn, date(d.ref))
			}
		case o.Name == ExpiringTermOrganization:
			if due.Before(d.ref) || due.After(threeMonths) {
				t.Errorf("%s: term due %s, want within three months of %s", o.Name, tm.DueOn, date(d.ref))
			}
		case !due.After(threeMonths):
			t.Errorf("%s: term due %s, within three months of %s", o.Name, tm.DueOn, date(d.ref))
		}
	}
}

func (d *loaded) branchSizes(t *testing.T) {
	for _, o := range d.organizations(t) {
		if o.Kind != "BRANCH" && o.Kind != "GRID_BRANCH" {
			continue
		}
		n := 0
		for _, m := range o.Memberships {
			if m.EndedOn == nil {
				n++
			}
		}
		if n > 50 {
			t.Errorf("%s has %d members, more than 50", o.Name, n)
		}
	}
}

// required are the meetings each kind holds in a year by default
// (register.Defaults).
var required = map[string]map[string]int{
	"BRANCH": {"MEMBERS_ASSEMBLY": 4, "BRANCH_COMMITTEE": 12, "THEMED_PARTY_DAY": 12, "PARTY_LECTURE": 1,
		"ORGANIZATIONAL_LIFE_MEETING": 1},
	"GRID_BRANCH": {"MEMBERS_ASSEMBLY": 4, "BRANCH_COMMITTEE": 12, "THEMED_PARTY_DAY": 12, "PARTY_LECTURE": 1,
		"ORGANIZATIONAL_LIFE_MEETING": 1},
	// The monthly meeting (月例会) is the working committee's, with the grid secretaries.
	"SUBDISTRICT_WORKING_COMMITTEE": {"MONTHLY_MEETING": 12},
	"PARTY_GROUP":                   {"PARTY_GROUP_MEETING": 12},
	"GENERAL_BRANCH":                {"ORGANIZATIONAL_LIFE_MEETING": 1},
}

func (d *loaded) meetings(t *testing.T) {
	yearAgo := d.ref.AddDate(-1, 0, 0)
	noRoll := 0
	for _, o := range d.organizations(t) {
		held := map[string]int{}
		var last time.Time
		for _, m := range o.Meetings {
			on := parse(t, m.HeldOn)
			if !on.Before(yearAgo) && on.Before(d.ref) {
				held[m.Type]++
			}
			if on.After(last) {
				last = on
			}
			// Only the part-time committee members at joint meetings are off the roll.
			offRoll := m.Attendance - len(m.Attendees)
			if m.Attendance > m.ExpectedAttendance || offRoll < 0 || (offRoll > 0 && m.Type != "JOINT_MEETING") {
				t.Errorf("%s %s on %s: %d present of %d expected, %d on the roll", o.Name, m.Type, m.HeldOn,
					m.Attendance, m.ExpectedAttendance, len(m.Attendees))
			}
			if len(m.Attendees) == 0 {
				noRoll++
			}
		}
		if o.DissolvedOn != nil {
			continue
		}
		if o.Name == SilentPartyGroup {
			if last.After(d.ref.AddDate(0, -7, 0)) || last.IsZero() {
				t.Errorf("%s last met on %s; want seven months or more before %s", o.Name, date(last), date(d.ref))
			}
			continue
		}
		for typ, n := range required[o.Kind] {
			if held[typ] < n {
				t.Errorf("%s held %d %s in the year, want %d", o.Name, held[typ], typ, n)
			}
		}
	}
	if noRoll > 0 {
		t.Errorf("meetings with no one on the roll: got %d, want every meeting to keep a roll", noRoll)
	}
}

func (d *loaded) assessments(t *testing.T) {
	for _, f := range []struct {
		where map[string]any
		min   int
	}{
		{map[string]any{"scoreGTE": 90, "grade": "GOOD"}, 1},
		{map[string]any{"scoreLT": 70, "grade": "POOR"}, 1},
		{map[string]any{"communityIDNotNil": true}, 12},
		{map[string]any{"hasOrganizationWith": []any{map[string]any{"kind": "GENERAL_BRANCH"}}}, 9},
	} {
		if got := d.count("assessments", "AssessmentWhereInput", f.where); got < f.min {
			t.Errorf("assessments where %v: got %d, want at least %d", f.where, got, f.min)
		}
	}
	wrong := map[string]any{"or": []any{
		map[string]any{"scoreGTE": 90, "gradeNEQ": "GOOD"},
		map[string]any{"scoreLT": 70, "gradeNEQ": "POOR"},
	}}
	if got := d.count("assessments", "AssessmentWhereInput", wrong); got != 0 {
		t.Errorf("assessments whose grade disagrees with the thresholds: got %d", got)
	}
}
