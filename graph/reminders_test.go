package graph_test

import (
	"slices"
	"testing"

	"jiceng/calendar"
	"jiceng/graph/graphtest"
	"jiceng/viewer"
)

// reminderList is the reminders as the tests read them.
type reminderList struct {
	Total  int
	Counts []struct {
		Kind  string
		Count int
	}
	Groups []struct {
		Responsible  *string
		Organization *struct{ ID, Name string }
		Reminders    []struct {
			Kind, Due, SubjectName string
			Overdue                bool
			DaysLeft               int
			Action, Responsible    *string
			Subject                struct{ ID string }
			Area                   *struct{ Name string }
			Rectification          *struct{ ID string }
		}
	}
}

func reminders(t *testing.T, api *graphtest.Client, day string) reminderList {
	t.Helper()
	var out struct{ Reminders reminderList }
	api.Do(&out, `query($d: Date) { reminders(asOf: $d, within: 30) { total counts { kind count }
		groups { responsible organization { id name } reminders { kind due subjectName overdue daysLeft action responsible
			subject { id } area { name } rectification { id } } } } }`, "d", day)
	return out.Reminders
}

// has says whether the list holds a reminder of kind about subject, due on due.
func (l reminderList) has(kind, subject, due string) bool {
	for _, g := range l.Groups {
		for _, r := range g.Reminders {
			if r.Kind == kind && r.Subject.ID == subject && r.Due == due {
				return true
			}
		}
	}
	return false
}

