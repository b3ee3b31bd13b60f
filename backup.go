package main

import (
	"context"
	"database/sql"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"syscall"
	"time"

	"entgo.io/ent/dialect"

	"jiceng/audit"
	"jiceng/database"
	"jiceng/ent/auditentry"
	"jiceng/policy"
)

const backupUsage = `usage: jiceng backup [--data DIR | --db FILE] BACKUP
Writes a consistent copy of the SQLite register to the new file BACKUP while
the server runs, and says what it holds. (For PostgreSQL, use pg_dump.)`

const restoreUsage = `usage: jiceng restore [--data DIR | --db FILE] [--allow-empty] BACKUP
Checks that BACKUP is a sound Jiceng register and puts it in place of the
register, keeping the one it replaces beside it as jiceng.db.before-restore-TIME.
Stop the server first. (For PostgreSQL, use pg_restore.)`

// backupInfo is what a backup holds.
type backupInfo struct {
	records int
	size    int64
	version string
}

func (b backupInfo) String() string {
	return fmt.Sprintf("%d records, %.1f MB, schema version %s", b.records, float64(b.size)/1e6, b.version)
}

func backupCommand(ctx context.Context, e *env, args []string) error {
	fs := newFlags("backup", e)
	data, db := locationFlags(fs, e)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return errors.New(backupUsage)
	}
	if database.IsPostgres(*db) {
		return errors.New("backup copies a SQLite register; for PostgreSQL use pg_dump (see the README's restore drill)")
	}
	target, err := filepath.Abs(fs.Arg(0))
	if err != nil {
		return err
	}
	st, err := database.Open(ctx, *db, *data, database.ForCommand(), database.MustExist(), database.AnyVersion(), database.WithCheck("off"))
	if err != nil {
		return err
	}
	defer st.Close()
	info, err := writeBackup(ctx, st.DB, target)
	if err != nil {
		return err
	}
	if st.Client != nil {
		if err := audit.Record(policy.System(ctx), st.Client, audit.Entry{Action: auditentry.ActionBACKUP, Detail: target}); err != nil {
			return err
		}
	}
	fmt.Fprintf(e.stdout, "Backed up %s to %s: %s.\n", st.Location, target, info)
	return nil
}

// writeBackup copies the register behind db into the new file target: into
// a temporary file beside it first, checked and synced, then renamed, so
// that target is either a whole, sound backup or absent.
func writeBackup(ctx context.Context, db *sql.DB, target string) (info backupInfo, err error) {
	if _, err := os.Stat(target); err == nil {
		return info, fmt.Errorf("%s exists; give a new file", target)
	}
	if err := os.MkdirAll(filepath.Dir(target), 0o750); err != nil {
		return info, err
	}
	tmp := fmt.Sprintf("%s.partial-%d", target, os.Getpid())
	defer func() {
		if err != nil {
			os.Remove(tmp)
		}
	}()
	// VACUUM INTO reads one snapshot of the database, as any reader does in
	// WAL mode, so writers go on while it copies and the copy is consistent.
	if _, err := db.ExecContext(ctx, "VACUUM INTO ?", tmp); err != nil {
		return info, fmt.Errorf("writing the backup: %w", err)
	}
	if info, err = verifyRegister(ctx, tmp, true); err != nil {
		return info, fmt.Errorf("checking the backup just written: %w", err)
	}
	if err := syncFile(tmp); err != nil {
		return info, fmt.Errorf("writing the backup: %w", err)
	}
	if err := os.Rename(tmp, target); err != nil {
		return info, fmt.Errorf("putting the backup in place: %w", err)
	}
	return info, syncDir(filepath.Dir(target))
}

func restoreCommand(ctx context.Context, e *env, args []string) error {
	fs := newFlags("restore", e)
	data, db := locationFlags(fs, e)
	allowEmpty := fs.Bool("allow-empty", false, "restore a backup that holds no areas, organisations, units or members")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return errors.New(restoreUsage)
	}
	if database.IsPostgres(*db) {
		return errors.New("restore replaces a SQLite register; for PostgreSQL use pg_restore (see the README's restore drill)")
	}
	source := fs.Arg(0)
	target, err := filepath.Abs(database.SQLitePath(*db, *data))
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(target), 0o750); err != nil {
		return err
	}
	unlock, err := lockRegister(target)
	if err != nil {
		return err
	}
	defer unlock()
	// The copy is checked, not the source: what is checked is what goes in.
	tmp := fmt.Sprintf("%s.restoring-%d", target, os.Getpid())
	defer os.Remove(tmp)
	if err := copyFile(source, tmp); err != nil {
		return fmt.Errorf("copying the backup: %w", err)
	}
	info, err := verifyRegister(ctx, tmp, *allowEmpty)
	if err != nil {
		return fmt.Errorf("%s is not a backup to restore: %w", source, err)
	}
	kept, err := keepReplaced(ctx, target)
	if err != nil {
		return err
	}
	if err := os.Rename(tmp, target); err != nil {
		return fmt.Errorf("putting the backup in place: %w", err)
	}
	if err := syncDir(filepath.Dir(target)); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "Restored %s from %s: %s.\n", target, source, info)
	if kept != "" {
		fmt.Fprintf(e.stdout, "The register it replaced is kept as %s.\n", kept)
	}
	st, err := database.Open(ctx, target, "", database.ForCommand(), database.AnyVersion(), database.WithCheck("off"))
	if err != nil {
		return fmt.Errorf("opening the restored register: %w", err)
	}
	defer st.Close()
	if st.Client == nil {
		fmt.Fprintf(e.stdout, "Its schema (version %s) is older than this jiceng's; the server upgrades it when it starts.\n", info.version)
		return nil
	}
	return audit.Record(policy.System(ctx), st.Client, audit.Entry{Action: auditentry.ActionRESTORE, Detail: source})
}

