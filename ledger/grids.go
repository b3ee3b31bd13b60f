package ledger

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"jiceng/audit"
	"jiceng/ent"
	"jiceng/ent/area"
	"jiceng/geo"
	"jiceng/policy"
	"jiceng/register"
)

// GridOptions of an import of grid boundaries.
type GridOptions struct {
	// File is the name of the file read, for the audit log.
	File string
	// Property is the feature property that names the grid: its name, or
	// its path (阜新街道/大桥社区/第一网格). Empty tries 网格, 网格名称,
	// name and NAME.
	Property string
	// CRS is the system the positions are in; empty reads the file's own
	// "crs" member, and WGS-84 when it has none.
	CRS geo.CRS
	// DryRun checks every feature and writes nothing.
	DryRun bool
}

// GridFeature is what became, or would become, of a feature: the grid it
// names, its boundary in WGS-84 (for the map's preview), and its problem.
type GridFeature struct {
	Index    int           `json:"index"`
	Name     string        `json:"name"`
	AreaID   int           `json:"areaId,omitempty"`
	Action   Action        `json:"action"`
	Problem  string        `json:"problem,omitempty"`
	Boundary *geo.Geometry `json:"boundary,omitempty"`
}

// GridResult is the report of an import of grid boundaries.
type GridResult struct {
	File     string        `json:"file"`
	CRS      geo.CRS       `json:"crs"`
	DryRun   bool          `json:"dryRun"`
	Written  bool          `json:"written"`
	Features []GridFeature `json:"features"`
	Updated  int           `json:"updated"`
	Same     int           `json:"unchanged"`
	Failed   int           `json:"failed"`
}

type featureCollection struct {
	Type string `json:"type"`
	CRS  *struct {
		Properties struct {
			Name string `json:"name"`
		} `json:"properties"`
	} `json:"crs"`
	Features []struct {
		Properties map[string]any  `json:"properties"`
		Geometry   json.RawMessage `json:"geometry"`
	} `json:"features"`
}

// BadFile is a file that cannot be read as what it should be.
type BadFile struct{ Message string }

func (e *BadFile) Error() string { return e.Message }

// crsNamed reads a CRS as a file or a user names it.
func crsNamed(s string) (geo.CRS, error) {
	switch n := strings.ToUpper(strings.NewReplacer("-", "", "_", "", " ", "").Replace(s)); {
	case n == "", strings.Contains(n, "WGS84"), strings.Contains(n, "4326"), strings.Contains(n, "CRS84"):
		return geo.WGS84, nil
	case strings.Contains(n, "GCJ02"), strings.Contains(n, "GCJ"):
		return geo.GCJ02, nil
	case strings.Contains(n, "BD09"), strings.Contains(n, "BAIDU"):
		return geo.BD09, nil
	}
	return "", fmt.Errorf("坐标系“%s”不认识；请用 WGS84、GCJ02（高德、腾讯）或 BD09（百度）", s)
}

// ParseCRS reads the name of a coordinate system: WGS84, GCJ02 or BD09.
func ParseCRS(s string) (geo.CRS, error) { return crsNamed(s) }

// ImportGrids sets the boundaries of grids from a GeoJSON FeatureCollection:
// each feature names its grid in a property, its Polygon or MultiPolygon is
// reprojected to WGS-84 when the file is in GCJ-02 or BD-09, validated as
// every boundary is, and written through the register's hooks as the
// context's viewer; nothing is written if any feature fails.
func ImportGrids(ctx context.Context, client *ent.Client, data []byte, opts GridOptions) (*GridResult, error) {
	var fc featureCollection
	if err := json.Unmarshal(data, &fc); err != nil || fc.Type != "FeatureCollection" {
		return nil, &BadFile{"文件不是GeoJSON的FeatureCollection"}
	}
	crs := opts.CRS
	if crs == "" && fc.CRS != nil {
		var err error
		if crs, err = crsNamed(fc.CRS.Properties.Name); err != nil {
			return nil, &BadFile{err.Error()}
		}
	}
	if crs == "" {
		crs = geo.WGS84
	}
	res := &GridResult{File: opts.File, CRS: crs, DryRun: opts.DryRun, Features: []GridFeature{}}
	ctx = audit.WithDetail(ctx, "导入 "+opts.File)
	tx, err := client.Tx(ctx)
	if err != nil {
		return nil, fmt.Errorf("starting the import's transaction: %w", err)
	}
	defer func() { _ = tx.Rollback() }()
	im := &importer{ctx: ctx, sys: policy.System(ctx), c: tx.Client()}
	if err := im.load(); err != nil {
		return nil, err
	}
	byName := map[string][]*ent.Area{}
	for _, a := range im.areas {
		if a.Kind == area.KindGRID {
			byName[a.Name] = append(byName[a.Name], a)
		}
	}
	seen := map[int]int{}
	for i, f := range fc.Features {
		out := GridFeature{Index: i + 1, Action: Failed}
		out.Name = gridName(f.Properties, opts.Property)
		a, problem := im.grid(out.Name, byName)
		if a != nil {
			out.AreaID = a.ID
			if at, dup := seen[a.ID]; dup {
				a, problem = nil, fmt.Sprintf("与第%d个要素是同一个网格", at)
			}
			seen[out.AreaID] = i + 1
		}
		var g *geo.Geometry
		if problem == "" {
			if g, err = reproject(f.Geometry, crs); err != nil {
				problem = "边界不是有效的多边形：" + err.Error()
			}
			out.Boundary = g
		}
		switch {
		case problem != "":
			out.Problem = problem
			res.Failed++
		case a.Boundary != nil && sameGeometry(a.Boundary, g):
			out.Action = Unchanged
			res.Same++
		default:
			if problem = im.setBoundary(a.ID, g); problem != "" {
				out.Problem = problem
				res.Failed++
				break
			}
			out.Action = Updated
			res.Updated++
		}
		res.Features = append(res.Features, out)
	}
	if res.Failed > 0 || opts.DryRun {
		return res, nil
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("committing the import: %w", err)
	}
	res.Written = true
	return res, nil
}

