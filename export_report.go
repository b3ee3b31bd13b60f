package main

import (
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"

	"github.com/xuri/excelize/v2"
)

// The half-yearly account's query: the same figures the 半年汇报 page shows.
const halfYearQuery = `query($areaId: ID, $from: Date!, $to: Date!) {
  halfYearReport(areaId: $areaId, from: $from, to: $to) {
    from to found closed
    foundByFamily { family count }
    closedByFamily { family count }
    ledger { handedOver verified stillOpen overdue waived }
    byArea { area { name } account { handedOver verified stillOpen overdue } }
    start { ...figures }
    end { ...figures }
  }
}
fragment figures on CoverageReport {
  asOf area { name } gapTotal
  units { total ownCommittee ownGeneralBranch ownBranch inJointBranch withoutOrganization shouldOrganize affiliated instructorAssigned }
  members { total full probationary mobile unattached }
  grids { total covered partial uncovered }
}`

type halfYearFigures struct {
	AsOf     string
	Area     *struct{ Name string }
	GapTotal int
	Units    map[string]int
	Members  map[string]int
	Grids    map[string]int
}

type halfYearAccount struct{ HandedOver, Verified, StillOpen, Overdue, Waived int }

type halfYearData struct {
	From, To                      string
	Found, Closed                 int
	FoundByFamily, ClosedByFamily []struct {
		Family string
		Count  int
	}
	Ledger halfYearAccount
	ByArea []struct {
		Area    struct{ Name string }
		Account halfYearAccount
	}
	Start, End halfYearFigures
}

