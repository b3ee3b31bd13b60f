package main

import (
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"

	"github.com/xuri/excelize/v2"
)

// reminderQuery reads the reminders the viewer may see through the API.
const reminderQuery = `query($a: ID, $d: Date, $w: Int, $k: [ReminderKind!]) { reminders(areaId: $a, asOf: $d, within: $w, kinds: $k) { asOf
	groups { responsible organization { name } reminders { kind subjectName due daysLeft overdue responsible
		organization { name } area { name } rectification { id } subject { id } } } } }`

// reminderRows are the reminders of a list, in its order.
type reminderRow struct {
	Kind, SubjectName, Due string
	DaysLeft               int
	Overdue                bool
	Responsible            *string
	Organization, Area     *struct{ Name string }
	Rectification          *struct{ ID string }
	Subject                *struct{ ID string }
}

// reminderKindZh are the kinds' names as the exports write them.
var reminderKindZh = map[string]string{
	"RECTIFICATION": "整改期限", "TERM_RENEWAL": "换届", "MOBILE_REPORT": "流动党员报告",
	"PROBATION": "预备党员转正", "SECRETARY_TRAINING": "书记缺席月例会",
}

// readReminders runs the reminders query with the request's areaId, within
// and kind parameters, and writes a failure as the API's answer.
func readReminders(api http.Handler, w http.ResponseWriter, r *http.Request, kinds []string) (string, []reminderRow, bool) {
	vars := map[string]any{}
	if a := r.URL.Query().Get("areaId"); a != "" {
		vars["a"] = a
	}
	if d := r.URL.Query().Get("asOf"); d != "" {
		vars["d"] = d
	}
	if s := r.URL.Query().Get("within"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil {
			badRequest(w, r, "within", "提前天数须为整数", "within must be a whole number of days")
			return "", nil, false
		}
		vars["w"] = n
	}
	if ks := r.URL.Query()["kind"]; len(ks) > 0 {
		kinds = ks
	}
	if kinds != nil {
		vars["k"] = kinds
	}
	data, failure := runQuery(api, r, reminderQuery, vars)
	if failure != nil {
		failure.write(w)
		return "", nil, false
	}
	var list struct {
		AsOf   string
		Groups []struct{ Reminders []reminderRow }
	}
	if err := json.Unmarshal(data["reminders"], &list); err != nil {
		serverError(w, r, "导出未能完成，请重试", "could not export; try again")
		return "", nil, false
	}
	var rows []reminderRow
	for _, g := range list.Groups {
		rows = append(rows, g.Reminders...)
	}
	return list.AsOf, rows, true
}

// exportReminders serves GET /export/reminders.xlsx?areaId=…&asOf=…&within=…&kind=…:
// the to-do list (待办提醒) the viewer may see, one row per reminder,
// grouped by the person responsible as the list is.
func exportReminders(api http.Handler, logger *slog.Logger) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		asOf, rows, ok := readReminders(api, w, r, nil)
		if !ok {
			return
		}
		book := excelize.NewFile()
		defer book.Close()
		const sheet = "待办提醒"
		_ = book.SetSheetName("Sheet1", sheet)
		header := []any{"负责人", "负责党组织", "社区", "类别", "对象", "到期日", "剩余天数", "状态"}
		_ = book.SetSheetRow(sheet, "A1", &header)
		for i, x := range rows {
			state := "即将到期"
			if x.Overdue {
				state = "已逾期"
			}
			row := []any{deref(x.Responsible, "未指定"), nameOf(x.Organization), nameOf(x.Area), reminderKindZh[x.Kind],
				x.SubjectName, x.Due, x.DaysLeft, state}
			cell, _ := excelize.CoordinatesToCellName(1, i+2)
			_ = book.SetSheetRow(sheet, cell, &row)
		}
		for col, width := range map[string]float64{"A": 14, "B": 24, "C": 14, "D": 16, "E": 28, "F": 12, "G": 10, "H": 10} {
			_ = book.SetColWidth(sheet, col, col, width)
		}
		_ = book.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
		file := "待办提醒" + asOf + ".xlsx"
		w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
		w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="reminders-%s.xlsx"; filename*=UTF-8''%s`, asOf, url.PathEscape(file)))
		w.Header().Set("Cache-Control", "no-store")
		if err := book.Write(w); err != nil {
			logger.ErrorContext(r.Context(), "sending the reminders", "err", err)
		}
	})
}

func deref(s *string, none string) string {
	if s == nil {
		return none
	}
	return *s
}

func nameOf(x *struct{ Name string }) string {
	if x == nil {
		return ""
	}
	return x.Name
}
