// Package dbtest opens a fresh, empty register for each test: SQLite in the
// test's temporary folder, or, when JICENG_TEST_POSTGRES names a PostgreSQL
// server (postgres://user@host/db), a new database on it that is dropped
// when the test ends. The same tests thus run on both stores.
package dbtest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"testing"

	"jiceng/database"
)

// PostgresEnv names the environment variable that selects PostgreSQL.
const PostgresEnv = "JICENG_TEST_POSTGRES"

// Open returns a fresh register for the test, closed when it ends.
func Open(t testing.TB, opts ...database.Option) *database.Store {
	t.Helper()
	st, err := database.Open(context.Background(), DSN(t), t.TempDir(), opts...)
	if err != nil {
		t.Fatalf("opening test register: %v", err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// DSN returns the DSN of a fresh, empty PostgreSQL database dropped when the
// test ends, or "" (SQLite in a data folder) when tests run on SQLite.
func DSN(t testing.TB) string {
	t.Helper()
	if admin := os.Getenv(PostgresEnv); admin != "" {
		return freshPostgres(t, admin)
	}
	return ""
}

// Postgres reports whether tests run on PostgreSQL.
func Postgres() bool { return os.Getenv(PostgresEnv) != "" }

func freshPostgres(t testing.TB, admin string) string {
	t.Helper()
	u, err := url.Parse(admin)
	if err != nil {
		t.Fatalf("%s: %v", PostgresEnv, err)
	}
	db, err := sql.Open("pgx", admin)
	if err != nil {
		t.Fatalf("connecting to PostgreSQL: %v", err)
	}
	defer db.Close()
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	name := "jiceng_test_" + hex.EncodeToString(b)
	if _, err := db.Exec("CREATE DATABASE " + name); err != nil {
		t.Fatalf("creating test database: %v", err)
	}
	t.Cleanup(func() {
		db, err := sql.Open("pgx", admin)
		if err != nil {
			return
		}
		defer db.Close()
		_, _ = db.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")
	})
	u.Path = "/" + name
	return u.String()
}
