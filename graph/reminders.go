package graph

import (
	"context"
	"time"

	"jiceng/calendar"
	"jiceng/ent"
	"jiceng/ent/area"
	"jiceng/ent/organization"
	"jiceng/ent/rectification"
	"jiceng/graph/model"
	"jiceng/register"
	"jiceng/remind"
	"jiceng/viewer"
)

// reminders lists what is due for the API: the records each reminder
// names read at once, an editor's list narrowed to their areas.
func (r *Resolver) reminders(ctx context.Context, areaID *int, asOf *time.Time, within *int, kinds []model.ReminderKind) (*model.ReminderList, error) {
	f := remind.Filter{AreaID: areaID, AsOf: calendar.Today(), Within: remind.DefaultWithin}
	if asOf != nil {
		f.AsOf = calendar.Day(*asOf)
	}
	if within != nil {
		if *within < 0 || *within > remind.MaxWithin {
			return nil, register.Fail(register.Invalid, "within", "WITHIN_OUT_OF_RANGE", "提前提醒的天数须在0至366之间",
				"within must be from 0 to 366 days")
		}
		f.Within = *within
	}
	for _, k := range kinds {
		f.Kinds = append(f.Kinds, remind.Kind(k))
	}
	if v := viewer.FromContext(ctx); v != nil && v.Role == viewer.Editor {
		f.Areas = append([]int{}, v.Areas...)
	}
	if _, err := r.ledger.Reconcile(ctx); err != nil {
		return nil, err
	}
	l, err := remind.Due(ctx, r.client, r.coverage, f)
	if err != nil {
		return nil, err
	}
	return r.reminderList(ctx, l)
}

// reminderList writes a list for the API, reading the subjects,
// organisations, areas, items and gaps it names once each.
func (r *Resolver) reminderList(ctx context.Context, l *remind.List) (*model.ReminderList, error) {
	var subjects, orgs, areas, items []int
	for _, g := range l.Groups {
		for _, x := range g.Reminders {
			subjects = append(subjects, x.SubjectID)
			orgs = append(orgs, x.OrganizationID)
			areas = append(areas, x.AreaID)
			if x.RectificationID != 0 {
				items = append(items, x.RectificationID)
			}
		}
	}
	nodes, err := r.client.Noders(ctx, subjects)
	if err != nil {
		return nil, err
	}
	subject := map[int]ent.Noder{}
	for i, id := range subjects {
		subject[id] = nodes[i]
	}
	os, err := r.client.Organization.Query().Where(organization.IDIn(orgs...)).All(ctx)
	if err != nil {
		return nil, err
	}
	org := map[int]*ent.Organization{}
	for _, o := range os {
		org[o.ID] = o
	}
	as, err := r.client.Area.Query().Where(area.IDIn(areas...)).All(ctx)
	if err != nil {
		return nil, err
	}
	ar := map[int]*ent.Area{}
	for _, a := range as {
		ar[a.ID] = a
	}
	is, err := r.client.Rectification.Query().Where(rectification.IDIn(items...)).All(ctx)
	if err != nil {
		return nil, err
	}
	item := map[int]*ent.Rectification{}
	for _, it := range is {
		item[it.ID] = it
	}
	out := &model.ReminderList{AsOf: l.AsOf, Within: l.Within, Total: l.Total}
	for _, k := range remind.Kinds {
		out.Counts = append(out.Counts, &model.ReminderKindCount{Kind: model.ReminderKind(k), Count: l.Counts[k]})
	}
	for _, g := range l.Groups {
		mg := &model.ReminderGroup{Responsible: optional(g.Responsible), Organization: org[g.OrganizationID], Area: ar[g.AreaID]}
		for _, x := range g.Reminders {
			m := &model.Reminder{Kind: model.ReminderKind(x.Kind), Subject: subject[x.SubjectID], SubjectName: x.SubjectName,
				Due: x.Due, DaysLeft: int(x.Due.Sub(l.AsOf).Hours() / 24), Overdue: x.Overdue, Responsible: optional(x.Responsible),
				Organization: org[x.OrganizationID], Area: ar[x.AreaID], Rectification: item[x.RectificationID], Gap: x.Gap,
				Action: optional(x.Action)}
			if x.Rule != "" {
				rule := x.Rule
				m.Rule = &rule
			}
			if m.Gap == nil && x.GapID != 0 {
				if m.Gap, err = r.coverage.Gap(ctx, x.GapID); err != nil {
					return nil, err
				}
			}
			mg.Reminders = append(mg.Reminders, m)
		}
		out.Groups = append(out.Groups, mg)
	}
	return out, nil
}

func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
