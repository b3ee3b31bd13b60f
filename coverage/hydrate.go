package coverage

import (
	"context"
	"database/sql"
	"fmt"
	"slices"

	"jiceng/ent"
	"jiceng/ent/area"
	"jiceng/ent/member"
	"jiceng/ent/organization"
	"jiceng/ent/unit"
)

// hydrate loads what a page of gaps points to, a query per kind of record:
// subjects, grids and communities, and joint branches to suggest.
func (a *analysis) hydrate(ctx context.Context, tx *sql.Tx, en *Engine, gaps []*Gap) error {
	ids := map[string][]int{}
	var areaIDs []int
	for _, g := range gaps {
		subject := ruleByCode[g.Rule].subject
		ids[subject] = append(ids[subject], g.subjectID)
		areaIDs = append(areaIDs, a.tree.nearest(g.areaID, "GRID"), a.tree.nearest(g.areaID, "COMMUNITY"))
	}
	nodes, err := loadNodes(ctx, en.client, ids)
	if err != nil {
		return err
	}
	areas, err := en.client.Area.Query().Where(area.IDIn(areaIDs...)).All(ctx)
	if err != nil {
		return fmt.Errorf("loading areas: %w", err)
	}
	areaByID := map[int]*ent.Area{}
	for _, ar := range areas {
		areaByID[ar.ID] = ar
	}
	for _, g := range gaps {
		g.Subject = nodes[ruleByCode[g.Rule].subject][g.subjectID]
		g.Grid = areaByID[a.tree.nearest(g.areaID, "GRID")]
		g.Community = areaByID[a.tree.nearest(g.areaID, "COMMUNITY")]
		g.Suggestions = []*ent.Organization{}
	}
	return a.suggest(ctx, tx, en, gaps)
}

func loadNodes(ctx context.Context, client *ent.Client, ids map[string][]int) (map[string]map[int]ent.Noder, error) {
	out := map[string]map[int]ent.Noder{"units": {}, "members": {}, "organizations": {}, "areas": {}}
	put := func(table string, id int, n ent.Noder) { out[table][id] = n }
	if len(ids["units"]) > 0 {
		rows, err := client.Unit.Query().Where(unit.IDIn(ids["units"]...)).All(ctx)
		if err != nil {
			return nil, fmt.Errorf("loading units: %w", err)
		}
		for _, r := range rows {
			put("units", r.ID, r)
		}
	}
	if len(ids["members"]) > 0 {
		rows, err := client.Member.Query().Where(member.IDIn(ids["members"]...)).All(ctx)
		if err != nil {
			return nil, fmt.Errorf("loading members: %w", err)
		}
		for _, r := range rows {
			put("members", r.ID, r)
		}
	}
	if len(ids["organizations"]) > 0 {
		rows, err := client.Organization.Query().Where(organization.IDIn(ids["organizations"]...)).All(ctx)
		if err != nil {
			return nil, fmt.Errorf("loading organisations: %w", err)
		}
		for _, r := range rows {
			put("organizations", r.ID, r)
		}
	}
	if len(ids["areas"]) > 0 {
		rows, err := client.Area.Query().Where(area.IDIn(ids["areas"]...)).All(ctx)
		if err != nil {
			return nil, fmt.Errorf("loading areas: %w", err)
		}
		for _, r := range rows {
			put("areas", r.ID, r)
		}
	}
	return out, nil
}

// suggest offers, for each unit that needs a joint branch, the joint
// branches in its grid, then in its community, that cover fewer units than
// the most a joint branch may.
func (a *analysis) suggest(ctx context.Context, tx *sql.Tx, en *Engine, gaps []*Gap) error {
	if !slices.ContainsFunc(gaps, func(g *Gap) bool { return g.Rule == "ORG_UNIT_NEEDS_JOINT" }) {
		return nil
	}
	type candidate struct{ id, area, units int }
	var cands []candidate
	text := a.env.with("org_facts") + "\nSELECT f.id, f.area_id, f.units FROM org_facts f WHERE f.formation = 'JOINT' AND f.units < " +
		a.env.settings.byKind("JOINT_MAX_UNITS", "f.kind") + " ORDER BY f.units, f.id"
	err := a.env.query.rows(ctx, tx, text, func(rows *sql.Rows) error {
		v, err := scanAll(rows.Scan, 3)
		if err != nil {
			return err
		}
		cands = append(cands, candidate{toInt(v[0]), toInt(v[1]), toInt(v[2])})
		return nil
	})
	if err != nil || len(cands) == 0 {
		return err
	}
	ids := make([]int, len(cands))
	for i, c := range cands {
		ids[i] = c.id
	}
	orgs, err := en.client.Organization.Query().Where(organization.IDIn(ids...)).All(ctx)
	if err != nil {
		return fmt.Errorf("loading joint branches: %w", err)
	}
	byID := map[int]*ent.Organization{}
	for _, o := range orgs {
		byID[o.ID] = o
	}
	for _, g := range gaps {
		if g.Rule != "ORG_UNIT_NEEDS_JOINT" {
			continue
		}
		grid, community := a.tree.nearest(g.areaID, "GRID"), a.tree.nearest(g.areaID, "COMMUNITY")
		for _, near := range []func(candidate) bool{
			func(c candidate) bool { return grid != 0 && a.tree.nearest(c.area, "GRID") == grid },
			func(c candidate) bool {
				return community != 0 && a.tree.nearest(c.area, "COMMUNITY") == community && a.tree.nearest(c.area, "GRID") != grid
			},
		} {
			for _, c := range cands {
				if near(c) {
					g.Suggestions = append(g.Suggestions, byID[c.id])
				}
			}
		}
	}
	return nil
}
