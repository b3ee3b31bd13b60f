package main

import (
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// TestExportHalfYearReport downloads the demo's last half-yearly account
// as a workbook and reads it back: its figures are the API's.
func TestExportHalfYearReport(t *testing.T) {
	env := map[string]string{"JICENG_DATA": t.TempDir()}
	token := strings.TrimSpace(command(t, env, "", "token", "create", "--name", "半年汇报", "--role", "ANALYST"))
	url, stop := startIn(t, env, "--demo")
	defer stop()
	_, out := api(t, url, token, `{ registerCalendar { today } }`)
	today, err := time.Parse(time.DateOnly, out["data"].(map[string]any)["registerCalendar"].(map[string]any)["today"].(string))
	if err != nil {
		t.Fatal(err)
	}
	// The last half year that has ended.
	from, to := time.Date(today.Year()-1, 7, 1, 0, 0, 0, 0, time.UTC), time.Date(today.Year()-1, 12, 31, 0, 0, 0, 0, time.UTC)
	if today.Month() > 6 {
		from, to = time.Date(today.Year(), 1, 1, 0, 0, 0, 0, time.UTC), time.Date(today.Year(), 6, 30, 0, 0, 0, 0, time.UTC)
	}
	span := fmt.Sprintf("from=%s&to=%s", from.Format(time.DateOnly), to.Format(time.DateOnly))
	_, out = api(t, url, token, fmt.Sprintf(`{ halfYearReport(from: %q, to: %q) {
		found closed ledger { handedOver verified stillOpen overdue waived } byArea { area { name } account { stillOpen } }
		start { gapTotal units { total } } end { gapTotal units { total } } } }`, from.Format(time.DateOnly), to.Format(time.DateOnly)))
	if out["errors"] != nil {
		t.Fatalf("halfYearReport: %v", out["errors"])
	}
	rep := out["data"].(map[string]any)["halfYearReport"].(map[string]any)
	ledger := rep["ledger"].(map[string]any)
	if whole(ledger["handedOver"]) == "0" || whole(ledger["verified"]) == "0" {
		t.Errorf("the demo's campaign is missing from the account: %v", ledger)
	}

	req, _ := http.NewRequest(http.MethodGet, url+"/export/report.xlsx?"+span, nil)
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
	rows, err := book.GetRows("半年汇报")
	if err != nil {
		t.Fatal(err)
	}
	row := func(label string) []string {
		for _, r := range rows {
			if len(r) > 0 && r[0] == label {
				return r
			}
		}
		t.Fatalf("no row %q in %v", label, rows)
		return nil
	}
	for label, want := range map[string]any{
		"期间发现的缺口":         rep["found"],
		"期间消除的缺口":         rep["closed"],
		"期间转办的整改事项":       ledger["handedOver"],
		"期间整改销号（经核验）的事项":  ledger["verified"],
		"期末仍未整改的事项":       ledger["stillOpen"],
		"　其中：已逾期":         ledger["overdue"],
		"期间经党工委同意免于整改的事项": ledger["waived"],
	} {
		if got := row(label)[1]; got != whole(want) {
			t.Errorf("%s: the workbook says %s, the API %s", label, got, whole(want))
		}
	}
	units := row("单位总数")
	if units[1] != whole(rep["start"].(map[string]any)["units"].(map[string]any)["total"]) ||
		units[2] != whole(rep["end"].(map[string]any)["units"].(map[string]any)["total"]) {
		t.Errorf("units at the start and end: %v, the API %v %v", units, rep["start"], rep["end"])
	}
	gaps := row("未整改缺口")
	if gaps[1] != whole(rep["start"].(map[string]any)["gapTotal"]) || gaps[2] != whole(rep["end"].(map[string]any)["gapTotal"]) {
		t.Errorf("gaps at the start and end: %v, the API %v %v", gaps, rep["start"], rep["end"])
	}
	for _, a := range rep["byArea"].([]any) {
		a := a.(map[string]any)
		name := a["area"].(map[string]any)["name"].(string)
		if got := row(name)[3]; got != whole(a["account"].(map[string]any)["stillOpen"]) {
			t.Errorf("%s still open: the workbook says %s, the API %v", name, got, a["account"])
		}
	}

	t.Run("prints on A4 portrait, one page wide", func(t *testing.T) {
		layout, err := book.GetPageLayout("半年汇报")
		if err != nil {
			t.Fatal(err)
		}
		if *layout.Size != 9 || *layout.Orientation != "portrait" || *layout.FitToWidth != 1 {
			t.Errorf("size %d %s, fit %d wide; want A4 portrait one page wide", *layout.Size, *layout.Orientation, *layout.FitToWidth)
		}
		office := soffice(t)
		file := filepath.Join(t.TempDir(), "report.xlsx")
		if err := book.SaveAs(file); err != nil {
			t.Fatal(err)
		}
		if pages := toPDF(t, office, file); pages < 1 || pages > 2 {
			t.Errorf("the account prints on %d pages, want 1 or 2", pages)
		}
		pdf, err := os.ReadFile(strings.TrimSuffix(file, ".xlsx") + ".pdf")
		if err != nil {
			t.Fatal(err)
		}
		if !regexp.MustCompile(`/MediaBox\s*\[\s*0 0 59[56](\.\d+)? 84[12](\.\d+)?`).Match(pdf) {
			t.Errorf("the PDF's pages are not A4 portrait: %s", regexp.MustCompile(`/MediaBox[^\]]*\]`).Find(pdf))
		}
	})
	t.Run("without credentials", func(t *testing.T) {
		res, _ := get(t, url+"/export/report.xlsx?"+span)
		if res.StatusCode != http.StatusUnauthorized {
			t.Errorf("got %d, want 401", res.StatusCode)
		}
	})
	t.Run("a span ending after today", func(t *testing.T) {
		req, _ := http.NewRequest(http.MethodGet, url+"/export/report.xlsx?from=2020-01-01&to="+today.AddDate(0, 0, 1).Format(time.DateOnly), nil)
		req.Header.Set("Authorization", "Bearer "+token)
		req.Header.Set("Accept-Language", "zh")
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		body, _ := io.ReadAll(res.Body)
		if res.StatusCode != http.StatusBadRequest || !strings.Contains(string(body), "AFTER_TODAY") || !strings.Contains(string(body), "不能晚于今天") {
			t.Errorf("got %d %s, want a refusal naming the day", res.StatusCode, body)
		}
	})
	t.Run("the ledger's items, filtered and ordered as the page", func(t *testing.T) {
		_, out := api(t, url, token, `{ rectifications(first: 500, status: [VERIFIED, OVERDUE], orderBy: [{field: HANDED_OVER_ON, direction: DESC}, {field: DEADLINE}]) {
			totalCount nodes { subjectName status handedOverOn days openForDays } } }`)
		if out["errors"] != nil {
			t.Fatalf("rectifications: %v", out["errors"])
		}
		conn := out["data"].(map[string]any)["rectifications"].(map[string]any)
		nodes := conn["nodes"].([]any)
		req, _ := http.NewRequest(http.MethodGet, url+"/export/rectifications.xlsx?status=VERIFIED&status=OVERDUE&orderBy=HANDED_OVER_ON:DESC&orderBy=DEADLINE:ASC", nil)
		req.Header.Set("Authorization", "Bearer "+token)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		if res.StatusCode != http.StatusOK || !strings.Contains(res.Header.Get("Content-Disposition"), "rectifications-") {
			t.Fatalf("got %d %v", res.StatusCode, res.Header)
		}
		book, err := excelize.OpenReader(res.Body)
		if err != nil {
			t.Fatalf("not a workbook: %v", err)
		}
		rows, err := book.GetRows("整改台账")
		if err != nil {
			t.Fatal(err)
		}
		if len(nodes) == 0 || len(rows) != len(nodes)+1 || whole(conn["totalCount"]) != fmt.Sprint(len(nodes)) {
			t.Fatalf("%d rows for %d items (%v in all)", len(rows)-1, len(nodes), conn["totalCount"])
		}
		status := map[string]string{"VERIFIED": "已核销", "OVERDUE": "已逾期"}
		for i, n := range nodes {
			n := n.(map[string]any)
			r := rows[i+1]
			if r[2] != n["subjectName"] || r[7] != n["handedOverOn"] || r[9] != status[n["status"].(string)] || r[13] != whole(n["days"]) ||
				n["openForDays"] != nil && r[14] != whole(n["openForDays"]) {
				t.Errorf("row %d: %v, the API says %v", i+1, r, n)
			}
		}
		req, _ = http.NewRequest(http.MethodGet, url+"/export/rectifications.xlsx?status=NOPE", nil)
		req.Header.Set("Authorization", "Bearer "+token)
		if res, err := http.DefaultClient.Do(req); err != nil || res.StatusCode/100 != 4 {
			t.Errorf("an unknown status: %v, want a refusal", err)
		} else {
			res.Body.Close()
		}
	})
}
