package ledger

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"jiceng/check"
	"jiceng/database"
	"jiceng/database/dbtest"
	"jiceng/ent/auditentry"
	"jiceng/ent/organization"
	"jiceng/policy"
	"jiceng/viewer"
	"jiceng/vocab"
)

func admin() context.Context {
	return viewer.NewContext(context.Background(), &viewer.Viewer{Name: "importer", Role: viewer.Admin})
}

func withCheck(first17 string, sum func(string) (byte, error)) string {
	c, err := sum(first17)
	if err != nil {
		panic(err)
	}
	return first17 + string(c)
}

func d(s string) time.Time { t, _ := time.Parse(time.DateOnly, s); return t }

var (
	codeA = withCheck("91652302MA7XXXXX1", check.CreditCodeCheck)
	idA   = withCheck("65230219800101001", check.IDNumberCheck)
	idB   = withCheck("65230219850505002", check.IDNumberCheck)
)

// cleanRows is a small ledger that imports cleanly.
func cleanRows() map[string][][]any {
	return map[string][][]any{
		SheetAreas: {
			{"测试街道", "街道"},
			{"测试街道/东社区/一网格", "网格", nil, 120, 300},
			{"测试街道/东社区", "社区"},
		},
		SheetOrganizations: {
			{"东社区党支部", "测试街道党工委", "党支部", "按区域组建", d("2010-03-01"), nil, "测试街道/东社区"},
			{"测试街道党工委", nil, "街道党工委", "按区域组建", d("2000-01-01")},
			{"甲公司党支部", "测试街道党工委", "党支部", "单独组建", d("2012-07-01")},
		},
		SheetUnits: {
			{"甲公司", codeA, "非公有制企业", "测试街道/东社区/一网格", 40, "是"},
		},
		SheetMembers: {
			{"测试党员甲", "男", "汉族", d("1980-01-01"), idA, "正式党员", d("2005-06-01"), d("2006-06-01"), "在职党员", nil, nil, nil, "13800000001", "测试街道/东社区/一网格", codeA},
			{"测试党员乙", "女", "汉族", d("1985-05-05"), idB, "正式党员", d("2008-06-01"), d("2009-06-01"), "离退休", nil, nil, nil, nil, "测试街道/东社区/一网格"},
		},
		SheetMemberships: {
			{idA, "测试党员甲", "甲公司党支部", d("2012-07-01"), "转入"},
			{idB, "测试党员乙", "东社区党支部", d("2010-03-01"), "转入"},
		},
		SheetCoverages: {
			{"甲公司党支部", codeA, d("2012-07-01")},
		},
	}
}

func workbook(t *testing.T, rows map[string][][]any) *Workbook {
	t.Helper()
	book, err := ledgerBook(rows)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := book.Write(&buf); err != nil {
		t.Fatal(err)
	}
	wb, err := Read("台账.xlsx", &buf)
	if err != nil {
		t.Fatal(err)
	}
	return wb
}

