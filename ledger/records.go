package ledger

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"jiceng/check"
	"jiceng/ent"
	"jiceng/ent/area"
	"jiceng/ent/member"
	"jiceng/ent/membership"
	"jiceng/ent/organization"
	"jiceng/ent/unit"
	"jiceng/register"
	"jiceng/vocab"
)

// duplicate reports a key written on an earlier row of the same sheet.
func (im *importer) duplicate(p *parser, key, value string) {
	if value == "" {
		return
	}
	if at, dup := im.once(p.r.sheet.name, value, p.r.n); dup {
		p.problem(key, "与本表第%d行重复：同一条记录只能写一行", at)
	}
}

// skip ends a row that has problems before it is written.
func (im *importer) skip(p *parser, name string) bool {
	if !p.failed() {
		return false
	}
	im.fail(p.r, name, p.problems)
	im.tick()
	return true
}

func str(v any) string {
	s, _ := v.(string)
	return s
}

// areas imports the areas, parents before children.
func (im *importer) areaRows(rows []*row) error {
	sorted := slices.Clone(rows)
	sort.SliceStable(sorted, func(i, j int) bool {
		return strings.Count(cleanPath(sorted[i].cells["path"]), pathSeparator) < strings.Count(cleanPath(sorted[j].cells["path"]), pathSeparator)
	})
	for _, r := range sorted {
		p := &parser{r: r}
		path := cleanPath(str(p.text("path")))
		kind := p.enum("kind")
		fields := []field{
			{"kind", "kind", nil}, {"code", "code", p.text("code")}, {"households", "households", p.number("households")},
			{"residents", "residents", p.number("residents")}, {"established_on", "established", p.dateValue("established")},
		}
		if kind != "" {
			fields[0].value = area.Kind(kind)
		}
		day := p.date("effective")
		segments := strings.Split(path, pathSeparator)
		fields = append(fields, field{"name", "path", segments[len(segments)-1]})
		if len(segments) > 1 {
			parent := strings.Join(segments[:len(segments)-1], pathSeparator)
			if a := im.areas[parent]; a == nil {
				p.problem("path", "%s", im.missing(SheetAreas, parent, fmt.Sprintf("上级区域“%s”在区域表和系统中都没有", parent)))
			} else {
				fields = append(fields, field{"parent_id", "path", a.ID})
			}
		}
		im.duplicate(p, "path", path)
		if im.skip(p, path) {
			continue
		}
		var w change
		var cur map[string]any
		if a := im.areas[path]; a != nil {
			u := im.c.Area.UpdateOneID(a.ID)
			w, cur = change{m: u.Mutation(), save: func(ctx context.Context) (any, error) { return u.Save(ctx) }}, map[string]any{
				"name": a.Name, "kind": a.Kind, "code": a.Code, "households": a.Households, "residents": a.Residents,
				"established_on": a.EstablishedOn, "parent_id": a.ParentID}
		} else {
			b := im.c.Area.Create()
			w = change{m: b.Mutation(), save: func(ctx context.Context) (any, error) { return b.Save(ctx) }}
		}
		v, err := im.write(r, path, day, cur, fields, w, nil)
		if err != nil {
			return err
		}
		if a, ok := v.(*ent.Area); ok {
			im.addArea(a, path)
		}
	}
	return nil
}

// areaIDs reads a list of area paths separated by semicolons.
func (im *importer) areaIDs(p *parser, key string) []int {
	v, ok := p.cell(key)
	if !ok {
		return nil
	}
	ids := []int{}
	for _, path := range strings.FieldsFunc(v, func(r rune) bool { return r == ';' || r == '；' || r == '\n' }) {
		if strings.TrimSpace(path) == "" {
			continue
		}
		a, problem := im.area(path)
		if a == nil {
			p.problem(key, "%s", problem)
			continue
		}
		ids = append(ids, a.ID)
	}
	sort.Ints(ids)
	return ids
}

// organizations imports the organisations, each once its parent is known:
// a parent may come later in the sheet than its children.
func (im *importer) organizationRows(rows []*row) error {
	pending := rows
	for len(pending) > 0 {
		var later []*row
		for _, r := range pending {
			parent := r.cells["parent"]
			if parent != "" && len(im.orgsByName[parent]) == 0 {
				later = append(later, r)
				continue
			}
			if err := im.organization(r); err != nil {
				return err
			}
		}
		if len(later) == len(pending) {
			// No parent among them will come: report them.
			for _, r := range later {
				p := &parser{r: r}
				p.problem("parent", "%s", im.missing(SheetOrganizations, r.cells["parent"], fmt.Sprintf("上级党组织“%s”在党组织表和系统中都没有", r.cells["parent"])))
				im.skip(p, r.cells["name"])
			}
			return nil
		}
		pending = later
	}
	return nil
}