// exportReport serves GET /export/report.xlsx?areaId=…&from=…&to=…: the
// half-yearly account (半年汇报) of an area as an Excel workbook, read
// through the API as the viewer, so the figures are the page's.
func exportReport(api http.Handler, logger *slog.Logger) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		vars := map[string]any{"from": q.Get("from"), "to": q.Get("to")}
		if s := q.Get("areaId"); s != "" {
			vars["areaId"] = s
		}
		data, failure := runQuery(api, r, halfYearQuery, vars)
		if failure != nil {
			failure.write(w)
			return
		}
		var rep halfYearData
		if err := json.Unmarshal(data["halfYearReport"], &rep); err != nil {
			logger.ErrorContext(r.Context(), "reading the half-yearly account", "err", err)
			serverError(w, r, "导出未能完成，请重试", "could not export; try again")
			return
		}
		book, err := halfYearBook(&rep)
		if err != nil {
			logger.ErrorContext(r.Context(), "writing the workbook", "err", err)
			serverError(w, r, "导出未能完成，请重试", "could not export; try again")
			return
		}
		name := "全部"
		if rep.End.Area != nil {
			name = rep.End.Area.Name
		}
		file := fmt.Sprintf("%s半年汇报%s至%s.xlsx", name, rep.From, rep.To)
		w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
		w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="report-%s-%s.xlsx"; filename*=UTF-8''%s`,
			rep.From, rep.To, url.PathEscape(file)))
		w.Header().Set("Cache-Control", "no-store")
		if err := book.Write(w); err != nil {
			logger.ErrorContext(r.Context(), "sending the workbook", "err", err)
		}
	})
}

var familyZh = map[string]string{"WORK": "党的工作覆盖", "ORGANIZATION": "党的组织覆盖", "LIFE": "组织生活", "STRUCTURE": "组织设置"}

// halfYearBook writes the account: one sheet, in the order the page reads.
func halfYearBook(rep *halfYearData) (*excelize.File, error) {
	f := excelize.NewFile()
	const sheet = "半年汇报"
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return nil, err
	}
	name := "全部"
	if rep.End.Area != nil {
		name = rep.End.Area.Name
	}
	var rows [][]any
	add := func(cells ...any) { rows = append(rows, cells) }
	add(name + "基层党组织覆盖整改情况半年汇报")
	add("汇报期间", rep.From+" 至 "+rep.To)
	add()
	add("一、发现、转办、整改情况")
	add("项目", "数量")
	add("期间发现的缺口", rep.Found)
	for _, c := range rep.FoundByFamily {
		add("　其中："+familyZh[c.Family], c.Count)
	}
	add("期间转办的整改事项", rep.Ledger.HandedOver)
	add("期间整改销号（经核验）的事项", rep.Ledger.Verified)
	add("期间消除的缺口", rep.Closed)
	for _, c := range rep.ClosedByFamily {
		add("　其中："+familyZh[c.Family], c.Count)
	}
	add("期间经党工委同意免于整改的事项", rep.Ledger.Waived)
	add("期末仍未整改的事项", rep.Ledger.StillOpen)
	add("　其中：已逾期", rep.Ledger.Overdue)
	add()
	add("二、各社区整改情况")
	add("责任区域", "转办", "销号", "未整改", "其中逾期")
	for _, a := range rep.ByArea {
		add(a.Area.Name, a.Account.HandedOver, a.Account.Verified, a.Account.StillOpen, a.Account.Overdue)
	}
	add("合计", rep.Ledger.HandedOver, rep.Ledger.Verified, rep.Ledger.StillOpen, rep.Ledger.Overdue)
	add()
	add("三、期初与期末覆盖情况")
	add("指标", "期初（"+rep.Start.AsOf+"）", "期末（"+rep.End.AsOf+"）", "增减")
	figure := func(label string, a, b int) { add(label, a, b, b-a) }
	s, e := rep.Start, rep.End
	figure("单位总数", s.Units["total"], e.Units["total"])
	figure("单独建立党委的单位", s.Units["ownCommittee"], e.Units["ownCommittee"])
	figure("单独建立党总支的单位", s.Units["ownGeneralBranch"], e.Units["ownGeneralBranch"])
	figure("单独建立党支部的单位", s.Units["ownBranch"], e.Units["ownBranch"])
	figure("纳入联合党支部的单位", s.Units["inJointBranch"], e.Units["inJointBranch"])
	figure("未建立党组织的单位", s.Units["withoutOrganization"], e.Units["withoutOrganization"])
	figure("　其中：应建立党组织的单位", s.Units["shouldOrganize"], e.Units["shouldOrganize"])
	figure("挂靠党组织的单位", s.Units["affiliated"], e.Units["affiliated"])
	figure("选派党建工作指导员的单位", s.Units["instructorAssigned"], e.Units["instructorAssigned"])
	figure("党员总数", s.Members["total"], e.Members["total"])
	figure("　正式党员", s.Members["full"], e.Members["full"])
	figure("　预备党员", s.Members["probationary"], e.Members["probationary"])
	figure("　流动党员", s.Members["mobile"], e.Members["mobile"])
	figure("　未落实组织关系的党员", s.Members["unattached"], e.Members["unattached"])
	figure("网格总数", s.Grids["total"], e.Grids["total"])
	figure("　已覆盖网格", s.Grids["covered"], e.Grids["covered"])
	figure("　有缺口网格", s.Grids["partial"], e.Grids["partial"])
	figure("　未覆盖网格", s.Grids["uncovered"], e.Grids["uncovered"])
	figure("未整改缺口", s.GapTotal, e.GapTotal)
	for i, row := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow(sheet, cell, &row); err != nil {
			return nil, err
		}
	}
	if err := f.SetColWidth(sheet, "A", "A", 34); err != nil {
		return nil, err
	}
	if err := f.SetColWidth(sheet, "B", "E", 16); err != nil {
		return nil, err
	}
	title, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}})
	if err != nil {
		return nil, err
	}
	if err := f.SetCellStyle(sheet, "A1", "A1", title); err != nil {
		return nil, err
	}
	// A4 portrait, one page wide.
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: ptr(9), Orientation: ptr("portrait"), FitToWidth: ptr(1), FitToHeight: ptr(0)}); err != nil {
		return nil, err
	}
	return f, f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: ptr(true)})
}

func ptr[T any](v T) *T { return &v }