func run(t *testing.T, st *database.Store, wb *Workbook, dry bool) *Result {
	t.Helper()
	res, err := Import(admin(), st.Client, wb, Options{File: "台账.xlsx", DryRun: dry})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func TestACleanLedgerImportsOnceAndThenChangesNothing(t *testing.T) {
	st := dbtest.Open(t)
	wb := workbook(t, cleanRows())
	dry := run(t, st, wb, true)
	if len(dry.Problems) > 0 {
		t.Fatalf("problems: %+v", dry.Problems)
	}
	if dry.Created != 12 || dry.Written {
		t.Fatalf("dry run: %d to create, written %v; want 12, false", dry.Created, dry.Written)
	}
	if n := st.Client.Area.Query().CountX(policy.System(context.Background())); n != 0 {
		t.Fatalf("the dry run wrote %d areas", n)
	}
	first := run(t, st, wb, false)
	if !first.Written || first.Created != 12 {
		t.Fatalf("import: %+v", first)
	}
	// Audited as the importing user, with the file.
	entries := st.Client.AuditEntry.Query().Where(auditentry.ActionEQ(auditentry.ActionCREATE), auditentry.EntityType("Member")).
		AllX(policy.System(context.Background()))
	if len(entries) != 2 || entries[0].Actor != "user importer" || entries[0].Detail != "导入 台账.xlsx" {
		t.Errorf("audit of the members: %d entries, first %+v", len(entries), entries)
	}
	again := run(t, st, wb, false)
	if again.Created+again.Updated != 0 || again.Unchanged != 12 {
		t.Fatalf("again: created %d, updated %d, unchanged %d", again.Created, again.Updated, again.Unchanged)
	}
	// A corrected ledger updates only what changed, from its day.
	rows := cleanRows()
	rows[SheetUnits][0][4] = 55
	rows[SheetUnits][0] = append(rows[SheetUnits][0], nil, nil, nil, nil, d("2024-05-01"))
	fixed := run(t, st, workbook(t, rows), false)
	if fixed.Updated != 1 || fixed.Unchanged != 11 {
		t.Fatalf("corrected: %+v", fixed)
	}
	for _, r := range fixed.Rows {
		if r.Action == Updated && (r.Sheet != SheetUnits || strings.Join(r.Changed, ",") != "职工人数") {
			t.Errorf("updated %+v, want only 职工人数 of the unit", r)
		}
	}
}

func TestEveryPlantedErrorIsReportedWhereItIsAndNothingIsWritten(t *testing.T) {
	st := dbtest.Open(t)
	rows := cleanRows()
	rows[SheetUnits][0][1] = codeA[:17] + "X" // a bad credit code
	rows[SheetOrganizations][2][2] = "BRANCH" // an enum in English
	rows[SheetMemberships] = append(rows[SheetMemberships],
		[]any{idB, "测试党员乙", "测试街道党工委", d("2015-01-01"), "转入"},                        // a second current membership
		[]any{idB, "测试党员乙", "西社区党支部", d("2009-01-01"), "转入", d("2009-06-01"), "转出"},  // an unknown organisation
		[]any{idB, "测试党员乙", "测试街道党工委", d("2009-01-01"), "转入", d("2008-01-01"), "转出"}) // ended before it started
	res := run(t, st, workbook(t, rows), false)
	want := []Problem{
		{Sheet: SheetOrganizations, Row: 6, Column: "组织类别", Value: "BRANCH"},
		{Sheet: SheetUnits, Row: 4, Column: "统一社会信用代码", Value: codeA[:17] + "X"},
		{Sheet: SheetMemberships, Row: 6, Column: "转入日期", Value: "2015-01-01"},
		{Sheet: SheetMemberships, Row: 7, Column: "所在党组织", Value: "西社区党支部"},
		{Sheet: SheetMemberships, Row: 8, Column: "转出日期", Value: "2008-01-01"},
		// What depends on a failed row says so.
		{Sheet: SheetMembers, Row: 4, Column: "工作单位", Value: codeA},
	}
	for _, w := range want {
		found := false
		for _, p := range res.Problems {
			if p.Sheet == w.Sheet && p.Row == w.Row && p.Column == w.Column && (w.Value == "" || p.Value == w.Value) {
				found = true
				if p.Message == "" {
					t.Errorf("%+v has no message", p)
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
	if n := st.Client.Area.Query().CountX(policy.System(context.Background())); n != 0 {
		t.Errorf("%d areas written", n)
	}
}

// An editor imports members and their memberships in their own community.
func TestAnEditorImportsMembersInTheirArea(t *testing.T) {
	st := dbtest.Open(t)
	rows := cleanRows()
	people := map[string][][]any{SheetMembers: rows[SheetMembers], SheetMemberships: rows[SheetMemberships]}
	delete(rows, SheetMembers)
	delete(rows, SheetMemberships)
	// The register as an administrator made it, the unit's branch covering it.
	if res := run(t, st, workbook(t, rows), false); !res.Written {
		t.Fatalf("the register: %+v", res.Problems)
	}
	sys := policy.System(context.Background())
	var areas []int
	for _, a := range st.Client.Area.Query().AllX(sys) {
		if a.ParentID != nil {
			areas = append(areas, a.ID)
		}
	}
	editor := viewer.NewContext(context.Background(), &viewer.Viewer{Name: "编辑", Role: viewer.Editor, Areas: areas})
	res, err := Import(editor, st.Client, workbook(t, people), Options{File: "花名册.xlsx"})
	if err != nil {
		t.Fatal(err)
	}
	if !res.Written || res.Created != 4 {
		t.Fatalf("editor's import: %+v", res)
	}
	again, err := Import(editor, st.Client, workbook(t, people), Options{File: "花名册.xlsx"})
	if err != nil || again.Unchanged != 4 {
		t.Fatalf("again: %+v, %v", again, err)
	}
}

// A corrected ledger that gives a branch the kind of a general branch
// upgrades it (升格) from the row's day, keeping its earlier kind.
func TestACorrectedKindUpgradesTheOrganization(t *testing.T) {
	st := dbtest.Open(t)
	rows := cleanRows()
	if res := run(t, st, workbook(t, rows), false); !res.Written {
		t.Fatalf("%+v", res.Problems)
	}
	rows = cleanRows()
	rows[SheetOrganizations][0] = []any{"东社区党支部", "测试街道党工委", "党总支", "按区域组建", d("2010-03-01"), nil, "测试街道/东社区",
		nil, nil, nil, d("2024-01-01")}
	res := run(t, st, workbook(t, rows), false)
	if !res.Written || res.Updated != 1 {
		t.Fatalf("%+v", res)
	}
	sys := policy.System(context.Background())
	o := st.Client.Organization.Query().Where(organization.Name("东社区党支部")).OnlyX(sys)
	changes := o.QueryKindChanges().AllX(sys)
	if o.Kind != vocab.GeneralBranch || len(changes) != 1 || !changes[0].ChangedOn.Equal(d("2024-01-01")) {
		t.Errorf("kind %s, changes %+v", o.Kind, changes)
	}
	if again := run(t, st, workbook(t, rows), false); again.Updated != 0 {
		t.Errorf("again: %+v", again)
	}
}
