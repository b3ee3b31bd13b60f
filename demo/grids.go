package demo

import (
	"time"

	"jiceng/ent/appointment"
	"jiceng/ent/member"
)

// draftGrids draws up the residents of the twelve grid branches, who are
// most of the retired and self-employed members and the in-service members
// whose relationships sit where they live. The counts add up, with the
// members drawn up elsewhere, to the talk's 680, 72 and 58; no branch
// passes 50. Two residents later moved house to another grid branch. Each
// branch elects a secretary and two committee members, and every member is
// placed in one of its Party groups, each with a leader.
func (l *loader) draftGrids() {
	b := 0
	for _, c := range l.communities {
		if !c.general() {
			continue
		}
		honest := 0
		for i := range c.gridBranches {
			in := l.cohort(member.CategoryIN_SERVICE, 27+boolInt(b < 6), 1)
			retired := l.cohort(member.CategoryRETIRED, 4+boolInt(b < 8), 0)
			if b < 3 {
				l.retire(retired[0], 60+b)
			}
			ps := append(in, retired...)
			nSelf := 3 + boolInt(b < 10)
			if c.upgrade == 2 && i == 1 {
				lapsed := l.namedPerson(member.CategorySELF_EMPLOYED, false, lapsedNumber, "孙")
				lapsed.lapsed = true
				l.people = append(l.people, lapsed)
				ps = append(ps, lapsed)
				nSelf--
			}
			self := l.cohort(member.CategorySELF_EMPLOYED, nSelf, boolInt(b%4 == 1))
			if pause, ok := l.repaired(b); ok {
				self[0].pause = pause
			}
			for _, p := range self {
				if honest < 3 && p.status == member.StatusFULL {
					p.tags = []string{honestTag}
					honest++
				}
				ps = append(ps, p)
			}
			for _, p := range ps {
				p.grid = c.grids[i]
				l.enterGrid(p, c, i)
			}
			b++
		}
	}
	movers := []*person{
		l.moveHouse("百合村社区", 3, 5, "文化路社区", 0, monthDay(l.ref, -9, 14)),
		l.moveHouse("文化路社区", 3, 6, "阜兴苑社区", 2, monthDay(l.ref, -5, 22)),
	}
	for _, c := range l.communities {
		for i, gb := range c.gridBranches {
			var ps []*person
			for _, p := range l.people {
				if cur := p.current(); cur != nil && cur.ID == gb.ID {
					ps = append(ps, p)
				}
			}
			for k, p := range ps {
				p.group = c.groups[i][k%len(c.groups[i])]
			}
			for _, p := range movers {
				if p.was.grid.ID == c.grids[i].ID {
					p.was.group = c.groups[i][0]
				}
			}
			l.leaders(c.groups[i]...)
			var officers []*person
			for _, p := range ps {
				if p.category == member.CategoryIN_SERVICE && p.status == member.StatusFULL && p.unit == nil &&
					!p.since().After(gb.EstablishedOn) && len(officers) < 3 {
					officers = append(officers, p)
				}
			}
			l.elect(gb, gb.EstablishedOn, 3,
				holder(appointment.RoleSECRETARY, "网格党支部书记", officers[0]),
				holder(appointment.RoleCOMMITTEE_MEMBER, "组织委员", officers[1]),
				holder(appointment.RoleCOMMITTEE_MEMBER, "宣传委员", officers[2]))
		}
	}
}

// moveHouse transfers the k-th in-service member (from 0) of grid branch i
// of one community to grid branch j of another on a day: they moved house.
func (l *loader) moveHouse(from string, i, k int, to string, j int, on time.Time) *person {
	src, dst := l.community(from), l.community(to)
	for _, p := range l.people {
		cur := p.current()
		if cur == nil || cur.ID != src.gridBranches[i].ID || p.category != member.CategoryIN_SERVICE ||
			p.unit != nil || p.status != member.StatusFULL {
			continue
		}
		if k > 0 {
			k--
			continue
		}
		p.move(dst.gridBranches[j], on, "迁居，组织关系转接")
		p.was = &was{on: on, reason: "迁居", grid: p.grid}
		p.grid = dst.grids[j]
		return p
	}
	panic("demo: no member to move from " + src.gridBranches[i].Name)
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// retire makes a retired member one who retired during the recorded
// history, at 60: in service until then.
func (l *loader) retire(p *person, age int) {
	l.setAge(p, age)
	p.was = &was{on: p.born.AddDate(60, 0, 0), reason: "到龄退休", category: ptr(member.CategoryIN_SERVICE)}
}

// repaired returns the lapse later repaired in grid branch b, if it has one:
// a self-employed member who attended nothing for about nine months and,
// after a talk with the branch (谈心谈话), came back. One spans the last
// year-end before the reference day, one lies a year and more earlier.
func (l *loader) repaired(b int) ([2]time.Time, bool) {
	switch b {
	case 3:
		return [2]time.Time{monthDay(l.ref, -16, 1), monthDay(l.ref, -5, 1)}, true
	case 7:
		return [2]time.Time{monthDay(l.ref, -29, 1), monthDay(l.ref, -20, 1)}, true
	}
	return [2]time.Time{}, false
}
