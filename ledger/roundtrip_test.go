package ledger_test

import (
	"bytes"
	"context"
	"reflect"
	"testing"
	"time"

	"jiceng/coverage"
	"jiceng/database"
	"jiceng/database/dbtest"
	"jiceng/demo"
	"jiceng/ledger"
	"jiceng/policy"
	"jiceng/viewer"
)

func admin() context.Context {
	return viewer.NewContext(context.Background(), &viewer.Viewer{Name: "importer", Role: viewer.Admin})
}

// exported is the register of st written as a ledger and read back.
func exported(t *testing.T, st *database.Store) *ledger.Workbook {
	t.Helper()
	book, err := ledger.Export(context.Background(), st.Client)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := book.Write(&buf); err != nil {
		t.Fatal(err)
	}
	wb, err := ledger.Read("demo.xlsx", bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	return wb
}

func mustImport(t *testing.T, st *database.Store, wb *ledger.Workbook, opts ledger.Options) *ledger.Result {
	t.Helper()
	res, err := ledger.Import(admin(), st.Client, wb, opts)
	if err != nil {
		t.Fatal(err)
	}
	for i, p := range res.Problems {
		if i < 20 {
			t.Errorf("problem: %+v", p)
		}
	}
	return res
}

// TestTheDemoComesBack exports the demo, imports it into an empty register,
// imports it again, and compares what the register says of both.
func TestTheDemoComesBack(t *testing.T) {
	src := dbtest.Open(t)
	if err := demo.Load(policy.System(context.Background()), src.Client, demo.Reference()); err != nil {
		t.Fatal(err)
	}
	wb := exported(t, src)
	dst := dbtest.Open(t)
	start := time.Now()
	first := mustImport(t, dst, wb, ledger.Options{File: "demo.xlsx"})
	t.Logf("imported %d rows in %v", wb.Rows(), time.Since(start))
	if !first.Written || first.Created != wb.Rows() {
		t.Fatalf("first import: written %v, created %d of %d rows", first.Written, first.Created, wb.Rows())
	}
	again := mustImport(t, dst, wb, ledger.Options{File: "demo.xlsx"})
	if again.Created != 0 || again.Updated != 0 || again.Unchanged != wb.Rows() {
		for _, r := range again.Rows {
			if r.Action != ledger.Unchanged {
				t.Errorf("second import changed %+v", r)
				break
			}
		}
		t.Fatalf("second import: created %d, updated %d, unchanged %d of %d rows", again.Created, again.Updated, again.Unchanged, wb.Rows())
	}
	ref := demo.Reference()
	ctx := policy.System(context.Background())
	tagged := func(st *database.Store) int {
		n := 0
		for _, m := range st.Client.Member.Query().AllX(ctx) {
			if len(m.Tags) > 0 {
				n++
			}
		}
		return n
	}
	if got, want := tagged(dst), tagged(src); got != want || want == 0 {
		t.Errorf("members with tags (诚信商户): got %d, want %d", got, want)
	}
	want, err := coverage.New(src.Client, src.Read, src.Dialect).Coverage(ctx, nil, &ref, 1)
	if err != nil {
		t.Fatal(err)
	}
	got, err := coverage.New(dst.Client, dst.Read, dst.Dialect).Coverage(ctx, nil, &ref, 1)
	if err != nil {
		t.Fatal(err)
	}
	if *got.Members != *want.Members {
		t.Errorf("members: got %+v, want %+v", *got.Members, *want.Members)
	}
	gaps := func(st *database.Store) map[string]bool {
		c, err := coverage.New(st.Client, st.Read, st.Dialect).Gaps(ctx, coverage.GapFilter{AsOf: &ref, First: 1 << 30})
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]bool{}
		for _, g := range c.Nodes() {
			out[string(g.Rule)+" "+g.SubjectName+" "+g.Message.Zh] = true
		}
		return out
	}
	wantGaps, gotGaps := gaps(src), gaps(dst)
	for g := range wantGaps {
		if !gotGaps[g] {
			t.Errorf("gap lost: %s", g)
		}
	}
	for g := range gotGaps {
		if !wantGaps[g] {
			t.Errorf("gap gained: %s", g)
		}
	}
	if *got.Grids != *want.Grids {
		t.Errorf("grids: got %+v, want %+v", *got.Grids, *want.Grids)
	}
	if *got.Units != *want.Units {
		t.Errorf("units: got %+v, want %+v", *got.Units, *want.Units)
	}
	if !reflect.DeepEqual(got.Assessments, want.Assessments) {
		t.Errorf("assessments: got %+v, want %+v", *got.Assessments, *want.Assessments)
	}
	if len(got.Organizations) != len(want.Organizations) {
		t.Errorf("organisation kinds: got %d, want %d", len(got.Organizations), len(want.Organizations))
	}
	for i := range min(len(got.Organizations), len(want.Organizations)) {
		if *got.Organizations[i] != *want.Organizations[i] {
			t.Errorf("organisations: got %+v, want %+v", *got.Organizations[i], *want.Organizations[i])
		}
	}
	if got.GapTotal != want.GapTotal {
		t.Errorf("gaps: got %d, want %d", got.GapTotal, want.GapTotal)
	}
	// The ledger holds today's values and dated records, not the periods of
	// every attribute: a past day's answer may differ, and is logged.
	past := ref.AddDate(-1, 0, 0)
	wantPast, err := coverage.New(src.Client, src.Read, src.Dialect).Coverage(ctx, nil, &past, 1)
	if err != nil {
		t.Fatal(err)
	}
	gotPast, err := coverage.New(dst.Client, dst.Read, dst.Dialect).Coverage(ctx, nil, &past, 1)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("a year before: members %+v / %+v; units %+v / %+v; gaps %d / %d", *gotPast.Members, *wantPast.Members,
		*gotPast.Units, *wantPast.Units, gotPast.GapTotal, wantPast.GapTotal)
}
