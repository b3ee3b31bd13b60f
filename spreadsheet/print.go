package spreadsheet

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/xuri/excelize/v2"

	"jiceng/coverage"
	"jiceng/vocab"
)

// printAsReport sets a sheet up to print as the official report: A4
// landscape, fitted to the page's width, the title and header rows repeated
// on every page, the title and page numbers in the header and footer.
func (w *writer) printAsReport(name, title string) {
	if w.err != nil {
		return
	}
	a4, landscape, one, any := 9, "landscape", 1, 0
	fit := true
	w.err = firstErr(
		w.f.SetPageLayout(name, &excelize.PageLayoutOptions{Size: &a4, Orientation: &landscape, FitToWidth: &one, FitToHeight: &any}),
		w.f.SetSheetProps(name, &excelize.SheetPropsOptions{FitToPage: &fit}),
		w.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", Scope: name, RefersTo: fmt.Sprintf("'%s'!$1:$3", name)}),
		w.f.SetHeaderFooter(name, &excelize.HeaderFooterOptions{
			OddHeader: "&C" + strings.ReplaceAll(title, "&", "&&"),
			OddFooter: "&C第 &P 页，共 &N 页",
		}),
	)
}

func firstErr(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// headerWidth is the width a column needs to show its header on two lines
// at most: a Chinese character counts two, as Excel measures.
func headerWidth(header string) float64 {
	n := 0
	for _, r := range header {
		if unicode.Is(unicode.Han, r) || r > 0x2E80 {
			n += 2
		} else {
			n++
		}
	}
	width := float64(n)/2 + 2
	if n <= 16 {
		width = float64(n) + 2
	}
	return max(width, 8)
}

// ruleName is a rule's Chinese name: the dashboard's (frontend/src/i18n/
// enums.ts, read into vocab by go generate ./vocab), so a printed report
// and the screen name a gap alike; its code when it has none yet.
func ruleName(code coverage.RuleCode) string { return vocab.Zh("RuleCode", string(code)) }

// figureNames are the figures' names in words.
var figureNames = map[string]string{
	"residents": "居民人数", "households": "户数", "communityOrganizations": "社区党组织数", "members": "党员人数",
	"employees": "职工人数", "fullMembers": "正式党员人数", "currentMemberships": "在册组织关系数", "reports": "报告次数",
	"monthsSinceReport": "距上次报告月数", "monthsWithoutLife": "未参加组织生活月数", "secretaries": "在任书记人数",
	"daysOverdue": "逾期天数", "postponementMonthsAllowed": "可延期月数", "daysLeft": "剩余天数", "monthsAhead": "提前提醒月数",
	"held": "已召开次数", "required": "应召开次数", "officeHolders": "委员人数", "units": "单位数",
	"unitsWithEnoughMembers": "党员三人以上单位数", "openSites": "在建工地数",
	"generalBranchFrom": "成立党总支的党员人数", "minimumMonths": "最短工期月数", "missed": "缺席次数",
	"sitesPastPlannedClose": "超过计划完工日期的工地数", "sitesShorterThanMinimum": "工期不足的工地数", "windowMonths": "统计月数",
}

// figuresInWords writes a gap's figures as the reports do:
// 未参加组织生活月数 7（标准 6）.
func figuresInWords(figures []*coverage.Figure) string {
	parts := make([]string, 0, len(figures))
	for _, f := range figures {
		name, ok := figureNames[f.Name]
		if !ok {
			name = f.Name
		}
		s := fmt.Sprintf("%s %g", name, f.Value)
		if f.Threshold != nil {
			s += fmt.Sprintf("（标准 %g）", *f.Threshold)
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, "；")
}

// otherRow is the row that makes the children's rows add up to their
// parent's where they do not: what the parent counts outside every child
// area (records placed in the area itself, not in one below it). It is nil
// when the children add up.
func otherRow(parent []any, children [][]any) []any {
	if len(children) == 0 {
		return nil
	}
	row := make([]any, len(parent))
	row[0] = "其他（未落到下级区域的）"
	differs := false
	for col := 1; col < len(parent); col++ {
		total, ok := parent[col].(int)
		if !ok {
			continue
		}
		sum := 0
		for _, c := range children {
			n, _ := c[col].(int)
			sum += n
		}
		row[col] = total - sum
		differs = differs || total != sum
	}
	if !differs {
		return nil
	}
	return row
}
