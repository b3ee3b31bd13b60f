package demo

import (
	"time"

	"jiceng/calendar"
	"jiceng/ent"
	"jiceng/ent/appointment"
	"jiceng/ent/member"
	"jiceng/register"
)

// The self-employed members the talk names honest merchants (诚信商户).
const (
	honestMerchants = 12
	honestTag       = "诚信商户"
)

// stationedSizes are the members of the stationed units' branches, in the
// order of stationedUnits and then 市三中.
var stationedSizes = []int{46, 38, 34, 40, 30, 26, 44}

// cohort draws up n members of a category, the last prob of them
// probationary; the first ones are therefore full members fit for office.
func (l *loader) cohort(category member.Category, n, prob int) []*person {
	ps := make([]*person, n)
	for i := range ps {
		ps[i] = l.newPerson(category, i >= n-prob)
	}
	l.people = append(l.people, ps...)
	return ps
}

// enter opens a person's first stay in org: from the day they joined the
// Party if the organisation existed then, or else from a day between its
// establishment and by, when their relationship was transferred in.
func (l *loader) enter(p *person, org *ent.Organization, by time.Time, note string) {
	from := p.joined
	if from.Before(org.EstablishedOn) {
		from = l.dayBetween(org.EstablishedOn, later(org.EstablishedOn, by))
	}
	p.stays = append(p.stays, stay{org: org, from: from, note: note})
}

// move transfers a person's relationship to org on a day.
func (p *person) move(org *ent.Organization, on time.Time, note string) {
	p.stays = append(p.stays, stay{org: org, from: on, note: note})
}

// joinedBefore makes sure the person joined the Party before day t.
func (l *loader) joinedBefore(p *person, t time.Time) {
	if !p.joined.Before(t) {
		p.joined = l.dayBetween(p.born.AddDate(19, 0, 0), t.AddDate(0, 0, -30))
	}
}

// anyGrid returns one of the sixteen grids.
func (l *loader) anyGrid() *ent.Area {
	c := pick(l, l.communities)
	return pick(l, c.grids)
}

// settled is a year and a month before the reference day: full members'
// relationships had all arrived by then.
func (l *loader) settled() time.Time { return l.ref.AddDate(-1, -1, 0) }

// draftRoster draws up every member, where their relationship has sat,
// and the offices they hold.
func (l *loader) draftRoster() {
	l.draftOfficeBranch()
	l.draftStationed()
	l.draftEnterprises()
	for _, c := range l.communities {
		l.draftCommunity(c)
	}
	l.draftGrids()
	// Members who joined during the recorded history were confirmed (转正)
	// when their probation year was over; the register writes it on the day.
	for _, p := range l.people {
		if p.status == member.StatusFULL && !p.joined.Before(l.at.start) {
			if on := calendar.AddYears(p.joined, register.ProbationYears); !on.After(l.ref) {
				p.confirmed = &on
			}
		}
	}
}

// draftOfficeBranch draws up the sub-district's own staff: the working
// committee's secretary and organisation member, and the two instructors.
func (l *loader) draftOfficeBranch() {
	org := l.orgs[officeBranch]
	ps := l.cohort(member.CategoryIN_SERVICE, 22, 1)
	for _, p := range ps {
		l.enter(p, org, l.settled(), "")
		if l.chance(0.7) {
			p.grid = l.anyGrid()
		}
	}
	l.elect(l.orgs[workingCommittee], monthDay(l.ref, -30, 5), 0,
		holder(appointment.RoleSECRETARY, "党工委书记", ps[0]),
		holder(appointment.RoleCOMMITTEE_MEMBER, "组织委员", ps[1]))
	l.elect(org, monthDay(l.ref, -17, 10), 3,
		holder(appointment.RoleSECRETARY, "支部书记", ps[2]),
		holder(appointment.RoleCOMMITTEE_MEMBER, "组织委员", ps[3]),
		holder(appointment.RoleCOMMITTEE_MEMBER, "宣传委员", ps[4]))
	// Instructors are sent from the sub-district's staff (the talk).
	from := l.at.campaign.AddDate(0, 4, 0)
	l.assignments = append(l.assignments,
		assignment{appointment.RolePARTY_BUILDING_INSTRUCTOR, "党建工作指导员", rongda, ps[5], from},
		assignment{appointment.RolePARTY_BUILDING_INSTRUCTOR, "党建工作指导员", yaou, ps[6], from})
}

// draftStationed draws up the members of the stationed units' branches;
// one of 天池管委会's came over from the sub-district's office branch.
func (l *loader) draftStationed() {
	for i, name := range append(append([]string{}, stationedUnits...), school) {
		org := l.orgs[name+"党支部"]
		ps := l.cohort(member.CategoryIN_SERVICE, stationedSizes[i], stationedSizes[i]/20)
		for _, p := range ps {
			p.unit = l.units[name]
			l.enter(p, org, l.settled(), "")
			if l.chance(0.5) {
				p.grid = l.anyGrid()
			}
		}
		l.elect(org, monthDay(l.ref, -(8+3*i), 12), 3,
			holder(appointment.RoleSECRETARY, "支部书记", ps[0]),
			holder(appointment.RoleCOMMITTEE_MEMBER, "组织委员", ps[1]),
			holder(appointment.RoleCOMMITTEE_MEMBER, "纪检委员", ps[2]))
		if i == 0 {
			moved := ps[5]
			on := monthDay(l.ref, -18, 3)
			l.joinedBefore(moved, on.AddDate(-3, 0, 0))
			moved.stays = nil
			l.enter(moved, l.orgs[officeBranch], on.AddDate(-2, 0, 0), "")
			moved.move(org, on, "工作调动，组织关系转接")
			moved.was = &was{on: on, reason: "工作调动", noUnit: true}
		}
		if i == 1 && ps[7].grid != nil {
			// Moved house within the sub-district; the relationship stays.
			other := l.anyGrid()
			for other.ID == ps[7].grid.ID {
				other = l.anyGrid()
			}
			ps[7].was = &was{on: monthDay(l.ref, -8, 19), reason: "迁居", grid: other}
		}
	}
}
