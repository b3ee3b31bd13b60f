// Package synth generates a synthetic register at city scale for the
// coverage benchmarks: sub-districts of communities of grids, with units,
// organisations, members, memberships, offices, terms, mobile reports and a
// year of meetings, and gaps of every kind sprinkled through them.
//
// It writes with multi-row INSERT statements in one transaction, not
// through ent: a city is about two million rows, and the register's
// per-record checks would take many minutes to pass rows that are valid by
// construction. IDs are taken from each table's global ID range, as ent
// assigns them.
package synth

import (
	"entgo.io/ent/dialect"

	"jiceng/register"

	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"jiceng/ent/migrate"
)

// Size is how large a city to generate.
type Size struct {
	SubDistricts, Communities, Grids int // communities per sub-district, grids per community
	UnitsPerGrid                     int
	MembersPerGrid                   int // members per grid branch
	MembersPerOwnBranch              int
}

// City is the size the issue asks for: 40 × 10 × 10 grids, 40,000 units,
// about 200,000 members and 20,000 organisations.
var City = Size{SubDistricts: 40, Communities: 10, Grids: 10, UnitsPerGrid: 10, MembersPerGrid: 20, MembersPerOwnBranch: 18}

// Town is a small size for tests of the generator itself.
var Town = Size{SubDistricts: 1, Communities: 2, Grids: 3, UnitsPerGrid: 10, MembersPerGrid: 20, MembersPerOwnBranch: 18}

// Counts says how many rows of each kind were written.
type Counts struct {
	Areas, Units, Organizations, Members, Meetings int
}

// Generate fills an empty register in db (SQLite) with a city of the size,
// as it stands on asOf, and returns the row counts.
func Generate(ctx context.Context, db *sql.DB, size Size, asOf time.Time) (Counts, error) {
	return GenerateIn(ctx, db, dialect.SQLite, size, asOf)
}

// GenerateIn is Generate for a database of the dialect (dialect.SQLite or
// dialect.Postgres).
func GenerateIn(ctx context.Context, db *sql.DB, dialectName string, size Size, asOf time.Time) (Counts, error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return Counts{}, err
	}
	defer tx.Rollback()
	g := &gen{tx: tx, ctx: ctx, size: size, asOf: asOf, rnd: rand.New(rand.NewPCG(1, 2)), pg: dialectName == dialect.Postgres,
		next: map[string]int{}, rows: map[string][][]any{}, cols: map[string][]string{}}
	g.city()
	if err := g.flushAll(); err != nil {
		return Counts{}, err
	}
	// Written past the register's hooks, so its life days are derived here.
	if err := register.RefreshLifeDays(ctx, tx, nil, nil); err != nil {
		return Counts{}, err
	}
	if err := tx.Commit(); err != nil {
		return Counts{}, err
	}
	// The city is written as it stands; its history is today's values from
	// each record's start, as for any register made without history.
	if err := register.Backfill(ctx, db, dialectName); err != nil {
		return Counts{}, err
	}
	return g.counts, nil
}

type gen struct {
	tx     *sql.Tx
	ctx    context.Context
	size   Size
	asOf   time.Time
	rnd    *rand.Rand
	next   map[string]int
	rows   map[string][][]any
	cols   map[string][]string
	err    error
	counts Counts
	now    time.Time
	pg     bool // PostgreSQL: numbered placeholders
}

// id returns the next ID of a table, in the range ent gives the table.
func (g *gen) id(table string) int {
	if _, ok := g.next[table]; !ok {
		for _, t := range migrate.Tables {
			if t.Name == table && t.Annotation != nil && t.Annotation.IncrementStart != nil {
				g.next[table] = *t.Annotation.IncrementStart
			}
		}
	}
	g.next[table]++
	return g.next[table]
}

// insert queues a row; rows are written in batches.
func (g *gen) insert(table string, cols []string, vals ...any) {
	if g.err != nil {
		return
	}
	g.cols[table] = cols
	g.rows[table] = append(g.rows[table], vals)
	if len(g.rows[table])*len(cols) >= 30000 {
		g.err = g.flush(table)
	}
}

func (g *gen) flush(table string) error {
	rows, cols := g.rows[table], g.cols[table]
	if len(rows) == 0 {
		return nil
	}
	row := "(" + strings.TrimSuffix(strings.Repeat("?, ", len(cols)), ", ") + ")"
	stmt := "INSERT INTO " + table + " (" + strings.Join(cols, ", ") + ") VALUES " +
		strings.TrimSuffix(strings.Repeat(row+", ", len(rows)), ", ")
	if g.pg {
		var b strings.Builder
		n := 0
		for _, c := range stmt {
			if c == '?' {
				n++
				fmt.Fprintf(&b, "$%d", n)
				continue
			}
			b.WriteRune(c)
		}
		stmt = b.String()
	}
	args := make([]any, 0, len(rows)*len(cols))
	for _, r := range rows {
		args = append(args, r...)
	}
	if _, err := g.tx.ExecContext(g.ctx, stmt, args...); err != nil {
		return fmt.Errorf("inserting into %s: %w", table, err)
	}
	g.rows[table] = g.rows[table][:0]
	return nil
}

func (g *gen) flushAll() error {
	if g.err != nil {
		return g.err
	}
	// Parents before children, for the foreign keys.
	for _, t := range []string{"areas", "units", "organizations", "organization_areas", "unit_coverages", "members",
		"memberships", "appointments", "terms", "meetings", "meeting_attendees", "mobile_reports", "exemptions", "affiliated_organizations"} {
		if err := g.flush(t); err != nil {
			return err
		}
	}
	return nil
}
