package demo

import (
	"fmt"

	"jiceng/ent"
	"jiceng/ent/appointment"
	"jiceng/ent/member"
)

// draftCommunity draws up a community's own members: its staff (社区干部)
// in the community organisation, and for the general branches a young
// reserve cadre as deputy secretary and, in two of them, an outflow member;
// for 大桥社区 also its residents, all in its three grid Party groups.
func (l *loader) draftCommunity(c *community) {
	n := 5
	if c.general() {
		n = 6
	}
	staff := l.cohort(member.CategoryIN_SERVICE, n, 0)
	young := staff[n-1]
	if c.general() {
		l.setAge(young, l.between(26, 30))
		if c.upgrade > 0 {
			young.gender = member.GenderFEMALE
		}
	}
	for k, p := range staff {
		p.grid = c.grids[k%3]
		l.enter(p, c.org, l.settled(), "")
	}
	if !c.general() {
		l.draftDaqiao(c, staff)
		return
	}
	l.elect(c.org, l.at.upgrades[c.upgrade], 5,
		holder(appointment.RoleSECRETARY, "党总支书记", staff[0]),
		holder(appointment.RoleCOMMITTEE_MEMBER, "组织委员", staff[1]),
		holder(appointment.RoleCOMMITTEE_MEMBER, "宣传委员", staff[2]),
		office{role: appointment.RoleDEPUTY_SECRETARY, title: "党总支副书记", who: young,
			from: monthDay(l.ref, -15, 1), note: "年轻后备干部任命为社区党总支副书记"})
	// General branch secretaries serve as liaisons to enterprises (the talk).
	liaison := map[int]string{0: linli, 2: huatong}
	if u, ok := liaison[c.upgrade]; ok {
		l.assignments = append(l.assignments, assignment{appointment.RoleLIAISON, "党建工作联络员", u, staff[0],
			l.at.campaign.AddDate(0, 4, 0)})
	}
	mobile := map[int]struct {
		number int
		name   string
		place  string
	}{1: {overdueNumber, "马", "乌鲁木齐市沙依巴克区"}, 2: {reportingNumber, "韩", "昌吉市"}}
	if m, ok := mobile[c.upgrade]; ok {
		p := l.namedPerson(member.CategoryMOBILE, false, m.number, m.name)
		p.mobility = ptr(member.MobilityOUTFLOW)
		p.place = m.place
		p.away = true
		// In service here until the day they left; mobile (流出) from then on.
		p.was = &was{on: l.at.outflow[c.upgrade-1], reason: "外出务工，流出至" + m.place,
			category: ptr(member.CategoryIN_SERVICE)}
		p.grid = c.grids[0]
		l.enter(p, c.org, l.settled(), "")
		l.people = append(l.people, p)
	}
}

// draftDaqiao draws up 大桥社区's residents and its change of secretary after
// the grading; its members sit in the branch and its three grid Party groups.
func (l *loader) draftDaqiao(c *community, staff []*person) {
	ps := append([]*person{}, staff...)
	ps = append(ps, l.cohort(member.CategoryIN_SERVICE, 9, 0)...)
	ps = append(ps, l.cohort(member.CategoryRETIRED, 16, 0)...)
	self := l.cohort(member.CategorySELF_EMPLOYED, 12, 1)
	for _, p := range self[:3] {
		p.tags = []string{honestTag}
	}
	ps = append(ps, self...)
	for k, p := range ps[len(staff):] {
		p.grid = c.grids[k%3]
		if k == 10 || k == 20 {
			p.grid = c.grids[3] // moved into the new estate
		}
		l.enter(p, c.org, l.settled(), "")
	}
	for _, p := range ps {
		i := min(index(c.grids, p.grid), 2) // the new estate's residents join the group next door
		p.group = c.groups[i][0]
	}
	l.leaders(c.groups[0][0], c.groups[1][0], c.groups[2][0])
	note := fmt.Sprintf("根据%d年度社区党组织等次评定结果（差），调整社区党支部书记", l.at.graded)
	l.elect(c.org, monthDay(l.ref, -26, 15), 5,
		office{role: appointment.RoleSECRETARY, title: "支部书记", who: staff[0], to: ptr(l.at.replaced), note: note},
		office{role: appointment.RoleSECRETARY, title: "支部书记", who: staff[1], from: l.at.replaced, note: "街道党工委调整任命"},
		holder(appointment.RoleCOMMITTEE_MEMBER, "组织委员", staff[2]),
		holder(appointment.RoleCOMMITTEE_MEMBER, "宣传委员", staff[3]))
}

// leaders appoints a leader for each Party group: a retired full member if
// it has one, otherwise its first full member, never the lapsed member.
func (l *loader) leaders(groups ...*ent.Organization) {
	for _, g := range groups {
		var first, leader *person
		for _, p := range l.people {
			if p.group == nil || p.group.ID != g.ID || p.status != member.StatusFULL || p.lapsed || !p.pause[1].IsZero() ||
				p.since().After(g.EstablishedOn) {
				continue
			}
			if first == nil {
				first = p
			}
			if p.category == member.CategoryRETIRED && p.was == nil {
				leader = p
				break
			}
		}
		if leader == nil {
			leader = first
		}
		l.elect(g, g.EstablishedOn, 0, holder(appointment.RoleGROUP_LEADER, "党小组组长", leader))
	}
}

// enterGrid places a resident's relationship in grid branch i of a
// community: members who joined before the branch was set up came over from
// the community organisation in the campaign.
func (l *loader) enterGrid(p *person, c *community, i int) {
	gb := c.gridBranches[i]
	if !p.joined.Before(gb.EstablishedOn) {
		p.stays = append(p.stays, stay{org: gb, from: p.joined})
		return
	}
	l.enter(p, c.org, gb.EstablishedOn.AddDate(0, 0, -60), "")
	p.move(gb, gb.EstablishedOn, "网格党支部组建，组织关系转入")
}

// gridOf returns the grid a unit lies in.
func (l *loader) gridOf(unitName string) *ent.Area {
	id := l.units[unitName].GridID
	for _, c := range l.communities {
		for _, g := range c.grids {
			if g.ID == id {
				return g
			}
		}
	}
	panic("demo: no grid for " + unitName)
}

// index returns the position of an area among areas, or -1.
func index(areas []*ent.Area, a *ent.Area) int {
	for i, x := range areas {
		if x.ID == a.ID {
			return i
		}
	}
	return -1
}
