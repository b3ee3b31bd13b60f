package database

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"embed"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"time"

	"ariga.io/atlas/sql/migrate"
	"entgo.io/ent/dialect"
	entsql "entgo.io/ent/dialect/sql"
	"entgo.io/ent/dialect/sql/schema"

	"jiceng/database/baseline"
)

// The schema's history: one directory of versioned migrations per dialect,
// written by `go generate ./...` (database/gendiff.go) from ent/schema, and
// applied in order at the server's start.
//
//go:embed migrations/sqlite/*.sql migrations/postgres/*.sql
var migrationFiles embed.FS

// VersionTable records the migrations applied to a register, one row each.
const VersionTable = "jiceng_schema_versions"

// baselineVersion is the first migration: the schema as ent auto-migration
// made it before versioned migrations.
const baselineVersion = "20261201000000"

// Migration is one versioned migration.
type Migration struct {
	Version, Name string
	// Checksum is the SHA-256 of the file, recorded when it is applied.
	Checksum string
	stmts    []string
}

// Statements are the migration's SQL statements.
func (m Migration) Statements() []string { return m.stmts }

// Migrations are the migrations this jiceng knows for a dialect, oldest first.
func Migrations(dialectName string) ([]Migration, error) {
	dir := "migrations/sqlite"
	if dialectName == dialect.Postgres {
		dir = "migrations/postgres"
	}
	names, err := fs.Glob(migrationFiles, dir+"/*.sql")
	if err != nil {
		return nil, err
	}
	slices.Sort(names)
	var out []Migration
	for _, name := range names {
		data, err := migrationFiles.ReadFile(name)
		if err != nil {
			return nil, err
		}
		version, title, _ := strings.Cut(strings.TrimSuffix(path.Base(name), ".sql"), "_")
		stmts, err := migrate.NewLocalFile(path.Base(name), data).Stmts()
		if err != nil {
			return nil, fmt.Errorf("reading migration %s: %w", name, err)
		}
		sum := sha256.Sum256(data)
		out = append(out, Migration{Version: version, Name: title, Checksum: hex.EncodeToString(sum[:]), stmts: stmts})
	}
	return out, nil
}

// CurrentVersion is the schema version this jiceng makes and expects.
func CurrentVersion(dialectName string) string {
	ms, err := Migrations(dialectName)
	if err != nil || len(ms) == 0 {
		return ""
	}
	return ms[len(ms)-1].Version
}

// State is what a register's schema is.
type State struct {
	// Empty is a database with no tables: a new register.
	Empty bool
	// Legacy is a register made by ent auto-migration, before versions.
	Legacy bool
	// Applied are the versions recorded in VersionTable, oldest first.
	Applied []string
	// Pending are the known migrations not yet applied.
	Pending []Migration
	// Unknown are applied versions this jiceng does not know: the register
	// was upgraded by a newer jiceng.
	Unknown []string
}

// Version is the newest applied version, "legacy" or "none".
func (s State) Version() string {
	switch {
	case len(s.Applied) > 0:
		return s.Applied[len(s.Applied)-1]
	case s.Legacy:
		return "legacy (before " + baselineVersion + ")"
	}
	return "none"
}

// Current says the register is at the schema this jiceng expects.
func (s State) Current() bool {
	return !s.Empty && !s.Legacy && len(s.Pending) == 0 && len(s.Unknown) == 0
}

// ErrNotRegister is a database that holds tables but not a Jiceng register.
var ErrNotRegister = errors.New("the database holds tables, but not a Jiceng register")

// Inspect reads a register's schema state without changing anything.
func Inspect(ctx context.Context, db *sql.DB, dialectName string) (State, error) {
	var st State
	tables, err := tableNames(ctx, db, dialectName)
	if err != nil {
		return st, fmt.Errorf("reading the register's tables: %w", err)
	}
	known, err := Migrations(dialectName)
	if err != nil {
		return st, err
	}
	switch {
	case len(tables) == 0:
		st.Empty = true
		st.Pending = known
		return st, nil
	case slices.Contains(tables, VersionTable):
	case slices.Contains(tables, "areas") && slices.Contains(tables, "members"):
		st.Legacy = true
		st.Pending = known
		return st, nil
	default:
		return st, ErrNotRegister
	}
	rows, err := db.QueryContext(ctx, "SELECT version, checksum FROM "+VersionTable+" ORDER BY version")
	if err != nil {
		return st, fmt.Errorf("reading the schema versions: %w", err)
	}
	defer rows.Close()
	sums := map[string]string{}
	for rows.Next() {
		var v, sum string
		if err := rows.Scan(&v, &sum); err != nil {
			return st, err
		}
		st.Applied = append(st.Applied, v)
		sums[v] = sum
	}
	if err := rows.Err(); err != nil {
		return st, err
	}
	if len(st.Applied) == 0 && slices.Contains(tables, "areas") {
		// Stopped while baselining a legacy register: start again.
		st.Legacy, st.Pending = true, known
		return st, nil
	}
	for _, m := range known {
		sum, ok := sums[m.Version]
		switch {
		case !ok:
			st.Pending = append(st.Pending, m)
		case sum != m.Checksum && m.Version != baselineVersion:
			return st, fmt.Errorf("migration %s_%s was changed after it was applied to this register; restore its file", m.Version, m.Name)
		}
		delete(sums, m.Version)
	}
	for v := range sums {
		st.Unknown = append(st.Unknown, v)
	}
	slices.Sort(st.Unknown)
	return st, nil
}

