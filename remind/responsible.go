package remind

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"time"

	"jiceng/ent"
	"jiceng/ent/appointment"
	"jiceng/ent/membership"
)

// Who is responsible for each reminder, and the list grouped by them.

// responsible fills in the organisation of each member's reminder (where
// the member's relationship sits on the day) and the person responsible
// for every reminder without one: the organisation's secretary in office.
func (l *lister) responsible(ctx context.Context, rs []*Reminder) error {
	var members []int
	for _, r := range rs {
		if r.OrganizationID == 0 && r.SubjectType == "Member" {
			members = append(members, r.SubjectID)
		}
	}
	if len(members) > 0 {
		ms, err := l.c.Membership.Query().Where(membership.MemberIDIn(members...), membership.StartedOnLTE(l.asOf),
			membership.Or(membership.EndedOnIsNil(), membership.EndedOnGT(l.asOf))).All(ctx)
		if err != nil {
			return fmt.Errorf("reading the memberships: %w", err)
		}
		org := map[int]int{}
		for _, m := range ms {
			org[m.MemberID] = m.OrganizationID
		}
		for _, r := range rs {
			if r.OrganizationID == 0 && r.SubjectType == "Member" {
				r.OrganizationID = org[r.SubjectID]
			}
		}
	}
	var orgs []int
	for _, r := range rs {
		if r.OrganizationID != 0 && r.Responsible == "" {
			orgs = append(orgs, r.OrganizationID)
		}
	}
	if len(orgs) == 0 {
		return nil
	}
	aps, err := l.c.Appointment.Query().Where(appointment.OrganizationIDIn(orgs...), appointment.RoleEQ(appointment.RoleSECRETARY),
		appointment.StartedOnLTE(l.asOf), appointment.Or(appointment.EndedOnIsNil(), appointment.EndedOnGT(l.asOf))).
		WithMember().Order(ent.Asc(appointment.FieldStartedOn), ent.Asc(appointment.FieldID)).All(ctx)
	if err != nil {
		return fmt.Errorf("reading the secretaries: %w", err)
	}
	secretary := map[int]string{}
	for _, ap := range aps {
		name := ap.HolderName
		if ap.Edges.Member != nil {
			name = ap.Edges.Member.Name
		}
		if name != "" {
			secretary[*ap.OrganizationID] = name
		}
	}
	for _, r := range rs {
		if r.Responsible == "" {
			r.Responsible = secretary[r.OrganizationID]
		}
	}
	return nil
}

// group sorts the reminders (overdue first, then by day) and groups them
// by person responsible and organisation, the group with the earliest due
// first.
func group(asOf time.Time, within int, rs []*Reminder) *List {
	l := &List{AsOf: asOf, Within: within, Counts: map[Kind]int{}, Total: len(rs)}
	for _, r := range rs {
		r.Overdue = r.Due.Before(asOf)
		l.Counts[r.Kind]++
	}
	slices.SortStableFunc(rs, func(a, b *Reminder) int {
		return cmp.Or(a.Due.Compare(b.Due), cmp.Compare(slices.Index(Kinds, a.Kind), slices.Index(Kinds, b.Kind)),
			cmp.Compare(a.SubjectName, b.SubjectName), cmp.Compare(a.SubjectID, b.SubjectID))
	})
	type key struct {
		who  string
		org  int
		area int
	}
	byKey := map[key]*Group{}
	for _, r := range rs {
		k := key{r.Responsible, r.OrganizationID, 0}
		if r.OrganizationID == 0 {
			k.area = r.AreaID
		}
		g := byKey[k]
		if g == nil {
			g = &Group{Responsible: r.Responsible, OrganizationID: r.OrganizationID, AreaID: r.AreaID}
			byKey[k] = g
			l.Groups = append(l.Groups, g)
		}
		g.Reminders = append(g.Reminders, r)
	}
	return l
}
