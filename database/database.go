// Package database opens the register's store: SQLite in the data folder by
// default, PostgreSQL when given a postgres:// DSN. It is the one place that
// chooses the database, sets up its connections, applies the schema's
// versioned migrations (migrate.go), checks for damage, queues SQLite's
// writers (gate.go) and seeds the default rule settings.
package database

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"entgo.io/ent/dialect"
	entsql "entgo.io/ent/dialect/sql"
	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
	_ "github.com/mattn/go-sqlite3"    // registers the "sqlite3" driver

	"jiceng/ent"
	_ "jiceng/ent/runtime" // hooks, validators and defaults of the schema
	"jiceng/policy"
	"jiceng/register"
)

// FileName is the SQLite database's name inside the data folder.
const FileName = "jiceng.db"

// Store is an open register.
type Store struct {
	*ent.Client
	// DB is the connection pool under the client, for backups and raw queries.
	DB *sql.DB
	// Read is a pool for long read-only queries, such as the coverage
	// analysis: each of its transactions sees one consistent snapshot and,
	// on SQLite, does not hold the write lock that DB's transactions take.
	Read *sql.DB
	// Dialect is dialect.SQLite or dialect.Postgres.
	Dialect string
	// Location says where the data is, for logs: a file path, or a
	// PostgreSQL host and database without credentials.
	Location string
	// Version is the register's schema version.
	Version string

	gate gate
}

// Option changes how Open opens the register.
type Option func(*options)

type options struct {
	wrap      func(dialect.Driver) dialect.Driver
	command   bool
	mustExist bool
	any       bool
	check     string
}

// WithDriver wraps the ent driver, for example to count statements in tests.
func WithDriver(wrap func(dialect.Driver) dialect.Driver) Option {
	return func(o *options) { o.wrap = wrap }
}

// ForCommand opens the register for a command: it never upgrades an
// existing register (only the server does, at start), and refuses one whose
// schema is not the one this jiceng expects. An empty location still gets a
// new register, so users and tokens can be made before the first start.
func ForCommand() Option { return func(o *options) { o.command = true } }

// MustExist refuses a location that holds no register, instead of making one.
func MustExist() Option { return func(o *options) { o.mustExist = true } }

// AnyVersion, with ForCommand, opens a register of any schema version
// without refusing it; the Store then has no Client unless the register is
// current, only its connections (for backups).
func AnyVersion() Option { return func(o *options) { o.any = true } }

// WithCheck checks a SQLite register for damage before anything else:
// "quick" (PRAGMA quick_check), "full" (PRAGMA integrity_check) or "off".
func WithCheck(level string) Option { return func(o *options) { o.check = level } }

// Open opens the register at dsn, or at FileName in dataDir when dsn is
// empty. The server's Open applies the schema's pending migrations, each in
// a transaction, and seeds the rule settings; it refuses a register newer
// than itself. A dsn is postgres://… or postgresql://… for PostgreSQL, or a
// SQLite file path (optionally file: or sqlite: prefixed).
func Open(ctx context.Context, dsn, dataDir string, opts ...Option) (*Store, error) {
	var o options
	for _, opt := range opts {
		opt(&o)
	}
	var (
		st  *Store
		err error
	)
	if IsPostgres(dsn) {
		st, err = openPostgres(dsn)
	} else {
		st, err = openSQLite(dsn, dataDir, o.mustExist)
	}
	if err != nil {
		return nil, err
	}
	if err := st.prepare(ctx, o); err != nil {
		st.Close()
		return nil, err
	}
	return st, nil
}

// IsPostgres says whether a DSN names a PostgreSQL database.
func IsPostgres(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}

// SQLitePath is the SQLite file a DSN or data folder names.
func SQLitePath(dsn, dataDir string) string {
	path := strings.TrimPrefix(strings.TrimPrefix(dsn, "sqlite:"), "file:")
	path, _, _ = strings.Cut(path, "?")
	if path == "" {
		path = filepath.Join(dataDir, FileName)
	}
	return path
}

