package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// A table export runs the API's own query, page by page, through the API's
// handler with the request's viewer: the same filters (where and orderBy
// as the API's JSON), the same masking of personal data and the same audit
// of unmasked reads.
type table struct {
	// field is the connection; vars the variables' declarations and the
	// arguments they fill.
	field, vars, args string
	// columns are the nodes' fields written, as paths ("grid.name").
	columns []string
	// personal marks a table holding personal data: never stored by a cache.
	personal bool
	// params reads the URL's filters into the query's variables.
	params func(r *http.Request) (map[string]any, error)
}

var tables = map[string]table{
	"members": {field: "members", vars: "$where: MemberWhereInput, $orderBy: [MemberOrder!]", args: "where: $where, orderBy: $orderBy",
		columns: []string{"id", "name", "gender", "ethnicity", "bornOn", "status", "joinedPartyOn", "category", "mobility",
			"mobilePlace", "externalOrganization", "phone", "idNumber", "address", "residenceGrid.name", "workUnit.name", "partyGroup.name"},
		personal: true, params: whereAndOrder},
	"units": {field: "units", vars: "$where: UnitWhereInput, $orderBy: [UnitOrder!]", args: "where: $where, orderBy: $orderBy",
		columns: []string{"id", "name", "kind", "creditCode", "employees", "aboveDesignatedSize", "address", "openedOn",
			"plannedCloseOn", "closedOn", "grid.name"},
		params: whereAndOrder},
	"organizations": {field: "organizations", vars: "$where: OrganizationWhereInput, $orderBy: [OrganizationOrder!]", args: "where: $where, orderBy: $orderBy",
		columns: []string{"id", "name", "shortName", "kind", "formation", "establishedOn", "dissolvedOn", "dissolutionReason", "parent.name"},
		params:  whereAndOrder},
	"gaps": {field: "coverageGaps", vars: "$areaId: ID, $asOf: Date, $rules: [RuleCode!], $severities: [Severity!]",
		args: "areaId: $areaId, asOf: $asOf, rules: $rules, severities: $severities",
		columns: []string{"id", "key", "rule", "family", "severity", "subjectName", "community.name", "grid.name",
			"figures", "message.zh", "remedy.zh"},
		params: gapParams},
}

// selection writes the GraphQL selection of the columns.
func (t table) selection() string {
	var b strings.Builder
	for _, c := range t.columns {
		switch {
		case c == "figures":
			b.WriteString(" figures { name value threshold }")
		case strings.Contains(c, "."):
			parent, child, _ := strings.Cut(c, ".")
			fmt.Fprintf(&b, " %s { %s }", parent, child)
		default:
			b.WriteString(" " + c)
		}
	}
	return b.String()
}

func whereAndOrder(r *http.Request) (map[string]any, error) {
	vars := map[string]any{}
	for _, name := range []string{"where", "orderBy"} {
		if s := r.URL.Query().Get(name); s != "" {
			var v any
			if err := json.Unmarshal([]byte(s), &v); err != nil {
				return nil, fmt.Errorf("%s: is not JSON (write it as the API's %s argument)", name, name)
			}
			vars[name] = v
		}
	}
	return vars, nil
}

func gapParams(r *http.Request) (map[string]any, error) {
	q := r.URL.Query()
	vars := map[string]any{}
	for _, name := range []string{"areaId", "asOf"} {
		if s := q.Get(name); s != "" {
			vars[name] = s
		}
	}
	for _, name := range []string{"rules", "severities"} {
		if s := q.Get(name); s != "" {
			vars[name] = strings.Split(s, ",")
		}
	}
	return vars, nil
}

