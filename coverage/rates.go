package coverage

import "math"

// The two shares a series of readings is charted by, worked out once from
// the official table's figures for the API and every export.

// UnitRate is the share of a reading's units reached by an organisation
// of their own or a joint branch (those not counted without an
// organisation), in per cent with one decimal; nil when it has no units.
func UnitRate(r *Report) *float64 {
	return percent(r.Units.Total-r.Units.WithoutOrganization, r.Units.Total)
}

// GridRate is the share of a reading's grids covered (an organisation
// responsible and no serious gap), in per cent with one decimal; nil when
// it has no grids.
func GridRate(r *Report) *float64 { return percent(r.Grids.Covered, r.Grids.Total) }

// UnitRate is the day's UnitRate.
func (p *TrendPoint) UnitRate() *float64 { return UnitRate(p.Report) }

// GridRate is the day's GridRate.
func (p *TrendPoint) GridRate() *float64 { return GridRate(p.Report) }

// percent is part of whole in per cent, rounded half away from zero to one
// decimal; nil when whole is 0.
func percent(part, whole int) *float64 {
	if whole <= 0 {
		return nil
	}
	v := math.Round(float64(part)*1000/float64(whole)) / 10
	return &v
}