// keepReplaced gives the register at target a second name,
// target.before-restore-TIME, with its last writes moved in from the WAL,
// so that the rename that follows replaces target in one step and the
// replaced register stays whole beside it. It returns the name, or "" when
// there was no register.
func keepReplaced(ctx context.Context, target string) (string, error) {
	fi, err := os.Stat(target)
	if errors.Is(err, os.ErrNotExist) || (err == nil && fi.Size() == 0) {
		return "", removeWAL(target)
	}
	if err != nil {
		return "", err
	}
	db, err := sql.Open("sqlite3", "file:"+target)
	if err != nil {
		return "", err
	}
	_, err = db.ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)")
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return "", fmt.Errorf("moving the replaced register's last writes into it: %w", err)
	}
	if err := removeWAL(target); err != nil {
		return "", err
	}
	kept := target + ".before-restore-" + time.Now().UTC().Format("20060102T150405Z")
	if err := os.Link(target, kept); err != nil {
		if err := copyFile(target, kept); err != nil {
			return "", fmt.Errorf("keeping the replaced register: %w", err)
		}
	}
	return kept, nil
}

// removeWAL removes the write-ahead log and shared memory beside a
// database; they must never meet a different database under the name.
func removeWAL(path string) error {
	for _, suffix := range []string{"-wal", "-shm"} {
		if err := os.Remove(path + suffix); err != nil && !errors.Is(err, os.ErrNotExist) {
			return err
		}
	}
	return nil
}

// verifyRegister checks that the file is a sound Jiceng register that this
// jiceng can serve, holding records unless allowEmpty, and says what it holds.
func verifyRegister(ctx context.Context, path string, allowEmpty bool) (backupInfo, error) {
	var info backupInfo
	fi, err := os.Stat(path)
	if err != nil {
		return info, err
	}
	if fi.Size() == 0 {
		return info, errors.New("the file is empty")
	}
	info.size = fi.Size()
	db, err := sql.Open("sqlite3", "file:"+path+"?mode=ro")
	if err != nil {
		return info, err
	}
	defer db.Close()
	if err := database.Check(ctx, db, true); err != nil {
		return info, err
	}
	state, err := database.Inspect(ctx, db, dialect.SQLite)
	switch {
	case err != nil:
		return info, err
	case state.Empty:
		return info, errors.New("it holds no tables: not a Jiceng register")
	case len(state.Unknown) > 0:
		return info, fmt.Errorf("%w (version %s); restore it with the jiceng that made it", database.ErrNewer, state.Unknown[len(state.Unknown)-1])
	}
	info.version = state.Version()
	counts, err := database.Count(ctx, db, dialect.SQLite)
	if err != nil {
		return info, err
	}
	for _, n := range counts {
		info.records += n
	}
	if counts["areas"]+counts["organizations"]+counts["units"]+counts["members"] == 0 && !allowEmpty {
		return info, errors.New("it holds no areas, organisations, units or members; give --allow-empty to restore an empty register")
	}
	return info, nil
}

// locationFlags adds --data and --db to a command's flags.
func locationFlags(fs *flag.FlagSet, e *env) (data, db *string) {
	data = fs.String("data", orDefault(e.getenv("JICENG_DATA"), "data"), "data folder (JICENG_DATA)")
	db = fs.String("db", e.getenv("JICENG_DB"), "the SQLite file, when not jiceng.db in the data folder (JICENG_DB)")
	return data, db
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

func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := d.Sync(); err != nil {
		return fmt.Errorf("syncing %s: %w", dir, err)
	}
	return nil
}

// lockRegister takes the lock of the SQLite register at path, which a
// running server holds, so that a restore cannot pull the register from
// under it, nor two servers share one. The lock is the file path.lock,
// named after the register's real path, so it is the same lock whether the
// register was named by its data folder or by its file.
func lockRegister(path string) (func(), error) {
	dir, err := filepath.Abs(filepath.Dir(path))
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return nil, err
	}
	if real, err := filepath.EvalSymlinks(dir); err == nil {
		dir = real
	}
	name := filepath.Join(dir, filepath.Base(path))
	if real, err := filepath.EvalSymlinks(name); err == nil {
		name = real
	}
	f, err := os.OpenFile(name+".lock", os.O_CREATE|os.O_RDWR, 0o640)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		return nil, fmt.Errorf("the register %s is in use by a running server; stop it first", name)
	}
	return func() { f.Close() }, nil
}
