package main

import (
	"bytes"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/xuri/excelize/v2"
)

// soffice is LibreOffice's command, or "" when it is not installed; CI
// installs it (.ci/run) and sets JICENG_REQUIRE_LIBREOFFICE.
func soffice(t *testing.T) string {
	for _, name := range []string{"soffice", "libreoffice"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("JICENG_REQUIRE_LIBREOFFICE") != "" {
		t.Fatal("LibreOffice is not installed: apt-get install libreoffice-calc-nogui")
	}
	t.Skip("LibreOffice is not installed (apt-get install libreoffice-calc-nogui)")
	return ""
}

// toPDF converts a file with LibreOffice and returns the PDF's page count.
func toPDF(t *testing.T, office, file string) int {
	t.Helper()
	dir := filepath.Dir(file)
	cmd := exec.Command(office, "--headless", "--norestore", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--convert-to", "pdf", "--outdir", dir, file)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("converting %s: %v\n%s", file, err, out)
	}
	pdf, err := os.ReadFile(strings.TrimSuffix(file, filepath.Ext(file)) + ".pdf")
	if err != nil {
		t.Fatalf("no PDF: %v", err)
	}
	return len(regexp.MustCompile(`/Type\s*/Page[^s]`).FindAll(pdf, -1))
}

func download(t *testing.T, target, token, file string) string {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, target, nil)
	req.Header.Set("Authorization", "Bearer "+token)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %d %s", target, res.StatusCode, body)
	}
	path := filepath.Join(t.TempDir(), file)
	if err := os.WriteFile(path, body, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestTheWorkbookPrintsAsTheReport: the demo's workbook is set up as the
// official report (A4 landscape, fitted to width, header rows repeated,
// every header shown, rule names in words), and LibreOffice prints its
// tables on one page each; the CSV exports convert too.
func TestTheWorkbookPrintsAsTheReport(t *testing.T) {
	env := map[string]string{"JICENG_DATA": t.TempDir()}
	token := strings.TrimSpace(command(t, env, "", "token", "create", "--name", "月报工具", "--role", "REPORTER"))
	base, stop := startIn(t, env, "--demo")
	defer stop()
	path := download(t, base+"/export/coverage.xlsx?asOf=2025-06-30", token, "coverage.xlsx")
	book, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, sheet := range book.GetSheetList() {
		layout, _ := book.GetPageLayout(sheet)
		if *layout.Size != 9 || *layout.Orientation != "landscape" || *layout.FitToWidth != 1 || *layout.FitToHeight != 0 {
			t.Errorf("%s: size %d %s, fit %d×%d; want A4 landscape fitted to one page wide", sheet, *layout.Size, *layout.Orientation, *layout.FitToWidth, *layout.FitToHeight)
		}
		titles := false
		for _, d := range book.GetDefinedName() {
			titles = titles || d.Name == "_xlnm.Print_Titles" && d.Scope == sheet && strings.HasSuffix(d.RefersTo, "!$1:$3")
		}
		if !titles {
			t.Errorf("%s: the header rows are not repeated on every page", sheet)
		}
		rows, _ := book.GetRows(sheet)
		for i, h := range rows[2] {
			col, _ := excelize.ColumnNumberToName(i + 1)
			width, _ := book.GetColWidth(sheet, col)
			if need := displayWidth(h) / 2; width < need {
				t.Errorf("%s column %s (%s): width %.1f, want at least %.1f to show it on two lines", sheet, col, h, width, need)
			}
		}
	}
	for _, sheet := range []string{"基层党组织覆盖情况", "党员和考核情况"} {
		rows, _ := book.GetRows(sheet)
		for col := 1; col < len(rows[3]); col++ {
			if rows[2][col] == "考核年度" {
				continue
			}
			sum := 0
			for _, r := range rows[4:] {
				n, _ := strconv.Atoi(r[col])
				sum += n
			}
			if total, _ := strconv.Atoi(rows[3][col]); sum != total {
				t.Errorf("%s, %s: the rows below add up to %d, want %d (an 其他 row says where the rest is)", sheet, rows[2][col], sum, total)
			}
		}
	}
	gaps, _ := book.GetRows("覆盖缺口")
	for _, row := range gaps[3:] {
		if strings.Contains(row[1], "_") || strings.Contains(row[7], "=") {
			t.Errorf("a gap row writes codes, not words: %q, %q", row[1], row[7])
			break
		}
	}
	office := soffice(t)
	t.Run("LibreOffice prints each table on a page", func(t *testing.T) {
		for _, sheet := range []string{"覆盖缺口", "党员和考核情况"} {
			if err := book.DeleteSheet(sheet); err != nil {
				t.Fatal(err)
			}
		}
		table := filepath.Join(filepath.Dir(path), "table.xlsx")
		if err := book.SaveAs(table); err != nil {
			t.Fatal(err)
		}
		if pages := toPDF(t, office, table); pages != 1 {
			t.Errorf("the coverage table prints on %d pages, want 1", pages)
		}
		if pages := toPDF(t, office, path); pages < 3 {
			t.Errorf("the workbook prints on %d pages, want a page at least for each of its 3 sheets", pages)
		}
	})
	t.Run("LibreOffice reads the CSV exports", func(t *testing.T) {
		for _, name := range []string{"members", "units", "organizations", "gaps"} {
			file := download(t, base+"/export/"+name+".csv", token, name+".csv")
			if pages := toPDF(t, office, file); pages < 1 {
				t.Errorf("%s.csv: %d pages", name, pages)
			}
			raw, _ := os.ReadFile(file)
			if !bytes.HasPrefix(raw, []byte("\ufeff")) {
				t.Errorf("%s.csv has no byte-order mark", name)
			}
		}
	})
}

// displayWidth counts a Chinese character as two, as Excel's widths do.
func displayWidth(s string) float64 {
	n := 0.0
	for _, r := range s {
		if unicode.Is(unicode.Han, r) || r > 0x2E80 {
			n += 2
		} else {
			n++
		}
	}
	return n
}
