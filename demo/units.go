package demo

import (
	"fmt"
	"time"

	"jiceng/check"
	"jiceng/ent/unit"
)

// Names of the units the talk names, and of the synthetic units the
// planted gaps rest on.
const (
	rongda      = "荣达驾校"
	huatong     = "华通汽修厂"
	yaou        = "亚欧运输公司"
	linli       = "林立网业"
	school      = "市三中"
	site        = "市三中建筑工地"
	trading     = "阜康某商贸有限公司"
	buildingMat = "阜康某建材有限公司"
	catering    = "阜康某餐饮有限公司"
	market      = "阜康某农贸市场"
	outlet      = "阜康某连锁便利店"
	socialWork  = "阜康某社会工作服务中心"
)

// stationedUnits are the six stationed units whose leaders sit on the
// general branches as part-time committee members (the talk's list).
var stationedUnits = []string{"天池管委会", "水利局", "工商局", "建设局", "土管局", "广电局"}

// jointUnits are the four small businesses of 文化路社区 in the joint branch.
var jointUnits = []string{"阜康某超市有限公司", "阜康某广告有限公司", "阜康某家政服务有限公司", "阜康某电器商行"}

// unitSpec describes a unit: where it lies (community and grid index), its
// size, and which mass organisations it has.
type unitSpec struct {
	name      string
	kind      unit.Kind
	community string
	grid      int
	employees int
	above     bool
	union     bool
	women     bool
	opened    *time.Time
	closed    *time.Time
	plannedTo *time.Time
}

// unitSpecs lists the units: the talk's enterprises and stationed units,
// then synthetic ones ("阜康某…") that fill in the talk's counts (15
// enterprise unions, 6 above-size enterprises) and carry the planted gaps.
func (l *loader) unitSpecs() []unitSpec {
	e := unit.KindNON_PUBLIC_ENTERPRISE
	s := unit.KindSTATIONED_UNIT
	specs := []unitSpec{
		{name: rongda, kind: e, community: "阜兴苑社区", grid: 3, employees: 126, above: true, union: true},
		{name: huatong, kind: e, community: "阜兴苑社区", grid: 0, employees: 88, above: true, union: true},
		{name: yaou, kind: e, community: "阜兴苑社区", grid: 2, employees: 164, above: true, union: true, women: true},
		{name: linli, kind: e, community: "百合村社区", grid: 3, employees: 97, above: true, union: true, women: true},
		{name: buildingMat, kind: e, community: "百合村社区", grid: 2, employees: 142, above: true, union: true},
		{name: "阜康某物流有限公司", kind: e, community: "大桥社区", grid: 1, employees: 118, above: true, union: true},
		{name: jointUnits[0], kind: e, community: "文化路社区", grid: 0, employees: 36, union: true},
		{name: jointUnits[1], kind: e, community: "文化路社区", grid: 1, employees: 12, union: true},
		{name: jointUnits[2], kind: e, community: "文化路社区", grid: 2, employees: 25, union: true},
		{name: jointUnits[3], kind: e, community: "文化路社区", grid: 3, employees: 9, union: true},
		{name: "阜康某印务有限公司", kind: e, community: "阜兴苑社区", grid: 0, employees: 45, union: true},
		{name: "阜康某机械维修有限公司", kind: e, community: "大桥社区", grid: 0, employees: 38, union: true},
		{name: "阜康某酒店有限公司", kind: e, community: "百合村社区", grid: 0, employees: 60, union: true},
		{name: "阜康某装饰工程有限公司", kind: e, community: "阜兴苑社区", grid: 1, employees: 30, union: true},
		{name: "阜康某医药连锁有限公司", kind: e, community: "大桥社区", grid: 2, employees: 42, union: true},
		{name: catering, kind: e, community: "文化路社区", grid: 1, employees: 28},
		{name: trading, kind: e, community: "百合村社区", grid: 1, employees: 40,
			opened: ptr(monthDay(l.ref, -10*12, 3)), closed: ptr(l.at.dissolved)},
		{name: market, kind: unit.KindMARKET, community: "百合村社区", grid: 0, employees: 60},
		{name: outlet, kind: unit.KindCOMMERCIAL_OUTLET, community: "阜兴苑社区", grid: 1, employees: 8},
		{name: socialWork, kind: unit.KindSOCIAL_ORGANIZATION, community: "文化路社区", grid: 3, employees: 14},
		{name: site, kind: unit.KindCONSTRUCTION_SITE, community: "文化路社区", grid: 2, employees: 85,
			opened: ptr(monthDay(l.ref, -14, 20)), plannedTo: ptr(monthDay(l.ref, 6, 28))},
		{name: school, kind: s, community: "文化路社区", grid: 2, employees: 160},
	}
	stationed := []struct {
		community string
		grid      int
		employees int
	}{{"大桥社区", 0, 180}, {"百合村社区", 0, 95}, {"文化路社区", 0, 88}, {"阜兴苑社区", 0, 110}, {"百合村社区", 2, 76}, {"大桥社区", 1, 64}}
	for i, name := range stationedUnits {
		st := stationed[i]
		specs = append(specs, unitSpec{name: name, kind: s, community: st.community, grid: st.grid, employees: st.employees})
	}
	return specs
}

// loadUnits writes the units, each with a synthetic credit code of a
// Fukang-registered body (division 652302) and a valid check character.
func (l *loader) loadUnits() error {
	for _, s := range l.unitSpecs() {
		create := l.tx.Unit.Create().SetName(s.name).SetKind(s.kind).SetEmployees(s.employees).
			SetAboveDesignatedSize(s.above).SetGrid(l.community(s.community).grids[s.grid]).
			SetNillableOpenedOn(s.opened).SetNillableClosedOn(s.closed).SetNillablePlannedCloseOn(s.plannedTo)
		if s.kind != unit.KindCONSTRUCTION_SITE {
			code, err := l.creditCode(s.kind)
			if err != nil {
				return err
			}
			create.SetCreditCode(code)
		}
		u, err := create.Save(l.ctx)
		if err != nil {
			return fmt.Errorf("creating unit %s: %w", s.name, err)
		}
		l.units[s.name] = u
	}
	return nil
}

// creditCode returns a synthetic unified social credit code: the
// registering authority and type of the unit's kind (11 an organ of state,
// 52 a social service body, 91 an enterprise), the Fukang division code,
// nine random characters and the GB 32100 check character.
func (l *loader) creditCode(kind unit.Kind) (string, error) {
	const alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
	prefix := "91652302MA"
	switch kind {
	case unit.KindSTATIONED_UNIT:
		prefix = "116523020"
	case unit.KindSOCIAL_ORGANIZATION:
		prefix = "52652302MJ"
	}
	b := []byte(prefix)
	for len(b) < 17 {
		b = append(b, alphabet[l.rng.IntN(len(alphabet))])
	}
	c, err := check.CreditCodeCheck(string(b))
	if err != nil {
		return "", fmt.Errorf("credit code: %w", err)
	}
	return string(append(b, c)), nil
}
