package register

import (
	"context"
	"fmt"

	"jiceng/ent"
	"jiceng/ent/area"
)

// areaParents says under which kinds of area each kind may sit. The levels
// strictly descend, so the tree of areas cannot have a cycle.
var areaParents = map[area.Kind][]area.Kind{
	area.KindSUBDISTRICT: nil,
	area.KindCOMMUNITY:   {area.KindSUBDISTRICT},
	area.KindGRID:        {area.KindCOMMUNITY},
	area.KindESTATE:      {area.KindCOMMUNITY, area.KindGRID},
	area.KindBUILDING:    {area.KindGRID, area.KindESTATE},
}

// CheckArea checks an area as written: its place in the tree and its dates.
// (ent checks the boundary itself, through geo.Geometry's Validate method.)
func CheckArea(ctx context.Context, c *ent.Client, a *ent.Area) error {
	if a.EstablishedOn != nil {
		if err := notBefore("dissolvedOn", a.DissolvedOn, "establishedOn", *a.EstablishedOn); err != nil {
			return err
		}
	}
	if a.ParentID == nil {
		if a.Kind != area.KindSUBDISTRICT {
			return invalid("parentID", "PARENT_KIND", "%[1]s的上级应为%[2]s", "a %s must sit under a %s", a.Kind, kindList(areaParents[a.Kind]))
		}
	} else {
		parent, err := c.Area.Get(ctx, *a.ParentID)
		if err != nil {
			return fmt.Errorf("loading parent area: %w", err)
		}
		if !hasKind(areaParents[a.Kind], parent.Kind) {
			if a.Kind == area.KindSUBDISTRICT {
				return invalid("parentID", "ROOT_HAS_NO_PARENT", "街道是最上级区域，没有上级", "a SUBDISTRICT is the top of the tree and has no parent")
			}
			return invalid("parentID", "PARENT_KIND", "%[1]s的上级应为%[2]s，不能是%[3]s（%[4]s）", "a %s must sit under a %s, not under %s (a %s)",
				a.Kind, kindList(areaParents[a.Kind]), parent.Name, parent.Kind)
		}
	}
	children, err := a.QueryChildren().All(ctx)
	if err != nil {
		return fmt.Errorf("loading child areas: %w", err)
	}
	for _, child := range children {
		if !hasKind(areaParents[child.Kind], a.Kind) {
			return conflict("kind", "CHILD_KIND", "下级%[1]s（%[2]s）不能隶属于%[3]s，请先调整它", "%s (a %s) sits under this area and cannot sit under a %s; move it first",
				child.Name, child.Kind, a.Kind)
		}
	}
	return nil
}

func hasKind[K comparable](kinds []K, k K) bool {
	for _, x := range kinds {
		if x == k {
			return true
		}
	}
	return false
}
