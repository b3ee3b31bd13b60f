package main

import (
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"

	"github.com/xuri/excelize/v2"

	"jiceng/calendar"
	"jiceng/vocab"
)

// The ledger's items as the 整改台账 page lists them, a page of the API at
// a time, with the latest note of each.
const rectificationsQuery = `query($after: Cursor, $o: [RectificationOrder!], $s: [RectificationStatus!], $a: ID, $r: [RuleCode!],
	$p: String, $df: Date, $dt: Date) {
  rectifications(first: 200, after: $after, orderBy: $o, status: $s, areaId: $a, rules: $r, responsible: $p, deadlineFrom: $df, deadlineTo: $dt) {
    totalCount pageInfo { hasNextPage endCursor }
    nodes { rule subjectName area { name } organization { name } responsible plan status handedOverOn openSince deadline
      verifiedOn waivedOn waiveReason days openForDays noteList { at author text } }
  }
}`

type rectificationRow struct {
	Rule, SubjectName, Status, HandedOverOn, Deadline string
	Area, Organization                                *struct{ Name string }
	Responsible, Plan, OpenSince, VerifiedOn          *string
	WaivedOn, WaiveReason                             *string
	Days                                              int
	OpenForDays                                       *int
	NoteList                                          []struct{ At, Author, Text string }
}

// rectificationStatusZh are the statuses as the page names them.
var rectificationStatusZh = map[string]string{"OPEN": "待整改", "IN_PROGRESS": "整改中", "DONE": "已完成（待核销）",
	"VERIFIED": "已核销", "OVERDUE": "已逾期", "WAIVED": "免于整改"}

// exportRectifications serves GET /export/rectifications.xlsx with the
// page's filters (areaId, status, rule, responsible, deadlineFrom,
// deadlineTo, orderBy as FIELD:DIRECTION): the items the viewer may see,
// every page of them, one row each, read through the API as the viewer.
func exportRectifications(api http.Handler, logger *slog.Logger) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		vars := map[string]any{}
		for key, name := range map[string]string{"areaId": "a", "responsible": "p", "deadlineFrom": "df", "deadlineTo": "dt"} {
			if v := q.Get(key); v != "" {
				vars[name] = v
			}
		}
		for key, name := range map[string]string{"status": "s", "rule": "r"} {
			if vs := q[key]; len(vs) > 0 {
				vars[name] = vs
			}
		}
		var order []map[string]string
		for _, o := range q["orderBy"] {
			field, dir, _ := strings.Cut(o, ":")
			if dir == "" {
				dir = "ASC"
			}
			order = append(order, map[string]string{"field": field, "direction": dir})
		}
		if len(order) > 0 {
			vars["o"] = order
		}
		var rows []rectificationRow
		for {
			data, failure := runQuery(api, r, rectificationsQuery, vars)
			if failure != nil {
				failure.write(w)
				return
			}
			var page struct {
				PageInfo struct {
					HasNextPage bool
					EndCursor   *string
				}
				Nodes []rectificationRow
			}
			if err := json.Unmarshal(data["rectifications"], &page); err != nil {
				logger.ErrorContext(r.Context(), "reading the ledger", "err", err)
				serverError(w, r, "导出未能完成，请重试", "could not export; try again")
				return
			}
			rows = append(rows, page.Nodes...)
			if !page.PageInfo.HasNextPage || page.PageInfo.EndCursor == nil {
				break
			}
			vars["after"] = *page.PageInfo.EndCursor
		}
		book := rectificationBook(rows)
		defer book.Close()
		day := calendar.Today().Format("2006-01-02")
		file := "整改台账" + day + ".xlsx"
		w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
		w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="rectifications-%s.xlsx"; filename*=UTF-8''%s`, day, url.PathEscape(file)))
		w.Header().Set("Cache-Control", "no-store")
		if err := book.Write(w); err != nil {
			logger.ErrorContext(r.Context(), "sending the ledger", "err", err)
		}
	})
}

// rectificationHeader are the workbook's columns.
var rectificationHeader = []any{"序号", "问题", "对象", "责任区域", "责任党组织", "负责人", "问题存在起始日", "转办日期", "整改期限",
	"状态", "核销日期", "免于整改日期", "免于整改理由", "用时（天）", "问题存在（天）", "整改措施", "最新进展"}

// rectificationBook writes one sheet of the items, one row each.
func rectificationBook(rows []rectificationRow) *excelize.File {
	book := excelize.NewFile()
	const sheet = "整改台账"
	_ = book.SetSheetName("Sheet1", sheet)
	_ = book.SetSheetRow(sheet, "A1", &rectificationHeader)
	for i, x := range rows {
		latest := ""
		if n := len(x.NoteList); n > 0 {
			latest = x.NoteList[n-1].Text
		}
		var gapDays any = ""
		if x.OpenForDays != nil {
			gapDays = *x.OpenForDays
		}
		row := []any{i + 1, vocab.Zh("RuleCode", x.Rule), x.SubjectName, nameOf(x.Area), nameOf(x.Organization), deref(x.Responsible, ""),
			deref(x.OpenSince, ""), x.HandedOverOn, x.Deadline, rectificationStatusZh[x.Status], deref(x.VerifiedOn, ""),
			deref(x.WaivedOn, ""), deref(x.WaiveReason, ""), x.Days, gapDays, deref(x.Plan, ""), latest}
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		_ = book.SetSheetRow(sheet, cell, &row)
	}
	for col, width := range map[string]float64{"A": 6, "B": 28, "C": 24, "D": 14, "E": 22, "F": 10, "G": 12, "H": 12, "I": 12,
		"J": 14, "K": 12, "L": 12, "M": 24, "N": 10, "O": 12, "P": 36, "Q": 36} {
		_ = book.SetColWidth(sheet, col, col, width)
	}
	_ = book.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
	return book
}
