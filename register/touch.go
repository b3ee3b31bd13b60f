package register

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"

	entgo "entgo.io/ent"

	"jiceng/ent"
)

// Touched finds, inside a write's transaction, the areas whose analysis the
// record of type typ with the ID may change: where the record and the
// records its figures feed are or could be placed on any day, and the
// areas above those. all says the write may change any area's (the
// territory, the rule settings). The coverage package sets it; without it
// every write touches the whole register.
var Touched func(ctx context.Context, c *ent.Client, typ string, id int, changed []string) (areas []int, all bool, err error)

// WholeRegister is the area row of area_revisions that every analysis
// reads: a write that may change any area advances it.
const WholeRegister = 0

// AreaRevisions reads, in one statement (so on one snapshot), the
// register's revision and the latest revision at which a write touched the
// area or the whole register: bind the area's ID twice.
const AreaRevisions = `SELECT r.revision, COALESCE((SELECT MAX(a.revision) FROM area_revisions a WHERE a.area_id IN (%d, 0)), 0)
	FROM register_revision r WHERE r.id = 1`

type bulkKey struct{}

// Bulk marks the writes made with ctx as touching the whole register, so
// they skip finding the areas each one touches: for a load of many records
// in one transaction (an import, the demo), after which every analysis is
// read afresh anyway.
func Bulk(ctx context.Context) context.Context {
	return context.WithValue(ctx, bulkKey{}, &bulkState{})
}

// touch is the areas a write touches, gathered before and after it.
type touch struct {
	areas map[int]bool
	all   bool
}

// gather adds the areas the record of m touches as it now stands.
func (t *touch) gather(ctx context.Context, m entgo.Mutation) error {
	if t.all {
		return nil
	}
	if ctx.Value(bulkKey{}) != nil {
		t.all = true
		return nil
	}
	id, ok := m.(interface{ ID() (int, bool) }).ID()
	if Touched == nil || !ok {
		t.all = true
		return nil
	}
	changed := append(slices.Clone(m.Fields()), m.ClearedFields()...)
	changed = append(changed, m.AddedEdges()...)
	changed = append(changed, m.RemovedEdges()...)
	changed = append(changed, m.ClearedEdges()...)
	areas, all, err := Touched(ctx, m.(txMutation).Client(), m.Type(), id, changed)
	if err != nil {
		return fmt.Errorf("register: finding the areas a write touches: %w", err)
	}
	t.all = t.all || all
	if t.areas == nil {
		t.areas = map[int]bool{}
	}
	for _, a := range areas {
		t.areas[a] = true
	}
	return nil
}

// record stamps the touched areas with the write's revision, in its
// transaction: a reader that sees the revision sees which areas it touched.
func (t *touch) record(ctx context.Context, c *ent.Client) error {
	ids := []int{}
	if t.all {
		ids = append(ids, WholeRegister)
	} else {
		for a := range t.areas {
			ids = append(ids, a)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	slices.Sort(ids)
	rows := make([]string, len(ids))
	for i, id := range ids {
		rows[i] = "(" + strconv.Itoa(id) + ", (SELECT revision FROM register_revision WHERE id = 1))"
	}
	_, err := c.ExecContext(ctx, `INSERT INTO area_revisions (area_id, revision) VALUES `+strings.Join(rows, ", ")+`
		ON CONFLICT (area_id) DO UPDATE SET revision = excluded.revision`)
	if err != nil {
		return fmt.Errorf("register: recording the areas a write touches: %w", err)
	}
	return nil
}
