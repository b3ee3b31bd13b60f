package demo

import (
	"fmt"
	"time"

	"jiceng/ent"
	"jiceng/ent/organization"
	"jiceng/vocab"
)

// Names of the organisations of units.
const (
	rongdaBranch  = rongda + "党支部"
	huatongBranch = huatong + "党支部"
	tradingBranch = trading + "党支部"
	siteBranch    = site + "临时党支部"
	jointBranch   = "文化路社区商户联合党支部"
)

// loadUnitOrganizations writes the branches of units and links each to the
// units it covers: the stationed units' own branches (led by their own
// systems, so with no parent here), the two enterprise branches the talk
// names, the temporary branch of the 市三中 site, the joint branch of four
// small businesses, a branch dissolved with its closed firm, and the units
// attached to grid branches (挂靠).
func (l *loader) loadUnitOrganizations() error {
	wc := l.orgs[workingCommittee]
	for i, name := range append(append([]string{}, stationedUnits...), school) {
		if err := l.ownBranch(name, name+"党支部", nil, monthDay(l.ref, -12*(8+i), 10+i)); err != nil {
			return err
		}
	}
	if err := l.ownBranch(rongda, rongdaBranch, wc, monthDay(l.ref, -9*12, 15)); err != nil {
		return err
	}
	if err := l.ownBranch(huatong, huatongBranch, wc, monthDay(l.ref, -7*12, 22)); err != nil {
		return err
	}
	if _, err := l.organization(orgSpec{name: tradingBranch, kind: vocab.Branch, formation: organization.FormationSTANDALONE,
		parent: wc, established: monthDay(l.ref, -6*12, 10)}); err != nil {
		return err
	}
	temp, err := l.organization(orgSpec{name: siteBranch, kind: vocab.Branch, formation: organization.FormationTEMPORARY,
		parent: wc, established: monthDay(l.ref, -13, 5)})
	if err != nil {
		return err
	}
	wenhua := l.community("文化路社区")
	joint, err := l.organization(orgSpec{name: jointBranch, kind: vocab.Branch, formation: organization.FormationJOINT,
		parent: wenhua.org, established: monthDay(l.ref, -21, 15)})
	if err != nil {
		return err
	}
	baihe, fuxing := l.community("百合村社区"), l.community("阜兴苑社区")
	links := []struct {
		org  *ent.Organization
		unit string
		from time.Time
		to   *time.Time
		note string
	}{
		{temp, site, temp.EstablishedOn, nil, "工地项目临时党支部"},
		{joint, jointUnits[0], joint.EstablishedOn, nil, "联合组建"},
		{joint, jointUnits[1], joint.EstablishedOn, nil, "联合组建"},
		{joint, jointUnits[2], joint.EstablishedOn, nil, "联合组建"},
		{joint, jointUnits[3], monthDay(l.ref, -16, 1), nil, "新纳入联合党支部"},
		{l.orgs[tradingBranch], trading, l.orgs[tradingBranch].EstablishedOn, ptr(l.at.dissolved), "企业停业，党支部撤销"},
		{baihe.gridBranches[2], buildingMat, baihe.gridBranches[2].EstablishedOn.AddDate(0, 1, 0), nil, "党员挂靠网格党支部，尚未单独组建"},
		{baihe.gridBranches[0], market, baihe.gridBranches[0].EstablishedOn.AddDate(0, 1, 0), nil, "挂靠网格党支部"},
		{fuxing.gridBranches[1], outlet, fuxing.gridBranches[1].EstablishedOn.AddDate(0, 2, 0), nil, "挂靠网格党支部"},
		{wenhua.gridBranches[3], socialWork, wenhua.gridBranches[3].EstablishedOn.AddDate(0, 3, 0), nil, "挂靠网格党支部"},
	}
	for _, k := range links {
		if err := l.cover(k.org, k.unit, k.from, k.to, k.note); err != nil {
			return err
		}
	}
	return nil
}

// ownBranch writes a unit's own branch (单独组建) and its link to the unit.
func (l *loader) ownBranch(unitName, name string, parent *ent.Organization, established time.Time) error {
	o, err := l.organization(orgSpec{name: name, kind: vocab.Branch, formation: organization.FormationSTANDALONE,
		parent: parent, established: established})
	if err != nil {
		return err
	}
	return l.cover(o, unitName, established, nil, "单独组建")
}

func (l *loader) cover(org *ent.Organization, unitName string, from time.Time, to *time.Time, note string) error {
	_, err := l.tx.UnitCoverage.Create().SetOrganizationID(org.ID).SetUnitID(l.units[unitName].ID).
		SetStartedOn(from).SetNillableEndedOn(to).SetNote(note).Save(l.ctx)
	if err != nil {
		return fmt.Errorf("linking %s to %s: %w", org.Name, unitName, err)
	}
	return nil
}
