// Package geo holds the GeoJSON geometry of an area's boundary (RFC 7946),
// with the validation the register applies before a boundary is stored.
package geo

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// Geometry is a GeoJSON Polygon or MultiPolygon in WGS-84 longitude/latitude.
type Geometry struct {
	Type        string          `json:"type"`
	Coordinates json.RawMessage `json:"coordinates"`
}

// Position is one longitude/latitude pair.
type Position [2]float64

// Parse reads a GeoJSON geometry from JSON text and validates it.
func Parse(data []byte) (*Geometry, error) {
	var g Geometry
	if err := json.Unmarshal(data, &g); err != nil {
		return nil, fmt.Errorf("not a GeoJSON geometry object: %w", err)
	}
	if err := g.Validate(); err != nil {
		return nil, err
	}
	return &g, nil
}

// Validate reports why g is not a usable boundary: an unknown type, a ring
// with fewer than four positions or whose last position differs from its
// first, or a coordinate outside longitude ±180 and latitude ±90.
func (g *Geometry) Validate() error {
	if g == nil {
		return errors.New("geometry is empty")
	}
	_, err := g.Polygons()
	return err
}

// Polygons returns the geometry's polygons, each a list of rings, the first
// ring the exterior. It fails for the reasons Validate gives.
func (g *Geometry) Polygons() ([][][]Position, error) {
	var raw [][][][]float64
	switch g.Type {
	case "Polygon":
		var poly [][][]float64
		if err := json.Unmarshal(g.Coordinates, &poly); err != nil {
			return nil, errors.New("Polygon coordinates must be an array of rings of [longitude, latitude] positions")
		}
		raw = [][][][]float64{poly}
	case "MultiPolygon":
		if err := json.Unmarshal(g.Coordinates, &raw); err != nil {
			return nil, errors.New("MultiPolygon coordinates must be an array of polygons of rings of [longitude, latitude] positions")
		}
	case "":
		return nil, errors.New(`geometry has no "type"; want "Polygon" or "MultiPolygon"`)
	default:
		return nil, fmt.Errorf("geometry type %q is not a polygon; want \"Polygon\" or \"MultiPolygon\"", g.Type)
	}
	if len(raw) == 0 {
		return nil, errors.New("geometry has no polygons")
	}
	out := make([][][]Position, len(raw))
	for p, poly := range raw {
		if len(poly) == 0 {
			return nil, fmt.Errorf("polygon %d has no rings", p)
		}
		out[p] = make([][]Position, len(poly))
		for r, ring := range poly {
			positions, err := readRing(ring)
			if err != nil {
				if len(raw) == 1 {
					return nil, fmt.Errorf("ring %d: %w", r, err)
				}
				return nil, fmt.Errorf("polygon %d ring %d: %w", p, r, err)
			}
			out[p][r] = positions
		}
	}
	return out, nil
}

func readRing(ring [][]float64) ([]Position, error) {
	if len(ring) < 4 {
		return nil, fmt.Errorf("has %d positions; a closed ring needs at least 4", len(ring))
	}
	positions := make([]Position, len(ring))
	for i, c := range ring {
		if len(c) < 2 || len(c) > 3 {
			return nil, fmt.Errorf("position %d has %d numbers; want [longitude, latitude]", i, len(c))
		}
		lon, lat := c[0], c[1]
		if lon < -180 || lon > 180 || lat < -90 || lat > 90 {
			return nil, fmt.Errorf("position %d (%g, %g) is outside longitude ±180 and latitude ±90", i, lon, lat)
		}
		positions[i] = Position{lon, lat}
	}
	if positions[0] != positions[len(positions)-1] {
		return nil, errors.New("is not closed: its last position must equal its first")
	}
	return positions, nil
}

// Center returns the mean of the exterior rings' vertices, good enough to
// place a label inside a convex grid.
func (g *Geometry) Center() (Position, error) {
	polys, err := g.Polygons()
	if err != nil {
		return Position{}, err
	}
	var sum Position
	n := 0
	for _, poly := range polys {
		ring := poly[0]
		for _, p := range ring[:len(ring)-1] {
			sum[0] += p[0]
			sum[1] += p[1]
			n++
		}
	}
	return Position{sum[0] / float64(n), sum[1] / float64(n)}, nil
}

// MarshalGQL writes the geometry as a JSON object.
func (g Geometry) MarshalGQL(w io.Writer) {
	data, err := json.Marshal(g)
	if err != nil {
		_, _ = io.WriteString(w, "null")
		return
	}
	_, _ = w.Write(data)
}

// UnmarshalGQL reads a geometry given as a JSON object or as JSON text. Its
// shape is checked when the record is written, so that the error names the field.
func (g *Geometry) UnmarshalGQL(v any) error {
	var data []byte
	switch v := v.(type) {
	case string:
		data = []byte(v)
	case map[string]any:
		var err error
		if data, err = json.Marshal(v); err != nil {
			return fmt.Errorf("not a GeoJSON geometry object: %w", err)
		}
	default:
		return fmt.Errorf("a GeoJSON geometry must be an object, got %T", v)
	}
	if err := json.Unmarshal(data, g); err != nil {
		return fmt.Errorf("not a GeoJSON geometry object: %w", err)
	}
	return nil
}
