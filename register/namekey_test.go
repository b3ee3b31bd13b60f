package register_test

import (
	"context"
	"testing"

	"jiceng/database/dbtest"
	"jiceng/ent"
	"jiceng/ent/area"
	"jiceng/policy"
	"jiceng/register"
)

// TestNameKeysFollowNamesAndAreBackfilled: the key a name sorts by is
// written with the name, and a record without one (written before keys
// were kept, or bulk-loaded) gets it at the next start.
func TestNameKeysFollowNamesAndAreBackfilled(t *testing.T) {
	st := dbtest.Open(t)
	ctx := policy.System(context.Background())
	var grid *ent.Area
	var u *ent.Unit
	err := register.InTx(ctx, st.Client, func(c *ent.Client) error {
		sub := c.Area.Create().SetName("测试街道").SetKind(area.KindSUBDISTRICT).SaveX(ctx)
		community := c.Area.Create().SetName("一号社区").SetKind(area.KindCOMMUNITY).SetParent(sub).SaveX(ctx)
		grid = c.Area.Create().SetName("第三网格").SetKind(area.KindGRID).SetParent(community).SaveX(ctx)
		u = c.Unit.Create().SetName("第十二商铺").SetKind("MARKET").SetGrid(grid).SaveX(ctx)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := st.Client.Unit.GetX(ctx, u.ID).NameKey, "第00000012商铺"; got != want {
		t.Errorf("written with the name: got %q, want %q", got, want)
	}
	if _, err := st.DB.ExecContext(ctx, `UPDATE units SET name_key = NULL`); err != nil {
		t.Fatal(err)
	}
	if err := register.Backfill(ctx, st.DB, st.Dialect); err != nil {
		t.Fatal(err)
	}
	if got, want := st.Client.Unit.GetX(ctx, u.ID).NameKey, "第00000012商铺"; got != want {
		t.Errorf("backfilled: got %q, want %q", got, want)
	}
}
