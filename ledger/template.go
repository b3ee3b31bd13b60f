package ledger

import (
	"github.com/xuri/excelize/v2"

	"jiceng/spreadsheet"
)

// Template is the workbook a sub-district fills in: a sheet per record
// type, Chinese headers, a notes sheet, dropdowns and date columns.
func Template() (*excelize.File, error) {
	return spreadsheet.Ledger(ledgerSheets(nil))
}

// ledgerBook is a workbook of the given rows by sheet.
func ledgerBook(rows map[string][][]any) (*excelize.File, error) {
	return spreadsheet.Ledger(ledgerSheets(rows))
}
