package main

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"syscall"

	"entgo.io/ent/dialect"

	"jiceng/audit"
	"jiceng/database"
	"jiceng/ent/auditentry"
	"jiceng/policy"
)

const backupUsage = `usage: jiceng backup [--data DIR] FILE
Writes a consistent copy of the SQLite register to FILE while the server runs.
(For PostgreSQL, use pg_dump.)`

const restoreUsage = `usage: jiceng restore [--data DIR] FILE
Replaces the register in the data folder with the backup FILE, after checking
it. Stop the server first. (For PostgreSQL, use pg_restore.)`

func backupCommand(ctx context.Context, e *env, args []string) error {
	fs := newFlags("backup", e)
	open := storeFlags(fs, e)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return errors.New(backupUsage)
	}
	target, err := filepath.Abs(fs.Arg(0))
	if err != nil {
		return err
	}
	if _, err := os.Stat(target); err == nil {
		return fmt.Errorf("%s exists; give a new file", target)
	}
	st, err := open(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	if st.Dialect != dialect.SQLite {
		return errors.New("backup copies a SQLite register; for PostgreSQL use pg_dump")
	}
	// VACUUM INTO reads one snapshot of the database, as any reader does in
	// WAL mode, so writers go on while it copies and the copy is consistent.
	// (It writes a new file, so it cannot run on the read-only pool.)
	if _, err := st.DB.ExecContext(ctx, "VACUUM INTO ?", target); err != nil {
		return fmt.Errorf("writing the backup: %w", err)
	}
	if err := checkIntegrity(ctx, target); err != nil {
		return err
	}
	if err := audit.Record(policy.System(ctx), st.Client, audit.Entry{Action: auditentry.ActionBACKUP, Detail: target}); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "Backed up %s to %s.\n", st.Location, target)
	return nil
}

func restoreCommand(ctx context.Context, e *env, args []string) error {
	fs := newFlags("restore", e)
	data := fs.String("data", orDefault(e.getenv("JICENG_DATA"), "data"), "data folder (JICENG_DATA)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return errors.New(restoreUsage)
	}
	if e.getenv("JICENG_DB") != "" {
		return errors.New("restore replaces a SQLite register; for PostgreSQL use pg_restore")
	}
	source := fs.Arg(0)
	if err := checkIntegrity(ctx, source); err != nil {
		return fmt.Errorf("%s is not a sound backup: %w", source, err)
	}
	unlock, err := lockData(*data)
	if err != nil {
		return err
	}
	defer unlock()
	target := filepath.Join(*data, database.FileName)
	tmp := target + ".restoring"
	if err := copyFile(source, tmp); err != nil {
		return err
	}
	for _, suffix := range []string{"-wal", "-shm"} {
		if err := os.Remove(target + suffix); err != nil && !errors.Is(err, os.ErrNotExist) {
			return err
		}
	}
	if err := os.Rename(tmp, target); err != nil {
		return fmt.Errorf("putting the backup in place: %w", err)
	}
	st, err := database.Open(ctx, "", *data)
	if err != nil {
		return fmt.Errorf("opening the restored register: %w", err)
	}
	defer st.Close()
	if err := audit.Record(policy.System(ctx), st.Client, audit.Entry{Action: auditentry.ActionRESTORE, Detail: source}); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "Restored %s from %s.\n", target, source)
	return nil
}

// checkIntegrity runs SQLite's integrity check on a database file.
func checkIntegrity(ctx context.Context, path string) error {
	if _, err := os.Stat(path); err != nil {
		return err
	}
	db, err := sql.Open("sqlite3", "file:"+path+"?mode=ro")
	if err != nil {
		return err
	}
	defer db.Close()
	var result string
	if err := db.QueryRowContext(ctx, "PRAGMA integrity_check").Scan(&result); err != nil {
		return fmt.Errorf("checking %s: %w", path, err)
	}
	if result != "ok" {
		return fmt.Errorf("integrity check of %s: %s", path, result)
	}
	return nil
}

func copyFile(from, to string) error {
	data, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	f, err := os.OpenFile(to, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o640)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// lockData takes the data folder's lock, which a running server holds, so
// that a restore cannot pull the database from under it, nor two servers
// share one folder.
func lockData(dir string) (func(), error) {
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(filepath.Join(dir, "jiceng.lock"), os.O_CREATE|os.O_RDWR, 0o640)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		return nil, fmt.Errorf("the data folder %s is in use by a running server; stop it first", dir)
	}
	return func() { f.Close() }, nil
}
