package demo

import (
	"fmt"

	"jiceng/ent"
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
		b := l.tx.Member.Create().SetName(p.name).SetGender(p.gender).SetEthnicity(p.ethnicity).
			SetBornOn(p.born).SetStatus(p.status).SetJoinedPartyOn(p.joined).SetCategory(p.category).
			SetNillableMobility(p.mobility).SetPhone(phone(p.number)).SetIDNumber(id)
		if p.place != "" {
			b.SetMobilePlace(p.place)
		}
		if len(p.tags) > 0 {
			b.SetTags(p.tags)
		}
		if p.grid != nil {
			b.SetResidenceGridID(p.grid.ID)
		}
		if p.unit != nil {
			b.SetWorkUnitID(p.unit.ID)
		}
		if p.group != nil {
			b.SetPartyGroupID(p.group.ID)
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
