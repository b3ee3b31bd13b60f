package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"mime/multipart"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"

	"jiceng/check"
	"jiceng/ledger"
)

// creditCode makes a valid credit code from seventeen characters.
func creditCode(t *testing.T, first17 string) string {
	c, err := check.CreditCodeCheck(first17)
	if err != nil {
		t.Fatal(err)
	}
	return first17 + string(c)
}

// unitLedger is the template with units written in its 单位 sheet.
func unitLedger(t *testing.T, units ...[]any) []byte {
	book, err := ledger.Template()
	if err != nil {
		t.Fatal(err)
	}
	for i, u := range units {
		if err := book.SetSheetRow(ledger.SheetUnits, fmt.Sprintf("A%d", 4+i), &u); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := book.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

type polledJob struct {
	ID, Status string
	Done       int
	Total      int
	Result     *ledger.Result
}

// upload posts a ledger as a form and polls its job to the end.
func upload(t *testing.T, url, token string, data []byte, dry bool) (int, *polledJob) {
	t.Helper()
	var body bytes.Buffer
	form := multipart.NewWriter(&body)
	part, _ := form.CreateFormFile("file", "单位台账.xlsx")
	part.Write(data)
	form.Close()
	req, _ := http.NewRequest(http.MethodPost, fmt.Sprintf("%s/ledger/import?dryRun=%v", url, dry), &body)
	req.Header.Set("Content-Type", form.FormDataContentType())
	req.Header.Set("Authorization", "Bearer "+token)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusAccepted {
		return res.StatusCode, nil
	}
	var job polledJob
	if err := json.NewDecoder(res.Body).Decode(&job); err != nil {
		t.Fatal(err)
	}
	for deadline := time.Now().Add(time.Minute); job.Status == "RUNNING" && time.Now().Before(deadline); {
		time.Sleep(100 * time.Millisecond)
		req, _ := http.NewRequest(http.MethodGet, url+"/ledger/jobs/"+job.ID, nil)
		req.Header.Set("Authorization", "Bearer "+token)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		job = polledJob{}
		err = json.NewDecoder(res.Body).Decode(&job)
		res.Body.Close()
		if err != nil {
			t.Fatal(err)
		}
	}
	return http.StatusAccepted, &job
}

func fetchAs(t *testing.T, url, token string) *http.Response {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, url, nil)
	req.Header.Set("Authorization", "Bearer "+token)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// TestImportingLedgersOverHTTP uploads a ledger of units as an editor of
// one community: the preview shows the unit elsewhere refused at its row,
// the import writes nothing while a row fails, and an administrator's
// import writes; the template and the register's export download.
func TestImportingLedgersOverHTTP(t *testing.T) {
	env := map[string]string{"JICENG_DATA": t.TempDir()}
	admin := strings.TrimSpace(command(t, env, "", "token", "create", "--name", "导入", "--role", "ADMIN"))
	url, stop := startIn(t, env, "--demo")
	defer stop()
	_, out := api(t, url, admin, `{ areas(where: {kind: GRID}, first: 100) { edges { node { name parent { id name parent { name } } } } } }`)
	var grids []string
	var communities []string
	for _, e := range out["data"].(map[string]any)["areas"].(map[string]any)["edges"].([]any) {
		n := e.(map[string]any)["node"].(map[string]any)
		p := n["parent"].(map[string]any)
		path := p["parent"].(map[string]any)["name"].(string) + "/" + p["name"].(string) + "/" + n["name"].(string)
		if len(communities) == 0 || communities[len(communities)-1] != p["id"].(string) {
			communities = append(communities, p["id"].(string))
			grids = append(grids, path)
		}
	}
	if len(grids) < 2 {
		t.Fatalf("grids: %v", grids)
	}
	editorToken := strings.TrimSpace(command(t, env, "", "token", "create", "--name", "社区编辑", "--role", "EDITOR", "--area", communities[0]))
	mine := []any{"导入测试公司甲", creditCode(t, "91652302MA7KMP001"), "非公有制企业", grids[0], 12}
	theirs := []any{"导入测试公司乙", creditCode(t, "91652302MA7KMP002"), "非公有制企业", grids[1], 8}
	data := unitLedger(t, mine, theirs)

	t.Run("the template", func(t *testing.T) {
		res := fetchAs(t, url+"/ledger/template.xlsx", editorToken)
		defer res.Body.Close()
		book, err := excelize.OpenReader(res.Body)
		if res.StatusCode != http.StatusOK || err != nil {
			t.Fatalf("got %d, %v", res.StatusCode, err)
		}
		if got := book.GetSheetList(); len(got) < 6 || got[0] != ledger.SheetAreas {
			t.Errorf("sheets: %v", got)
		}
	})
	t.Run("an editor's preview refuses the unit outside their areas at its row", func(t *testing.T) {
		status, job := upload(t, url, editorToken, data, true)
		if job == nil || job.Status != "DONE" {
			t.Fatalf("got %d %+v", status, job)
		}
		r := job.Result
		if r.Created != 1 || r.Failed != 1 || len(r.Problems) != 1 || r.Written {
			t.Fatalf("preview: %+v", r)
		}
		if p := r.Problems[0]; p.Sheet != ledger.SheetUnits || p.Row != 5 || p.Column != "所在网格" || p.Message == "" {
			t.Errorf("problem: %+v", p)
		}
	})
	t.Run("the editor's import writes nothing while a row fails", func(t *testing.T) {
		_, job := upload(t, url, editorToken, data, false)
		if job.Result.Written || job.Result.Failed != 1 {
			t.Fatalf("import: %+v", job.Result)
		}
		_, out := api(t, url, admin, `{ units(where: {nameHasPrefix: "导入测试"}) { totalCount } }`)
		if n := out["data"].(map[string]any)["units"].(map[string]any)["totalCount"]; n != float64(0) {
			t.Errorf("%v units written", n)
		}
	})
	t.Run("an administrator's import writes, and again changes nothing", func(t *testing.T) {
		_, job := upload(t, url, admin, data, false)
		if !job.Result.Written || job.Result.Created != 2 || job.Done != job.Total {
			t.Fatalf("import: %+v", job)
		}
		_, again := upload(t, url, admin, data, false)
		if again.Result.Unchanged != 2 {
			t.Fatalf("again: %+v", again.Result)
		}
		_, out := api(t, url, admin, `{ auditEntries(first: 5, where: {entityType: "Unit", action: CREATE}) { edges { node { actor detail } } } }`)
		edges := out["data"].(map[string]any)["auditEntries"].(map[string]any)["edges"].([]any)
		if len(edges) != 2 {
			t.Fatalf("audit: %v", out)
		}
		if n := edges[0].(map[string]any)["node"].(map[string]any); n["actor"] != "token 导入" || n["detail"] != "导入 单位台账.xlsx" {
			t.Errorf("audit entry: %v", n)
		}
	})
	t.Run("grid boundaries from a GIS are previewed in WGS-84", func(t *testing.T) {
		geojson := fmt.Sprintf(`{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":%q},
			"geometry":{"type":"Polygon","coordinates":[[[87.98,44.16],[87.99,44.16],[87.99,44.17],[87.98,44.16]]]}}]}`, grids[0])
		req, _ := http.NewRequest(http.MethodPost, url+"/ledger/grids?dryRun=true&crs=GCJ02&file=grids.geojson", strings.NewReader(geojson))
		req.Header.Set("Authorization", "Bearer "+editorToken)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		var out ledger.GridResult
		if err := json.NewDecoder(res.Body).Decode(&out); err != nil || res.StatusCode != http.StatusOK {
			t.Fatalf("got %d, %v", res.StatusCode, err)
		}
		if out.Updated != 1 || out.Written || out.Features[0].Boundary == nil || out.CRS != "GCJ02" {
			t.Fatalf("preview: %+v", out)
		}
	})
	t.Run("only an administrator exports the register", func(t *testing.T) {
		res := fetchAs(t, url+"/export/register.xlsx", editorToken)
		res.Body.Close()
		if res.StatusCode != http.StatusForbidden {
			t.Errorf("editor: got %d, want 403", res.StatusCode)
		}
		res = fetchAs(t, url+"/export/register.xlsx", admin)
		defer res.Body.Close()
		wb, err := ledger.Read("register.xlsx", res.Body)
		if res.StatusCode != http.StatusOK || err != nil || wb.Rows() < 800 {
			t.Fatalf("got %d, %v", res.StatusCode, err)
		}
		_, out := api(t, url, admin, `{ auditEntries(where: {action: READ_PERSONAL, detail: "导出全部台账"}) { totalCount } }`)
		if n := out["data"].(map[string]any)["auditEntries"].(map[string]any)["totalCount"]; n.(float64) < 800 {
			t.Errorf("reads of personal data entered: %v", out)
		}
	})
}

// TestImportCommand writes the template, then checks and imports a ledger
// from the command line.
func TestImportCommand(t *testing.T) {
	dir := t.TempDir()
	env := map[string]string{"JICENG_DATA": filepath.Join(dir, "data")}
	template := filepath.Join(dir, "模板.xlsx")
	if out := command(t, env, "", "import", "template", template); !strings.Contains(out, "template") {
		t.Errorf("template: %s", out)
	}
	book, err := excelize.OpenFile(template)
	if err != nil {
		t.Fatal(err)
	}
	rows := [][]any{{"测试街道", "街道"}, {"测试街道/东社区", "社区"}, {"测试街道/东社区/一网格", "网格", nil, 10, 30}}
	for i, r := range rows {
		book.SetSheetRow(ledger.SheetAreas, fmt.Sprintf("A%d", 4+i), &r)
	}
	file := filepath.Join(dir, "区域.xlsx")
	if err := book.SaveAs(file); err != nil {
		t.Fatal(err)
	}
	if out := command(t, env, "", "import", "--dry-run", file); !strings.Contains(out, "Would create 3") {
		t.Errorf("dry run: %s", out)
	}
	if out := command(t, env, "", "import", file); !strings.Contains(out, "Created 3") {
		t.Errorf("import: %s", out)
	}
	if out := command(t, env, "", "import", file); !strings.Contains(out, "Created 0, updated 0, left 3") {
		t.Errorf("again: %s", out)
	}
	// A CSV in GB18030 of the same sheet is read as well.
	csv := filepath.Join(dir, "区域.csv")
	gb, err := simplifiedchinese.GB18030.NewEncoder().String("区域路径,区域类型,户数\n测试街道/东社区/一网格,网格,12\n")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(csv, []byte(gb), 0o600); err != nil {
		t.Fatal(err)
	}
	if out := command(t, env, "", "import", csv); !strings.Contains(out, "updated 1") {
		t.Errorf("csv: %s", out)
	}
}
