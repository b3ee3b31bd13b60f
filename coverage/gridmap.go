package coverage

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"sync"
	"time"

	"jiceng/ent"
	"jiceng/ent/area"
	"jiceng/vocab"
)

// GridMap returns the grids of an area (nil: all) as of a day as a GeoJSON
// FeatureCollection, each feature's properties holding its coverage: id,
// name, community, communityId, status, organizations and organizationIds
// (those responsible), members, units, residents, households, gaps and
// gapsBySeverity. A grid without a boundary has a null geometry.
func (en *Engine) GridMap(ctx context.Context, areaID *int, asOf *time.Time) (map[string]any, error) {
	d := day(asOf)
	a, err := en.analysis(ctx, d)
	if err != nil {
		return nil, err
	}
	id, err := a.scope(areaID)
	if err != nil {
		return nil, err
	}
	within := a.tree.within(id)
	if id == 0 {
		within = sortedKeys(a.tree.nodes)
	}
	var grids []int
	for _, g := range within {
		if n, ok := a.tree.nodes[g]; ok && n.kind == "GRID" && n.active {
			grids = append(grids, g)
		}
	}
	// The grids are named by ID when they are a few; the grids of the whole
	// register (thousands in a city) are read by kind and picked here, so
	// that no statement binds thousands of IDs.
	inGrids := area.IDIn(grids...)
	if len(grids) > maxGridIDs {
		inGrids = area.KindEQ(area.KindGRID)
	}
	wanted := make(map[int]bool, len(grids))
	for _, g := range grids {
		wanted[g] = true
	}
	areas, err := en.client.Area.Query().Where(inGrids).Order(ent.Asc(area.FieldID)).
		Select(area.FieldName, area.FieldBoundary, area.FieldResidents, area.FieldHouseholds).All(ctx)
	if err != nil {
		return nil, fmt.Errorf("loading grids: %w", err)
	}
	responsible, responsibleIDs, err := en.responsible(ctx, d)
	if err != nil {
		return nil, err
	}
	features := make([]any, 0, len(grids))
	for _, g := range areas {
		if !wanted[g.ID] {
			continue
		}
		t := a.read(g.ID)
		bySeverity := map[string]int{}
		total := 0
		for i, n := range t.gaps {
			if n == 0 {
				continue // as before: a severity with no gap is not listed
			}
			bySeverity[string(rules[i].Severity)] += int(n)
			total += int(n)
		}
		community := a.tree.nearest(g.ID, "COMMUNITY")
		props := map[string]any{
			"id": strconv.Itoa(g.ID), "name": g.Name, "status": string(a.status[g.ID]),
			"communityId": nil, "community": nil,
			"organizations": nonNil(responsible[g.ID]), "organizationIds": nonNil(responsibleIDs[g.ID]), "members": t.members.Total, "units": t.units.Total,
			"residents": g.Residents, "households": g.Households, "gaps": total, "gapsBySeverity": bySeverity,
		}
		if c, ok := a.tree.nodes[community]; ok {
			props["communityId"], props["community"] = strconv.Itoa(c.id), c.name
		}
		var geometry any
		if g.Boundary != nil {
			geometry = g.Boundary
		}
		features = append(features, map[string]any{"type": "Feature", "id": strconv.Itoa(g.ID), "geometry": geometry, "properties": props})
	}
	return map[string]any{"type": "FeatureCollection", "features": features}, nil
}

// responsible lists, for each grid, the names and IDs of the
// organisations responsible for it on day d (their areas in force that
// day), by name: one statement over the periods' (attribute, ref_id) index,
// read once per day and revision of the register (gridOrgs).
func (en *Engine) responsible(ctx context.Context, d time.Time) (names, ids map[int][]string, err error) {
	revision, err := en.revision(ctx)
	if err != nil {
		return nil, nil, err
	}
	if v, ok := gridOrgs.Load(en); ok {
		if e := v.(*gridOrgsEntry); e.day.Equal(d) && e.revision == revision {
			return e.names, e.ids, nil
		}
	}
	q := &query{dialect: en.dialect, params: map[string]any{"d": d}}
	names, ids = map[int][]string{}, map[int][]string{}
	// The periods first (SQLite keeps the order of a CROSS JOIN): by the
	// organisations first, it read every organisation.
	text := `SELECT p.ref_id, o.id, ` + at(vocab.OrganizationName, "o") + ` AS name FROM periods p
		CROSS JOIN organizations o
		WHERE o.id = p.subject_id AND ` + inForceOn(vocab.OrganizationArea, "p") + ` AND ` + active("o", "established_on", "dissolved_on") + `
		ORDER BY name, o.id`
	err = en.snapshot(ctx, func(tx *sql.Tx) error {
		// The revision the rows are of, read in their snapshot.
		if revision, err = revisionIn(ctx, tx); err != nil {
			return err
		}
		return q.rows(ctx, tx, text, func(r *sql.Rows) error {
			var (
				grid, id int
				name     string
			)
			if err := r.Scan(&grid, &id, &name); err != nil {
				return err
			}
			names[grid] = append(names[grid], name)
			ids[grid] = append(ids[grid], strconv.Itoa(id))
			return nil
		})
	})
	if err != nil {
		return nil, nil, fmt.Errorf("loading responsible organisations: %w", err)
	}
	gridOrgs.Store(en, &gridOrgsEntry{day: d, revision: revision, names: names, ids: ids})
	return names, ids, nil
}

// gridOrgs keeps, per engine, the organisations responsible for each grid
// on the last day a grid map read, for one revision of the register: a
// warm map reads them once. The lists are shared and never changed.
var gridOrgs sync.Map // *Engine → *gridOrgsEntry

type gridOrgsEntry struct {
	day        time.Time
	revision   int64
	names, ids map[int][]string
}

// maxGridIDs is the most grids a grid map names by ID in its statements.
const maxGridIDs = 200

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