// TestRemindersComeDueOnTheirDay: each kind of reminder is listed from the
// day it comes due (within 30 days for deadlines and confirmations, the
// rules' own days for terms, reports and training) and not the day before;
// the list is grouped by the person responsible; an editor sees their
// areas only.
func TestRemindersComeDueOnTheirDay(t *testing.T) {
	defer calendar.Freeze(date("2026-03-02"))()
	w := newTown(t)
	// A grid branch secretary, recorded as a member, and another member.
	secretary := w.member("FULL", w.east, map[string]any{"name": "东书记"})
	other := w.member("FULL", w.east, map[string]any{"name": "另一党员"})
	w.create("Appointment", map[string]any{"role": "SECRETARY", "organizationID": w.eastOrg, "memberID": secretary, "startedOn": "2020-01-01"})
	// The grid branch's term ends on 15 June: due for renewal from 15 March (three months ahead).
	w.create("Term", map[string]any{"organizationID": w.eastOrg, "startedOn": "2023-06-15", "dueOn": "2026-06-15"})
	// The monthly meeting of grid secretaries on 20 March: the secretary is not on its roll.
	w.create("Meeting", map[string]any{"organizationID": w.committee, "type": "MONTHLY_MEETING", "heldOn": "2026-03-20",
		"expectedAttendance": 2, "attendance": 1, "attendeeIDs": []string{other}})
	// A mobile member who last reported on 10 February: missing from 10 March.
	mobile := w.member("FULL", "", map[string]any{"name": "流动党员", "category": "MOBILE", "mobility": "OUTFLOW", "mobilePlace": "乌鲁木齐"})
	w.create("MobileReport", map[string]any{"memberID": mobile, "reportedOn": "2026-02-10"})
	// A member who joined on 20 April 2025: probation ends on 20 April 2026, reminded from 21 March.
	probationer := w.create("Member", map[string]any{"name": "预备党员", "gender": "MALE", "status": "PROBATIONARY",
		"category": "IN_SERVICE", "joinedPartyOn": "2025-04-20"})
	w.create("Membership", map[string]any{"memberID": probationer, "organizationID": w.general, "startedOn": "2025-04-20", "startReason": "JOINED_PARTY"})
	// The west grid gets residents and no organisation; its gap is handed
	// over with a deadline of 30 April, reminded from 31 March.
	w.api.Do(nil, `mutation($id: ID!) { updateArea(id: $id, input: {residents: 300}) { id } }`, "id", w.west)
	var handed struct{ CreateRectifications []struct{ ID string } }
	w.api.Do(&handed, `mutation { createRectifications(input: {rules: [WORK_GRID_UNCOVERED], deadline: "2026-04-30", responsible: "王书记"}) { id } }`)
	if len(handed.CreateRectifications) != 1 {
		t.Fatalf("handed over %+v", handed)
	}
	elsewhere := w.create("Area", map[string]any{"name": "别的社区", "kind": "COMMUNITY", "parentID": w.sub})

	for _, c := range []struct {
		what, kind, subject, due, day, before string
	}{
		{"a ledger item 30 days before its deadline", "RECTIFICATION", w.west, "2026-04-30", "2026-03-31", "2026-03-30"},
		{"a term three months before it ends", "TERM_RENEWAL", w.eastOrg, "2026-06-15", "2026-03-15", "2026-03-14"},
		{"a mobile member a month after the last report", "MOBILE_REPORT", mobile, "2026-03-10", "2026-03-10", "2026-03-09"},
		{"a probationary member 30 days before probation ends", "PROBATION", probationer, "2026-04-20", "2026-03-21", "2026-03-20"},
		{"a secretary on the day of the meeting missed", "SECRETARY_TRAINING", w.eastOrg, "2026-03-20", "2026-03-20", "2026-03-19"},
	} {
		t.Run(c.what, func(t *testing.T) {
			if !reminders(t, w.api, c.day).has(c.kind, c.subject, c.due) {
				t.Errorf("%s: no %s reminder of %s due %s", c.day, c.kind, c.subject, c.due)
			}
			if reminders(t, w.api, c.before).has(c.kind, c.subject, c.due) {
				t.Errorf("%s: a %s reminder of %s the day before", c.before, c.kind, c.subject)
			}
		})
	}

	t.Run("grouped by the person responsible", func(t *testing.T) {
		l := reminders(t, w.api, "2026-04-15")
		var kinds []string
		for _, g := range l.Groups {
			if g.Responsible != nil && *g.Responsible == "东书记" {
				if g.Organization == nil || g.Organization.ID != w.eastOrg {
					t.Errorf("the secretary's group is of %+v", g.Organization)
				}
				for _, r := range g.Reminders {
					kinds = append(kinds, r.Kind)
				}
			}
			if g.Responsible != nil && *g.Responsible == "王书记" && (len(g.Reminders) != 1 || g.Reminders[0].Overdue ||
				g.Reminders[0].Rectification == nil || g.Reminders[0].DaysLeft != 15) {
				t.Errorf("the item's group: %+v", g.Reminders)
			}
			for _, r := range g.Reminders {
				if r.Kind == "MOBILE_REPORT" && (!r.Overdue || r.DaysLeft != -36 || r.Action == nil || *r.Action != "mobileReport" ||
					g.Organization == nil || g.Organization.ID != w.general) {
					t.Errorf("the mobile member's reminder: %+v in the group of %+v", r, g.Organization)
				}
			}
		}
		slices.Sort(kinds)
		if !slices.Equal(kinds, []string{"SECRETARY_TRAINING", "TERM_RENEWAL"}) {
			t.Errorf("东书记's reminders: %v, want the term and the training", kinds)
		}
		counted := 0
		for _, c := range l.Counts {
			counted += c.Count
		}
		if counted != l.Total || len(l.Counts) != 5 {
			t.Errorf("counts %+v add up to %d, total %d", l.Counts, counted, l.Total)
		}
	})

	t.Run("an editor sees their areas only", func(t *testing.T) {
		all := reminders(t, w.api, "2026-04-25")
		if got := reminders(t, w.api.As(viewer.Editor, atoi(t, w.community), atoi(t, w.east), atoi(t, w.west)), "2026-04-25"); got.Total != all.Total || got.Total == 0 {
			t.Errorf("the community's editor sees %d reminders of %d", got.Total, all.Total)
		}
		if got := reminders(t, w.api.As(viewer.Editor, atoi(t, elsewhere)), "2026-04-25"); got.Total != 0 {
			t.Errorf("an editor of another community sees %d reminders", got.Total)
		}
		grid := reminders(t, w.api.As(viewer.Editor, atoi(t, w.east)), "2026-04-25")
		if !grid.has("TERM_RENEWAL", w.eastOrg, "2026-06-15") || grid.has("RECTIFICATION", w.west, "2026-04-30") || grid.has("MOBILE_REPORT", mobile, "2026-03-10") {
			t.Errorf("the east grid's editor sees %+v", grid.Groups)
		}
	})

	t.Run("a waived item is due before the day it was waived, not from it", func(t *testing.T) {
		defer calendar.Freeze(date("2026-04-20"))()
		w.api.Do(nil, `mutation($id: ID!) { waiveRectification(id: $id, reason: "网格撤并，无需整改") { id } }`, "id", handed.CreateRectifications[0].ID)
		if !reminders(t, w.api, "2026-04-05").has("RECTIFICATION", w.west, "2026-04-30") {
			t.Error("the item waived on 20 April is not due on 5 April")
		}
		if reminders(t, w.api, "2026-04-20").has("RECTIFICATION", w.west, "2026-04-30") {
			t.Error("the item is still due on the day it was waived")
		}
	})

	t.Run("bad input", func(t *testing.T) {
		if e := w.api.Fail(`{ reminders(within: -1) { total } }`); e.Field() != "within" || e.Reason() != "WITHIN_OUT_OF_RANGE" {
			t.Errorf("within -1: %+v", e)
		}
	})
}