func (st *Store) prepare(ctx context.Context, o options) error {
	if st.Dialect == dialect.SQLite && o.check != "off" {
		if err := Check(ctx, st.DB, o.check == "full"); err != nil {
			return &CorruptError{Location: st.Location, Err: err}
		}
	}
	state, err := Inspect(ctx, st.DB, st.Dialect)
	if err != nil {
		if IsCorruption(err) {
			return &CorruptError{Location: st.Location, Err: err}
		}
		return err
	}
	switch {
	case state.Empty && o.mustExist:
		return fmt.Errorf("%s holds no register", st.Location)
	case len(state.Unknown) > 0:
		return fmt.Errorf("%w: it has version %s, this jiceng knows up to %s; use the newer jiceng",
			ErrNewer, state.Unknown[len(state.Unknown)-1], CurrentVersion(st.Dialect))
	case o.command && o.any && !state.Empty && !state.Current():
		st.Version = state.Version()
		return nil
	case o.command && !state.Empty && !state.Current():
		return fmt.Errorf("the register %s has schema version %s and this jiceng expects %s; start the server once to upgrade it (commands never upgrade a register)",
			st.Location, state.Version(), CurrentVersion(st.Dialect))
	}
	upgrading := !state.Current()
	if upgrading {
		if state, err = upgrade(ctx, st.DB, st.Dialect, state); err != nil {
			return fmt.Errorf("upgrading the register's schema: %w", err)
		}
	}
	st.Version = state.Version()
	st.gate.location = st.Location
	var drv dialect.Driver = guarded{Driver: entsql.OpenDB(st.Dialect, st.DB), g: &st.gate}
	if o.wrap != nil {
		drv = o.wrap(drv)
	}
	st.Client = ent.NewClient(ent.Driver(drv))
	// An editor's write is checked where it lands, after it is made and
	// inside its transaction, whatever record type it is.
	st.Client.Use(policy.Landing)
	if upgrading || !o.command {
		// The rule settings are seeded by the system itself, past the rules of who may write.
		if err := register.SeedSettings(policy.System(ctx), st.Client); err != nil {
			return fmt.Errorf("seeding rule settings: %w", err)
		}
	}
	if upgrading {
		// Records written before history was kept get it from their start
		// (once: since then every write keeps its own history).
		if err := register.Backfill(ctx, st.DB, st.Dialect); err != nil {
			return err
		}
	}
	return nil
}

// bookkeeping are tables that hold no records of the register.
var bookkeeping = []string{VersionTable, "register_revision", "area_revisions", "life_days", "rollless_days", "idempotency_keys", "sessions"}

// Count counts the rows of each table of the register.
func Count(ctx context.Context, db *sql.DB, dialectName string) (map[string]int, error) {
	tables, err := tableNames(ctx, db, dialectName)
	if err != nil {
		return nil, err
	}
	counts := map[string]int{}
	for _, t := range tables {
		if slices.Contains(bookkeeping, t) {
			continue
		}
		var n int
		if err := db.QueryRowContext(ctx, `SELECT COUNT(*) FROM "`+t+`"`).Scan(&n); err != nil {
			return nil, fmt.Errorf("counting %s: %w", t, err)
		}
		counts[t] = n
	}
	return counts, nil
}

// Check runs SQLite's quick_check, or its full integrity_check, on db.
func Check(ctx context.Context, db *sql.DB, full bool) error {
	pragma := "PRAGMA quick_check"
	if full {
		pragma = "PRAGMA integrity_check"
	}
	rows, err := db.QueryContext(ctx, pragma)
	if err != nil {
		return fmt.Errorf("%s: %w", pragma, err)
	}
	defer rows.Close()
	var problems []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return fmt.Errorf("%s: %w", pragma, err)
		}
		if line != "ok" && len(problems) < 5 {
			problems = append(problems, line)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("%s: %w", pragma, err)
	}
	if len(problems) > 0 {
		return fmt.Errorf("%s found: %s", pragma, strings.Join(problems, "; "))
	}
	return nil
}

// OnCorrupt sets what to do, once, when damage is first met while serving:
// writes stop from then on and Corrupted reports it.
func (st *Store) OnCorrupt(f func(error)) { st.gate.onCorrupt = f }

// Corrupted is the damage met in the register, or nil.
func (st *Store) Corrupted() error {
	if c := st.gate.corrupt.Load(); c != nil {
		return c
	}
	return nil
}

// NoteError checks an error met outside the client (a raw query of the
// coverage engine) for corruption, and returns it marked if it is.
func (st *Store) NoteError(err error) error { return st.gate.check(err) }