func (im *importer) organization(r *row) error {
	p := &parser{r: r}
	name := str(p.text("name"))
	kind := vocab.OrganizationKind(p.enum("kind"))
	formation := p.enum("formation")
	var parentID *int
	if s, ok := p.cell("parent"); ok {
		if o, problem := im.organization_(s); o == nil {
			p.problem("parent", "%s", problem)
		} else {
			parentID = &o.ID
		}
	}
	fields := []field{{"name", "name", name}, {"formation", "formation", nil},
		{"established_on", "established", p.dateValue("established")}, {"short_name", "shortName", p.text("shortName")},
		{"activity_budget", "budget", p.number("budget")}, {"dissolved_on", "dissolved", p.dateValue("dissolved")},
		{"dissolution_reason", "dissolution", p.text("dissolution")}}
	if formation != "" {
		fields[1].value = organization.Formation(formation)
	}
	if parentID != nil {
		fields = append(fields, field{"parent_id", "parent", *parentID})
	}
	areas := im.areaIDs(p, "areas")
	day := p.date("effective")
	im.duplicate(p, "name", orgKey(parentID, name))
	if im.skip(p, name) {
		return nil
	}
	existing := im.orgs[orgKey(parentID, name)]
	var w change
	var cur map[string]any
	var extra []string
	if o := existing; o != nil {
		u := im.c.Organization.UpdateOneID(o.ID)
		cur = map[string]any{"name": o.Name, "formation": o.Formation, "established_on": o.EstablishedOn,
			"short_name": o.ShortName, "activity_budget": o.ActivityBudget, "parent_id": o.ParentID,
			"dissolved_on": o.DissolvedOn, "dissolution_reason": o.DissolutionReason}
		var now []int
		for _, a := range o.Edges.Areas {
			now = append(now, a.ID)
		}
		sort.Ints(now)
		if areas != nil && !slices.Equal(areas, now) {
			u.RemoveAreaIDs(now...).AddAreaIDs(areas...)
			extra = append(extra, r.sheet.column("areas").Header)
		}
		upgrade := kind != "" && kind != o.Kind
		if upgrade {
			extra = append(extra, r.sheet.column("kind").Header)
		}
		w = change{m: u.Mutation(), save: func(ctx context.Context) (any, error) {
			if upgrade {
				on := register.EffectiveDay(ctx)
				reason := im.reason
				if _, err := register.UpgradeOrganization(ctx, im.c, register.Upgrade{OrganizationID: o.ID, ToKind: kind, On: on, Reason: &reason}); err != nil {
					return nil, err
				}
			}
			return u.Save(ctx)
		}}
	} else {
		b := im.c.Organization.Create().SetKind(kind).AddAreaIDs(areas...)
		w = change{m: b.Mutation(), save: func(ctx context.Context) (any, error) { return b.Save(ctx) }}
	}
	v, err := im.write(r, name, day, cur, fields, w, extra)
	if err != nil {
		return err
	}
	if o, ok := v.(*ent.Organization); ok {
		o, err := im.c.Organization.Query().Where(organization.ID(o.ID)).WithAreas().Only(im.sys)
		if err != nil {
			return fmt.Errorf("reloading organisation: %w", err)
		}
		im.addOrganization(o)
	}
	return nil
}

// organization_ finds a parent organisation by name.
func (im *importer) organization_(name string) (*ent.Organization, string) {
	list := im.orgsByName[name]
	switch len(list) {
	case 0:
		return nil, im.missing(SheetOrganizations, name, fmt.Sprintf("上级党组织“%s”在党组织表和系统中都没有", name))
	case 1:
		return list[0], ""
	}
	return nil, fmt.Sprintf("有%d个党组织都叫“%s”，无法确定上级是哪一个", len(list), name)
}

