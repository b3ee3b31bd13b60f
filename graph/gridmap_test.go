package graph_test

import (
	"fmt"
	"testing"
)

// TestTheTypedGridMap: gridFeatures gives each grid of gridMap with the same
// properties, typed.
func TestTheTypedGridMap(t *testing.T) {
	w := newWorld(t)
	var out struct {
		GridMap struct {
			Features []struct {
				Properties map[string]any
				Geometry   map[string]any
			}
		}
		GridFeatures []struct {
			ID, Name, Status string
			Community        *string
			Organizations    []string
			Members, Gaps    int
			Geometry         map[string]any
			GapsBySeverity   []struct {
				Severity string
				Count    int
			}
		}
	}
	w.api.Do(&out, `{ gridMap(asOf: "2025-06-30")
		gridFeatures(asOf: "2025-06-30") { id name status community organizations members gaps geometry gapsBySeverity { severity count } } }`)
	if len(out.GridFeatures) == 0 || len(out.GridFeatures) != len(out.GridMap.Features) {
		t.Fatalf("got %d typed features for %d in gridMap", len(out.GridFeatures), len(out.GridMap.Features))
	}
	for i, g := range out.GridFeatures {
		p := out.GridMap.Features[i].Properties
		sum := 0
		for _, s := range g.GapsBySeverity {
			sum += s.Count
		}
		if g.ID != p["id"] || g.Name != p["name"] || g.Status != p["status"] || fmt.Sprint(g.Members) != fmt.Sprint(p["members"]) ||
			fmt.Sprint(g.Gaps) != fmt.Sprint(p["gaps"]) || sum != g.Gaps || len(g.GapsBySeverity) != 4 ||
			len(g.Organizations) != len(p["organizations"].([]any)) || (g.Geometry == nil) != (out.GridMap.Features[i].Geometry == nil) {
			t.Errorf("feature %d: got %+v, want %v", i, g, p)
		}
	}
}
