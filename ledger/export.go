package ledger

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/xuri/excelize/v2"

	"jiceng/ent"
	"jiceng/ent/member"
	"jiceng/ent/membership"
	"jiceng/ent/organization"
	"jiceng/ent/unit"
	"jiceng/policy"
	"jiceng/spreadsheet"
)

// Export writes the register as a ledger workbook in the template's form,
// which Import reads back: areas by path, organisations under their
// parents, units, members and every membership, ended ones too. Personal
// data is written unmasked: only an administrator may call it.
func Export(ctx context.Context, c *ent.Client) (*excelize.File, error) {
	ctx = policy.System(ctx)
	im := &importer{ctx: ctx, sys: ctx, c: c}
	if err := im.load(); err != nil {
		return nil, err
	}
	rows := map[string][][]any{}
	// Areas by path: a parent's path sorts before its children's.
	paths := make([]string, 0, len(im.areas))
	for p := range im.areas {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		a := im.areas[p]
		rows[SheetAreas] = append(rows[SheetAreas], []any{p, zhOf(areaKinds, string(a.Kind)), empty(a.Code),
			a.Households, a.Residents, spreadsheet.LedgerDate(a.EstablishedOn), nil})
	}
	orgs, err := c.Organization.Query().WithAreas().WithParent().Order(ent.Asc(organization.FieldID)).All(ctx)
	if err != nil {
		return nil, fmt.Errorf("loading organisations: %w", err)
	}
	for _, o := range orgs {
		var parent any
		if o.Edges.Parent != nil {
			parent = o.Edges.Parent.Name
		}
		var areas []string
		for _, a := range o.Edges.Areas {
			areas = append(areas, im.areaPaths[a.ID])
		}
		sort.Strings(areas)
		var budget any
		if o.ActivityBudget != nil {
			budget = *o.ActivityBudget
		}
		rows[SheetOrganizations] = append(rows[SheetOrganizations], []any{o.Name, parent, zhOf(organizationKinds, string(o.Kind)),
			zhOf(formations, string(o.Formation)), spreadsheet.LedgerDate(&o.EstablishedOn), empty(o.ShortName),
			empty(strings.Join(areas, "；")), budget, spreadsheet.LedgerDate(o.DissolvedOn), empty(o.DissolutionReason), nil})
	}
	units, err := c.Unit.Query().Order(ent.Asc(unit.FieldID)).All(ctx)
	if err != nil {
		return nil, fmt.Errorf("loading units: %w", err)
	}
	unitRef := map[int]string{}
	for _, u := range units {
		code := ""
		if u.CreditCode != nil {
			code = *u.CreditCode
		}
		unitRef[u.ID] = code
		if code == "" {
			unitRef[u.ID] = u.Name
		}
		rows[SheetUnits] = append(rows[SheetUnits], []any{u.Name, empty(code), zhOf(unitKinds, string(u.Kind)), im.areaPaths[u.GridID],
			u.Employees, yesNoText(u.AboveDesignatedSize), empty(u.Address), spreadsheet.LedgerDate(u.OpenedOn),
			spreadsheet.LedgerDate(u.PlannedCloseOn), spreadsheet.LedgerDate(u.ClosedOn), nil})
	}
	orgName := map[int]string{}
	for _, o := range orgs {
		orgName[o.ID] = o.Name
	}
	members, err := c.Member.Query().Order(ent.Asc(member.FieldID)).All(ctx)
	if err != nil {
		return nil, fmt.Errorf("loading members: %w", err)
	}
	idNumber := map[int]string{}
	for _, m := range members {
		idNumber[m.ID] = m.IDNumber
		var mobility, grid, work, group any
		if m.Mobility != nil {
			mobility = zhOf(mobilities, string(*m.Mobility))
		}
		if m.ResidenceGridID != nil {
			grid = im.areaPaths[*m.ResidenceGridID]
		}
		if m.WorkUnitID != nil {
			work = unitRef[*m.WorkUnitID]
		}
		if m.PartyGroupID != nil {
			group = orgName[*m.PartyGroupID]
		}
		rows[SheetMembers] = append(rows[SheetMembers], []any{m.Name, zhOf(genders, string(m.Gender)), empty(m.Ethnicity),
			spreadsheet.LedgerDate(m.BornOn), empty(m.IDNumber), zhOf(statuses, string(m.Status)), spreadsheet.LedgerDate(&m.JoinedPartyOn),
			spreadsheet.LedgerDate(m.ConfirmedOn), zhOf(categories, string(m.Category)), mobility, empty(m.MobilePlace),
			empty(m.ExternalOrganization), empty(m.Phone), grid, work, group, empty(m.Address), empty(strings.Join(m.Tags, "；")), nil})
	}
	memberships, err := c.Membership.Query().WithMember().Order(ent.Asc(membership.FieldMemberID), ent.Asc(membership.FieldStartedOn)).All(ctx)
	if err != nil {
		return nil, fmt.Errorf("loading memberships: %w", err)
	}
	for _, ms := range memberships {
		var end any
		if ms.EndReason != nil {
			end = zhOf(endReasons, string(*ms.EndReason))
		}
		rows[SheetMemberships] = append(rows[SheetMemberships], []any{idNumber[ms.MemberID], ms.Edges.Member.Name,
			orgName[ms.OrganizationID], spreadsheet.LedgerDate(&ms.StartedOn), zhOf(startReasons, string(ms.StartReason)),
			spreadsheet.LedgerDate(ms.EndedOn), end, empty(ms.Note)})
	}
	r := ref{orgs: orgName, units: unitRef, members: idNumber, areas: im.areaPaths}
	if err := exportLife(ctx, c, rows, r); err != nil {
		return nil, err
	}
	names := map[string]map[int]string{"Member": {}, "Organization": {}, "Unit": {}, "Area": {}}
	for _, m := range members {
		names["Member"][m.ID] = m.Name
	}
	for _, u := range units {
		names["Unit"][u.ID] = u.Name
	}
	for id, p := range im.areaPaths {
		names["Area"][id] = p[strings.LastIndex(p, pathSeparator)+1:]
	}
	if err := exportHistory(ctx, c, rows, r, names); err != nil {
		return nil, err
	}
	return spreadsheet.Ledger(ledgerSheets(rows))
}

