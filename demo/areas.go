package demo

import (
	"fmt"
	"time"

	"jiceng/ent"
	"jiceng/ent/area"
	"jiceng/geo"
)

// subdistrict is the name of the sub-district area.
const subdistrict = "阜新街道"

// community is one of the four communities: its area, its grids, and the
// organisations built on them.
type community struct {
	name  string
	code  string
	place placement
	// upgrade is the index in timeline.upgrades of the day its branch became
	// a general branch, or -1 for 大桥社区, which keeps a branch.
	upgrade int

	area  *ent.Area
	grids []*ent.Area
	// org is the community's Party organisation: 大桥社区党支部 or a general branch.
	org *ent.Organization
	// gridBranches are the grid branches, one per grid (none in 大桥社区).
	gridBranches []*ent.Organization
	// groups are the grid Party groups, by grid.
	groups [][]*ent.Organization
}

// general reports whether the community's branch was upgraded to a general branch.
func (c *community) general() bool { return c.upgrade >= 0 }

// gridName names grid i (0–3) of a community: 百合村社区第一网格.
func gridName(communityName string, i int) string {
	return fmt.Sprintf("%s第%s网格", communityName, numerals[i])
}

var numerals = []string{"一", "二", "三", "四", "五", "六"}

func newCommunities() []*community {
	return []*community{
		{name: "大桥社区", code: "DQ", place: placement{0, 2}, upgrade: -1},
		{name: "百合村社区", code: "BHC", place: placement{2, 2}, upgrade: 0},
		{name: "文化路社区", code: "WHL", place: placement{0, 0}, upgrade: 1},
		{name: "阜兴苑社区", code: "FXY", place: placement{2, 0}, upgrade: 2},
	}
}

// loadAreas writes the sub-district, its four communities and their
// sixteen grids, with boundaries, households and residents.
func (l *loader) loadAreas() error {
	lat := l.newLattice()
	l.communities = newCommunities()
	residents := make([][]int, len(l.communities))
	total := 0
	for ci, c := range l.communities {
		for i := 0; i < cells; i++ {
			n := l.between(1500, 3100)
			if c.name == "大桥社区" && i == 3 {
				n = 860 // the new estate of the uncovered grid
			}
			residents[ci] = append(residents[ci], n)
			total += n
		}
	}
	households := func(n int) int { return n * 100 / l.between(245, 290) }
	boundary, err := lat.block(0, 0, cells, cells)
	if err != nil {
		return fmt.Errorf("sub-district boundary: %w", err)
	}
	sub, err := l.area(nil, subdistrict, "FX", area.KindSUBDISTRICT, boundary, total, households(total), nil)
	if err != nil {
		return err
	}
	for ci, c := range l.communities {
		sum := 0
		for _, n := range residents[ci] {
			sum += n
		}
		boundary, err := lat.block(c.place.col, c.place.row, c.place.col+2, c.place.row+2)
		if err != nil {
			return fmt.Errorf("%s boundary: %w", c.name, err)
		}
		if c.area, err = l.area(sub, c.name, c.code, area.KindCOMMUNITY, boundary, sum, households(sum), ptr(l.at.communities)); err != nil {
			return err
		}
		for i := 0; i < cells; i++ {
			col, row := c.place.gridCell(i)
			boundary, err := lat.block(col, row, col+1, row+1)
			if err != nil {
				return fmt.Errorf("%s boundary: %w", gridName(c.name, i), err)
			}
			drawn := l.at.campaign
			if c.name == "大桥社区" && i == 3 {
				drawn = monthDay(l.ref, -10, 12) // a new estate, drawn as a grid last year
			}
			code := fmt.Sprintf("%s-%02d", c.code, i+1)
			g, err := l.area(c.area, gridName(c.name, i), code, area.KindGRID, boundary,
				residents[ci][i], households(residents[ci][i]), &drawn)
			if err != nil {
				return err
			}
			c.grids = append(c.grids, g)
		}
	}
	return nil
}

func (l *loader) area(parent *ent.Area, name, code string, kind area.Kind, boundary *geo.Geometry,
	residents, households int, established *time.Time) (*ent.Area, error) {
	create := l.tx.Area.Create().SetName(name).SetCode(code).SetKind(kind).SetBoundary(boundary).
		SetResidents(residents).SetHouseholds(households).SetNillableEstablishedOn(established)
	if parent != nil {
		create.SetParent(parent)
	}
	a, err := create.Save(l.ctx)
	if err != nil {
		return nil, fmt.Errorf("creating area %s: %w", name, err)
	}
	l.areas[name] = a
	return a, nil
}
