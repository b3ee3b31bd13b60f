package ledger

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"testing"

	"jiceng/database/dbtest"
	"jiceng/ent/area"
	"jiceng/geo"
	"jiceng/policy"
)

// square is a closed ring around a point, in GeoJSON's nesting.
func square(lng, lat float64, open bool) string {
	ring := [][2]float64{{lng, lat}, {lng + 0.01, lat}, {lng + 0.01, lat + 0.01}, {lng, lat + 0.01}, {lng, lat}}
	if open {
		ring = ring[:4]
	}
	out, _ := json.Marshal([][][2]float64{ring})
	return string(out)
}

func collection(crs string, features ...string) []byte {
	head := `{"type":"FeatureCollection",`
	if crs != "" {
		head += fmt.Sprintf(`"crs":{"type":"name","properties":{"name":%q}},`, crs)
	}
	body := head + `"features":[`
	for i, f := range features {
		if i > 0 {
			body += ","
		}
		body += f
	}
	return []byte(body + "]}")
}

func feature(name, coords string) string {
	return fmt.Sprintf(`{"type":"Feature","properties":{"网格":%q},"geometry":{"type":"Polygon","coordinates":%s}}`, name, coords)
}

func TestGridBoundariesFromAGISAreReprojectedAndChecked(t *testing.T) {
	st := dbtest.Open(t)
	if res := run(t, st, workbook(t, cleanRows()), false); !res.Written {
		t.Fatalf("the ledger: %+v", res.Problems)
	}
	sys := policy.System(context.Background())
	t.Run("a bad feature fails them all", func(t *testing.T) {
		res, err := ImportGrids(admin(), st.Client, collection("", feature("一网格", square(87.98, 44.16, false)),
			feature("九网格", square(87.99, 44.17, false)), feature("测试街道/东社区/一网格", square(87.98, 44.16, true))), GridOptions{File: "网格.geojson"})
		if err != nil {
			t.Fatal(err)
		}
		if res.Written || res.Failed != 2 || res.Features[1].Problem == "" || res.Features[2].Problem == "" {
			t.Fatalf("%+v", res)
		}
		if a := st.Client.Area.Query().Where(area.Name("一网格")).OnlyX(sys); a.Boundary != nil {
			t.Error("a boundary was written")
		}
	})
	data := collection("urn:ogc:def:crs:GCJ02", feature("一网格", square(87.98, 44.16, false)))
	dry, err := ImportGrids(admin(), st.Client, data, GridOptions{File: "网格.geojson", DryRun: true})
	if err != nil || dry.CRS != geo.GCJ02 || dry.Updated != 1 || dry.Written {
		t.Fatalf("dry run: %+v, %v", dry, err)
	}
	res, err := ImportGrids(admin(), st.Client, data, GridOptions{File: "网格.geojson"})
	if err != nil || !res.Written || res.Updated != 1 {
		t.Fatalf("import: %+v, %v", res, err)
	}
	a := st.Client.Area.Query().Where(area.Name("一网格")).OnlyX(sys)
	polys, err := a.Boundary.Polygons()
	if err != nil {
		t.Fatal(err)
	}
	want := geo.GCJ02ToWGS84(geo.Position{87.98, 44.16})
	if got := polys[0][0][0]; math.Abs(got[0]-want[0]) > 1e-9 || math.Abs(got[1]-want[1]) > 1e-9 || math.Abs(got[0]-87.98) < 1e-4 {
		t.Errorf("first vertex: got %v, want %v (reprojected from GCJ-02)", got, want)
	}
	again, err := ImportGrids(admin(), st.Client, data, GridOptions{File: "网格.geojson"})
	if err != nil || again.Same != 1 || again.Updated != 0 {
		t.Fatalf("again: %+v, %v", again, err)
	}
}
