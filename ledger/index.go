package ledger

import (
	"fmt"
	"sort"

	"jiceng/ent"
)

// indexOf loads the records of a sheet's type by their keys.
func (im *importer) indexOf(sheet string) (map[string]known, error) {
	index := map[string]known{}
	ctx := im.sys
	var err error
	switch sheet {
	case SheetCoverages:
		var all []*ent.UnitCoverage
		if all, err = im.c.UnitCoverage.Query().All(ctx); err == nil {
			for _, x := range all {
				index[coverageKey(x.OrganizationID, x.UnitID, x.StartedOn)] = known{id: x.ID, cur: map[string]any{"ended_on": x.EndedOn, "note": x.Note}}
			}
		}
	case SheetAppointments:
		var all []*ent.Appointment
		if all, err = im.c.Appointment.Query().All(ctx); err == nil {
			for _, x := range all {
				index[appointmentKey(string(x.Role), x.OrganizationID, x.UnitID, x.MemberID, x.HolderName, x.StartedOn)] = known{id: x.ID,
					cur: map[string]any{"title": x.Title, "holder_affiliation": x.HolderAffiliation, "ended_on": x.EndedOn, "note": x.Note}}
			}
		}
	case SheetTerms:
		var all []*ent.Term
		if all, err = im.c.Term.Query().All(ctx); err == nil {
			for _, x := range all {
				index[fmt.Sprintf("%d|%s", x.OrganizationID, day(x.StartedOn))] = known{id: x.ID, cur: map[string]any{"due_on": x.DueOn,
					"renewed_on": x.RenewedOn, "postponed_to": x.PostponedTo, "postponement_reason": x.PostponementReason, "note": x.Note}}
			}
		}
	case SheetMeetings:
		var all []*ent.Meeting
		if all, err = im.c.Meeting.Query().WithAttendees(func(q *ent.MemberQuery) { q.Select("id") }).All(ctx); err == nil {
			for _, x := range all {
				set := make([]int, 0, len(x.Edges.Attendees))
				for _, a := range x.Edges.Attendees {
					set = append(set, a.ID)
				}
				sort.Ints(set)
				index[fmt.Sprintf("%d|%s|%s|%s", x.OrganizationID, x.Type, day(x.HeldOn), x.Topic)] = known{id: x.ID, set: set,
					cur: map[string]any{"expected_attendance": x.ExpectedAttendance, "attendance": x.Attendance}}
			}
		}
	case SheetAffiliated:
		var all []*ent.AffiliatedOrganization
		if all, err = im.c.AffiliatedOrganization.Query().All(ctx); err == nil {
			for _, x := range all {
				index[fmt.Sprintf("%s|%v|%v", x.Name, deref(x.UnitID), deref(x.CommunityID))] = known{id: x.ID, cur: map[string]any{
					"members_count": x.MembersCount, "established_on": x.EstablishedOn, "dissolved_on": x.DissolvedOn}}
			}
		}
	case SheetReports:
		var all []*ent.MobileReport
		if all, err = im.c.MobileReport.Query().All(ctx); err == nil {
			for _, x := range all {
				index[fmt.Sprintf("%d|%s", x.MemberID, day(x.ReportedOn))] = known{id: x.ID, cur: map[string]any{"note": x.Note, "channel": x.Channel}}
			}
		}
	case SheetSiteMembers:
		var all []*ent.Organization
		if all, err = im.c.Organization.Query().WithSiteMembers(func(q *ent.MemberQuery) { q.Select("id") }).All(ctx); err == nil {
			for _, o := range all {
				for _, m := range o.Edges.SiteMembers {
					index[fmt.Sprintf("%d|%d", o.ID, m.ID)] = known{id: o.ID}
				}
			}
		}
	case SheetAssessments:
		var all []*ent.Assessment
		if all, err = im.c.Assessment.Query().All(ctx); err == nil {
			for _, x := range all {
				index[fmt.Sprintf("%v|%v|%v", x.Year, deref(x.OrganizationID), deref(x.CommunityID))] = known{id: x.ID, cur: map[string]any{
					"score": x.Score, "grade": x.Grade, "leadership_good": x.LeadershipGood, "ranks_good": x.RanksGood,
					"mechanisms_good": x.MechanismsGood, "results_good": x.ResultsGood, "evaluation_good": x.EvaluationGood, "note": x.Note}}
			}
		}
	case SheetExemptions:
		var all []*ent.Exemption
		if all, err = im.c.Exemption.Query().All(ctx); err == nil {
			for _, x := range all {
				index[exemptionKey(x.OrganizationID, string(x.MeetingType), x.StartedOn)] = known{id: x.ID, cur: map[string]any{"ended_on": x.EndedOn, "reason": x.Reason}}
			}
		}
	case SheetVisits:
		var all []*ent.InstructorVisit
		if all, err = im.c.InstructorVisit.Query().All(ctx); err == nil {
			for _, x := range all {
				index[fmt.Sprintf("%d|%s|%v", x.UnitID, day(x.VisitedOn), deref(x.AppointmentID))] = known{id: x.ID, cur: map[string]any{"note": x.Note}}
			}
		}
	}
	if err != nil {
		return nil, fmt.Errorf("loading the records of %s: %w", sheet, err)
	}
	return index, nil
}