// setBoundary writes a grid's boundary in a savepoint, and says what is
// wrong when the register refuses it.
func (im *importer) setBoundary(id int, g *geo.Geometry) string {
	if _, err := im.c.ExecContext(im.ctx, "SAVEPOINT ledger_row"); err != nil {
		return "写入失败"
	}
	err := im.c.Area.UpdateOneID(id).SetBoundary(g).Exec(im.ctx)
	if err == nil {
		_, _ = im.c.ExecContext(im.ctx, "RELEASE SAVEPOINT ledger_row")
		return ""
	}
	_, _ = im.c.ExecContext(im.ctx, "ROLLBACK TO SAVEPOINT ledger_row")
	if domain, ok := register.AsError(err); ok {
		if domain.Zh != "" {
			return domain.Zh
		}
		return zhOfCode(domain.Code) + "：" + domain.Message
	}
	return "写入失败：" + err.Error()
}

func gridName(props map[string]any, property string) string {
	names := []string{property}
	if property == "" {
		names = []string{"网格", "网格名称", "name", "NAME", "Name"}
	}
	for _, n := range names {
		if v, ok := props[n]; ok && v != nil {
			return strings.TrimSpace(fmt.Sprint(v))
		}
	}
	return ""
}

// grid finds the grid a feature names, by path or by a name only one grid has.
func (im *importer) grid(name string, byName map[string][]*ent.Area) (*ent.Area, string) {
	switch {
	case name == "":
		return nil, "要素没有写明网格名称（properties 中的“网格”或“name”）"
	case strings.ContainsAny(name, "/／"):
		a, problem := im.area(name)
		if a != nil && a.Kind != area.KindGRID {
			return nil, fmt.Sprintf("“%s”不是网格", name)
		}
		return a, problem
	}
	switch list := byName[name]; len(list) {
	case 1:
		return list[0], ""
	case 0:
		return nil, fmt.Sprintf("系统中没有名为“%s”的网格", name)
	}
	return nil, fmt.Sprintf("有多个网格都叫“%s”；请写从街道起的完整路径", name)
}

// reproject reads a Polygon or MultiPolygon and converts its positions to WGS-84.
func reproject(raw json.RawMessage, crs geo.CRS) (*geo.Geometry, error) {
	g, err := geo.Parse(raw)
	if err != nil {
		return nil, err
	}
	if crs == geo.WGS84 {
		return g, nil
	}
	convert := func(ring [][]float64) {
		for _, p := range ring {
			if len(p) >= 2 {
				w := geo.ToWGS84(crs, geo.Position{p[0], p[1]})
				p[0], p[1] = w[0], w[1]
			}
		}
	}
	var coords any
	switch g.Type {
	case "Polygon":
		var poly [][][]float64
		if err := json.Unmarshal(g.Coordinates, &poly); err != nil {
			return nil, err
		}
		for _, r := range poly {
			convert(r)
		}
		coords = poly
	case "MultiPolygon":
		var multi [][][][]float64
		if err := json.Unmarshal(g.Coordinates, &multi); err != nil {
			return nil, err
		}
		for _, poly := range multi {
			for _, r := range poly {
				convert(r)
			}
		}
		coords = multi
	}
	out, err := json.Marshal(coords)
	if err != nil {
		return nil, err
	}
	converted := &geo.Geometry{Type: g.Type, Coordinates: out}
	return converted, converted.Validate()
}

// sameGeometry compares two boundaries by their type and positions,
// whatever spacing their JSON was written with.
func sameGeometry(a, b *geo.Geometry) bool {
	canonical := func(g *geo.Geometry) string {
		var v any
		if err := json.Unmarshal(g.Coordinates, &v); err != nil {
			return ""
		}
		out, _ := json.Marshal(v)
		return g.Type + string(out)
	}
	return canonical(a) == canonical(b)
}
