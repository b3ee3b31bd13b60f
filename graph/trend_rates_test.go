package graph_test

import (
	"math"
	"testing"

	"jiceng/calendar"
)

// TestTrendRatesAreTheTablesShares: each point of a series gives its two
// rates, the shares of its own official figures in per cent with one
// decimal, so the chart draws what the table under it says; the town's
// one unit gets a branch of its own in April.
func TestTrendRatesAreTheTablesShares(t *testing.T) {
	defer calendar.Freeze(date("2026-01-05"))()
	w := newTown(t)
	defer calendar.Freeze(date("2026-06-30"))()
	branch := w.create("Organization", map[string]any{"name": "企业党支部", "kind": "BRANCH",
		"formation": "STANDALONE", "establishedOn": "2026-04-15", "parentID": w.general})
	w.create("UnitCoverage", map[string]any{"organizationID": branch, "unitID": w.unit, "startedOn": "2026-04-15"})
	var trend struct {
		CoverageTrend []struct {
			AsOf     string
			UnitRate *float64
			GridRate *float64
			Report   struct {
				Units struct{ Total, WithoutOrganization int }
				Grids struct{ Total, Covered int }
			}
		}
	}
	w.api.Do(&trend, `{ coverageTrend(from: "2026-01-05", to: "2026-06-30", every: MONTH) {
		asOf unitRate gridRate report { units { total withoutOrganization } grids { total covered } } } }`)
	if len(trend.CoverageTrend) != 7 {
		t.Fatalf("%d points from 5 January to 30 June by month, want 7", len(trend.CoverageTrend))
	}
	share := func(part, whole int) *float64 {
		if whole == 0 {
			return nil
		}
		v := math.Round(float64(part)*1000/float64(whole)) / 10
		return &v
	}
	same := func(a, b *float64) bool { return (a == nil) == (b == nil) && (a == nil || *a == *b) }
	units := map[float64]bool{}
	for _, p := range trend.CoverageTrend {
		u, g := p.Report.Units, p.Report.Grids
		if want := share(u.Total-u.WithoutOrganization, u.Total); !same(p.UnitRate, want) || p.UnitRate == nil {
			t.Errorf("%s: unit rate %v, the figures say %v", p.AsOf, p.UnitRate, want)
		} else {
			units[*p.UnitRate] = true
		}
		if want := share(g.Covered, g.Total); !same(p.GridRate, want) {
			t.Errorf("%s: grid rate %v, the figures say %v", p.AsOf, p.GridRate, want)
		}
	}
	if !units[0] || !units[100] {
		t.Errorf("the unit rate is not 0 before the unit's branch of 15 April and 100 after: %v", units)
	}
}
