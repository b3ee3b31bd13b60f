package coverage

import (
	"context"
	"database/sql"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"entgo.io/ent/dialect"
	entsql "entgo.io/ent/dialect/sql"
)

// query is SQL written once for both dialects, with named parameters in
// braces ({d}) that bind replaces with each dialect's placeholders.
type query struct {
	dialect string
	params  map[string]any
}

var paramRef = regexp.MustCompile(`\{([a-zA-Z_][a-zA-Z0-9_]*)\}`)

// bind returns the SQL with placeholders and the arguments in order.
func (q *query) bind(text string) (string, []any, error) {
	var (
		args []any
		err  error
	)
	n := 0
	out := paramRef.ReplaceAllStringFunc(text, func(ref string) string {
		name := ref[1 : len(ref)-1]
		v, ok := q.params[name]
		if !ok {
			err = fmt.Errorf("coverage: query parameter %q is not set", name)
			return ref
		}
		args = append(args, q.value(v))
		n++
		if q.dialect != dialect.Postgres {
			return "?"
		}
		if _, isDate := v.(time.Time); isDate {
			// Typed, so that a date in a CASE branch still compares as one.
			return "CAST($" + strconv.Itoa(n) + " AS date)"
		}
		return "$" + strconv.Itoa(n)
	})
	return out, args, err
}

// value encodes dates as each database stores them: go-sqlite3 writes a
// time as text that sorts as the time does, so the same text compares
// correctly; PostgreSQL compares a date column with a 'YYYY-MM-DD' text
// without the time-zone shift a timestamp parameter would bring.
func (q *query) value(v any) any {
	t, ok := v.(time.Time)
	if !ok {
		return v
	}
	t = t.UTC()
	if q.dialect == dialect.Postgres {
		return t.Format("2006-01-02")
	}
	return t.Format("2006-01-02 15:04:05.999999999-07:00")
}

// rows runs a query in tx and calls scan for each row.
func (q *query) rows(ctx context.Context, tx querier, text string, scan func(*sql.Rows) error) error {
	stmt, args, err := q.bind(text)
	if err != nil {
		return err
	}
	rows, err := tx.QueryContext(ctx, stmt, args...)
	if err != nil {
		return fmt.Errorf("coverage query: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return fmt.Errorf("coverage query: reading row: %w", err)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("coverage query: %w", err)
	}
	return nil
}

// quoteList writes strings as a SQL list of literals: ('A', 'B').
func quoteList(values ...string) string {
	q := make([]string, len(values))
	for i, v := range values {
		q[i] = "'" + strings.ReplaceAll(v, "'", "''") + "'"
	}
	return "(" + strings.Join(q, ", ") + ")"
}

// num writes a setting as a SQL number literal.
func num(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// querier runs a statement: a read-only transaction of an analysis, or the
// transaction of a write being placed.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// write writes the SQL into an ent builder, each parameter as one of the
// builder's arguments, so that the text can stand inside a statement ent
// builds (a list's filter).
func (q *query) write(b *entsql.Builder, text string) {
	last := 0
	for _, m := range paramRef.FindAllStringSubmatchIndex(text, -1) {
		b.WriteString(text[last:m[0]])
		last = m[1]
		v := q.params[text[m[2]:m[3]]]
		if _, isDate := v.(time.Time); isDate && q.dialect == dialect.Postgres {
			b.WriteString("CAST(")
			b.Arg(q.value(v))
			b.WriteString(" AS date)")
			continue
		}
		b.Arg(q.value(v))
	}
	b.WriteString(text[last:])
}
