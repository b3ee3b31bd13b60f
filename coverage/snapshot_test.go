package coverage

import (
	"context"
	"database/sql"
	"errors"
	"reflect"
	"testing"

	"jiceng/database/dbtest"
	"jiceng/demo"
	"jiceng/policy"
)

// TestOneRevisionPerAnalysis: the statements of an analysis, run side by
// side in transactions of their own, all read the revision the analysis is
// of, or the analysis starts again; read one after another in one
// transaction, they give the same answer.
func TestOneRevisionPerAnalysis(t *testing.T) {
	st := dbtest.Open(t)
	ctx := policy.System(context.Background())
	ref := demo.Reference()
	if err := demo.Load(ctx, st.Client, ref); err != nil {
		t.Fatal(err)
	}
	en := New(st.Client, st.Read, st.Dialect)
	revision, err := en.revision(ctx)
	if err != nil {
		t.Fatal(err)
	}

	if _, err := en.analyse(ctx, ref, en.at(revision-1)); !errors.Is(err, errMoved) {
		t.Errorf("an analysis of an earlier revision: got %v, want errMoved", err)
	}
	a, got, err := en.consistent(ctx, ref, revision-1)
	if err != nil || got != revision {
		t.Fatalf("starting from an earlier revision: got revision %d (%v), want %d", got, err, revision)
	}

	var one *analysis
	err = en.snapshot(ctx, func(tx *sql.Tx) error {
		var err error
		one, err = en.analyse(ctx, ref, within(tx))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(a.gaps) == 0 || !reflect.DeepEqual(a.gaps, one.gaps) {
		t.Errorf("side by side found %d gaps, in one transaction %d, or different ones", len(a.gaps), len(one.gaps))
	}
	if !reflect.DeepEqual(a.tallies, one.tallies) || !reflect.DeepEqual(a.status, one.status) {
		t.Error("side by side and in one transaction, the roll-ups or the grids' statuses differ")
	}
}
