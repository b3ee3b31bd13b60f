package geo

import (
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	for text, want := range map[string]string{
		`{"type":"Polygon","coordinates":[[[87.9,44.1],[88,44.1],[88,44.2],[87.9,44.1]]]}`:        "",
		`{"type":"MultiPolygon","coordinates":[[[[87.9,44.1],[88,44.1],[88,44.2],[87.9,44.1]]]]}`: "",
		`{"type":"Polygon","coordinates":[[[87.9,44.1],[88,44.1],[88,44.2],[87.9,44.2]]]}`:        "not closed",
		`{"type":"Polygon","coordinates":[[[87.9,44.1],[88,44.1],[87.9,44.1]]]}`:                  "at least 4",
		`{"type":"Point","coordinates":[87.9,44.1]}`:                                              "not a polygon",
		`{"type":"Polygon","coordinates":[[[187.9,44.1],[88,44.1],[88,44.2],[187.9,44.1]]]}`:      "outside",
		`{"coordinates":[]}`: "no \"type\"",
		`[1,2]`:              "not a GeoJSON geometry object",
	} {
		_, err := Parse([]byte(text))
		if (want == "") != (err == nil) || err != nil && !strings.Contains(err.Error(), want) {
			t.Errorf("Parse(%s) = %v, want %q", text, err, want)
		}
	}
}

// FuzzParse: never panics; an accepted geometry has polygons whose rings
// are closed, of four positions or more, within longitude and latitude.
func FuzzParse(f *testing.F) {
	f.Add([]byte(`{"type":"Polygon","coordinates":[[[87.9,44.1],[88,44.1],[88,44.2],[87.9,44.1]]]}`))
	f.Add([]byte(`{"type":"MultiPolygon","coordinates":[]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		g, err := Parse(data)
		if err != nil {
			return
		}
		polys, err := g.Polygons()
		if err != nil || len(polys) == 0 {
			t.Fatalf("an accepted geometry has no polygons: %v", err)
		}
		for _, p := range polys {
			for _, ring := range p {
				if len(ring) < 4 || ring[0] != ring[len(ring)-1] {
					t.Errorf("an accepted ring is open or short: %v", ring)
				}
				for _, pos := range ring {
					if pos[0] < -180 || pos[0] > 180 || pos[1] < -90 || pos[1] > 90 {
						t.Errorf("an accepted position is outside the globe: %v", pos)
					}
				}
			}
		}
		if _, err := g.Center(); err != nil {
			t.Errorf("an accepted geometry has no centre: %v", err)
		}
	})
}