func (im *importer) unit(r *row) error {
	p := &parser{r: r}
	name := str(p.text("name"))
	code := p.checked("creditCode", check.CreditCode, "统一社会信用代码", creditCodeRule)
	kind := p.enum("kind")
	var gridID int
	if s, ok := p.cell("grid"); ok {
		if a, problem := im.area(s); a == nil {
			p.problem("grid", "%s", problem)
		} else {
			gridID = a.ID
		}
	}
	fields := []field{{"name", "name", name}, {"credit_code", "creditCode", code}, {"kind", "kind", nil},
		{"employees", "employees", p.number("employees")}, {"above_designated_size", "aboveSize", p.yesNo("aboveSize")},
		{"address", "address", p.text("address")}, {"opened_on", "opened", p.dateValue("opened")},
		{"planned_close_on", "plannedClose", p.dateValue("plannedClose")}, {"closed_on", "closed", p.dateValue("closed")}}
	if kind != "" {
		fields[2].value = unit.Kind(kind)
	}
	if gridID != 0 {
		fields = append(fields, field{"grid_id", "grid", gridID})
	}
	day := p.date("effective")
	var existing *ent.Unit
	if code != nil {
		existing = im.units[code.(string)]
		im.duplicate(p, "creditCode", code.(string))
	} else if r.cells["creditCode"] == "" {
		existing = im.unitIn(name, gridID)
		im.duplicate(p, "name", fmt.Sprint(gridID, "|", name))
	}
	if im.skip(p, name) {
		return nil
	}
	var w change
	var cur map[string]any
	if u := existing; u != nil {
		up := im.c.Unit.UpdateOneID(u.ID)
		cur = map[string]any{"name": u.Name, "credit_code": u.CreditCode, "kind": u.Kind, "employees": u.Employees,
			"above_designated_size": u.AboveDesignatedSize, "address": u.Address, "opened_on": u.OpenedOn,
			"planned_close_on": u.PlannedCloseOn, "closed_on": u.ClosedOn, "grid_id": u.GridID}
		w = change{m: up.Mutation(), save: func(ctx context.Context) (any, error) { return up.Save(ctx) }}
	} else {
		b := im.c.Unit.Create()
		w = change{m: b.Mutation(), save: func(ctx context.Context) (any, error) { return b.Save(ctx) }}
	}
	v, err := im.write(r, name, day, cur, fields, w, nil)
	if u, ok := v.(*ent.Unit); ok {
		im.addUnit(u)
	}
	return err
}

func (im *importer) member(r *row) error {
	p := &parser{r: r}
	name := str(p.text("name"))
	id := p.checked("idNumber", check.IDNumber, "公民身份号码", idNumberRule)
	status, category, mobility, gender := p.enum("status"), p.enum("category"), p.enum("mobility"), p.enum("gender")
	joined, confirmed := p.date("joined"), p.date("confirmed")
	if joined != nil && confirmed != nil && confirmed.Before(*joined) {
		p.problem("confirmed", "转正日期%s早于入党日期%s", day(*confirmed), day(*joined))
	}
	fields := []field{{"name", "name", name}, {"id_number", "idNumber", id}, {"gender", "gender", nil},
		{"ethnicity", "ethnicity", p.text("ethnicity")}, {"born_on", "born", p.dateValue("born")},
		{"status", "status", nil}, {"joined_party_on", "joined", value(joined)}, {"confirmed_on", "confirmed", value(confirmed)},
		{"category", "category", nil}, {"mobility", "mobility", nil}, {"mobile_place", "mobilePlace", p.text("mobilePlace")},
		{"external_organization", "external", p.text("external")}, {"phone", "phone", p.checked("phone", check.Phone, "联系电话", phoneRule)},
		{"address", "address", p.text("address")}, {"tags", "tags", tags(p.text("tags"))}}
	if gender != "" {
		fields[2].value = member.Gender(gender)
	}
	if status != "" {
		fields[5].value = member.Status(status)
	}
	if category != "" {
		fields[8].value = member.Category(category)
	}
	if mobility != "" {
		fields[9].value = member.Mobility(mobility)
	}
	if s, ok := p.cell("grid"); ok {
		if a, problem := im.area(s); a == nil {
			p.problem("grid", "%s", problem)
		} else {
			fields = append(fields, field{"residence_grid_id", "grid", a.ID})
		}
	}
	if s, ok := p.cell("workUnit"); ok {
		if u, problem := im.keys.unit(s); u == nil {
			p.problem("workUnit", "%s", problem)
		} else {
			fields = append(fields, field{"work_unit_id", "workUnit", u.ID})
		}
	}
	if s, ok := p.cell("group"); ok {
		if g, problem := im.keys.organization(s, true); g == nil {
			p.problem("group", "%s", problem)
		} else {
			fields = append(fields, field{"party_group_id", "group", g.ID})
		}
	}
	effective := p.date("effective")
	if id != nil {
		im.duplicate(p, "idNumber", id.(string))
	}
	if im.skip(p, name) {
		return nil
	}
	var w change
	var cur map[string]any
	if m := im.members[id.(string)]; m != nil {
		u := im.c.Member.UpdateOneID(m.ID)
		cur = map[string]any{"name": m.Name, "id_number": m.IDNumber, "gender": m.Gender, "ethnicity": m.Ethnicity,
			"born_on": m.BornOn, "status": m.Status, "joined_party_on": m.JoinedPartyOn, "confirmed_on": m.ConfirmedOn,
			"category": m.Category, "mobility": m.Mobility, "mobile_place": m.MobilePlace, "external_organization": m.ExternalOrganization,
			"phone": m.Phone, "address": m.Address, "residence_grid_id": m.ResidenceGridID, "work_unit_id": m.WorkUnitID,
			"party_group_id": m.PartyGroupID, "tags": m.Tags}
		w = change{m: u.Mutation(), save: func(ctx context.Context) (any, error) { return u.Save(ctx) }}
	} else {
		b := im.c.Member.Create()
		w = change{m: b.Mutation(), save: func(ctx context.Context) (any, error) { return b.Save(ctx) }}
	}
	v, err := im.write(r, name, effective, cur, fields, w, nil)
	if m, ok := v.(*ent.Member); ok {
		// Kept by the number the row gives: the record a write returns is
		// masked for a viewer who may not read it.
		im.members[id.(string)] = m
	}
	return err
}

