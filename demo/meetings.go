package demo

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"jiceng/ent"
	"jiceng/ent/appointment"
	"jiceng/ent/meeting"
	"jiceng/ent/organization"
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
	// absence is how likely one expected is to miss a meeting; 0 is the
	// usual one in eight.
	absence float64
}

// loadMeetings writes the organisational life of every organisation that
// has members, from the start of the recorded history (timeline.start) or
// its establishment to the reference day, at the default frequencies
// (register.Defaults): each branch its quarterly members' assembly, monthly
// committee and themed Party day, yearly lecture and organisational life
// meeting; each Party group its monthly meeting; each general branch a
// quarterly assembly, a monthly themed Party day, a yearly organisational
// life meeting and quarterly joint meetings with the stationed units; and
// the working committee its monthly meeting (月例会) that trains the grid
// branch secretaries (以会代训). Every meeting keeps a roll of the members
// present, so each member's organisational life is known month by month.
func (l *loader) loadMeetings() error {
	l.absent = map[rollKey]map[*person]bool{}
	for _, o := range l.ordered {
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
		case vocab.PartyGroup:
			plan = []series{{typ: vocab.PartyGroupMeeting, cadence: monthly}}
		case vocab.GeneralBranch:
			plan = []series{
				{typ: vocab.MembersAssembly, cadence: quarterly},
				{typ: vocab.ThemedPartyDay, cadence: monthly},
				{typ: vocab.OrganizationalLifeMeeting, cadence: yearly},
				{typ: vocab.JointMeeting, cadence: quarterly, expected: committee, guests: 2},
			}
		case vocab.WorkingCommittee:
			// The monthly meeting is the sub-district's, not each grid
			// branch's: the grid secretaries attend it, one or two missing
			// now and then.
			plan = []series{{typ: vocab.MonthlyMeeting, cadence: monthly, expected: l.gridSecretaries, absence: 0.06}}
		}
		if err := l.hold(o, plan); err != nil {
			return err
		}
	}
	return nil
}

// hold writes one organisation's meetings, from its establishment (or the
// start of the recorded history) until the reference day or its dissolution.
func (l *loader) hold(o *ent.Organization, plan []series) error {
	var (
		builders []*ent.MeetingCreate
		rolls    [][]*person
	)
	until := l.ref
	if o.Name == tradingBranch {
		until = l.at.dissolved
	}
	for _, s := range plan {
		days := l.meetingDays(s.cadence, o.EstablishedOn)
		for i, d := range days {
			if !d.Before(until) {
				break
			}
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
			absence := s.absence
			switch {
			case absence > 0 && i == len(days)-1:
				// Everyone came to the last one: no gap planted here.
				absence = 0
			case absence == 0:
				absence = 0.12
			}
			present := l.roll(rollKey{o.ID, s.typ}, expected, d, absence)
			guests := s.guests - l.rng.IntN(s.guests+1)/2
			b := l.tx.Meeting.Create().SetOrganizationID(o.ID).SetType(s.typ).SetHeldOn(d).
				SetExpectedAttendance(len(expected) + s.guests).SetAttendance(len(present) + guests).
				SetTopic(pick(l, topics[s.typ]))
			builders = append(builders, b)
			rolls = append(rolls, present)
		}
	}
	for start := 0; start < len(builders); start += batch {
		end := min(start+batch, len(builders))
		ms, err := l.tx.Meeting.CreateBulk(builders[start:end]...).Save(l.ctx)
		if err != nil {
			return fmt.Errorf("meetings of %s: %w", o.Name, err)
		}
		if err := l.writeRolls(ms, rolls[start:end]); err != nil {
			return fmt.Errorf("rolls of %s: %w", o.Name, err)
		}
	}
	return nil
}

// writeRolls writes who attended each meeting (the attendees edge) in a
// few multi-row statements. A roll written through the meetings' create
// would look up every attendee's ID one by one (the register's check of
// references, right for what a user sends); the demo's attendees are its
// own members, just written, so the three years of rolls (over a hundred
// thousand rows) are written directly and the load stays fast. The IDs are
// integers the register gave, written as literals: the statement is the
// same on SQLite and PostgreSQL.
func (l *loader) writeRolls(ms []*ent.Meeting, rolls [][]*person) error {
	var rows []string
	flush := func() error {
		if len(rows) == 0 {
			return nil
		}
		stmt := "INSERT INTO " + meeting.AttendeesTable + " (" + strings.Join(meeting.AttendeesPrimaryKey, ", ") +
			") VALUES " + strings.Join(rows, ", ")
		rows = rows[:0]
		_, err := l.tx.ExecContext(l.ctx, stmt)
		return err
	}
	for i, m := range ms {
		for _, p := range rolls[i] {
			rows = append(rows, "("+strconv.Itoa(m.ID)+", "+strconv.Itoa(p.m.ID)+")")
			if len(rows) == 1000 {
				if err := flush(); err != nil {
					return err
				}
			}
		}
	}
	return flush()
}

// meetingDays returns the days of a series from a day on: every month on a
// day of its own, or every third month, or once a year in a month of its
// own, so that any year before the reference day holds twelve, four or one.
func (l *loader) meetingDays(c cadence, from time.Time) []time.Time {
	days := l.at.monthly(l.at.meetingDay(l.between(1, 28)), from)
	every := map[cadence]int{monthly: 1, quarterly: 3, yearly: 12}[c]
	phase := l.between(0, every-1)
	var out []time.Time
	for _, d := range days {
		if (int(d.Month())-1)%every == phase {
			out = append(out, d)
		}
	}
	return out
}

// eligible returns the members expected at an organisation's meeting on a
// day: those whose relationship sat there; for a Party group, those of its
// members whose relationship sat in its branch; for a temporary branch, its
// site members.
func (l *loader) eligible(o *ent.Organization, d time.Time) []*person {
	var out []*person
	for _, p := range l.people {
		switch {
		case o.Kind == vocab.PartyGroup:
			if g := p.groupOn(d); g != nil && g.ID == o.ID && p.inID(*o.ParentID, d) {
				out = append(out, p)
			}
		case o.Formation == organization.FormationTEMPORARY:
			if p.site != nil && p.site.ID == o.ID && !p.siteFrom.After(d) {
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

// gridSecretaries returns the secretaries of the grid branches on a day.
func (l *loader) gridSecretaries(d time.Time) []*person {
	return l.holders(d, func(p planned) bool {
		return p.role == appointment.RoleSECRETARY && p.org.Kind == vocab.GridBranch
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
