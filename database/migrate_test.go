package database_test

import (
	"compress/gzip"
	"context"
	"database/sql"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"entgo.io/ent/dialect"
	entsql "entgo.io/ent/dialect/sql"
	"entgo.io/ent/dialect/sql/schema"

	"jiceng/database"
	"jiceng/database/baseline"
	"jiceng/database/dbtest"
	entmigrate "jiceng/ent/migrate"
)

// snapshot is every row of every table, each a column's value by name.
type snapshot map[string][]map[string]sql.NullString

func columns(ctx context.Context, t *testing.T, db *sql.DB, table string) []string {
	t.Helper()
	rows, err := db.QueryContext(ctx, `SELECT * FROM "`+table+`" WHERE 1 = 0`)
	if err != nil {
		t.Fatalf("reading %s: %v", table, err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	slices.Sort(cols)
	return cols
}

// take reads every row of the tables, each column as text.
func take(ctx context.Context, t *testing.T, db *sql.DB, cols map[string][]string) snapshot {
	t.Helper()
	snap := snapshot{}
	for table, cs := range cols {
		quoted := make([]string, len(cs))
		for i, c := range cs {
			quoted[i] = `CAST("` + c + `" AS TEXT)`
		}
		rows, err := db.QueryContext(ctx, "SELECT "+strings.Join(quoted, ", ")+` FROM "`+table+`"`)
		if err != nil {
			t.Fatalf("reading %s: %v", table, err)
		}
		for rows.Next() {
			vals := make([]sql.NullString, len(cs))
			ptrs := make([]any, len(cs))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			row := map[string]sql.NullString{}
			for i, v := range vals {
				row[cs[i]] = v
			}
			snap[table] = append(snap[table], row)
		}
		rows.Close()
	}
	return snap
}

// rows writes each row of a table over the given columns, counting repeats.
func (s snapshot) rows(table string, cols []string) map[string]int {
	out := map[string]int{}
	for _, row := range s[table] {
		var b strings.Builder
		for _, c := range cols {
			fmt.Fprintf(&b, "%s=%v:%q|", c, row[c].Valid, row[c].String)
		}
		out[b.String()]++
	}
	return out
}

func allColumns(ctx context.Context, t *testing.T, db *sql.DB, dialectName string) map[string][]string {
	t.Helper()
	tables, err := database.Count(ctx, db, dialectName)
	if err != nil {
		t.Fatal(err)
	}
	cols := map[string][]string{}
	for table := range tables {
		cols[table] = columns(ctx, t, db, table)
	}
	return cols
}

// upgradeKeepsEveryRow opens the register at dsn, which the caller filled
// as an earlier jiceng would have, and checks that the upgrade keeps every
// row of every table, column by column, and adds none but rule settings.
func upgradeKeepsEveryRow(t *testing.T, dsn, dialectName string, raw *sql.DB) {
	t.Helper()
	ctx := context.Background()
	cols := allColumns(ctx, t, raw, dialectName)
	before := take(ctx, t, raw, cols)
	if _, err := database.Open(ctx, dsn, "", database.ForCommand()); err == nil || !strings.Contains(err.Error(), "start the server once to upgrade it") {
		t.Errorf("a command on an earlier register: got %v, want a refusal to upgrade it", err)
	}
	st, err := database.Open(ctx, dsn, "")
	if err != nil {
		t.Fatalf("upgrading: %v", err)
	}
	defer st.Close()
	if st.Version != database.CurrentVersion(dialectName) {
		t.Errorf("version after the upgrade: got %s, want %s", st.Version, database.CurrentVersion(dialectName))
	}
	// ent's auto-migration of SQLite rebuilt tables without the foreign-key
	// columns of edges that became many-to-many: they must have held nothing.
	newCols := allColumns(ctx, t, st.DB, dialectName)
	kept := map[string][]string{}
	for table, cs := range cols {
		for _, c := range cs {
			if slices.Contains(newCols[table], c) {
				kept[table] = append(kept[table], c)
				continue
			}
			for _, row := range before[table] {
				if row[c].Valid {
					t.Errorf("%s.%s was dropped by the upgrade holding %q", table, c, row[c].String)
					break
				}
			}
		}
	}
	after := take(ctx, t, st.DB, kept)
	rows := 0
	for table, cs := range kept {
		if table == "rule_settings" {
			// A release may correct a default setting (the grid branches'
			// monthly meeting is the sub-district's since the history
			// release): a change from the day of the upgrade, whose
			// earlier value stays in the setting's history. The rows are
			// kept; their values and descriptions may change.
			cs = slices.DeleteFunc(slices.Clone(cs), func(c string) bool {
				return c == "value" || c == "description" || c == "updated_at" || c == "source"
			})
		}
		old, now := before.rows(table, cs), after.rows(table, cs)
		for row, n := range old {
			rows += n
			if now[row] != n {
				t.Errorf("%s: row %s: %d before the upgrade, %d after", table, row, n, now[row])
			}
		}
		if table != "rule_settings" && len(now) != len(old) {
			t.Errorf("%s: %d distinct rows before the upgrade, %d after", table, len(old), len(now))
		}
	}
	if rows == 0 {
		t.Fatal("the earlier register held no rows; the test compares nothing")
	}
	t.Logf("%d rows in %d tables kept, schema version %s", rows, len(before), st.Version)
	// The upgraded register is as a new one: later migrations apply to both.
	fresh, err := database.Open(ctx, dbtest.DSN(t), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer fresh.Close()
	// It may keep more (indexes ent no longer declares: nothing is dropped).
	got, want := shape(ctx, t, st.DB, dialectName), shape(ctx, t, fresh.DB, dialectName)
	for _, w := range want {
		if !slices.Contains(got, w) {
			t.Errorf("the upgraded register lacks what a new one has: %s", w)
		}
	}
	for _, g := range got {
		if !slices.Contains(want, g) {
			t.Logf("the upgraded register keeps %s", g)
		}
	}
	if _, err := database.Open(ctx, dsn, "", database.ForCommand()); err != nil {
		t.Errorf("a command on the upgraded register: %v", err)
	}
}

// shape lists a schema's tables, columns, types and indexes.
func shape(ctx context.Context, t *testing.T, db *sql.DB, dialectName string) []string {
	t.Helper()
	q := `SELECT m.name, p.name, p.type, p."notnull" FROM sqlite_master m JOIN pragma_table_info(m.name) p
	      WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name <> 'jiceng_schema_versions'
	      UNION ALL SELECT tbl_name, 'index ' || name, '', 0 FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%'`
	if dialectName == dialect.Postgres {
		q = `SELECT table_name, column_name, data_type, CASE is_nullable WHEN 'NO' THEN 1 ELSE 0 END FROM information_schema.columns
		     WHERE table_schema = current_schema() AND table_name <> 'jiceng_schema_versions'
		     UNION ALL SELECT tablename, 'index ' || indexname, '', 0 FROM pg_indexes WHERE schemaname = current_schema()`
	}
	rows, err := db.QueryContext(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var table, col, typ string
		var notNull int
		if err := rows.Scan(&table, &col, &typ, &notNull); err != nil {
			t.Fatal(err)
		}
		out = append(out, fmt.Sprintf("%s.%s %s notnull=%d", table, col, strings.ToLower(typ), notNull))
	}
	slices.Sort(out)
	return out
}

// TestUpgradeEarlierVersions upgrades a register made by each earlier
// schema version of Jiceng, kept as SQL dumps in testdata/upgrade (made by
// running each version with --demo; see its README), to the current schema.
func TestUpgradeEarlierVersions(t *testing.T) {
	if dbtest.Postgres() {
		t.Skip("the fixtures are SQLite dumps; TestUpgradeAutoMigrated covers PostgreSQL")
	}
	dumps, _ := filepath.Glob("testdata/upgrade/*.sql.gz")
	if len(dumps) < 4 {
		t.Fatalf("found %d fixtures in testdata/upgrade, want one per earlier schema version (4)", len(dumps))
	}
	for _, dump := range dumps {
		t.Run(filepath.Base(dump), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "jiceng.db")
			raw, err := sql.Open("sqlite3", "file:"+path)
			if err != nil {
				t.Fatal(err)
			}
			defer raw.Close()
			load(t, raw, gunzip(t, dump))
			upgradeKeepsEveryRow(t, path, dialect.SQLite, raw)
		})
	}
}

// load runs a dump statement by statement (one Exec of the whole dump
// copies its rest at each statement, which takes minutes).
func load(t *testing.T, db *sql.DB, dump string) {
	t.Helper()
	conn, err := db.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	var stmt strings.Builder
	for _, line := range strings.SplitAfter(dump, "\n") {
		stmt.WriteString(line)
		if !strings.HasSuffix(strings.TrimSpace(line), ";") {
			continue
		}
		if _, err := conn.ExecContext(context.Background(), stmt.String()); err != nil {
			if strings.Contains(err.Error(), "incomplete") || strings.Contains(err.Error(), "unrecognized token") {
				continue // a string with a newline and a semicolon in it
			}
			t.Fatalf("loading the dump: %v\nin: %.200s", err, stmt.String())
		}
		stmt.Reset()
	}
}

// TestUpgradeAutoMigrated upgrades a PostgreSQL register made as the last
// jiceng before versioned migrations made it, by ent's auto-migration, and
// filled with the rows of the last SQLite fixture. (On SQLite the fixtures
// are such registers.)
func TestUpgradeAutoMigrated(t *testing.T) {
	if !dbtest.Postgres() {
		t.Skip("on SQLite, TestUpgradeEarlierVersions upgrades auto-migrated registers")
	}
	ctx := context.Background()
	dsn := dbtest.DSN(t)
	raw, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	m, err := schema.NewMigrate(entsql.OpenDB(dialect.Postgres, raw), schema.WithDropColumn(false), schema.WithDropIndex(false))
	if err != nil {
		t.Fatal(err)
	}
	if err := m.Create(ctx, baseline.Tables...); err != nil {
		t.Fatal(err)
	}
	for _, stmt := range []string{
		"CREATE INDEX IF NOT EXISTS meeting_attendees_member_id ON meeting_attendees (member_id)",
		"CREATE INDEX IF NOT EXISTS organization_areas_area_id ON organization_areas (area_id)",
		"CREATE TABLE IF NOT EXISTS register_revision (id INTEGER PRIMARY KEY, revision BIGINT NOT NULL)",
		"INSERT INTO register_revision (id, revision) SELECT 1, 0 WHERE NOT EXISTS (SELECT 1 FROM register_revision)",
	} {
		if _, err := raw.ExecContext(ctx, stmt); err != nil {
			t.Fatal(err)
		}
	}
	copyFixture(t, raw, "testdata/upgrade/cd7c279.sql.gz")
	// The rows were copied with their IDs: move each table's identity past
	// them, as inserting them one by one would have.
	rows, err := raw.QueryContext(ctx, `SELECT table_name FROM information_schema.columns
		WHERE table_schema = current_schema() AND column_name = 'id' AND is_identity = 'YES'`)
	if err != nil {
		t.Fatal(err)
	}
	var tables []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			t.Fatal(err)
		}
		tables = append(tables, name)
	}
	rows.Close()
	for _, table := range tables {
		if _, err := raw.ExecContext(ctx, `SELECT setval(pg_get_serial_sequence('`+table+`', 'id'), MAX(id)) FROM `+table+` HAVING MAX(id) IS NOT NULL`); err != nil {
			t.Fatal(err)
		}
	}
	upgradeKeepsEveryRow(t, dsn, dialect.Postgres, raw)
}

