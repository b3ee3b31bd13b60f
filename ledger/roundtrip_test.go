package ledger_test

import (
	"bytes"
	"context"
	"testing"

	"jiceng/database/dbtest"
	"jiceng/demo"
	"jiceng/ledger"
	"jiceng/policy"
	"jiceng/viewer"
)

func admin() context.Context {
	return viewer.NewContext(context.Background(), &viewer.Viewer{Name: "importer", Role: viewer.Admin})
}

// TestTheDemoComesBack exports the demo, imports it into an empty register
// and imports it again.
func TestTheDemoComesBack(t *testing.T) {
	src := dbtest.Open(t)
	if err := demo.Load(policy.System(context.Background()), src.Client, demo.Reference()); err != nil {
		t.Fatal(err)
	}
	book, err := ledger.Export(context.Background(), src.Client)
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
	dst := dbtest.Open(t)
	res, err := ledger.Import(admin(), dst.Client, wb, ledger.Options{File: "demo.xlsx"})
	if err != nil {
		t.Fatal(err)
	}
	for i, p := range res.Problems {
		if i < 30 {
			t.Errorf("%+v", p)
		}
	}
	t.Logf("created %d updated %d unchanged %d failed %d", res.Created, res.Updated, res.Unchanged, res.Failed)
}
