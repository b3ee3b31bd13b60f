package graph

import (
	"context"
	"fmt"
	"strings"

	"entgo.io/contrib/entgql"

	"jiceng/coverage"
	"jiceng/ent"
	"jiceng/register"
)

// A gap's cursor is written as every cursor of the API (entgql's), with
// the coverage engine's own position in it, marked so that a cursor of
// another connection is told apart.
const gapCursorMark = "gap:"

func gapCursor(s *string) *entgql.Cursor[int] {
	if s == nil {
		return nil
	}
	return &entgql.Cursor[int]{Value: gapCursorMark + *s}
}

// gapCursorString is the engine's position in a gap cursor.
func gapCursorString(c *entgql.Cursor[int], arg string) (*string, error) {
	if c == nil {
		return nil, nil
	}
	s, ok := c.Value.(string)
	if !ok || !strings.HasPrefix(s, gapCursorMark) {
		return nil, coverage.BadCursorError{Arg: arg}
	}
	s = strings.TrimPrefix(s, gapCursorMark)
	return &s, nil
}

// gapPageInfo is the engine's page info as the API's PageInfo.
func gapPageInfo(p *coverage.GapPageInfo) *entgql.PageInfo[int] {
	return &entgql.PageInfo[int]{HasNextPage: p.HasNextPage, HasPreviousPage: p.HasPreviousPage,
		StartCursor: gapCursor(p.StartCursor), EndCursor: gapCursor(p.EndCursor)}
}

// gap resolves a gap's ID, as node(id:) does a record's.
func (r *queryResolver) gap(ctx context.Context, id int) (ent.Noder, error) {
	g, err := r.coverage.Gap(ctx, id)
	if err != nil {
		return nil, err
	}
	if g == nil {
		return nil, register.Fail(register.NotFound, "id", "GAP_NOT_FOUND", "找不到该缺口：当日没有此缺口，或台账已有变化",
			fmt.Sprintf("no gap has ID %d: it was not found as of its day, or the register has changed since", id))
	}
	return g, nil
}

// nodes resolves records' and gaps' IDs in the order given.
func (r *queryResolver) nodes(ctx context.Context, ids []int) ([]ent.Noder, error) {
	// Each distinct ID is looked up once, however often it is asked for;
	// the answer still has one entry per ID asked, as Relay's nodes does.
	var records, gaps []int
	seen := make(map[int]bool, len(ids))
	for _, id := range ids {
		if seen[id] {
			continue
		}
		seen[id] = true
		if coverage.IsGapID(id) {
			gaps = append(gaps, id)
		} else {
			records = append(records, id)
		}
	}
	found, err := r.client.Noders(ctx, records)
	if err != nil {
		return nil, err
	}
	byID := make(map[int]ent.Noder, len(seen))
	for i, id := range records {
		byID[id] = found[i]
	}
	for _, id := range gaps {
		g, err := r.gap(ctx, id)
		if err != nil {
			return nil, err
		}
		byID[id] = g
	}
	out := make([]ent.Noder, len(ids))
	for i, id := range ids {
		out[i] = byID[id]
	}
	return out, nil
}