func tableNames(ctx context.Context, db *sql.DB, dialectName string) ([]string, error) {
	q := "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
	if dialectName == dialect.Postgres {
		q = "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
	}
	rows, err := db.QueryContext(ctx, q)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		names = append(names, n)
	}
	return names, rows.Err()
}

// ErrNewer is a register upgraded by a newer jiceng than this one.
var ErrNewer = errors.New("the register's schema is newer than this jiceng")

// upgrade brings a register to the current schema: a legacy register is
// first brought to the baseline by ent's auto-migration, as every earlier
// jiceng did, then each pending migration runs in its own transaction and is
// recorded in VersionTable in it.
func upgrade(ctx context.Context, db *sql.DB, dialectName string, st State) (State, error) {
	if len(st.Unknown) > 0 {
		return st, fmt.Errorf("%w: it has version %s, this jiceng knows up to %s; run the newer jiceng (or restore a backup made by this one)",
			ErrNewer, st.Unknown[len(st.Unknown)-1], CurrentVersion(dialectName))
	}
	if err := ensureVersionTable(ctx, db); err != nil {
		return st, err
	}
	if st.Legacy {
		m, err := schema.NewMigrate(entsql.OpenDB(dialectName, db), schema.WithDropColumn(false), schema.WithDropIndex(false))
		if err != nil {
			return st, err
		}
		if err := m.Create(ctx, baseline.Tables...); err != nil {
			return st, fmt.Errorf("bringing the register to the baseline schema: %w", err)
		}
		base := st.Pending[0]
		if _, err := db.ExecContext(ctx, "INSERT INTO "+VersionTable+" (version, name, checksum, applied_at) VALUES ("+
			placeholders(dialectName, 4)+")", base.Version, base.Name+" (baselined)", base.Checksum, time.Now().UTC()); err != nil {
			return st, fmt.Errorf("recording the baseline: %w", err)
		}
		st.Applied, st.Pending, st.Legacy = []string{base.Version}, st.Pending[1:], false
	}
	for len(st.Pending) > 0 {
		m := st.Pending[0]
		if err := apply(ctx, db, dialectName, m); err != nil {
			return st, fmt.Errorf("applying migration %s_%s: %w", m.Version, m.Name, err)
		}
		st.Applied, st.Pending, st.Empty = append(st.Applied, m.Version), st.Pending[1:], false
	}
	return st, nil
}

func ensureVersionTable(ctx context.Context, db *sql.DB) error {
	_, err := db.ExecContext(ctx, "CREATE TABLE IF NOT EXISTS "+VersionTable+
		" (version VARCHAR(32) PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TIMESTAMP NOT NULL)")
	if err != nil {
		return fmt.Errorf("creating the schema version table: %w", err)
	}
	return nil
}

// apply runs one migration and records it, in one transaction. On SQLite
// foreign keys are off while it runs (Atlas rebuilds a changed table by
// copying it, which must not cascade), and checked before it commits.
func apply(ctx context.Context, db *sql.DB, dialectName string, m Migration) (err error) {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	sqlite := dialectName == dialect.SQLite
	if sqlite {
		if _, err := conn.ExecContext(ctx, "PRAGMA foreign_keys = off"); err != nil {
			return err
		}
		defer func() {
			if _, ferr := conn.ExecContext(context.Background(), "PRAGMA foreign_keys = on"); ferr != nil && err == nil {
				err = ferr
			}
		}()
	}
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			_ = tx.Rollback()
		}
	}()
	for _, stmt := range m.stmts {
		if sqlite && strings.HasPrefix(strings.ToUpper(strings.TrimSpace(stmt)), "PRAGMA FOREIGN_KEYS") {
			continue // no effect inside a transaction; set around it instead
		}
		if _, err := tx.ExecContext(ctx, stmt); err != nil {
			return fmt.Errorf("%w\nin: %s", err, stmt)
		}
	}
	if sqlite {
		rows, err := tx.QueryContext(ctx, "PRAGMA foreign_key_check")
		if err != nil {
			return err
		}
		dangling := rows.Next()
		rows.Close()
		if dangling {
			return errors.New("it would leave references to missing records")
		}
	}
	if _, err := tx.ExecContext(ctx, "INSERT INTO "+VersionTable+" (version, name, checksum, applied_at) VALUES ("+
		placeholders(dialectName, 4)+")", m.Version, m.Name, m.Checksum, time.Now().UTC()); err != nil {
		return fmt.Errorf("recording the version: %w", err)
	}
	return tx.Commit()
}

func placeholders(dialectName string, n int) string {
	ps := make([]string, n)
	for i := range ps {
		ps[i] = "?"
		if dialectName == dialect.Postgres {
			ps[i] = fmt.Sprintf("$%d", i+1)
		}
	}
	return strings.Join(ps, ", ")
}
