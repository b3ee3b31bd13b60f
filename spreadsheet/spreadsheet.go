// Package spreadsheet writes the coverage of an area as an Excel workbook,
// in the form the reports that go up to the county or city organisation
// department take: the official basic-organisation coverage table, members
// by category, and the gaps with their remedies.
package spreadsheet

import (
	"fmt"
	"strconv"

	"github.com/xuri/excelize/v2"

	"jiceng/coverage"
)

// Coverage writes the report of an area, a row for it and one for each
// child area, and the gaps found in it.
func Coverage(rep *coverage.Report, gaps []*coverage.Gap) (*excelize.File, error) {
	f := excelize.NewFile()
	w := &writer{f: f}
	w.table(rep)
	w.members(rep)
	w.gaps(gaps)
	if err := f.DeleteSheet("Sheet1"); err != nil {
		return nil, err
	}
	f.SetActiveSheet(0)
	return f, w.err
}

type writer struct {
	f   *excelize.File
	err error
}

func (w *writer) sheet(name string, title string, header []string, widths map[string]float64) {
	if w.err != nil {
		return
	}
	if _, err := w.f.NewSheet(name); err != nil {
		w.err = err
		return
	}
	bold, _ := w.f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true},
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "center", Horizontal: "center"}})
	big, _ := w.f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}})
	w.row(name, 1, []any{title})
	_ = w.f.SetCellStyle(name, "A1", "A1", big)
	w.row(name, 3, toAny(header))
	last, _ := excelize.CoordinatesToCellName(len(header), 3)
	_ = w.f.SetCellStyle(name, "A3", last, bold)
	_ = w.f.SetRowHeight(name, 3, 32) // two lines of header
	// Every column wide enough for its header, or as the caller says.
	for i, h := range header {
		col, _ := excelize.ColumnNumberToName(i + 1)
		width, ok := widths[col]
		if !ok {
			width = headerWidth(h)
		}
		_ = w.f.SetColWidth(name, col, col, width)
	}
	_ = w.f.SetPanes(name, &excelize.Panes{Freeze: true, YSplit: 3, TopLeftCell: "A4", ActivePane: "bottomLeft"})
	w.printAsReport(name, title)
}

func (w *writer) row(sheet string, n int, values []any) {
	if w.err != nil {
		return
	}
	w.err = w.f.SetSheetRow(sheet, "A"+strconv.Itoa(n), &values)
}

// rows writes a table's rows from row 4: the area, its children, and the
// "other" row where the children do not add up to the area.
func (w *writer) rows(sheet string, rows [][]any) {
	for i, r := range rows {
		w.row(sheet, 4+i, r)
	}
	if other := otherRow(rows[0], rows[1:]); other != nil {
		w.row(sheet, 4+len(rows), other)
	}
}

func toAny(s []string) []any {
	out := make([]any, len(s))
	for i, v := range s {
		out[i] = v
	}
	return out
}

func areaName(r *coverage.Report) string {
	if r.Area == nil {
		return "全部"
	}
	return r.Area.Name
}

// reports lists the report and its children, the rows of a table.
func reports(rep *coverage.Report) []*coverage.Report {
	return append([]*coverage.Report{rep}, rep.Children...)
}

func (w *writer) table(rep *coverage.Report) {
	const name = "基层党组织覆盖情况"
	w.sheet(name, fmt.Sprintf("%s基层党组织覆盖情况统计表（截至%s）", areaName(rep), rep.AsOf.Format("2006年1月2日")), []string{
		"区域", "单位总数", "单独建立党委", "单独建立党总支", "单独建立党支部", "联合党支部覆盖", "其中3名以上正式党员", "联合党支部数",
		"未建党组织", "应建未建", "其中建立党小组", "仅1-2名党员", "无党员", "挂靠", "派驻党建指导员", "职工人数", "党员人数", "组织关系未转入",
	}, map[string]float64{"A": 18})
	var rows [][]any
	for _, r := range reports(rep) {
		u := r.Units
		rows = append(rows, []any{areaName(r), u.Total, u.OwnCommittee, u.OwnGeneralBranch, u.OwnBranch, u.InJointBranch,
			u.InJointBranchWithEnoughMembers, u.JointBranches, u.WithoutOrganization, u.ShouldOrganize,
			u.ShouldOrganizeWithPartyGroup, u.WithOneOrTwoMembers, u.WithNoMembers, u.Affiliated, u.InstructorAssigned,
			u.Employees, u.Members, u.MembersNotTransferredIn})
	}
	w.rows(name, rows)
}

func (w *writer) members(rep *coverage.Report) {
	const name = "党员和考核情况"
	w.sheet(name, fmt.Sprintf("%s党员和年度考核情况（截至%s）", areaName(rep), rep.AsOf.Format("2006年1月2日")), []string{
		"区域", "党员总数", "正式党员", "预备党员", "在职党员", "离退休党员", "个体党员", "流动党员", "其中流出", "其中流入",
		"组织关系不在任何党组织", "未按月报告的流动党员", "六个月未参加组织生活", "网格", "已覆盖网格", "有缺口网格", "未覆盖网格", "缺口",
		"考核年度", "参加考核", "90分以上", "不称职", "连续两年不称职",
	}, map[string]float64{"A": 18})
	var rows [][]any
	for _, r := range reports(rep) {
		m, g, a := r.Members, r.Grids, r.Assessments
		rows = append(rows, []any{areaName(r), m.Total, m.Full, m.Probationary, m.InService, m.Retired, m.SelfEmployed, m.Mobile,
			m.Outflow, m.Inflow, m.Unattached, m.ReportOverdue, m.LapseRisk, g.Total, g.Covered, g.Partial, g.Uncovered, r.GapTotal,
			// The year is not a count: it is not added up.
			fmt.Sprint(a.Year), a.Assessed, a.Awarded, a.Unqualified, a.UnqualifiedTwice})
	}
	w.rows(name, rows)
}

func (w *writer) gaps(gaps []*coverage.Gap) {
	const name = "覆盖缺口"
	w.sheet(name, "覆盖缺口及整改建议", []string{"严重程度", "规则", "对象", "社区", "网格", "情况", "整改建议", "数据"},
		map[string]float64{"B": 28, "C": 24, "D": 14, "E": 18, "F": 60, "G": 50, "H": 40})
	severity := map[coverage.Severity]string{coverage.Critical: "严重", coverage.High: "高", coverage.Medium: "中", coverage.Low: "低"}
	for i, g := range gaps {
		community, grid := "", ""
		if g.Community != nil {
			community = g.Community.Name
		}
		if g.Grid != nil {
			grid = g.Grid.Name
		}
		w.row(name, 4+i, []any{severity[g.Severity], ruleName(g.Rule), g.SubjectName, community, grid, g.Message.Zh, g.Remedy.Zh, figuresInWords(g.Figures)})
	}
}
