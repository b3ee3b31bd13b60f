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
			empty(strings.Join(areas, "；")), budget, nil})
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
			empty(m.ExternalOrganization), empty(m.Phone), grid, work, group, empty(m.Address), nil})
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
	return spreadsheet.Ledger(ledgerSheets(rows))
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
