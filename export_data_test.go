package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// fetchExport GETs an export with a token.
func fetchExport(t *testing.T, target, token string, header ...string) (*http.Response, []byte) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, target, nil)
	req.Header.Set("Authorization", "Bearer "+token)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	raw, _ := io.ReadAll(res.Body)
	return res, raw
}

func readCSV(t *testing.T, raw []byte) [][]string {
	t.Helper()
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(raw, []byte("\ufeff")))).ReadAll()
	if err != nil {
		t.Fatalf("not CSV: %v", err)
	}
	return rows
}

// TestExports downloads every table of the demo as CSV and the grids as
// GeoJSON, and checks them against the API's own answers.
func TestExports(t *testing.T) {
	env := map[string]string{"JICENG_DATA": t.TempDir()}
	reporter := strings.TrimSpace(command(t, env, "", "token", "create", "--name", "tool", "--role", "REPORTER"))
	admin := strings.TrimSpace(command(t, env, "", "token", "create", "--name", "office", "--role", "ADMIN"))
	base, stop := startIn(t, env, "--demo")
	defer stop()
	count := func(token, query string) int {
		t.Helper()
		_, out := api(t, base, token, query)
		for _, v := range out["data"].(map[string]any) {
			return int(v.(map[string]any)["totalCount"].(float64))
		}
		return -1
	}
	for name, query := range map[string]string{
		"members":       `{ members { totalCount } }`,
		"units":         `{ units { totalCount } }`,
		"organizations": `{ organizations { totalCount } }`,
		"gaps":          `{ coverageGaps { totalCount } }`,
	} {
		t.Run(name, func(t *testing.T) {
			res, raw := fetchExport(t, base+"/export/"+name+".csv", reporter)
			if res.StatusCode != 200 || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/csv; charset=utf-8") || !bytes.HasPrefix(raw, []byte("\ufeff")) {
				t.Fatalf("got %d %s, want 200 UTF-8 CSV with a BOM", res.StatusCode, res.Header.Get("Content-Type"))
			}
			rows := readCSV(t, raw)
			if want := count(reporter, query); len(rows)-1 != want {
				t.Errorf("got %d rows, want the API's totalCount %d", len(rows)-1, want)
			}
			gb, gbRaw := fetchExport(t, base+"/export/"+name+".csv?charset=gb18030", reporter)
			decoded, err := simplifiedchinese.GB18030.NewDecoder().Bytes(gbRaw)
			if gb.StatusCode != 200 || err != nil || !bytes.Equal(decoded, bytes.TrimPrefix(raw, []byte("\ufeff"))) {
				t.Errorf("GB 18030: got %d (%v), want the same table", gb.StatusCode, err)
			}
		})
	}
	t.Run("the API's filters apply", func(t *testing.T) {
		where := `{"category": "RETIRED"}`
		_, raw := fetchExport(t, base+"/export/members.csv?where="+url.QueryEscape(where), reporter)
		want := count(reporter, `{ members(where: {category: RETIRED}) { totalCount } }`)
		if rows := readCSV(t, raw); len(rows)-1 != want || want == 0 {
			t.Errorf("got %d retired members, want %d", len(rows)-1, want)
		}
		res, body := fetchExport(t, base+"/export/members.csv?where="+url.QueryEscape(`{"bogus": 1}`), reporter)
		if res.StatusCode != 400 || !strings.Contains(string(body), "GRAPHQL_VALIDATION_FAILED") {
			t.Errorf("an unknown filter: got %d %s, want 400 with the API's error", res.StatusCode, body)
		}
	})
	t.Run("personal data is masked, and its unmasked reads audited, as in the API", func(t *testing.T) {
		res, raw := fetchExport(t, base+"/export/members.csv", reporter)
		rows := readCSV(t, raw)
		phone := indexOf(rows[0], "phone")
		if !strings.Contains(rows[1][phone], "****") || res.Header.Get("Cache-Control") != "no-store" {
			t.Errorf("reporter: phone %q, Cache-Control %q; want masked and no-store", rows[1][phone], res.Header.Get("Cache-Control"))
		}
		before := count(admin, `{ auditEntries(where: {action: READ_PERSONAL}) { totalCount } }`)
		_, raw = fetchExport(t, base+"/export/members.csv?where="+url.QueryEscape(`{"category": "RETIRED"}`), admin)
		rows = readCSV(t, raw)
		after := count(admin, `{ auditEntries(where: {action: READ_PERSONAL}) { totalCount } }`)
		if strings.Contains(rows[1][phone], "*") || after-before != len(rows)-1 {
			t.Errorf("admin: phone %q, %d reads audited for %d members; want unmasked and each audited", rows[1][phone], after-before, len(rows)-1)
		}
	})
	t.Run("an export revalidates by its ETag", func(t *testing.T) {
		res, _ := fetchExport(t, base+"/export/units.csv", reporter)
		again, _ := fetchExport(t, base+"/export/units.csv", reporter, "If-None-Match", res.Header.Get("ETag"))
		if res.Header.Get("ETag") == "" || again.StatusCode != http.StatusNotModified {
			t.Errorf("ETag %q: got %d, want 304", res.Header.Get("ETag"), again.StatusCode)
		}
	})
	t.Run("grids as GeoJSON with scalar properties", func(t *testing.T) {
		res, raw := fetchExport(t, base+"/export/grids.geojson", reporter)
		var fc struct {
			Type     string
			Features []struct {
				Geometry   map[string]any
				Properties map[string]any
			}
		}
		if err := json.Unmarshal(raw, &fc); err != nil || res.Header.Get("Content-Type") != "application/geo+json" {
			t.Fatalf("got %s (%v)", res.Header.Get("Content-Type"), err)
		}
		if want := count(reporter, `{ areas(where: {kind: GRID}) { totalCount } }`); fc.Type != "FeatureCollection" || len(fc.Features) != want {
			t.Errorf("got %d features, want the %d grids", len(fc.Features), want)
		}
		for i, f := range fc.Features {
			for k, v := range f.Properties {
				switch v.(type) {
				case []any, map[string]any:
					t.Errorf("feature %d: property %s is not a scalar: %v", i, k, v)
				}
			}
			if _, ok := f.Properties["gapsCritical"]; !ok {
				t.Errorf("feature %d has no gapsCritical", i)
			}
		}
	})
	t.Run("an unknown export is 404", func(t *testing.T) {
		if res, _ := fetchExport(t, base+"/export/passwords.csv", reporter); res.StatusCode != 404 {
			t.Errorf("got %d, want 404", res.StatusCode)
		}
	})
}

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}
