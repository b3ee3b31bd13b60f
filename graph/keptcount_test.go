package graph_test

import (
	"context"
	"errors"
	"testing"

	"jiceng/database"
	"jiceng/database/dbtest"
	"jiceng/ent"
	"jiceng/ent/unit"
	"jiceng/policy"
	"jiceng/register"
)

// A connection's totalCount is kept for the register's revision
// (ent/template/kept_count.tmpl): every committed write, by this process or
// another on the same database, is counted by the next request, and a write
// rolled back is not.
func TestTotalCountFollowsEveryWrite(t *testing.T) {
	dsn, dir := dbtest.DSN(t), t.TempDir()
	ctx := context.Background()
	here, err := database.Open(ctx, dsn, dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { here.Close() })
	other, err := database.Open(ctx, dsn, dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { other.Close() })
	w := newWorldOn(t, here)
	grid := w.grid

	count := func(where string) int {
		t.Helper()
		var out struct{ Units struct{ TotalCount int } }
		w.api.Do(&out, `{ units(first: 1`+where+`) { totalCount edges { node { id } } } }`)
		return out.Units.TotalCount
	}
	addUnit := func(st *database.Store, name string, kind unit.Kind, fail bool) {
		t.Helper()
		sys := policy.System(ctx)
		err := register.InTx(sys, st.Client, func(c *ent.Client) error {
			if _, err := c.Unit.Create().SetName(name).SetKind(kind).SetEmployees(5).SetGridID(grid.ID).Save(sys); err != nil {
				return err
			}
			if fail {
				return errors.New("rolled back on purpose")
			}
			return nil
		})
		if fail != (err != nil) {
			t.Fatalf("adding %s: %v", name, err)
		}
	}
	markets := `, where: {kind: MARKET}`
	for i := 0; i < 2; i++ {
		if n, m := count(""), count(markets); n != 1 || m != 0 {
			t.Fatalf("ask %d: %d units, %d markets; want 1 and 0", i+1, n, m)
		}
	}
	addUnit(here, "一号市场", unit.KindMARKET, false)
	if n, m := count(""), count(markets); n != 2 || m != 1 {
		t.Fatalf("after a write here: %d units, %d markets; want 2 and 1", n, m)
	}
	addUnit(other, "二号市场", unit.KindMARKET, false)
	if n, m := count(""), count(markets); n != 3 || m != 2 {
		t.Fatalf("after a write by another process: %d units, %d markets; want 3 and 2", n, m)
	}
	addUnit(other, "三号市场", unit.KindMARKET, true)
	if n, m := count(""), count(markets); n != 3 || m != 2 {
		t.Fatalf("after a write rolled back: %d units, %d markets; want 3 and 2", n, m)
	}
}
