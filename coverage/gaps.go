package coverage

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"time"
)

// GapFilter selects and pages gaps.
type GapFilter struct {
	AreaID     *int
	AsOf       *time.Time
	Rules      []RuleCode
	Severities []Severity
	// First is the page size; After the cursor of the gap the page follows.
	First int
	After *string
	// Last, when set, pages from the end; Before is the cursor of the gap
	// the page precedes.
	Last   *int
	Before *string
}

// cursor is where a page of gaps ends: a rule, a subject and, for meeting
// gaps, the meeting type. Pages follow it by key, so a gap added or fixed
// between requests does not shift the pages that follow.
type cursor struct {
	Rule   RuleCode `json:"r"`
	ID     int      `json:"i"`
	Detail string   `json:"d,omitempty"`
}

func (c cursor) encode() string {
	b, _ := json.Marshal(c)
	return base64.RawURLEncoding.EncodeToString(b)
}

// BadCursorError reports an after (or before) cursor this engine did not write.
type BadCursorError struct {
	// Arg is the argument, after when empty.
	Arg string
}

func (e BadCursorError) Error() string {
	return e.Field() + ": not a cursor of this list; use a cursor from a previous page"
}

// Field is the argument that held the cursor.
func (e BadCursorError) Field() string {
	if e.Arg == "" {
		return "after"
	}
	return e.Arg
}

func decodeCursor(s string) (cursor, error) {
	var c cursor
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil || json.Unmarshal(b, &c) != nil || ruleByCode[c.Rule] == nil {
		return c, BadCursorError{}
	}
	return c, nil
}

// compare orders a gap row against a cursor in listing order.
func (c cursor) compare(g *gapRow) int {
	switch o := ruleOrder[c.Rule]; {
	case o != g.order:
		return o - g.order
	case c.ID != g.subjectID:
		return c.ID - g.subjectID
	}
	return strings.Compare(c.Detail, g.detail)
}

// Gaps lists the gaps in an area as of a day, a page at a time, in a
// stable order: severity, rule, subject. A page is the gaps after After and
// before Before, the First of them, or the Last when Last is set (and First
// is 0).
func (en *Engine) Gaps(ctx context.Context, f GapFilter) (*GapConnection, error) {
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
	a, err := en.analysisOf(ctx, day(f.AsOf), where)
	if err != nil {
		return nil, err
	}
	scope, err := a.scope(f.AreaID)
	if err != nil {
		return nil, err
	}
	start, end := 0, len(a.gaps)
	if after != nil {
		start = a.position(*after)
		if start < len(a.gaps) && after.compare(a.gaps[start]) == 0 {
			start++
		}
	}
	if before != nil {
		end = a.position(*before)
	}
	conn := &GapConnection{Edges: []*GapEdge{}, PageInfo: &GapPageInfo{HasPreviousPage: after != nil, HasNextPage: before != nil}}
	var page []*gapRow
	for i, g := range a.gaps {
		if !f.selects(a, scope, g) {
			continue
		}
		conn.TotalCount++
		if i >= start && i < end {
			page = append(page, g)
		}
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

// position is where a cursor's gap is, or would be, in the listing.
func (a *analysis) position(c cursor) int {
	at, _ := slices.BinarySearchFunc(a.gaps, c, func(g *gapRow, c cursor) int { return -c.compare(g) })
	return at
}

func decodeOptional(s *string, arg string) (*cursor, error) {
	if s == nil {
		return nil, nil
	}
	c, err := decodeCursor(*s)
	if err != nil {
		return nil, BadCursorError{Arg: arg}
	}
	return &c, nil
}

// selects reports whether the filter keeps a gap located in the scope.
func (f GapFilter) selects(a *analysis, scope int, g *gapRow) bool {
	if len(f.Rules) > 0 && !slices.Contains(f.Rules, g.rule.Code) {
		return false
	}
	if len(f.Severities) > 0 && !slices.Contains(f.Severities, g.rule.Severity) {
		return false
	}
	return scope == 0 || slices.Contains(a.tree.lineage(g.areaID), scope)
}

// gap writes a gap row as the API returns it: figures, message and remedy.
func (a *analysis) gap(g *gapRow) *Gap {
	key := string(g.rule.Code) + ":" + strconv.Itoa(g.subjectID)
	if g.detail != "" {
		key += ":" + g.detail
	}
	figures := g.rule.figures(a.env, g.values)
	msg, remedy := g.rule.message(g.name, g.detail, figures), g.rule.remedy
	return &Gap{ID: gapID(g.rule.Code, g.subjectID, g.detail, a.env.asOf), Key: key, Rule: g.rule.Code, Family: g.rule.Family, Severity: g.rule.Severity,
		SubjectName: g.name, Figures: figures, Message: &msg, Remedy: &remedy,
		subjectID: g.subjectID, areaID: g.areaID, detail: g.detail}
}
