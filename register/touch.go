package register

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

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
// reads: a write that may change any area advances it. AnyArea is the row
// every other write advances too: an analysis of the whole register reads
// it with WholeRegister.
const (
	WholeRegister = 0
	AnyArea       = -1
)

// AreaRevisions is the statement that reads, in one go (so on one
// snapshot), the register's revision and the latest revisions of the writes
// that may have changed the reading of the area as of the day: those that
// touched it or the whole register with a from-day on or before the day,
// and those that touched any area (what the whole register's analysis
// reads) with one on or before it.
func AreaRevisions(area int, day time.Time) string {
	d := strconv.Itoa(DayNumber(day))
	touched := func(areas string) string {
		return "COALESCE((SELECT MAX(a.revision) FROM area_revisions a WHERE a.area_id IN (" + areas + ") AND a.from_day <= " + d + "), 0)"
	}
	return "SELECT r.revision, " + touched(strconv.Itoa(area)+", 0") + ", " + touched("-1, 0") +
		" FROM register_revision r WHERE r.id = 1"
}

// AreaSteps is the statement that reads the register's revision (the row
// with a null day) and the rows of area_revisions of the areas, to tell
// which days' readings of them the writes since a revision may have
// changed.
func AreaSteps(areas []int) string {
	list := make([]string, len(areas))
	for i, a := range areas {
		list[i] = strconv.Itoa(a)
	}
	return "SELECT NULL, NULL, r.revision FROM register_revision r WHERE r.id = 1 UNION ALL " +
		"SELECT a.area_id, a.from_day, a.revision FROM area_revisions a WHERE a.area_id IN (" + strings.Join(list, ", ") + ")"
}

type bulkKey struct{}

// Bulk marks the writes made with ctx as touching the whole register, so
// they skip finding the areas each one touches: for a load of many records
// in one transaction (an import, the demo), after which every analysis is
// read afresh anyway.
func Bulk(ctx context.Context) context.Context {
	return context.WithValue(ctx, bulkKey{}, &bulkState{})
}

// touch is the areas a write touches, gathered before and after it, and
// the earliest day whose reading it may change (touchday.go).
type touch struct {
	areas map[int]bool
	all   bool
	dates dating
	// undated says the write cannot be dated: it may change any day.
	undated bool
}

// gather adds the areas the record of m touches as it now stands; before
// an update it also reads what dates the write.
func (t *touch) gather(ctx context.Context, m entgo.Mutation) error {
	if ctx.Value(bulkKey{}) != nil {
		t.all, t.undated = true, true
		return nil
	}
	if t.all && t.undated {
		return nil
	}
	id, ok := m.(interface{ ID() (int, bool) }).ID()
	if Touched == nil || !ok {
		t.all, t.undated = true, true
		return nil
	}
	if t.areas == nil && m.Op().Is(entgo.OpUpdateOne) {
		if err := t.dates.start(ctx, m); err != nil {
			return err
		}
	}
	if t.all {
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

// maxSteps bounds the rows kept for an area: past it, the earliest are
// merged into one (the earliest day, the latest of their revisions), which
// only makes analyses of the days between them stale sooner.
const (
	maxSteps  = 32
	keepSteps = 24
)

// record stamps the touched areas with the write's revision and from-day,
// in its transaction: a reader that sees the revision sees which areas it
// touched from which day. For each area a row (area, from-day, revision)
// is kept; a later write with an earlier or equal from-day supersedes the
// rows from its day on (any day they answer for, it answers for with a
// later revision), so each area's rows, in the order of their days, have
// growing revisions: a staircase, of at most maxSteps rows.
func (t *touch) record(ctx context.Context, m entgo.Mutation) error {
	c := m.(txMutation).Client()
	from := Beginning
	if !t.undated {
		var err error
		if from, err = t.dates.finish(ctx, m); err != nil {
			return err
		}
	}
	ids := []int{}
	if t.all {
		ids = append(ids, WholeRegister)
	} else {
		// A write that touches no area (an organisation placed nowhere)
		// still changes the whole register's figures.
		ids = append(ids, AnyArea)
		for a := range t.areas {
			ids = append(ids, a)
		}
	}
	slices.Sort(ids)
	day := strconv.Itoa(DayNumber(from))
	rows := make([]string, len(ids))
	list := make([]string, len(ids))
	for i, id := range ids {
		list[i] = strconv.Itoa(id)
		rows[i] = "(" + list[i] + ", " + day + ", (SELECT revision FROM register_revision WHERE id = 1))"
	}
	in := "(" + strings.Join(list, ", ") + ")"
	if _, err := c.ExecContext(ctx, `INSERT INTO area_revisions (area_id, from_day, revision) VALUES `+strings.Join(rows, ", ")+`
		ON CONFLICT (area_id, from_day) DO UPDATE SET revision = excluded.revision`); err != nil {
		return fmt.Errorf("register: recording the areas a write touches: %w", err)
	}
	if _, err := c.ExecContext(ctx, "DELETE FROM area_revisions WHERE area_id IN "+in+" AND from_day > "+day); err != nil {
		return fmt.Errorf("register: recording the areas a write touches: %w", err)
	}
	return t.compact(ctx, c, in)
}

// compact merges the earliest rows of the areas in the SQL list that have
// more than maxSteps.
func (t *touch) compact(ctx context.Context, c *ent.Client, in string) error {
	rows, err := c.QueryContext(ctx, "SELECT area_id FROM area_revisions WHERE area_id IN "+in+" GROUP BY area_id HAVING COUNT(*) > "+strconv.Itoa(maxSteps))
	if err != nil {
		return fmt.Errorf("register: compacting the areas' revisions: %w", err)
	}
	var over []int
	for rows.Next() {
		var a int
		if err := rows.Scan(&a); err != nil {
			rows.Close()
			return err
		}
		over = append(over, a)
	}
	rows.Close()
	for _, a := range over {
		steps, err := c.QueryContext(ctx, "SELECT from_day, revision FROM area_revisions WHERE area_id = "+strconv.Itoa(a)+" ORDER BY from_day")
		if err != nil {
			return fmt.Errorf("register: compacting the areas' revisions: %w", err)
		}
		var days []int
		var revs []int64
		for steps.Next() {
			var d int
			var r int64
			if err := steps.Scan(&d, &r); err != nil {
				steps.Close()
				return err
			}
			days, revs = append(days, d), append(revs, r)
		}
		steps.Close()
		cut := len(days) - keepSteps // rows 0..cut become one
		if cut <= 0 {
			continue
		}
		area := strconv.Itoa(a)
		if _, err := c.ExecContext(ctx, "UPDATE area_revisions SET revision = "+strconv.FormatInt(revs[cut], 10)+
			" WHERE area_id = "+area+" AND from_day = "+strconv.Itoa(days[0])); err != nil {
			return fmt.Errorf("register: compacting the areas' revisions: %w", err)
		}
		if _, err := c.ExecContext(ctx, "DELETE FROM area_revisions WHERE area_id = "+area+
			" AND from_day > "+strconv.Itoa(days[0])+" AND from_day <= "+strconv.Itoa(days[cut])); err != nil {
			return fmt.Errorf("register: compacting the areas' revisions: %w", err)
		}
	}
	return nil
}
