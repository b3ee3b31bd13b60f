package spreadsheet

import (
	"fmt"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

// Ledger sheets are laid out as the coverage workbook's: a title in row 1,
// a hint in row 2, the headers in row 3, one record a row from row 4.
const (
	// LedgerHeaderRow is the row of a ledger sheet's column headers.
	LedgerHeaderRow = 3
	// LedgerFirstRow is the first row of records.
	LedgerFirstRow = 4
	// LedgerNotes is the sheet that explains every column of the others.
	LedgerNotes = "填写说明"
)

// ledgerRows is how far down a template's dropdowns and formats reach.
const ledgerRows = 20000

// LedgerColumn is a column of a ledger sheet (台账).
type LedgerColumn struct {
	Header string
	// Note says what the column holds, for the notes sheet.
	Note     string
	Required bool
	// Allowed are the values a column takes (in Chinese), offered as a
	// dropdown; empty for free text.
	Allowed []string
	// Date marks a column of dates, written as real date cells.
	Date bool
	// Text marks a column kept as text whatever it holds (ID numbers, phone
	// numbers, credit codes), so Excel neither rounds nor reformats it.
	Text bool
}

// LedgerSheet is one record type of a ledger and its records.
type LedgerSheet struct {
	Name, Title string
	Columns     []LedgerColumn
	// Rows are the records, one value per column: a string, a number, a
	// time.Time for a date, or nil for an empty cell.
	Rows [][]any
}

// Ledger writes a workbook of ledger sheets, with a notes sheet that says
// of every column what it holds, whether it is required and the values it
// allows, and dropdowns for the columns with allowed values. With no rows
// it is the template a sub-district fills in.
func Ledger(sheets []LedgerSheet) (*excelize.File, error) {
	f := excelize.NewFile()
	w := &writer{f: f}
	date, _ := f.NewStyle(&excelize.Style{CustomNumFmt: ptr("yyyy-mm-dd")})
	text, _ := f.NewStyle(&excelize.Style{NumFmt: 49})
	for _, s := range sheets {
		headers := make([]string, len(s.Columns))
		widths := map[string]float64{}
		for i, c := range s.Columns {
			headers[i] = c.Header
			if c.Required {
				headers[i] = c.Header + "*"
			}
			col, _ := excelize.ColumnNumberToName(i + 1)
			switch {
			case c.Date:
				widths[col] = 12
			case c.Text:
				widths[col] = 22
			}
		}
		w.sheet(s.Name, s.Title, headers, widths)
		w.row(s.Name, 2, []any{"带*的列必填；每行一条记录，从第4行起填写；各列含义和可选值见“" + LedgerNotes + "”表"})
		for i, c := range s.Columns {
			col, _ := excelize.ColumnNumberToName(i + 1)
			cells := fmt.Sprintf("%s%d:%s%d", col, LedgerFirstRow, col, ledgerRows)
			switch {
			case c.Date:
				_ = f.SetColStyle(s.Name, col, date)
			case c.Text:
				_ = f.SetColStyle(s.Name, col, text)
			}
			if len(c.Allowed) > 0 && w.err == nil {
				dv := excelize.NewDataValidation(true)
				dv.Sqref = cells
				if err := dv.SetDropList(c.Allowed); err != nil {
					w.err = err
					break
				}
				dv.SetError(excelize.DataValidationErrorStyleStop, "取值不在可选范围", "请从下拉列表中选择："+strings.Join(c.Allowed, "、"))
				w.err = f.AddDataValidation(s.Name, dv)
			}
		}
		for i, r := range s.Rows {
			w.row(s.Name, LedgerFirstRow+i, r)
		}
		if n := len(s.Rows); n > 0 && w.err == nil {
			// Cells written with values take the column's style anew.
			for i, c := range s.Columns {
				if !c.Date && !c.Text {
					continue
				}
				col, _ := excelize.ColumnNumberToName(i + 1)
				style := text
				if c.Date {
					style = date
				}
				_ = f.SetCellStyle(s.Name, fmt.Sprintf("%s%d", col, LedgerFirstRow), fmt.Sprintf("%s%d", col, LedgerFirstRow+n-1), style)
			}
		}
	}
	w.notes(sheets)
	if w.err != nil {
		return nil, w.err
	}
	if err := f.DeleteSheet("Sheet1"); err != nil {
		return nil, err
	}
	f.SetActiveSheet(0)
	return f, nil
}

// notes writes the notes sheet: a row per column of every sheet.
func (w *writer) notes(sheets []LedgerSheet) {
	w.sheet(LedgerNotes, "台账填写说明", []string{"工作表", "列", "必填", "说明", "可选值"},
		map[string]float64{"A": 12, "B": 20, "C": 6, "D": 60, "E": 60})
	n := LedgerFirstRow
	for _, s := range sheets {
		for _, c := range s.Columns {
			required := "否"
			if c.Required {
				required = "是"
			}
			allowed := strings.Join(c.Allowed, "、")
			if c.Date && allowed == "" {
				allowed = "日期，如 2024-03-01"
			}
			w.row(LedgerNotes, n, []any{s.Name, c.Header, required, c.Note, allowed})
			n++
		}
	}
}

func ptr[T any](v T) *T { return &v }

// LedgerDate is the day a date cell holds, for a ledger's rows.
func LedgerDate(t *time.Time) any {
	if t == nil {
		return nil
	}
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}