// ref writes references as the ledger's rows hold them.
type ref struct {
	orgs, units, members, areas map[int]string
}

func (r ref) of(m map[int]string, id *int) any {
	if id == nil {
		return nil
	}
	return empty(m[*id])
}

// exportLife writes the sheets after the members.
func exportLife(ctx context.Context, c *ent.Client, rows map[string][][]any, r ref) error {
	coverages, err := c.UnitCoverage.Query().Order(ent.Asc("id")).All(ctx)
	if err != nil {
		return fmt.Errorf("loading unit coverages: %w", err)
	}
	for _, x := range coverages {
		rows[SheetCoverages] = append(rows[SheetCoverages], []any{r.orgs[x.OrganizationID], r.units[x.UnitID],
			spreadsheet.LedgerDate(&x.StartedOn), spreadsheet.LedgerDate(x.EndedOn), empty(x.Note)})
	}
	appointments, err := c.Appointment.Query().Order(ent.Asc("id")).All(ctx)
	if err != nil {
		return fmt.Errorf("loading appointments: %w", err)
	}
	holder := map[int]string{}
	for _, x := range appointments {
		holder[x.ID] = x.HolderName
		rows[SheetAppointments] = append(rows[SheetAppointments], []any{zhOf(roles, string(x.Role)), r.of(r.orgs, x.OrganizationID),
			r.of(r.units, x.UnitID), r.of(r.members, x.MemberID), empty(x.HolderName), empty(x.HolderAffiliation), empty(x.Title),
			spreadsheet.LedgerDate(&x.StartedOn), spreadsheet.LedgerDate(x.EndedOn), empty(x.Note)})
	}
	terms, err := c.Term.Query().Order(ent.Asc("id")).All(ctx)
	if err != nil {
		return fmt.Errorf("loading terms: %w", err)
	}
	for _, x := range terms {
		rows[SheetTerms] = append(rows[SheetTerms], []any{r.orgs[x.OrganizationID], spreadsheet.LedgerDate(&x.StartedOn),
			spreadsheet.LedgerDate(&x.DueOn), spreadsheet.LedgerDate(x.RenewedOn), spreadsheet.LedgerDate(x.PostponedTo),
			empty(x.PostponementReason), empty(x.Note)})
	}
	meetings, err := c.Meeting.Query().WithAttendees(func(q *ent.MemberQuery) { q.Select("id") }).Order(ent.Asc("id")).All(ctx)
	if err != nil {
		return fmt.Errorf("loading meetings: %w", err)
	}
	for _, x := range meetings {
		ids := make([]string, 0, len(x.Edges.Attendees))
		for _, a := range x.Edges.Attendees {
			ids = append(ids, r.members[a.ID])
		}
		sort.Strings(ids)
		rows[SheetMeetings] = append(rows[SheetMeetings], []any{r.orgs[x.OrganizationID], zhOf(meetingTypes, string(x.Type)),
			spreadsheet.LedgerDate(&x.HeldOn), x.ExpectedAttendance, x.Attendance, empty(x.Topic), empty(strings.Join(ids, "；"))})
	}
	affiliated, err := c.AffiliatedOrganization.Query().Order(ent.Asc("id")).All(ctx)
	if err != nil {
		return fmt.Errorf("loading mass organisations: %w", err)
	}
	for _, x := range affiliated {
		var members any
		if x.MembersCount != nil {
			members = *x.MembersCount
		}
		rows[SheetAffiliated] = append(rows[SheetAffiliated], []any{x.Name, zhOf(affiliatedKinds, string(x.Kind)),
			r.of(r.units, x.UnitID), r.of(r.areas, x.CommunityID), members, spreadsheet.LedgerDate(x.EstablishedOn),
			spreadsheet.LedgerDate(x.DissolvedOn)})
	}
	reports, err := c.MobileReport.Query().WithMember().Order(ent.Asc("id")).All(ctx)
	if err != nil {
		return fmt.Errorf("loading mobile reports: %w", err)
	}
	for _, x := range reports {
		rows[SheetReports] = append(rows[SheetReports], []any{r.members[x.MemberID], x.Edges.Member.Name,
			spreadsheet.LedgerDate(&x.ReportedOn), zhOf(channels, string(x.Channel)), empty(x.Note)})
	}
	visits, err := c.InstructorVisit.Query().WithAppointment().Order(ent.Asc("id")).All(ctx)
	if err != nil {
		return fmt.Errorf("loading instructor visits: %w", err)
	}
	for _, x := range visits {
		var id, name any
		if a := x.Edges.Appointment; a != nil {
			id, name = r.of(r.members, a.MemberID), empty(a.HolderName)
		}
		rows[SheetVisits] = append(rows[SheetVisits], []any{r.units[x.UnitID], spreadsheet.LedgerDate(&x.VisitedOn), id, name, empty(x.Note)})
	}
	exemptions, err := c.Exemption.Query().Order(ent.Asc("id")).All(ctx)
	if err != nil {
		return fmt.Errorf("loading exemptions: %w", err)
	}
	for _, x := range exemptions {
		rows[SheetExemptions] = append(rows[SheetExemptions], []any{r.orgs[x.OrganizationID], zhOf(meetingTypes, string(x.MeetingType)),
			spreadsheet.LedgerDate(&x.StartedOn), spreadsheet.LedgerDate(x.EndedOn), x.Reason})
	}
	sites, err := c.Organization.Query().Where(organization.HasSiteMembers()).WithSiteMembers().Order(ent.Asc("id")).All(ctx)
	if err != nil {
		return fmt.Errorf("loading site members: %w", err)
	}
	for _, o := range sites {
		for _, m := range o.Edges.SiteMembers {
			rows[SheetSiteMembers] = append(rows[SheetSiteMembers], []any{o.Name, empty(m.IDNumber), m.Name})
		}
	}
	assessments, err := c.Assessment.Query().Order(ent.Asc("id")).All(ctx)
	if err != nil {
		return fmt.Errorf("loading assessments: %w", err)
	}
	for _, x := range assessments {
		rows[SheetAssessments] = append(rows[SheetAssessments], []any{x.Year, r.of(r.orgs, x.OrganizationID), r.of(r.areas, x.CommunityID),
			x.Score, zhOf(grades, string(x.Grade)), yesNoText(x.LeadershipGood), yesNoText(x.RanksGood), yesNoText(x.MechanismsGood),
			yesNoText(x.ResultsGood), yesNoText(x.EvaluationGood), empty(x.Note)})
	}
	return nil
}

// empty is a text cell: nil when there is no text.
func empty(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func yesNoText(b bool) string {
	if b {
		return "是"
	}
	return "否"
}
