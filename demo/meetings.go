package demo

import (
	"fmt"
	"time"

	"jiceng/ent"
	"jiceng/ent/appointment"
	"jiceng/vocab"
)

// cadence is how often a type of meeting is held in the year before the
// reference day.
type cadence int

const (
	monthly cadence = iota
	quarterly
	yearly
)

// series is the meetings of one type an organisation holds: how often, and
// who is expected.
type series struct {
	typ     vocab.MeetingType
	cadence cadence
	// expected returns who is expected on a day when it is not every
	// member, as for a committee.
	expected func(d time.Time) []*person
	// guests are expected besides members of the register and are not on
	// the roll: the part-time committee members at a joint meeting.
	guests int
}

// loadMeetings writes a year of organisational life before the reference
// day for every organisation that has members, at the default frequencies
// (register.Defaults): each branch its quarterly members' assembly, monthly
// committee and themed Party day, yearly lecture and organisational life
// meeting, and each grid branch its monthly meeting of the committee and
// group leaders; each Party group its monthly meeting; each general branch
// a quarterly assembly, a monthly themed Party day, a yearly organisational
// life meeting and quarterly joint meetings with the stationed units. Every
// meeting keeps a roll of the members present, so each member's
// organisational life is known month by month.
func (l *loader) loadMeetings() error {
	l.absent = map[rollKey]map[*person]bool{}
	for _, o := range l.ordered {
		if o.Name == tradingBranch {
			continue // dissolved before the year began
		}
		committee := func(d time.Time) []*person { return l.officers(o, d) }
		var plan []series
		switch o.Kind {
		case vocab.Branch, vocab.GridBranch:
			plan = []series{
				{typ: vocab.MembersAssembly, cadence: quarterly},
				{typ: vocab.BranchCommittee, cadence: monthly, expected: committee},
				{typ: vocab.ThemedPartyDay, cadence: monthly},
				{typ: vocab.PartyLecture, cadence: yearly},
				{typ: vocab.OrganizationalLifeMeeting, cadence: yearly},
			}
			if o.Kind == vocab.GridBranch {
				plan = append(plan, series{typ: vocab.MonthlyMeeting, cadence: monthly,
					expected: func(d time.Time) []*person { return append(l.officers(o, d), l.groupLeaders(o, d)...) }})
			}
		case vocab.PartyGroup:
			plan = []series{{typ: vocab.PartyGroupMeeting, cadence: monthly}}
		case vocab.GeneralBranch:
			plan = []series{
				{typ: vocab.MembersAssembly, cadence: quarterly},
				{typ: vocab.ThemedPartyDay, cadence: monthly},
				{typ: vocab.OrganizationalLifeMeeting, cadence: yearly},
				{typ: vocab.JointMeeting, cadence: quarterly, expected: committee, guests: 2},
			}
		}
		if err := l.hold(o, plan); err != nil {
			return err
		}
	}
	return nil
}

// hold writes one organisation's meetings of the year.
func (l *loader) hold(o *ent.Organization, plan []series) error {
	var builders []*ent.MeetingCreate
	for _, s := range plan {
		for _, d := range l.meetingDays(s.cadence) {
			if o.Name == SilentPartyGroup && !d.Before(l.at.silent) {
				break // the silent Party group (planted)
			}
			expected := l.eligible(o, d)
			if s.expected != nil {
				expected = s.expected(d)
			}
			if len(expected) == 0 {
				continue // no one to meet; the frequency checks will say so
			}
			present := l.roll(rollKey{o.ID, s.typ}, expected, d)
			guests := s.guests - l.rng.IntN(s.guests+1)/2
			b := l.tx.Meeting.Create().SetOrganizationID(o.ID).SetType(s.typ).SetHeldOn(d).
				SetExpectedAttendance(len(expected) + s.guests).SetAttendance(len(present) + guests).
				SetTopic(pick(l, topics[s.typ]))
			for _, p := range present {
				b.AddAttendeeIDs(p.m.ID)
			}
			builders = append(builders, b)
		}
	}
	for start := 0; start < len(builders); start += batch {
		end := min(start+batch, len(builders))
		if _, err := l.tx.Meeting.CreateBulk(builders[start:end]...).Save(l.ctx); err != nil {
			return fmt.Errorf("meetings of %s: %w", o.Name, err)
		}
	}
	return nil
}

// meetingDays returns the days of a series: every month on a day of its
// own, or every third month, or once.
func (l *loader) meetingDays(c cadence) []time.Time {
	days := l.at.monthly(l.at.meetingDay(l.between(1, 28)))
	switch c {
	case quarterly:
		return []time.Time{days[1], days[4], days[7], days[10]}
	case yearly:
		return []time.Time{days[l.between(2, 9)]}
	}
	return days
}

// eligible returns the members expected at an organisation's meeting on a
// day: those whose relationship sat there, or for a Party group, those of
// its members whose relationship sat in its branch.
func (l *loader) eligible(o *ent.Organization, d time.Time) []*person {
	var out []*person
	for _, p := range l.people {
		switch {
		case o.Kind == vocab.PartyGroup:
			if p.group != nil && p.group.ID == o.ID && p.current() != nil && p.current().ID == *o.ParentID &&
				!p.since().After(d) {
				out = append(out, p)
			}
		case p.in(o, d):
			out = append(out, p)
		}
	}
	return out
}

// officers returns the committee office holders of an organisation on a day.
func (l *loader) officers(o *ent.Organization, d time.Time) []*person {
	return l.holders(d, func(p planned) bool {
		switch p.role {
		case appointment.RoleSECRETARY, appointment.RoleDEPUTY_SECRETARY, appointment.RoleCOMMITTEE_MEMBER:
			return p.org.ID == o.ID
		}
		return false
	})
}

// groupLeaders returns the leaders of a branch's Party groups on a day.
func (l *loader) groupLeaders(o *ent.Organization, d time.Time) []*person {
	return l.holders(d, func(p planned) bool {
		return p.role == appointment.RoleGROUP_LEADER && p.org.ParentID != nil && *p.org.ParentID == o.ID
	})
}

// holders returns the members holding the offices that match on day d.
func (l *loader) holders(d time.Time, match func(planned) bool) []*person {
	var out []*person
	for _, p := range l.planned {
		if match(p) && p.who != nil && !p.from.After(d) && (p.to == nil || p.to.After(d)) {
			out = append(out, p.who)
		}
	}
	return out
}
