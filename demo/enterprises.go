package demo

import (
	"jiceng/ent/appointment"
	"jiceng/ent/member"
)

// draftEnterprises draws up the members of the enterprises and sites: the
// two enterprise branches, the pocket member, the site's temporary branch,
// the joint branch, and the members of units without a branch, whose
// relationships sit in grid branches.
func (l *loader) draftEnterprises() {
	rd := l.cohort(member.CategoryIN_SERVICE, 9, 1)
	l.staff(rd, rongda, rongdaBranch)
	// Its term ends two months after the reference day (planted).
	l.elect(l.orgs[rongdaBranch], monthDay(l.ref, -34, 20), 3,
		holder(appointment.RoleSECRETARY, "支部书记", rd[0]),
		holder(appointment.RoleCOMMITTEE_MEMBER, "组织委员", rd[1]),
		holder(appointment.RoleCOMMITTEE_MEMBER, "宣传委员", rd[2]))

	ht := l.cohort(member.CategoryIN_SERVICE, 6, 1)
	l.staff(ht, huatong, huatongBranch)
	// Its term ended four months before the reference day (planted).
	l.elect(l.orgs[huatongBranch], monthDay(l.ref, -40, 8), 3,
		holder(appointment.RoleSECRETARY, "支部书记", ht[0]),
		holder(appointment.RoleCOMMITTEE_MEMBER, "组织委员", ht[1]))

	// The pocket member (planted): works at 华通汽修厂, never transferred in.
	pocket := l.namedPerson(member.CategoryIN_SERVICE, false, pocketNumber, "周")
	pocket.unit = l.units[huatong]
	pocket.grid = l.gridOf(huatong)
	l.people = append(l.people, pocket)

	// The site's temporary branch: its members take part in its life, but
	// their relationships are not transferred in (支部工作条例 Art. 5); they
	// stay in the grid branches where the workers live.
	temp := l.orgs[siteBranch]
	ts := l.cohort(member.CategoryIN_SERVICE, 5, 0)
	wenhua := l.community("文化路社区")
	for i, p := range ts {
		p.unit = l.units[site]
		p.grid = wenhua.grids[i%4]
		l.enterGrid(p, wenhua, i%4)
		p.site = temp
		p.siteFrom = temp.EstablishedOn.AddDate(0, 0, 10)
	}
	// A temporary branch's committee is appointed, not elected: no term.
	l.elect(temp, temp.EstablishedOn, 0, holder(appointment.RoleSECRETARY, "临时党支部书记", ts[0]))

	joint := l.orgs[jointBranch]
	var js []*person
	for i, size := range []int{2, 1, 2, 1} {
		for _, p := range l.cohort(member.CategoryIN_SERVICE, size, 0) {
			p.unit = l.units[jointUnits[i]]
			p.grid = l.gridOf(jointUnits[i])
			l.enter(p, joint, l.settled(), "")
			js = append(js, p)
		}
	}
	// Its secretary stepped down two months back and no one was elected (planted).
	l.elect(joint, joint.EstablishedOn, 3,
		office{role: appointment.RoleSECRETARY, title: "支部书记", who: js[0],
			to: ptr(monthDay(l.ref, -2, 20)), note: "书记因病辞去职务，尚未补选"},
		holder(appointment.RoleCOMMITTEE_MEMBER, "组织委员", js[1]))

	baihe, fuxing := l.community("百合村社区"), l.community("阜兴苑社区")
	attached := []struct {
		unit string
		c    *community
		grid int
		n    int
	}{
		{buildingMat, baihe, 2, 4}, // 应建未建 (planted)
		{catering, wenhua, 1, 2},   // neither joint nor attached (planted)
		{market, baihe, 0, 1},
		{outlet, fuxing, 1, 1},
	}
	for _, a := range attached {
		for _, p := range l.cohort(member.CategoryIN_SERVICE, a.n, 0) {
			p.unit = l.units[a.unit]
			p.grid = a.c.grids[a.grid]
			l.enterGrid(p, a.c, a.grid)
		}
	}

	// The closed firm's branch: its members moved to the grid branch on the day.
	tb := l.orgs[tradingBranch]
	tr := l.cohort(member.CategoryIN_SERVICE, 3, 0)
	for _, p := range tr {
		l.joinedBefore(p, l.at.dissolved.AddDate(-1, 0, 0))
		l.enter(p, tb, l.at.dissolved.AddDate(-1, 0, 0), "")
		p.move(baihe.gridBranches[1], l.at.dissolved, "党支部撤销，组织关系转入网格党支部")
		p.grid = baihe.grids[1]
	}
	l.elect(tb, monthDay(l.ref, -42, 10), 3, holder(appointment.RoleSECRETARY, "支部书记", tr[0]))
}

// staff places an enterprise's members: their work unit, their branch, and
// for most a grid of residence.
func (l *loader) staff(ps []*person, unitName, branch string) {
	for _, p := range ps {
		p.unit = l.units[unitName]
		l.enter(p, l.orgs[branch], l.settled(), "")
		if l.chance(0.8) {
			p.grid = l.anyGrid()
		}
	}
}
