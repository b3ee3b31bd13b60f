package demo

import (
	"encoding/json"
	"fmt"
	"math"

	"jiceng/geo"
)

// The map is a synthetic patch of Fukang's centre (WGS-84): four columns and
// four rows of grids, each community a block of two by two. The talk gives
// no boundaries; these only have to be plausible and tile without overlap.
const (
	west, east   = 87.96, 88.02
	south, north = 44.14, 44.18
	cells        = 4 // grids across and down the sub-district
	// steps is the number of lattice steps across: every grid edge has a
	// middle point, so boundaries are octagons rather than rectangles.
	steps = 2 * cells
)

// lattice is the shared corner and edge-middle points of every grid, each
// nudged a little off its regular place. Neighbouring grids share their
// points, so the grids tile the sub-district with no gap or overlap.
type lattice [steps + 1][steps + 1]geo.Position

func (l *loader) newLattice() *lattice {
	var lat lattice
	dx, dy := (east-west)/steps, (north-south)/steps
	for i := 0; i <= steps; i++ {
		for j := 0; j <= steps; j++ {
			// A nudge of at most a quarter step keeps every ring simple.
			nx := (l.rng.Float64() - 0.5) * dx / 2
			ny := (l.rng.Float64() - 0.5) * dy / 2
			lat[i][j] = geo.Position{round6(west + float64(i)*dx + nx), round6(south + float64(j)*dy + ny)}
		}
	}
	return &lat
}

func round6(f float64) float64 { return math.Round(f*1e6) / 1e6 }

// block returns the boundary of the cells from column c0 and row r0 (row 0
// is the south) to column c1 and row r1, exclusive, as a closed
// counter-clockwise ring (RFC 7946) along the lattice.
func (lat *lattice) block(c0, r0, c1, r1 int) (*geo.Geometry, error) {
	x0, y0, x1, y1 := 2*c0, 2*r0, 2*c1, 2*r1
	var ring []geo.Position
	for x := x0; x < x1; x++ {
		ring = append(ring, lat[x][y0])
	}
	for y := y0; y < y1; y++ {
		ring = append(ring, lat[x1][y])
	}
	for x := x1; x > x0; x-- {
		ring = append(ring, lat[x][y1])
	}
	for y := y1; y > y0; y-- {
		ring = append(ring, lat[x0][y])
	}
	ring = append(ring, ring[0])
	coords, err := json.Marshal([][]geo.Position{ring})
	if err != nil {
		return nil, fmt.Errorf("writing boundary: %w", err)
	}
	g := &geo.Geometry{Type: "Polygon", Coordinates: coords}
	return g, g.Validate()
}

// placement says where a community's block of grids lies: its south-west
// cell. Grids are numbered north-west, north-east, south-west, south-east.
type placement struct{ col, row int }

// gridCell returns the column and row of the community's grid i (0–3).
func (p placement) gridCell(i int) (col, row int) {
	return p.col + i%2, p.row + 1 - i/2
}
