package coverage

import (
	"context"
	"fmt"
	"time"

	"jiceng/ent"
)

// AreasOn is the register's territory on day as the analysis reads it (the
// tree its sums go up): the areas open that day, drawn by it and not
// dissolved by it, each with the area it lay in then (its parent's period
// in force; 0 for a top-level area). The areas list's openOn filter and
// Area.parentOn read it, so the dashboard's area pickers offer the areas
// the analysis counts, where it counts them.
func AreasOn(ctx context.Context, c *ent.Client, day time.Time) (map[int]int, error) {
	t, err := treeOn(ctx, c, day)
	if err != nil {
		return nil, err
	}
	open := map[int]int{}
	for id, n := range t.nodes {
		if n.active {
			open[id] = n.parent
		}
	}
	return open, nil
}

// AreasWithin are the areas and every area that lay within one of them on
// day, open or not, as PlacedIn reads "in an area".
func AreasWithin(ctx context.Context, c *ent.Client, areas []int, day time.Time) ([]int, error) {
	t, err := treeOn(ctx, c, day)
	if err != nil {
		return nil, err
	}
	var within []int
	for _, a := range areas {
		within = append(within, t.within(a)...)
	}
	return within, nil
}

// treeOn reads the territory on day with the client's dialect.
func treeOn(ctx context.Context, c *ent.Client, day time.Time) (*tree, error) {
	dialectName, err := dialectOf(ctx, c)
	if err != nil {
		return nil, err
	}
	t, err := loadTree(ctx, &query{dialect: dialectName}, c, day)
	if err != nil {
		return nil, fmt.Errorf("reading the areas as of %s: %w", day.Format(time.DateOnly), err)
	}
	return t, nil
}