// copyFixture copies the rows of a SQLite fixture into a PostgreSQL
// database of the same schema, as text that PostgreSQL reads into each type.
func copyFixture(t *testing.T, pg *sql.DB, dump string) {
	t.Helper()
	ctx := context.Background()
	lite, err := sql.Open("sqlite3", "file:"+filepath.Join(t.TempDir(), "f.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer lite.Close()
	load(t, lite, gunzip(t, dump))
	cols := allColumns(ctx, t, lite, dialect.SQLite)
	snap := take(ctx, t, lite, cols)
	conn, err := pg.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "SET session_replication_role = replica"); err != nil {
		t.Fatal(err) // foreign keys are not checked while copying
	}
	defer conn.ExecContext(ctx, "SET session_replication_role = origin")
	for table, cs := range cols {
		if table == "register_revision" {
			continue
		}
		ph := make([]string, len(cs))
		quoted := make([]string, len(cs))
		for i, c := range cs {
			ph[i], quoted[i] = fmt.Sprintf("$%d", i+1), `"`+c+`"`
		}
		q := `INSERT INTO "` + table + `" (` + strings.Join(quoted, ", ") + ") VALUES (" + strings.Join(ph, ", ") + ")"
		for _, row := range snap[table] {
			args := make([]any, len(cs))
			for i, c := range cs {
				if row[c].Valid {
					v := row[c].String
					if v == "0" || v == "1" {
						if b := boolColumn(table, c); b {
							v = map[string]string{"0": "false", "1": "true"}[v]
						}
					}
					args[i] = v
				}
			}
			if _, err := conn.ExecContext(ctx, q, args...); err != nil {
				t.Fatalf("copying into %s: %v", table, err)
			}
		}
	}
}

func boolColumn(table, col string) bool {
	for _, tb := range baseline.Tables {
		if tb.Name == table {
			for _, c := range tb.Columns {
				if c.Name == col {
					return c.Type.String() == "bool"
				}
			}
		}
	}
	return false
}

func gunzip(t *testing.T, path string) string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	text, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	return string(text)
}

