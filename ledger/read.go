package ledger

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"

	"jiceng/spreadsheet"
)

// Workbook is a ledger as read: the rows of each known sheet.
type Workbook struct {
	rows map[string][]*row
	// Unknown lists the sheets that matched no record type, for the report.
	Unknown []string
}

// row is one record of a sheet: its cells by column key, as written.
type row struct {
	sheet *sheet
	n     int // the row's number in the spreadsheet, as people count
	cells map[string]string
}

// Rows counts the records of the workbook.
func (w *Workbook) Rows() int {
	n := 0
	for _, rs := range w.rows {
		n += len(rs)
	}
	return n
}

// Read reads a ledger: an Excel workbook (.xlsx) or, for a single sheet, a
// CSV file in UTF-8 (with or without a byte-order mark) or GB18030. A CSV
// file's sheet is told by its headers.
func Read(name string, r io.Reader) (*Workbook, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", name, err)
	}
	if strings.EqualFold(filepath.Ext(name), ".csv") {
		return readCSV(data)
	}
	return readXLSX(data)
}

func readXLSX(data []byte) (*Workbook, error) {
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("文件不是Excel工作簿（.xlsx），或已损坏：%w", err)
	}
	defer f.Close()
	w := &Workbook{rows: map[string][]*row{}}
	for _, name := range f.GetSheetList() {
		if name == spreadsheet.LedgerNotes {
			continue
		}
		grid, err := f.GetRows(name, excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, fmt.Errorf("reading sheet %s: %w", name, err)
		}
		s := sheetNamed(name)
		if s == nil {
			s = sheetByHeaders(grid)
		}
		if s == nil {
			w.Unknown = append(w.Unknown, name)
			continue
		}
		w.rows[s.name] = append(w.rows[s.name], rowsOf(s, grid)...)
	}
	return w, nil
}

func readCSV(data []byte) (*Workbook, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(data) {
		decoded, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
		if err != nil {
			return nil, fmt.Errorf("CSV文件既不是UTF-8也不是GB18030编码：%w", err)
		}
		data = decoded
	}
	cr := csv.NewReader(bytes.NewReader(data))
	cr.FieldsPerRecord = -1
	grid, err := cr.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("CSV文件格式有误：%w", err)
	}
	s := sheetByHeaders(grid)
	if s == nil {
		return nil, fmt.Errorf("CSV文件的表头与任何台账都对不上；请用模板的表头（如 %s）", strings.Join(headersOf(sheets[len(sheets)-2]), "、"))
	}
	return &Workbook{rows: map[string][]*row{s.name: rowsOf(s, grid)}}, nil
}

func headersOf(s *sheet) []string {
	out := make([]string, len(s.columns))
	for i, c := range s.columns {
		out[i] = c.Header
	}
	return out
}

// headerRow finds the row of a sheet's headers (the template's third, or
// the first of a CSV file) and the column of each key.
func headerRow(s *sheet, grid [][]string) (int, map[int]string) {
	for i := 0; i < len(grid) && i < 10; i++ {
		cols := map[int]string{}
		for j, h := range grid[i] {
			if c := s.byHeader(h); c != nil {
				cols[j] = c.key
			}
		}
		if len(cols) >= 2 || len(cols) == len(s.columns) {
			return i, cols
		}
	}
	return -1, nil
}

func (s *sheet) byHeader(h string) *column {
	h = strings.TrimSuffix(strings.TrimSpace(h), "*")
	for i := range s.columns {
		if s.columns[i].Header == h {
			return &s.columns[i]
		}
	}
	return nil
}

// sheetByHeaders is the record type whose headers a sheet has most of.
func sheetByHeaders(grid [][]string) *sheet {
	var best *sheet
	most := 1
	for _, s := range sheets {
		if _, cols := headerRow(s, grid); len(cols) > most {
			best, most = s, len(cols)
		}
	}
	return best
}

func rowsOf(s *sheet, grid [][]string) []*row {
	at, cols := headerRow(s, grid)
	if at < 0 {
		return nil
	}
	var out []*row
	for i := at + 1; i < len(grid); i++ {
		r := &row{sheet: s, n: i + 1, cells: map[string]string{}}
		for j, v := range grid[i] {
			if key, ok := cols[j]; ok {
				if v = strings.TrimSpace(v); v != "" {
					r.cells[key] = v
				}
			}
		}
		if len(r.cells) > 0 {
			out = append(out, r)
		}
	}
	return out
}

// dateLayouts are the ways ledgers write a day in a text cell.
var dateLayouts = []string{"2006-01-02", "2006/01/02", "2006.01.02", "2006年01月02日", "20060102"}

// parseDate reads a date cell: Excel's serial day, or a day written as text.
func parseDate(s string) (time.Time, error) {
	if f, err := strconv.ParseFloat(s, 64); err == nil && f > 0 && f < 2958466 && !strings.ContainsAny(s, "-/.年") && len(s) != 8 {
		t, err := excelize.ExcelDateToTime(math.Floor(f), false)
		if err == nil {
			return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), nil
		}
	}
	normal := normaliseDate(s)
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, normal); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("不是日期")
}

// normaliseDate pads a day written 2024-3-1 or 2024年3月1日 to two digits.
func normaliseDate(s string) string {
	if f := strings.Fields(s); len(f) > 0 {
		s = f[0] // drop a time of day
	}
	var b strings.Builder
	var digits []rune
	flush := func() {
		if len(digits) == 1 {
			b.WriteRune('0')
		}
		b.WriteString(string(digits))
		digits = digits[:0]
	}
	for _, r := range s {
		if r >= '0' && r <= '9' {
			digits = append(digits, r)
			continue
		}
		flush()
		b.WriteRune(r)
	}
	flush()
	return b.String()
}