func (im *importer) membership(r *row) error {
	p := &parser{r: r}
	var m *ent.Member
	if s, ok := p.cell("idNumber"); ok {
		if m = im.members[s]; m == nil {
			p.problem("idNumber", "%s", im.missing(SheetMembers, s, fmt.Sprintf("身份号码为“%s”的党员在党员表和系统中都没有", s)))
		}
	}
	var org *ent.Organization
	if s, ok := p.cell("organization"); ok {
		var problem string
		if org, problem = im.keys.organization(s, false); org == nil {
			p.problem("organization", "%s", problem)
		}
	}
	started, ended := p.date("started"), p.date("ended")
	if started != nil && ended != nil && ended.Before(*started) {
		p.problem("ended", "转出日期%s早于转入日期%s", day(*ended), day(*started))
	}
	start, end := p.enum("startReason"), p.enum("endReason")
	fields := []field{{"ended_on", "ended", value(ended)}, {"end_reason", "endReason", nil}, {"note", "note", p.text("note")}}
	if end != "" {
		fields[1].value = membership.EndReason(end)
	}
	name := r.cells["name"]
	if m != nil {
		name = m.Name
	}
	if m != nil && org != nil && started != nil {
		im.duplicate(p, "started", membershipKey(m.ID, org.ID, *started))
	}
	if !p.failed() && m != nil && org != nil && started != nil {
		except := 0
		if ms := im.memberships[membershipKey(m.ID, org.ID, *started)]; ms != nil {
			except = ms.ID
		}
		if o := im.overlapping(m.ID, except, *started, ended); o != nil {
			until := "至今"
			if o.EndedOn != nil {
				until = "至" + day(*o.EndedOn)
			}
			p.problem("started", "%s的组织关系自%s%s在%s，与本行时间重叠：一名党员同一时间只能有一个组织关系；转接请先填写原组织关系的转出日期",
				m.Name, day(o.StartedOn), until, im.orgName(o.OrganizationID))
		}
	}
	if im.skip(p, name) {
		return nil
	}
	var w change
	var cur map[string]any
	if ms := im.memberships[membershipKey(m.ID, org.ID, *started)]; ms != nil {
		u := im.c.Membership.UpdateOneID(ms.ID)
		cur = map[string]any{"ended_on": ms.EndedOn, "end_reason": ms.EndReason, "note": ms.Note}
		w = change{m: u.Mutation(), save: func(ctx context.Context) (any, error) { return u.Save(ctx) }}
	} else {
		b := im.c.Membership.Create().SetMemberID(m.ID).SetOrganizationID(org.ID).SetStartedOn(*started).
			SetStartReason(membership.StartReason(start))
		w = change{m: b.Mutation(), save: func(ctx context.Context) (any, error) { return b.Save(ctx) }}
	}
	v, err := im.write(r, name, ended, cur, fields, w, nil)
	if ms, ok := v.(*ent.Membership); ok {
		im.addMembership(ms)
	}
	return err
}

// orgName is the name of an organisation the import knows.
func (im *importer) orgName(id int) string {
	for _, o := range im.orgs {
		if o.ID == id {
			return o.Name
		}
	}
	return fmt.Sprint(id)
}

// tags reads labels separated by semicolons; nil when there are none.
func tags(v any) any {
	s, _ := v.(string)
	out := strings.FieldsFunc(s, func(r rune) bool { return r == ';' || r == '；' || r == '、' })
	for i := range out {
		out[i] = strings.TrimSpace(out[i])
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// value is a date as a field's value: nil when there is none.
func value(t *time.Time) any {
	if t == nil {
		return nil
	}
	return *t
}

func day(t time.Time) string { return t.Format(time.DateOnly) }
