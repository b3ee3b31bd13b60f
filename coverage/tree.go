package coverage

import (
	"context"
	"database/sql"
	"slices"
	"time"

	"jiceng/vocab"
)

// areaNode is an area of the register's territory.
type areaNode struct {
	id, parent            int
	kind, name            string
	residents, households int
	active                bool
	children              []int
}

// tree is the register's territory, read once per analysis; it is small (a
// city has a few thousand grids), and sums go up it in Go.
type tree struct {
	nodes map[int]*areaNode
	roots []int
}

func loadTree(ctx context.Context, q *query, tx querier, asOf time.Time) (*tree, error) {
	return loadAreas(ctx, q, tx, asOf, "")
}

// loadAreas reads the areas of the SQL condition where on alias a ("":
// all of them) as a tree: an area's children are those read.
func loadAreas(ctx context.Context, q *query, tx querier, asOf time.Time, where string) (*tree, error) {
	t := &tree{nodes: map[int]*areaNode{}}
	q = &query{dialect: q.dialect, params: map[string]any{"d": asOf}}
	if where != "" {
		where = " WHERE " + where
	}
	err := q.rows(ctx, tx, `SELECT a.id, COALESCE(`+at(vocab.AreaParent, "a")+`, 0), a.kind, a.name, `+at(vocab.AreaResidents, "a")+`, `+at(vocab.AreaHouseholds, "a")+`, a.established_on, a.dissolved_on FROM areas a`+where+` ORDER BY a.id`,
		func(rows *sql.Rows) error {
			v, err := scanAll(rows.Scan, 8)
			if err != nil {
				return err
			}
			n := &areaNode{id: toInt(v[0]), parent: toInt(v[1]), kind: toString(v[2]), name: toString(v[3]),
				residents: toInt(v[4]), households: toInt(v[5]), active: true}
			if est, ok := sqlDate(v[6]); ok && est.After(asOf) {
				n.active = false
			}
			if dis, ok := sqlDate(v[7]); ok && !dis.After(asOf) {
				n.active = false
			}
			t.nodes[n.id] = n
			return nil
		})
	if err != nil {
		return nil, err
	}
	for _, id := range sortedKeys(t.nodes) {
		n := t.nodes[id]
		if p, ok := t.nodes[n.parent]; ok {
			p.children = append(p.children, id)
		} else {
			t.roots = append(t.roots, id)
		}
	}
	return t, nil
}

// singleRoot is the only top-level area, or 0 when there are several.
func (t *tree) singleRoot() int {
	if len(t.roots) == 1 {
		return t.roots[0]
	}
	return 0
}

// lineage is the area and its ancestors, nearest first.
func (t *tree) lineage(id int) []int {
	var out []int
	for n, ok := t.nodes[id]; ok && len(out) < maxDepth; n, ok = t.nodes[n.parent] {
		out = append(out, n.id)
	}
	return out
}

// nearest is the area or its nearest ancestor of the kind, or 0.
func (t *tree) nearest(id int, kind string) int {
	for _, a := range t.lineage(id) {
		if t.nodes[a].kind == kind {
			return a
		}
	}
	return 0
}

// within lists the area and every area below it.
func (t *tree) within(id int) []int {
	out := []int{id}
	for i := 0; i < len(out); i++ {
		if n, ok := t.nodes[out[i]]; ok {
			out = append(out, n.children...)
		}
	}
	return out
}

// activeChildren lists the children of an area (0: the top-level areas)
// that exist on the day of the analysis.
func (t *tree) activeChildren(id int) []int {
	ids := t.roots
	if id != 0 {
		ids = t.nodes[id].children
	}
	var out []int
	for _, c := range ids {
		if t.nodes[c].active {
			out = append(out, c)
		}
	}
	return out
}

const maxDepth = 32

func sortedKeys[V any](m map[int]V) []int {
	keys := make([]int, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
