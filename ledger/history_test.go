package ledger

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"jiceng/check"
	"jiceng/database/dbtest"
	"jiceng/ent/auditentry"
	"jiceng/ent/exemption"
	"jiceng/ent/member"
	"jiceng/ent/period"
	"jiceng/ent/unit"
	"jiceng/policy"
	"jiceng/register"
	"jiceng/vocab"
)

// historyRows are the clean ledger's history: member A was self-employed
// before joining 甲公司, and 甲公司 had 20 employees before 2024.
func historyRows() [][]any {
	return [][]any{
		{idA, "测试党员甲", "党员类别", "个体党员", d("2005-06-01"), d("2015-01-01"), "个体经营"},
		{idA, "测试党员甲", "党员类别", "在职党员", d("2015-01-01"), nil, "入职甲公司"},
		{idA, "测试党员甲", "党员状态", "预备党员", d("2005-06-01"), d("2006-06-01"), "入党"},
		{idA, "测试党员甲", "党员状态", "正式党员", d("2006-06-01"), nil, "按期转正"},
		{codeA, "甲公司", "职工人数", 20, d("2012-01-01"), d("2024-01-01"), nil},
		{codeA, "甲公司", "职工人数", 40, d("2024-01-01"), nil, "扩大生产"},
	}
}

func TestTheHistorySheetImportsOnceAndAsOfADayGivesItsValues(t *testing.T) {
	st := dbtest.Open(t)
	rows := cleanRows()
	rows[SheetHistory] = historyRows()
	rows[SheetExemptions] = [][]any{{"甲公司党支部", "党小组会", d("2024-03-01"), nil, "党员均在外地项目部，经街道党工委批准"}}
	wb := workbook(t, rows)
	first := run(t, st, wb, false)
	if !first.Written || first.Failed != 0 {
		t.Fatalf("import: %+v", first)
	}
	sys := policy.System(context.Background())
	m := st.Client.Member.Query().Where(member.IDNumber(idA)).OnlyX(sys)
	u := st.Client.Unit.Query().Where(unit.CreditCode(codeA)).OnlyX(sys)
	for _, c := range []struct {
		subject int
		attr    vocab.Attribute
		on      string
		want    string
	}{
		{m.ID, vocab.MemberCategory, "2010-01-01", "SELF_EMPLOYED"},
		{m.ID, vocab.MemberCategory, "2014-12-31", "SELF_EMPLOYED"},
		{m.ID, vocab.MemberCategory, "2015-01-01", "IN_SERVICE"},
		{u.ID, vocab.UnitEmployees, "2023-12-31", "20"},
		{u.ID, vocab.UnitEmployees, "2024-01-01", "40"},
	} {
		p, err := register.ValueOn(sys, st.Client, c.subject, c.attr, d(c.on))
		if err != nil {
			t.Fatal(err)
		}
		if p == nil || periodText(p) != c.want {
			t.Errorf("%s as of %s: got %+v, want %s", c.attr, c.on, p, c.want)
		}
	}
	if m.Category != member.CategoryIN_SERVICE || u.Employees != 40 {
		t.Errorf("today's values: %s, %d employees", m.Category, u.Employees)
	}
	p, err := register.ValueOn(sys, st.Client, m.ID, vocab.MemberCategory, d("2010-01-01"))
	if err != nil || p.Reason != "个体经营" {
		t.Errorf("the reason of a period: %+v, %v", p, err)
	}
	// The restored history is the importing user's change, with the file.
	entries := st.Client.AuditEntry.Query().Where(auditentry.EntityType("Member"), auditentry.EntityID(m.ID), auditentry.ActionEQ(auditentry.ActionUPDATE)).AllX(sys)
	if len(entries) == 0 || entries[0].Actor != "user importer" || entries[0].Detail != "导入 台账.xlsx" {
		t.Errorf("audit of the member's history: %+v", entries)
	}
	ex := st.Client.Exemption.Query().Where(exemption.MeetingTypeEQ(vocab.PartyGroupMeeting)).OnlyX(sys)
	if ex.EndedOn != nil || !strings.Contains(ex.Reason, "批准") {
		t.Errorf("exemption: %+v", ex)
	}
	again := run(t, st, wb, false)
	if again.Created+again.Updated+again.Failed != 0 {
		t.Fatalf("again: created %d, updated %d, failed %d: %+v", again.Created, again.Updated, again.Failed, again.Problems)
	}
	// The export writes the exemption and every period back, as the sheets read them.
	book, err := Export(context.Background(), st.Client)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := book.Write(&buf); err != nil {
		t.Fatal(err)
	}
	out, err := Read("export.xlsx", &buf)
	if err != nil {
		t.Fatal(err)
	}
	if ex := out.rows[SheetExemptions]; len(ex) != 1 || ex[0].cells["type"] != "党小组会" || ex[0].cells["reason"] != rows[SheetExemptions][0][4] {
		t.Errorf("exported exemptions: %+v", ex)
	}
	found := map[string]bool{}
	for _, r := range out.rows[SheetHistory] {
		found[r.cells["record"]+" "+r.cells["attribute"]+" "+r.cells["value"]+" "+r.cells["reason"]] = true
	}
	for _, want := range []string{idA + " 党员类别 个体党员 个体经营", idA + " 党员类别 在职党员 入职甲公司", codeA + " 职工人数 20 ", codeA + " 职工人数 40 扩大生产"} {
		if !found[want] {
			t.Errorf("exported history lacks %q", want)
		}
	}
	// A history that contradicts its record's value today is refused at the open period.
	rows[SheetHistory] = append(historyRows()[:4], []any{codeA, "甲公司", "职工人数", 30, d("2024-01-01"), nil, nil})
	res := run(t, st, workbook(t, rows), false)
	if res.Written || len(res.Problems) != 1 || res.Problems[0].Row != 8 || res.Problems[0].Column != "取值" || res.Problems[0].Reason != "HISTORY_CONTRADICTS_RECORD" {
		t.Errorf("a contradicting history: %+v", res.Problems)
	}
}

