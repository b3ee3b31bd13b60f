package coverage

import (
	"cmp"
	"context"
	"slices"
	"time"
)

// GapsByAge is Gaps in the order of age: the gap open longest first (the
// first day it fired, continuously, as OpenSince walks it back to floor at
// the earliest), gaps open since the same day in the listing's order. Its
// cursors are the listing's: a page follows the gap of its cursor in this
// order.
func (en *Engine) GapsByAge(ctx context.Context, f GapFilter, floor time.Time) (*GapConnection, error) {
	after, err := decodeOptional(f.After, "after")
	if err != nil {
		return nil, err
	}
	before, err := decodeOptional(f.Before, "before")
	if err != nil {
		return nil, err
	}
	where := scopeKey{community: true}
	if f.AreaID != nil {
		where.id = *f.AreaID
	}
	asOf := day(f.AsOf)
	a, err := en.analysisOf(ctx, asOf, where)
	if err != nil {
		return nil, err
	}
	scope, err := a.scope(f.AreaID)
	if err != nil {
		return nil, err
	}
	since, err := en.OpenSince(ctx, asOf, floor)
	if err != nil {
		return nil, err
	}
	var rows []*gapRow
	for _, g := range a.gaps {
		if f.selects(a, scope, g) {
			rows = append(rows, g)
		}
	}
	// The listing's order breaks ties: the sort is stable over it.
	slices.SortStableFunc(rows, func(x, y *gapRow) int { return compareSince(since, x, y) })
	at := func(c *cursor) int {
		for i, g := range rows {
			if c.compare(g) == 0 {
				return i
			}
		}
		return -1
	}
	start, end := 0, len(rows)
	if after != nil {
		if i := at(after); i >= 0 {
			start = i + 1
		} else {
			start = len(rows) // the cursor's gap is gone: nothing is known to follow it
		}
	}
	if before != nil {
		if i := at(before); i >= 0 {
			end = i
		} else {
			end = 0
		}
	}
	conn := &GapConnection{Edges: []*GapEdge{}, TotalCount: len(rows),
		PageInfo: &GapPageInfo{HasPreviousPage: after != nil, HasNextPage: before != nil}}
	var page []*gapRow
	if start < end {
		page = rows[start:end]
	}
	if (f.Last == nil || f.First > 0) && len(page) > f.First {
		conn.PageInfo.HasNextPage = true
		page = page[:max(f.First, 0)]
	}
	if f.Last != nil && len(page) > *f.Last {
		conn.PageInfo.HasPreviousPage = true
		page = page[len(page)-max(*f.Last, 0):]
	}
	gaps, err := a.hydrate(ctx, en, page)
	if err != nil {
		return nil, err
	}
	for _, g := range gaps {
		conn.Edges = append(conn.Edges, &GapEdge{Node: g, Cursor: cursor{g.Rule, g.subjectID, g.detail}.encode()})
	}
	if n := len(conn.Edges); n > 0 {
		conn.PageInfo.StartCursor = &conn.Edges[0].Cursor
		conn.PageInfo.EndCursor = &conn.Edges[n-1].Cursor
	}
	return conn, nil
}

// compareSince orders two gaps by the first day they fired, a gap whose
// first day is not known last.
func compareSince(since map[GapKey]time.Time, x, y *gapRow) int {
	dx, okx := since[GapKey{Rule: x.rule.Code, SubjectID: x.subjectID, Detail: x.detail}]
	dy, oky := since[GapKey{Rule: y.rule.Code, SubjectID: y.subjectID, Detail: y.detail}]
	switch {
	case okx && oky:
		return dx.Compare(dy)
	case okx != oky:
		return cmp.Compare(boolInt(!okx), boolInt(!oky))
	}
	return 0
}
