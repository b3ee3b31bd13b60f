package demo

import (
	"fmt"
	"sort"
	"time"

	"jiceng/ent"
	"jiceng/ent/member"
	"jiceng/ent/membership"
	"jiceng/register"
)

// loadMembers draws up the roster and writes the members, a batch at a time.
func (l *loader) loadMembers() error {
	l.draftRoster()
	builders := make([]*ent.MemberCreate, 0, len(l.people))
	for _, p := range l.people {
		id, err := idNumber(p)
		if err != nil {
			return err
		}
		// A member is written as they were at the start: changed later
		// (was), still probationary (confirmed by an update), or outflow
		// only from the day they left.
		first := *p
		status := p.status
		if p.confirmed != nil {
			status = member.StatusPROBATIONARY
		}
		if w := p.was; w != nil {
			first.grid = pick2(w.grid, p.grid)
			first.group = pick2(w.group, p.group)
			first.unit = pick2(w.unit, p.unit)
			if w.noUnit {
				first.unit = nil
			}
			if w.category != nil {
				first.category, first.mobility, first.place = *w.category, nil, ""
			}
		}
		b := l.tx.Member.Create().SetName(p.name).SetGender(p.gender).SetEthnicity(p.ethnicity).
			SetBornOn(p.born).SetStatus(status).SetJoinedPartyOn(p.joined).SetCategory(first.category).
			SetNillableMobility(first.mobility).SetPhone(phone(p.number)).SetIDNumber(id)
		if first.place != "" {
			b.SetMobilePlace(first.place)
		}
		if len(p.tags) > 0 {
			b.SetTags(p.tags)
		}
		if first.grid != nil {
			b.SetResidenceGridID(first.grid.ID)
		}
		if first.unit != nil {
			b.SetWorkUnitID(first.unit.ID)
		}
		if first.group != nil {
			b.SetPartyGroupID(first.group.ID)
		}
		builders = append(builders, b)
	}
	for start := 0; start < len(builders); start += batch {
		end := min(start+batch, len(builders))
		ms, err := l.tx.Member.CreateBulk(builders[start:end]...).Save(l.ctx)
		if err != nil {
			return fmt.Errorf("creating members %d to %d: %w", start+1, end, err)
		}
		for i, m := range ms {
			l.people[start+i].m = m
		}
	}
	return nil
}

// pick2 returns a if it is set, else b.
func pick2[T any](a, b *T) *T {
	if a != nil {
		return a
	}
	return b
}

// loadChanges writes the dated changes of members' records, each through an
// update under register.On, so the register keeps the value before and
// after: the confirmations (转正) of the members who joined during the
// recorded history, moves of home, changes of work unit, retirements and
// the outflow of the two mobile members, in the order they happened.
func (l *loader) loadChanges() error {
	type change struct {
		on     time.Time
		reason string
		p      *person
		write  func(u *ent.MemberUpdateOne)
	}
	var changes []change
	for _, p := range l.people {
		if p.confirmed != nil {
			changes = append(changes, change{*p.confirmed, "预备期满，支部大会讨论通过，按期转为正式党员", p,
				func(u *ent.MemberUpdateOne) { u.SetStatus(member.StatusFULL) }})
		}
		w := p.was
		if w == nil {
			continue
		}
		changes = append(changes, change{w.on, w.reason, p, func(u *ent.MemberUpdateOne) {
			if w.grid != nil {
				u.SetNillableResidenceGridID(idOf(p.grid))
			}
			if w.group != nil {
				u.SetNillablePartyGroupID(orgID(p.group))
			}
			if w.unit != nil || w.noUnit {
				if p.unit == nil {
					u.ClearWorkUnit()
				} else {
					u.SetWorkUnitID(p.unit.ID)
				}
			}
			if w.category != nil {
				u.SetCategory(p.category).SetNillableMobility(p.mobility)
				if p.place != "" {
					u.SetMobilePlace(p.place)
				}
			}
		}})
	}
	sort.SliceStable(changes, func(i, j int) bool { return changes[i].on.Before(changes[j].on) })
	for _, c := range changes {
		u := l.tx.Member.UpdateOneID(c.p.m.ID)
		c.write(u)
		m, err := u.Save(register.On(l.ctx, c.on, c.reason))
		if err != nil {
			return fmt.Errorf("%s on %s (%s): %w", c.p.name, day(c.on), c.reason, err)
		}
		c.p.m = m
	}
	return nil
}

// loadSiteMembers records the members taking part in the temporary branch's
// life (Organization.site_members), from the day each joined it.
func (l *loader) loadSiteMembers() error {
	for _, p := range l.people {
		if p.site == nil {
			continue
		}
		_, err := l.tx.Organization.UpdateOneID(p.site.ID).AddSiteMemberIDs(p.m.ID).
			Save(register.On(l.ctx, p.siteFrom, "参加工地临时党支部活动，组织关系不转接"))
		if err != nil {
			return fmt.Errorf("%s taking part in %s: %w", p.name, p.site.Name, err)
		}
	}
	return nil
}

func idOf(a *ent.Area) *int {
	if a == nil {
		return nil
	}
	return &a.ID
}

func orgID(o *ent.Organization) *int {
	if o == nil {
		return nil
	}
	return &o.ID
}

// loadMemberships writes where each member's relationship sat: the first
// stay as a membership that began when they joined the Party or were
// transferred in, and every later stay through register.TransferMember,
// which closes one membership and opens the next.
func (l *loader) loadMemberships() error {
	var builders []*ent.MembershipCreate
	for _, p := range l.people {
		if len(p.stays) == 0 {
			continue // the pocket member
		}
		s := p.stays[0]
		reason := membership.StartReasonTRANSFERRED_IN
		if s.from.Equal(p.joined) {
			reason = membership.StartReasonJOINED_PARTY
		}
		b := l.tx.Membership.Create().SetMemberID(p.m.ID).SetOrganizationID(s.org.ID).
			SetStartedOn(s.from).SetStartReason(reason)
		if s.note != "" {
			b.SetNote(s.note)
		}
		builders = append(builders, b)
	}
	for start := 0; start < len(builders); start += batch {
		end := min(start+batch, len(builders))
		if _, err := l.tx.Membership.CreateBulk(builders[start:end]...).Save(l.ctx); err != nil {
			return fmt.Errorf("creating memberships: %w", err)
		}
	}
	for _, p := range l.people {
		for _, s := range p.stays[min(1, len(p.stays)):] {
			_, err := register.TransferMember(l.ctx, l.tx, register.Transfer{
				MemberID: p.m.ID, ToOrganizationID: &s.org.ID, On: s.from,
				Reason: register.TransferIndividual, Note: ptr(s.note),
			})
			if err != nil {
				return fmt.Errorf("transferring %s to %s on %s: %w", p.name, s.org.Name, day(s.from), err)
			}
		}
	}
	return nil
}
