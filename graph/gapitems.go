package graph

import (
	"context"
	"sync"

	"github.com/99designs/gqlgen/graphql"

	"jiceng/coverage"
	"jiceng/ent"
	"jiceng/ent/rectification"
	"jiceng/rectify"
)

// gapItems is a request's look-up of the ledger items of gaps
// (Gap.rectification): the gaps of a page are registered when the page is
// read, and the first gap of them asked for reads the items of all of
// them in one query.
type gapItems struct {
	mu      sync.Mutex
	pending map[coverage.GapKey]bool
	items   map[coverage.GapKey]*ent.Rectification // nil: read, none
}

type gapItemsKey struct{}

// withGapItems gives each request its look-up.
func withGapItems(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	return next(context.WithValue(ctx, gapItemsKey{}, &gapItems{pending: map[coverage.GapKey]bool{},
		items: map[coverage.GapKey]*ent.Rectification{}}))
}

// expectGaps registers the gaps of a page, whose items are read together.
func expectGaps(ctx context.Context, gaps []*coverage.Gap) {
	l, _ := ctx.Value(gapItemsKey{}).(*gapItems)
	if l == nil {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, g := range gaps {
		if _, read := l.items[g.GapKey()]; !read {
			l.pending[g.GapKey()] = true
		}
	}
}

// gapItem is the item (not waived) following up the gap of k, if any: read
// with every gap registered and not read yet.
func gapItem(ctx context.Context, c *ent.Client, k coverage.GapKey) (*ent.Rectification, error) {
	l, _ := ctx.Value(gapItemsKey{}).(*gapItems)
	if l == nil {
		l = &gapItems{pending: map[coverage.GapKey]bool{}, items: map[coverage.GapKey]*ent.Rectification{}}
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if it, read := l.items[k]; read {
		return it, nil
	}
	l.pending[k] = true
	subjects := make([]int, 0, len(l.pending))
	seen := map[int]bool{}
	for p := range l.pending {
		if !seen[p.SubjectID] {
			seen[p.SubjectID] = true
			subjects = append(subjects, p.SubjectID)
		}
	}
	found, err := c.Rectification.Query().Where(rectification.SubjectIDIn(subjects...),
		rectification.StatusNEQ(rectification.StatusWAIVED)).Order(ent.Asc(rectification.FieldID)).All(ctx)
	if err != nil {
		return nil, err
	}
	for p := range l.pending {
		l.items[p] = nil
	}
	for _, it := range found {
		if key := rectify.Key(it); l.pending[key] && l.items[key] == nil {
			l.items[key] = it
		}
	}
	clear(l.pending)
	return l.items[k], nil
}
