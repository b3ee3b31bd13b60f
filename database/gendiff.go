//go:build ignore

// This program writes the next versioned migration of the register's schema
// for SQLite and PostgreSQL, when ent/schema has changed since the last one.
// It runs in `go generate ./...` after ent: Atlas replays the migrations
// already in database/migrations/<dialect> into an empty dev database,
// compares the result with ent's schema, and writes the difference as a new
// file named by the time it was made; with no difference it writes nothing.
// It also rehashes each directory's atlas.sum, so that a migration written
// by hand (database/migrations/README.md) is taken in.
//
// The SQLite dev database is in memory. PostgreSQL needs a server: the
// program makes a scratch database on JICENG_MIGRATE_POSTGRES (default
// postgres://postgres:jiceng@127.0.0.1:5432/postgres) and drops it after.
// Tables, columns and indexes are never dropped by a generated migration.
package main

import (
	"context"
	"database/sql"
	"fmt"
	"log"
	"net/url"
	"os"

	"ariga.io/atlas/sql/migrate"
	"entgo.io/ent/dialect"
	entsql "entgo.io/ent/dialect/sql"
	"entgo.io/ent/dialect/sql/schema"
	_ "github.com/jackc/pgx/v5/stdlib"
	_ "github.com/mattn/go-sqlite3"

	entmigrate "jiceng/ent/migrate"
)

func main() {
	ctx := context.Background()
	name := os.Getenv("JICENG_MIGRATION_NAME")
	if name == "" {
		name = "schema"
	}
	sqlite, err := sql.Open("sqlite3", "file:jiceng-dev?mode=memory&_fk=1")
	if err != nil {
		log.Fatal(err)
	}
	sqlite.SetMaxOpenConns(1) // one in-memory database
	defer sqlite.Close()
	if err := diff(ctx, dialect.SQLite, sqlite, "database/migrations/sqlite", name); err != nil {
		log.Fatalf("SQLite migration: %v", err)
	}
	pg, drop, err := scratchPostgres(ctx)
	if err != nil {
		log.Fatalf("PostgreSQL migration: %v\n(start PostgreSQL, e.g. pg_ctlcluster 15 main start, or set JICENG_MIGRATE_POSTGRES to a server's postgres:// URL)", err)
	}
	defer drop()
	if err := diff(ctx, dialect.Postgres, pg, "database/migrations/postgres", name); err != nil {
		drop()
		log.Fatalf("PostgreSQL migration: %v", err)
	}
}

func diff(ctx context.Context, dialectName string, db *sql.DB, path, name string) error {
	dir, err := migrate.NewLocalDir(path)
	if err != nil {
		return err
	}
	sum, err := dir.Checksum()
	if err != nil {
		return err
	}
	if err := migrate.WriteSumFile(dir, sum); err != nil {
		return err
	}
	m, err := schema.NewMigrate(entsql.OpenDB(dialectName, db),
		schema.WithDir(dir),
		schema.WithFormatter(migrate.DefaultFormatter),
		schema.WithMigrationMode(schema.ModeReplay),
		schema.WithSkipChanges(schema.DropTable|schema.DropColumn|schema.DropIndex),
	)
	if err != nil {
		return err
	}
	return m.NamedDiff(ctx, name, entmigrate.Tables...)
}

// scratchPostgres makes an empty database to replay the migrations in.
func scratchPostgres(ctx context.Context) (*sql.DB, func(), error) {
	dsn := os.Getenv("JICENG_MIGRATE_POSTGRES")
	if dsn == "" {
		dsn = "postgres://postgres:jiceng@127.0.0.1:5432/postgres"
	}
	admin, err := sql.Open("pgx", dsn)
	if err != nil {
		return nil, nil, err
	}
	if err := admin.PingContext(ctx); err != nil {
		admin.Close()
		return nil, nil, err
	}
	name := fmt.Sprintf("jiceng_migrate_dev_%d", os.Getpid())
	if _, err := admin.ExecContext(ctx, "CREATE DATABASE "+name); err != nil {
		admin.Close()
		return nil, nil, err
	}
	u, _ := url.Parse(dsn)
	u.Path = "/" + name
	db, err := sql.Open("pgx", u.String())
	if err != nil {
		admin.Close()
		return nil, nil, err
	}
	done := false
	return db, func() {
		if done {
			return
		}
		done = true
		db.Close()
		_, _ = admin.ExecContext(context.Background(), "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)")
		admin.Close()
	}, nil
}
