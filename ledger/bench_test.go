package ledger

import (
	"bytes"
	"fmt"
	"testing"
	"time"

	"jiceng/check"
	"jiceng/database/dbtest"
)

// memberLedger is a ledger of n members in one grid, each written as a
// 花名册 row.
func memberLedger(b *testing.B, n int) []byte {
	b.Helper()
	rows := cleanRows()
	rows[SheetMembers], rows[SheetMemberships] = nil, nil
	born := time.Date(1960, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range n {
		day := born.AddDate(0, 0, i%12000)
		id := withCheck(fmt.Sprintf("652302%s%03d", day.Format("20060102"), i%1000), check.IDNumberCheck)
		rows[SheetMembers] = append(rows[SheetMembers], []any{fmt.Sprintf("测试党员%05d", i), "男", "汉族", day, id, "正式党员",
			day.AddDate(25, 0, 0), day.AddDate(26, 0, 0), "在职党员", nil, nil, nil, fmt.Sprintf("138%08d", i), "测试街道/东社区/一网格", codeA})
	}
	book, err := ledgerBook(rows)
	if err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	if err := book.Write(&buf); err != nil {
		b.Fatal(err)
	}
	return buf.Bytes()
}

// BenchmarkImport10000Members imports a ledger of 10,000 members into an
// empty register: reading the workbook alone is the baseline, then a dry
// run (every row checked and written in the transaction, then rolled
// back), then the import that commits.
func BenchmarkImport10000Members(b *testing.B) {
	data := memberLedger(b, 10000)
	b.Run("read", func(b *testing.B) {
		for b.Loop() {
			if _, err := Read("花名册.xlsx", bytes.NewReader(data)); err != nil {
				b.Fatal(err)
			}
		}
	})
	for _, dry := range []bool{true, false} {
		name := "import"
		if dry {
			name = "dry-run"
		}
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				b.StopTimer()
				st := dbtest.Open(b)
				b.StartTimer()
				wb, err := Read("花名册.xlsx", bytes.NewReader(data))
				if err != nil {
					b.Fatal(err)
				}
				res, err := Import(admin(), st.Client, wb, Options{File: "花名册.xlsx", DryRun: dry})
				if err != nil {
					b.Fatal(err)
				}
				if res.Failed > 0 || res.Created != 10008 {
					b.Fatalf("created %d, failed %d: %+v", res.Created, res.Failed, res.Problems[:min(3, len(res.Problems))])
				}
			}
		})
	}
}
