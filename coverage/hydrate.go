package coverage

import (
	"context"
	"fmt"

	"jiceng/ent"
	"jiceng/ent/area"
	"jiceng/ent/member"
	"jiceng/ent/organization"
	"jiceng/ent/unit"
)

// hydrate writes a page of gap rows as gaps and loads what they point to,
// a query per kind of record: subjects, grids and communities, and the
// joint branches to suggest.
func (a *analysis) hydrate(ctx context.Context, en *Engine, rows []*gapRow) ([]*Gap, error) {
	ids := map[string][]int{}
	var areaIDs []int
	gaps := make([]*Gap, len(rows))
	for i, r := range rows {
		gaps[i] = a.gap(r)
		ids[r.rule.subject] = append(ids[r.rule.subject], r.subjectID)
		areaIDs = append(areaIDs, a.tree.nearest(r.areaID, "GRID"), a.tree.nearest(r.areaID, "COMMUNITY"))
		ids["suggestions"] = append(ids["suggestions"], a.suggestions(r)...)
	}
	nodes, err := loadNodes(ctx, en.client, ids)
	if err != nil {
		return nil, err
	}
	areas, err := en.client.Area.Query().Where(area.IDIn(areaIDs...)).All(ctx)
	if err != nil {
		return nil, fmt.Errorf("loading areas: %w", err)
	}
	areaByID := map[int]*ent.Area{}
	for _, ar := range areas {
		areaByID[ar.ID] = ar
	}
	for i, g := range gaps {
		r := rows[i]
		g.Subject = nodes[r.rule.subject][r.subjectID]
		g.Grid = areaByID[a.tree.nearest(r.areaID, "GRID")]
		g.Community = areaByID[a.tree.nearest(r.areaID, "COMMUNITY")]
		g.Suggestions = []*ent.Organization{}
		for _, c := range a.suggestions(r) {
			if o, ok := nodes["suggestions"][c].(*ent.Organization); ok {
				g.Suggestions = append(g.Suggestions, o)
			}
		}
	}
	return gaps, nil
}

// suggestions are, for a unit that needs a joint branch, the joint
// branches in its grid, then in its community, that cover fewer units than
// a joint branch may, fewest first.
func (a *analysis) suggestions(r *gapRow) []int {
	if r.rule.Code != "ORG_UNIT_NEEDS_JOINT" {
		return nil
	}
	grid, community := a.tree.nearest(r.areaID, "GRID"), a.tree.nearest(r.areaID, "COMMUNITY")
	var near, far []candidate
	for _, c := range a.joint {
		switch {
		case grid != 0 && a.tree.nearest(c.area, "GRID") == grid:
			near = append(near, c)
		case community != 0 && a.tree.nearest(c.area, "COMMUNITY") == community:
			far = append(far, c)
		}
	}
	var out []int
	for _, list := range [][]candidate{near, far} {
		sortCandidates(list)
		for _, c := range list {
			out = append(out, c.id)
		}
	}
	return out
}

func sortCandidates(cs []candidate) {
	for i := 1; i < len(cs); i++ {
		for j := i; j > 0 && (cs[j].units < cs[j-1].units || cs[j].units == cs[j-1].units && cs[j].id < cs[j-1].id); j-- {
			cs[j], cs[j-1] = cs[j-1], cs[j]
		}
	}
}

// loadNodes loads records by table name: units, members, organizations,
// areas, and suggestions (organisations).
func loadNodes(ctx context.Context, client *ent.Client, ids map[string][]int) (map[string]map[int]ent.Noder, error) {
	out := map[string]map[int]ent.Noder{}
	load := func(table string, fetch func([]int) ([]ent.Noder, error)) error {
		out[table] = map[int]ent.Noder{}
		if len(ids[table]) == 0 {
			return nil
		}
		nodes, err := fetch(ids[table])
		if err != nil {
			return fmt.Errorf("loading %s: %w", table, err)
		}
		for _, n := range nodes {
			out[table][nodeID(n)] = n
		}
		return nil
	}
	orgs := func(ids []int) ([]ent.Noder, error) {
		return noders(client.Organization.Query().Where(organization.IDIn(ids...)).All(ctx))
	}
	for table, fetch := range map[string]func([]int) ([]ent.Noder, error){
		"units": func(ids []int) ([]ent.Noder, error) {
			return noders(client.Unit.Query().Where(unit.IDIn(ids...)).All(ctx))
		},
		"members": func(ids []int) ([]ent.Noder, error) {
			return noders(client.Member.Query().Where(member.IDIn(ids...)).All(ctx))
		},
		"areas": func(ids []int) ([]ent.Noder, error) {
			return noders(client.Area.Query().Where(area.IDIn(ids...)).All(ctx))
		},
		"organizations": orgs,
		"suggestions":   orgs,
	} {
		if err := load(table, fetch); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func noders[T ent.Noder](rows []T, err error) ([]ent.Noder, error) {
	out := make([]ent.Noder, len(rows))
	for i, r := range rows {
		out[i] = r
	}
	return out, err
}

func nodeID(n ent.Noder) int {
	switch n := n.(type) {
	case *ent.Unit:
		return n.ID
	case *ent.Member:
		return n.ID
	case *ent.Organization:
		return n.ID
	case *ent.Area:
		return n.ID
	}
	return 0
}