// TestNewerRegisterRefused: a register upgraded by a newer jiceng is not
// served, nor touched by a command.
func TestNewerRegisterRefused(t *testing.T) {
	ctx := context.Background()
	dsn, data := dbtest.DSN(t), t.TempDir()
	st, err := database.Open(ctx, dsn, data)
	if err != nil {
		t.Fatal(err)
	}
	q := "INSERT INTO jiceng_schema_versions (version, name, checksum, applied_at) VALUES ('29991231000000', 'future', '', CURRENT_TIMESTAMP)"
	if _, err := st.DB.ExecContext(ctx, q); err != nil {
		t.Fatal(err)
	}
	st.Close()
	for _, opts := range [][]database.Option{nil, {database.ForCommand()}} {
		_, err := database.Open(ctx, dsn, data, opts...)
		if err == nil || !strings.Contains(err.Error(), "newer than this jiceng") || !strings.Contains(err.Error(), "29991231000000") {
			t.Errorf("got %v, want a refusal naming the newer version", err)
		}
	}
}

// TestMigrationsMatchSchema: replaying the committed migrations gives the
// schema ent/schema declares (what `go generate` would otherwise write a new
// migration for), on the dialect under test.
func TestMigrationsMatchSchema(t *testing.T) {
	ctx := context.Background()
	st := dbtest.Open(t)
	if st.Version != database.CurrentVersion(st.Dialect) {
		t.Fatalf("a new register: version %s, want %s", st.Version, database.CurrentVersion(st.Dialect))
	}
	var plan strings.Builder
	drv := &schema.WriteDriver{Writer: &plan, Driver: entsql.OpenDB(st.Dialect, st.DB)}
	wm, err := schema.NewMigrate(drv, schema.WithDropColumn(false), schema.WithDropIndex(false))
	if err != nil {
		t.Fatal(err)
	}
	if err := wm.Create(ctx, entmigrate.Tables...); err != nil {
		t.Fatal(err)
	}
	if s := strings.TrimSpace(plan.String()); s != "" && !strings.Contains(s, "sqlite_sequence") {
		t.Errorf("the migrations leave the schema short of ent/schema; run go generate ./...:\n%s", s)
	}
}
