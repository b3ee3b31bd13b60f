package graph

import (
	"fmt"
	"strconv"

	"jiceng/coverage"
	"jiceng/geo"
	"jiceng/graph/model"
)

// gridFeatures types the features of the engine's grid map.
func gridFeatures(fc map[string]any) ([]*model.GridFeature, error) {
	features, _ := fc["features"].([]any)
	out := make([]*model.GridFeature, 0, len(features))
	for _, f := range features {
		feature, _ := f.(map[string]any)
		p, _ := feature["properties"].(map[string]any)
		id, err := strconv.Atoi(fmt.Sprint(p["id"]))
		if err != nil {
			return nil, fmt.Errorf("grid map: feature id %v: %w", p["id"], err)
		}
		g := &model.GridFeature{ID: id, Name: fmt.Sprint(p["name"]), Status: coverage.GridStatus(fmt.Sprint(p["status"])),
			Organizations: stringList(p["organizations"]), Members: number(p["members"]), Units: number(p["units"]),
			Residents: number(p["residents"]), Households: number(p["households"]), Gaps: number(p["gaps"])}
		if geometry, ok := feature["geometry"].(*geo.Geometry); ok {
			g.Geometry = geometry
		}
		if c, ok := p["community"].(string); ok {
			g.Community = &c
		}
		if c, err := strconv.Atoi(fmt.Sprint(p["communityId"])); err == nil {
			g.CommunityID = &c
		}
		for _, s := range stringList(p["organizationIds"]) {
			if n, err := strconv.Atoi(s); err == nil {
				g.OrganizationIds = append(g.OrganizationIds, n)
			}
		}
		if g.OrganizationIds == nil {
			g.OrganizationIds = []int{}
		}
		bySeverity, _ := p["gapsBySeverity"].(map[string]int)
		for _, s := range coverage.Severities {
			g.GapsBySeverity = append(g.GapsBySeverity, &model.SeverityCount{Severity: s, Count: bySeverity[string(s)]})
		}
		out = append(out, g)
	}
	return out, nil
}

func stringList(v any) []string {
	s, _ := v.([]string)
	if s == nil {
		return []string{}
	}
	return s
}

func number(v any) int {
	n, _ := v.(int)
	return n
}