func TestPlantedErrorsInTheHistorySheetAreReportedAndNothingIsWritten(t *testing.T) {
	st := dbtest.Open(t)
	rows := cleanRows()
	unknown := withCheck("65230219900101003", check.IDNumberCheck)
	rows[SheetHistory] = [][]any{
		{idA, "测试党员甲", "党员类别", "个体党员", d("2005-06-01"), d("2015-06-01"), nil},
		{idA, "测试党员甲", "党员类别", "在职党员", d("2015-01-01"), nil, nil},             // overlaps the row before
		{unknown, "查无此人", "党员类别", "在职党员", d("2015-01-01"), nil, nil},          // an unknown record
		{codeA, "甲公司", "职工人数", 20, d("2024-01-01"), d("2012-01-01"), nil},     // ends before it starts
		{idB, "测试党员乙", "党员类别", "RETIRED", d("2008-06-01"), nil, nil},          // a value in English
		{idB, "测试党员乙", "MEMBER_CATEGORY", "离退休党员", d("2008-06-01"), nil, nil}, // an attribute in English
		{"测试街道/东社区/一网格", "一网格", "常住人口", 300, d("2030-01-01"), nil, nil},       // a period after today
	}
	res := run(t, st, workbook(t, rows), false)
	want := []Problem{
		{Sheet: SheetHistory, Row: 5, Column: "起始日期", Value: "2015-01-01"},
		{Sheet: SheetHistory, Row: 6, Column: "记录", Value: unknown},
		{Sheet: SheetHistory, Row: 7, Column: "终止日期", Value: "2012-01-01"},
		{Sheet: SheetHistory, Row: 8, Column: "取值", Value: "RETIRED"},
		{Sheet: SheetHistory, Row: 9, Column: "属性", Value: "MEMBER_CATEGORY"},
		{Sheet: SheetHistory, Row: 10, Column: "起始日期", Value: "2030-01-01"},
	}
	for _, w := range want {
		found := false
		for _, p := range res.Problems {
			if p.Sheet == w.Sheet && p.Row == w.Row && p.Column == w.Column && p.Value == w.Value {
				found = true
				if !hasHan(p.Message) {
					t.Errorf("%+v: the message is not in Chinese", p)
				}
			}
		}
		if !found {
			t.Errorf("not reported: %+v", w)
		}
	}
	t.Logf("problems: %+v", res.Problems)
	if res.Written {
		t.Error("written despite the problems")
	}
	sys := policy.System(context.Background())
	// The rule settings a register starts with have periods of their own.
	if n := st.Client.Member.Query().CountX(sys) + st.Client.Period.Query().Where(period.AttributeNotIn(vocab.SettingValue, vocab.SettingPeriod)).CountX(sys); n != 0 {
		t.Errorf("%d members and periods written", n)
	}
}

func hasHan(s string) bool {
	for _, r := range s {
		if r >= 0x4e00 && r <= 0x9fff {
			return true
		}
	}
	return false
}
