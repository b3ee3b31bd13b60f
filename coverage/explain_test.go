package coverage

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"entgo.io/ent/dialect"

	"jiceng/policy"
	"jiceng/vocab"
)

// BenchmarkExplainCity times each statement of the whole city's analysis
// alone and writes its plan (PostgreSQL: EXPLAIN ANALYZE with buffers;
// SQLite: EXPLAIN QUERY PLAN) and its SQL into JICENG_EXPLAIN_DIR, for
// finding the statement a database plans badly:
//
//	JICENG_EXPLAIN_DIR=/tmp/plans [JICENG_BENCH_POSTGRES=…] go test ./coverage -run '^$' -bench ExplainCity -benchtime 1x
func BenchmarkExplainCity(b *testing.B) {
	dir := os.Getenv("JICENG_EXPLAIN_DIR")
	if dir == "" {
		b.Skip("set JICENG_EXPLAIN_DIR")
	}
	st := city(b)
	ctx := policy.System(context.Background())
	en := engine(st)
	settings, err := LoadSettingsOn(ctx, en.client, benchAsOf)
	if err != nil {
		b.Fatal(err)
	}
	t, err := loadTree(ctx, &query{dialect: en.dialect}, st.DB, benchAsOf)
	if err != nil {
		b.Fatal(err)
	}
	a := &analysis{env: newEnv(en.dialect, benchAsOf, settings, t.singleRoot()), tree: t,
		tallies: map[int]*tally{}, status: map[int]GridStatus{}, kindOf: map[int]vocab.OrganizationKind{}}
	names := []string{"members", "organizations", "units", "areas", "assessments"}
	for b.Loop() {
		for i, p := range []part{a.memberTable(), a.organizations(), a.unitTable(), a.areas(), a.assessments()} {
			stmt, args, err := p.query.bind(p.text)
			if err != nil {
				b.Fatal(err)
			}
			var (
				took time.Duration
				n    int
				plan strings.Builder
			)
			// In the engine's own read transaction, with its settings.
			err = en.snapshot(ctx, func(tx *sql.Tx) error {
				start := time.Now()
				if err := p.query.rows(ctx, tx, p.text, func(*sql.Rows) error { n++; return nil }); err != nil {
					return err
				}
				took = time.Since(start)
				explain := "EXPLAIN QUERY PLAN "
				if st.Dialect == dialect.Postgres {
					explain = "EXPLAIN (ANALYZE, BUFFERS) "
				}
				rows, err := tx.QueryContext(ctx, explain+stmt, args...)
				if err != nil {
					return err
				}
				defer rows.Close()
				for rows.Next() {
					cols, _ := rows.Columns()
					v := make([]any, len(cols))
					ptrs := make([]any, len(cols))
					for j := range v {
						ptrs[j] = &v[j]
					}
					if err := rows.Scan(ptrs...); err != nil {
						return err
					}
					fmt.Fprintln(&plan, v...)
				}
				return rows.Err()
			})
			if err != nil {
				b.Fatal(err)
			}
			file := filepath.Join(dir, fmt.Sprintf("%s-%d-%s.txt", st.Dialect, i, names[i]))
			text := fmt.Sprintf("-- %s: %d rows in %s\n%s\n\n-- args %v\n%s\n", names[i], n, took.Round(time.Millisecond), plan.String(), args, stmt)
			if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
				b.Fatal(err)
			}
			b.Logf("%s: %d rows in %s", names[i], n, took.Round(time.Millisecond))
		}
	}
}