func openSQLite(dsn, dataDir string, mustExist bool) (*Store, error) {
	path := strings.TrimPrefix(strings.TrimPrefix(dsn, "sqlite:"), "file:")
	if path == "" {
		if mustExist {
			if _, err := os.Stat(dataDir); err != nil {
				return nil, fmt.Errorf("no data folder %s: %w", dataDir, err)
			}
		} else if err := os.MkdirAll(dataDir, 0o750); err != nil {
			return nil, fmt.Errorf("creating data folder: %w", err)
		}
		path = filepath.Join(dataDir, FileName)
	}
	path, query, _ := strings.Cut(path, "?")
	if mustExist {
		if fi, err := os.Stat(path); err != nil || fi.Size() == 0 {
			return nil, fmt.Errorf("%s holds no register", path)
		}
	}
	params, err := url.ParseQuery(query)
	if err != nil {
		return nil, fmt.Errorf("reading SQLite options %q: %w", query, err)
	}
	// Foreign keys are off in SQLite unless asked for. WAL lets readers go on
	// while one writer writes; the busy timeout makes a second writer wait
	// rather than fail with "database is locked"; immediate transactions take
	// the write lock at BEGIN, so two writers never deadlock upgrading a read
	// lock; FULL sync keeps an acknowledged write through a power cut.
	for k, v := range map[string]string{
		"_fk": "1", "_journal_mode": "WAL", "_busy_timeout": "10000",
		"_txlock": "immediate", "_synchronous": "FULL",
	} {
		if params.Get(k) == "" {
			params.Set(k, v)
		}
	}
	db, err := sql.Open("sqlite3", "file:"+path+"?"+params.Encode())
	if err != nil {
		return nil, fmt.Errorf("opening SQLite database %s: %w", path, err)
	}
	if err := db.Ping(); err != nil {
		db.Close()
		return nil, fmt.Errorf("opening SQLite database %s: %w", path, err)
	}
	// Readers begin deferred: in WAL mode a read transaction takes no lock
	// that a writer waits for, and sees the database as it was at its first read.
	params.Set("_txlock", "deferred")
	params.Set("_query_only", "1")
	read, err := sql.Open("sqlite3", "file:"+path+"?"+params.Encode())
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("opening SQLite database %s for reading: %w", path, err)
	}
	return &Store{DB: db, Read: read, Dialect: dialect.SQLite, Location: path, gate: gate{slot: make(chan struct{}, 1)}}, nil
}

// maxPostgresConns bounds the connections one Jiceng server opens.
const maxPostgresConns = 16

func openPostgres(dsn string) (*Store, error) {
	u, err := url.Parse(dsn)
	if err != nil {
		return nil, fmt.Errorf("reading PostgreSQL DSN: %v", redact(err))
	}
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return nil, fmt.Errorf("opening PostgreSQL: %w", err)
	}
	if err := db.Ping(); err != nil {
		db.Close()
		return nil, fmt.Errorf("connecting to PostgreSQL at %s%s: %w", u.Host, u.Path, err)
	}
	// A bounded pool: a burst of requests waits for a connection rather
	// than exhausting the server's (100 by default, shared by every client).
	// Kept warm: every connection opened stays open while the server is
	// busy (keeping 4 of 16 idle opened 83 connections per 1,000 requests
	// at 8 concurrent clients, each a new PostgreSQL backend), and is
	// closed after ten quiet minutes or an hour of age.
	db.SetMaxOpenConns(maxPostgresConns)
	db.SetMaxIdleConns(maxPostgresConns)
	db.SetConnMaxIdleTime(10 * time.Minute)
	db.SetConnMaxLifetime(time.Hour)
	return &Store{DB: db, Read: db, Dialect: dialect.Postgres, Location: "postgres://" + u.Host + u.Path}, nil
}

// redact keeps a DSN's password out of an error message.
func redact(err error) string {
	if ue, ok := err.(*url.Error); ok {
		return ue.Err.Error()
	}
	return "malformed DSN"
}

// Close closes the client and its connections.
func (s *Store) Close() error {
	if s.Read != s.DB {
		s.Read.Close()
	}
	if s.Client == nil {
		return s.DB.Close()
	}
	return s.Client.Close()
}