// exportTable serves GET /export/{name}.csv: a table of the register or
// the gaps as CSV, UTF-8 with a byte-order mark (Excel reads it so), or
// GB 18030 with ?charset=gb18030 for older office software.
func exportTable(api http.Handler, logger *slog.Logger) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name, csvFile := strings.CutSuffix(r.PathValue("file"), ".csv")
		t, ok := tables[name]
		if !ok || !csvFile {
			http.NotFound(w, r)
			return
		}
		charset := strings.ToLower(r.URL.Query().Get("charset"))
		if charset != "" && charset != "utf-8" && charset != "gb18030" {
			badRequest(w, r, "charset", "字符集：须是 utf-8 或 gb18030", "charset: must be utf-8 or gb18030")
			return
		}
		vars, err := t.params(r)
		if err != nil {
			field, msg, _ := strings.Cut(err.Error(), ": ")
			badRequest(w, r, field, "填写的内容有误："+msg, field+": "+msg)
			return
		}
		var out bytes.Buffer
		cw := csv.NewWriter(&out)
		cw.UseCRLF = true
		_ = cw.Write(t.columns)
		query := fmt.Sprintf("query($first: Int, $after: Cursor, %s) { %s(first: $first, after: $after, %s) { pageInfo { hasNextPage endCursor } nodes {%s } } }",
			t.vars, t.field, t.args, t.selection())
		var after any
		for {
			vars["first"], vars["after"] = 500, after
			page, failure := runQuery(api, r, query, vars)
			if failure != nil {
				failure.write(w)
				return
			}
			var conn struct {
				PageInfo struct {
					HasNextPage bool
					EndCursor   *string
				}
				Nodes []map[string]any
			}
			if err := json.Unmarshal(page[t.field], &conn); err != nil {
				logger.ErrorContext(r.Context(), "exporting a table", "table", t.field, "err", err)
				serverError(w, r, "导出未能完成，请重试", "could not export; try again")
				return
			}
			for _, n := range conn.Nodes {
				row := make([]string, len(t.columns))
				for i, c := range t.columns {
					row[i] = cell(n, c)
				}
				_ = cw.Write(row)
			}
			if !conn.PageInfo.HasNextPage || conn.PageInfo.EndCursor == nil {
				break
			}
			after = *conn.PageInfo.EndCursor
		}
		cw.Flush()
		body := append([]byte("\ufeff"), out.Bytes()...)
		if charset == "gb18030" {
			if body, err = simplifiedchinese.GB18030.NewEncoder().Bytes(out.Bytes()); err != nil {
				logger.ErrorContext(r.Context(), "encoding GB 18030", "err", err)
				serverError(w, r, "导出未能完成，请重试", "could not export; try again")
				return
			}
		} else {
			charset = "utf-8"
		}
		w.Header().Set("Content-Type", "text/csv; charset="+charset+"; header=present")
		w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="%s.csv"`, name))
		sendCacheable(w, r, body, t.personal)
	})
}

// knownTable answers 404 for an export that does not exist, before asking
// who the client is.
func knownTable(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name, csvFile := strings.CutSuffix(r.PathValue("file"), ".csv")
		if _, ok := tables[name]; !ok || !csvFile {
			http.NotFound(w, r)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// cell writes a node's value at a path as text.
func cell(n map[string]any, path string) string {
	if path == "figures" {
		list, _ := n["figures"].([]any)
		parts := make([]string, 0, len(list))
		for _, f := range list {
			m, _ := f.(map[string]any)
			s := fmt.Sprintf("%v=%v", m["name"], m["value"])
			if m["threshold"] != nil {
				s += fmt.Sprintf("/%v", m["threshold"])
			}
			parts = append(parts, s)
		}
		return strings.Join(parts, "; ")
	}
	var v any = n
	for _, key := range strings.Split(path, ".") {
		m, _ := v.(map[string]any)
		v = m[key]
	}
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return v
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	case []any:
		parts := make([]string, len(v))
		for i, x := range v {
			parts[i] = fmt.Sprint(x)
		}
		return strings.Join(parts, "、")
	}
	return fmt.Sprint(v)
}

// queryFailure is the API's answer to a query that failed, as it was sent.
type queryFailure struct {
	status int
	body   []byte
}

// write answers the export's request with the API's own answer.
func (f *queryFailure) write(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(f.status)
	_, _ = w.Write(f.body)
}

// runQuery runs a query through the API's handler as the request's viewer
// and returns its data, or the API's answer when it failed.
func runQuery(api http.Handler, r *http.Request, query string, vars map[string]any) (map[string]json.RawMessage, *queryFailure) {
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req := httptest.NewRequestWithContext(r.Context(), http.MethodPost, "/query", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	rec := httptest.NewRecorder()
	api.ServeHTTP(rec, req)
	var res struct {
		Data   map[string]json.RawMessage `json:"data"`
		Errors []json.RawMessage          `json:"errors"`
	}
	if json.Unmarshal(rec.Body.Bytes(), &res) != nil || len(res.Errors) > 0 || res.Data == nil {
		status := rec.Code
		if status == http.StatusOK {
			status = http.StatusBadRequest
		}
		return nil, &queryFailure{status: status, body: rec.Body.Bytes()}
	}
	return res.Data, nil
}

// sendCacheable sends an export with an ETag (If-None-Match gets 304);
// personal data is never stored by a cache.
func sendCacheable(w http.ResponseWriter, r *http.Request, body []byte, personal bool) {
	sum := sha256.Sum256(body)
	etag := `"` + hex.EncodeToString(sum[:12]) + `"`
	w.Header().Set("ETag", etag)
	if personal {
		w.Header().Set("Cache-Control", "no-store")
	} else {
		w.Header().Set("Cache-Control", "private, no-cache")
	}
	if r.Header.Get("If-None-Match") == etag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	_, _ = w.Write(body)
}

// exportGrids serves GET /export/grids.geojson?areaId=…&asOf=…: the grid
// map as GeoJSON whose properties are all scalars (lists joined with "、",
// gaps by severity as gapsCritical… ), which GDAL writes to a Shapefile.
func exportGrids(api http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		vars := map[string]any{}
		for _, name := range []string{"areaId", "asOf"} {
			if s := r.URL.Query().Get(name); s != "" {
				vars[name] = s
			}
		}
		data, failure := runQuery(api, r, "query($areaId: ID, $asOf: Date) { gridMap(areaId: $areaId, asOf: $asOf) }", vars)
		if failure != nil {
			failure.write(w)
			return
		}
		var fc struct {
			Type     string `json:"type"`
			Features []struct {
				Type       string          `json:"type"`
				ID         any             `json:"id"`
				Geometry   json.RawMessage `json:"geometry"`
				Properties map[string]any  `json:"properties"`
			} `json:"features"`
		}
		if err := json.Unmarshal(data["gridMap"], &fc); err != nil {
			serverError(w, r, "导出未能完成，请重试", "could not export; try again")
			return
		}
		for i := range fc.Features {
			fc.Features[i].Properties = flatProperties(fc.Features[i].Properties)
		}
		body, _ := json.Marshal(fc)
		w.Header().Set("Content-Type", "application/geo+json")
		w.Header().Set("Content-Disposition", `attachment; filename="grids.geojson"`)
		sendCacheable(w, r, body, false)
	})
}

// flatProperties makes every property a scalar.
func flatProperties(p map[string]any) map[string]any {
	out := map[string]any{}
	for k, v := range p {
		switch v := v.(type) {
		case []any:
			out[k] = cell(map[string]any{k: v}, k)
		case map[string]any:
			// gapsBySeverity becomes gapsCritical, gapsHigh…: short names, as Shapefiles want.
			prefix := strings.TrimSuffix(k, "BySeverity")
			keys := make([]string, 0, len(v))
			for sub := range v {
				keys = append(keys, sub)
			}
			if prefix != k {
				keys = []string{"CRITICAL", "HIGH", "MEDIUM", "LOW"}
			}
			sort.Strings(keys)
			for _, sub := range keys {
				n := v[sub]
				if n == nil {
					n = 0
				}
				out[prefix+strings.ToUpper(sub[:1])+strings.ToLower(sub[1:])] = n
			}
		default:
			out[k] = v
		}
	}
	return out
}
