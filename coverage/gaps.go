package coverage

import (
	"context"
	"database/sql"
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

// BadCursorError reports an after cursor this engine did not write.
type BadCursorError struct{}

func (BadCursorError) Error() string {
	return "after: not a cursor of this list; use a cursor from a previous page"
}

func decodeCursor(s string) (cursor, error) {
	var c cursor
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil || json.Unmarshal(b, &c) != nil || ruleByCode[c.Rule] == nil {
		return c, BadCursorError{}
	}
	return c, nil
}

// ordered lists the rules a filter selects, in listing order: by severity,
// then by rule.
func (f GapFilter) ordered() []*rule {
	var out []*rule
	for _, s := range Severities {
		if len(f.Severities) > 0 && !slices.Contains(f.Severities, s) {
			continue
		}
		for _, r := range rules {
			if r.Severity == s && (len(f.Rules) == 0 || slices.Contains(f.Rules, r.Code)) {
				out = append(out, r)
			}
		}
	}
	return out
}

// Gaps lists the gaps in an area as of a day, a page at a time, in a
// stable order: severity, rule, subject.
func (en *Engine) Gaps(ctx context.Context, f GapFilter) (*GapConnection, error) {
	var after *cursor
	if f.After != nil {
		c, err := decodeCursor(*f.After)
		if err != nil {
			return nil, err
		}
		after = &c
	}
	conn := &GapConnection{Edges: []*GapEdge{}, PageInfo: &GapPageInfo{HasPreviousPage: after != nil}}
	var gaps []*Gap
	_, err := en.analyse(ctx, day(f.AsOf), func(a *analysis, tx *sql.Tx) error {
		id, err := a.scope(f.AreaID)
		if err != nil {
			return err
		}
		t := a.tally(id)
		ordered := f.ordered()
		for _, r := range ordered {
			conn.TotalCount += t.gaps[r.Code]
		}
		start := 0
		if after != nil {
			start = slices.IndexFunc(ordered, func(r *rule) bool { return r.Code == after.Rule })
			if start < 0 {
				return BadCursorError{}
			}
		}
		var within []int
		if id != 0 {
			within = a.tree.within(id)
		}
		for i := start; i < len(ordered) && len(gaps) <= f.First; i++ {
			r := ordered[i]
			if t.gaps[r.Code] == 0 {
				continue
			}
			var from *cursor
			if after != nil && i == start {
				from = after
			}
			page, err := a.list(ctx, tx, r, within, from, f.First+1-len(gaps))
			if err != nil {
				return err
			}
			gaps = append(gaps, page...)
		}
		if len(gaps) > f.First {
			conn.PageInfo.HasNextPage = true
			gaps = gaps[:f.First]
		}
		return a.hydrate(ctx, tx, en, gaps)
	})
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

// list reads up to limit gaps of one rule in the areas within (nil: all),
// after the cursor.
func (a *analysis) list(ctx context.Context, tx *sql.Tx, r *rule, within []int, after *cursor, limit int) ([]*Gap, error) {
	detail := "''"
	if r.facts == "meeting_facts" {
		detail = "f.type"
	}
	cols := append([]string{"f.id", "f.area_id", detail, "(SELECT s.name FROM " + r.subject + " s WHERE s.id = f.id)"}, r.columns...)
	where := "(" + r.when(a.env) + ")"
	if within != nil {
		where += " AND f.area_id IN " + intList(within)
	}
	q := *a.env.query
	q.params = map[string]any{}
	for k, v := range a.env.query.params {
		q.params[k] = v
	}
	if after != nil {
		q.params["after_id"] = after.ID
		if detail == "''" {
			where += " AND f.id > {after_id}"
		} else {
			q.params["after_detail"] = after.Detail
			where += " AND (f.id > {after_id} OR (f.id = {after_id} AND f.type > {after_detail}))"
		}
	}
	order := "f.id"
	if detail != "''" {
		order += ", " + detail
	}
	text := a.env.with(r.facts) + "\nSELECT " + joinCols(cols) + " FROM " + r.facts + " f WHERE " + where +
		" ORDER BY " + order + " LIMIT " + strconv.Itoa(limit)
	var out []*Gap
	err := q.rows(ctx, tx, text, func(rows *sql.Rows) error {
		v, err := scanAll(rows.Scan, len(cols))
		if err != nil {
			return err
		}
		g := &Gap{Rule: r.Code, Family: r.Family, Severity: r.Severity, subjectID: toInt(v[0]),
			areaID: toInt(v[1]), detail: toString(v[2]), SubjectName: toString(v[3])}
		g.Key = string(r.Code) + ":" + strconv.Itoa(g.subjectID)
		if g.detail != "" {
			g.Key += ":" + g.detail
		}
		g.Figures = r.figures(a.env, v[4:])
		msg, remedy := r.message(g.SubjectName, g.detail, g.Figures), r.remedy
		g.Message, g.Remedy = &msg, &remedy
		out = append(out, g)
		return nil
	})
	return out, err
}

func joinCols(cols []string) string { return strings.Join(cols, ", ") }
