package graph_test

import (
	"testing"

	"jiceng/calendar"
)

// TestTrendAndChangesOverTheAPI: a grid gets residents in March and a
// branch in May; the quarterly trend shows the gap on the days it was
// found, and the changes between January and June list the branch and the
// gap opened and closed with their days.
func TestTrendAndChangesOverTheAPI(t *testing.T) {
	defer calendar.Freeze(date("2026-01-05"))()
	w := newTown(t)
	defer calendar.Freeze(date("2026-06-30"))()
	w.api.Do(nil, `mutation($id: ID!) { updateArea(id: $id, input: {residents: 300}, on: "2026-03-10", reason: "入住") { id } }`, "id", w.west)
	org := w.create("Organization", map[string]any{"name": "西网格党支部", "kind": "GRID_BRANCH",
		"formation": "TERRITORIAL", "establishedOn": "2026-05-20", "parentID": w.general, "areaIDs": []string{w.west}})

	var trend struct {
		CoverageTrend []struct {
			AsOf   string
			Report struct {
				GapTotal int
				Gaps     []struct {
					Rule  string
					Count int
				}
			}
			Families []struct {
				Family string
				Count  int
			}
		}
	}
	w.api.Do(&trend, `{ coverageTrend(from: "2026-01-05", to: "2026-06-30", every: QUARTER) {
		asOf report { gapTotal gaps { rule count } } families { family count } } }`)
	var days []string
	for _, p := range trend.CoverageTrend {
		days = append(days, p.AsOf)
		want := p.AsOf == "2026-03-31"
		got := false
		for _, g := range p.Report.Gaps {
			got = got || (g.Rule == "WORK_GRID_UNCOVERED" && g.Count == 1)
		}
		if got != want {
			t.Errorf("%s: WORK_GRID_UNCOVERED found %v, want %v", p.AsOf, got, want)
		}
		var asOf report
		w.api.Do(&struct{ Coverage *report }{&asOf}, `query($d: Date) { coverage(asOf: $d) { gaps { rule count } } }`, "d", p.AsOf)
		if asOf.gaps("WORK_GRID_UNCOVERED") != map[bool]int{true: 1}[got] {
			t.Errorf("%s: the trend and coverage(asOf) disagree", p.AsOf)
		}
	}
	if len(days) != 3 || days[0] != "2026-01-05" || days[1] != "2026-03-31" || days[2] != "2026-06-30" {
		t.Errorf("days %v, want 2026-01-05, the quarter-end 2026-03-31, 2026-06-30", days)
	}

	var ch struct {
		CoverageChanges struct {
			Opened, Closed []struct {
				Day string
				Gap struct{ Rule string }
			}
			OrganizationsSetUp []struct {
				Day    string
				Record struct{ ID string }
			}
		}
	}
	w.api.Do(&ch, `{ coverageChanges(from: "2026-01-05", to: "2026-04-05") { opened { day gap { rule } } closed { day gap { rule } }
		organizationsSetUp { day record { id } } } }`)
	if c := ch.CoverageChanges; len(c.Opened) != 1 || c.Opened[0].Gap.Rule != "WORK_GRID_UNCOVERED" || c.Opened[0].Day != "2026-03-10" || len(c.Closed) != 0 {
		t.Errorf("January to April: %+v", c)
	}
	w.api.Do(&ch, `{ coverageChanges(from: "2026-04-05", to: "2026-06-30") { opened { day gap { rule } } closed { day gap { rule } }
		organizationsSetUp { day record { id } } } }`)
	if c := ch.CoverageChanges; len(c.Closed) != 1 || c.Closed[0].Day != "2026-05-20" || len(c.OrganizationsSetUp) != 1 || c.OrganizationsSetUp[0].Record.ID != org {
		t.Errorf("April to June: %+v", c)
	}
	if e := w.api.Fail(`{ coverageTrend(from: "2026-06-30", to: "2026-01-05", every: MONTH) { asOf } }`); e.Field() != "to" {
		t.Errorf("a series backwards: %+v", e)
	}
}
