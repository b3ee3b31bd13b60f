package main

import (
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestExportCoverage downloads the demo's coverage as a workbook and checks
// it holds the roll-up and the gaps the API reports.
func TestExportCoverage(t *testing.T) {
	env := map[string]string{"JICENG_DATA": t.TempDir()}
	token := strings.TrimSpace(command(t, env, "", "token", "create", "--name", "月报工具", "--role", "REPORTER"))
	url, stop := startIn(t, env, "--demo")
	defer stop()
	_, out := api(t, url, token, `{ coverage { units { total } gapTotal } }`)
	cov := out["data"].(map[string]any)["coverage"].(map[string]any)
	req, _ := http.NewRequest(http.MethodGet, url+"/export/coverage.xlsx", nil)
	req.Header.Set("Authorization", "Bearer "+token)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK || !strings.Contains(res.Header.Get("Content-Disposition"), ".xlsx") {
		t.Fatalf("got %d %v", res.StatusCode, res.Header)
	}
	book, err := excelize.OpenReader(res.Body)
	if err != nil {
		t.Fatalf("not a workbook: %v", err)
	}
	if got := book.GetSheetList(); len(got) != 3 || got[0] != "基层党组织覆盖情况" {
		t.Errorf("sheets: got %v", got)
	}
	total, _ := book.GetCellValue("基层党组织覆盖情况", "B4")
	if want := whole(cov["units"].(map[string]any)["total"]); total != want {
		t.Errorf("units in the workbook: got %s, want %s", total, want)
	}
	rows, _ := book.GetRows("覆盖缺口")
	if gaps := len(rows) - 3; strconv.Itoa(gaps) != whole(cov["gapTotal"]) {
		t.Errorf("gap rows: got %d, want %v", gaps, cov["gapTotal"])
	}
	t.Run("without credentials", func(t *testing.T) {
		res, _ := get(t, url+"/export/coverage.xlsx")
		if res.StatusCode != http.StatusUnauthorized {
			t.Errorf("got %d, want 401", res.StatusCode)
		}
	})
	t.Run("a bad date", func(t *testing.T) {
		req, _ := http.NewRequest(http.MethodGet, url+"/export/coverage.xlsx?asOf=2025-13-01", nil)
		req.Header.Set("Authorization", "Bearer "+token)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != http.StatusBadRequest {
			t.Errorf("got %d, want 400", res.StatusCode)
		}
	})
}

// whole writes a JSON number as a whole number.
func whole(v any) string {
	f, _ := v.(float64)
	return strconv.Itoa(int(f))
}
