package main

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"strings"

	"entgo.io/ent/dialect"

	"jiceng/database"
)

const migrateUsage = `usage: jiceng migrate status [--data DIR | --db DSN]
Says which schema version the register is at and which migrations the
server would apply at its next start, with their SQL. It changes nothing:
only the server upgrades a register, when it starts.`

func migrateCommand(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 || args[0] != "status" {
		return errors.New(migrateUsage)
	}
	fs := newFlags("migrate status", e)
	data, db := locationFlags(fs, e)
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	var (
		pool *sql.DB
		err  error
		name = dialect.SQLite
	)
	if database.IsPostgres(*db) {
		name = dialect.Postgres
		pool, err = sql.Open("pgx", *db)
	} else {
		path := database.SQLitePath(*db, *data)
		if _, serr := os.Stat(path); serr != nil {
			return fmt.Errorf("no register at %s", path)
		}
		pool, err = sql.Open("sqlite3", "file:"+path+"?mode=ro")
	}
	if err != nil {
		return err
	}
	defer pool.Close()
	state, err := database.Inspect(ctx, pool, name)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "schema version: %s\nthis jiceng's:  %s\n", state.Version(), database.CurrentVersion(name))
	if len(state.Unknown) > 0 {
		fmt.Fprintf(e.stdout, "The register was upgraded by a newer jiceng (%s); this one will not serve it.\n", strings.Join(state.Unknown, ", "))
		return nil
	}
	if state.Legacy {
		fmt.Fprintln(e.stdout, "The register predates versioned migrations: the server brings it to the baseline with ent's auto-migration (adding, never dropping), then applies the rest.")
	}
	if len(state.Pending) == 0 {
		fmt.Fprintln(e.stdout, "Up to date.")
		return nil
	}
	fmt.Fprintf(e.stdout, "The server will apply at its next start, each in a transaction:\n")
	for _, m := range state.Pending {
		fmt.Fprintf(e.stdout, "\n-- %s_%s\n%s\n", m.Version, m.Name, strings.Join(m.Statements(), "\n"))
	}
	return nil
}
