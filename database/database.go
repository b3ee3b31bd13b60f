// Package database opens the register's store: SQLite in the data folder by
// default, PostgreSQL when given a postgres:// DSN. It is the one place that
// chooses the database, sets up its connections, creates or upgrades the
// schema and seeds the default rule settings.
package database

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"entgo.io/ent/dialect"
	entsql "entgo.io/ent/dialect/sql"
	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
	_ "github.com/mattn/go-sqlite3"    // registers the "sqlite3" driver

	"jiceng/ent"
	"jiceng/ent/migrate"
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
}

// Option changes how Open builds the client.
type Option func(*options)

type options struct {
	wrap func(dialect.Driver) dialect.Driver
}

// WithDriver wraps the ent driver, for example to count statements in tests.
func WithDriver(wrap func(dialect.Driver) dialect.Driver) Option {
	return func(o *options) { o.wrap = wrap }
}

// Open opens the register at dsn, or at FileName in dataDir when dsn is
// empty, then creates or upgrades its schema and seeds the rule settings.
// A dsn is postgres://… or postgresql://… for PostgreSQL, or a SQLite file
// path (optionally file: or sqlite: prefixed).
func Open(ctx context.Context, dsn, dataDir string, opts ...Option) (*Store, error) {
	var o options
	for _, opt := range opts {
		opt(&o)
	}
	var (
		st  *Store
		err error
	)
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		st, err = openPostgres(dsn)
	} else {
		st, err = openSQLite(dsn, dataDir)
	}
	if err != nil {
		return nil, err
	}
	var drv dialect.Driver = entsql.OpenDB(st.Dialect, st.DB)
	if o.wrap != nil {
		drv = o.wrap(drv)
	}
	st.Client = ent.NewClient(ent.Driver(drv))
	// An editor's write is checked where it lands, after it is made and
	// inside its transaction, whatever record type it is.
	st.Client.Use(policy.Landing)
	if err := migrateSchema(ctx, st.Client, st.DB, st.Dialect); err != nil {
		st.Close()
		return nil, err
	}
	return st, nil
}

// joinIndexes and the revision counter are created by hand: ent cannot
// declare indexes on the join tables of many-to-many edges, which the
// coverage analysis reads from their second column, and the revision is not
// a record of the register but a counter that every write advances (see
// register.Revision), by which analyses of the register are cached.
var joinIndexes = []string{
	"CREATE INDEX IF NOT EXISTS meeting_attendees_member_id ON meeting_attendees (member_id)",
	"CREATE INDEX IF NOT EXISTS organization_areas_area_id ON organization_areas (area_id)",
	"CREATE TABLE IF NOT EXISTS register_revision (id INTEGER PRIMARY KEY, revision BIGINT NOT NULL)",
	"INSERT INTO register_revision (id, revision) SELECT 1, 0 WHERE NOT EXISTS (SELECT 1 FROM register_revision)",
	// A unit may leave an organisation and rejoin it: links are periods,
	// several per organisation and unit, so the unique index of the old
	// edge schema goes (register.CheckUnitCoverage keeps them apart).
	"DROP INDEX IF EXISTS unitcoverage_organization_id_unit_id",
}

func migrateSchema(ctx context.Context, client *ent.Client, db *sql.DB, dialectName string) error {
	// Auto-migration adds tables, columns and indexes and never drops any,
	// so an upgrade keeps every record the register holds.
	if err := client.Schema.Create(ctx, migrate.WithDropColumn(false), migrate.WithDropIndex(false)); err != nil {
		return fmt.Errorf("creating or upgrading the schema: %w", err)
	}
	for _, stmt := range joinIndexes {
		if _, err := db.ExecContext(ctx, stmt); err != nil {
			return fmt.Errorf("creating join-table indexes and the revision counter: %w", err)
		}
	}
	// The rule settings are seeded by the system itself, past the rules of who may write.
	if err := register.SeedSettings(policy.System(ctx), client); err != nil {
		return fmt.Errorf("seeding rule settings: %w", err)
	}
	// Records written before history was kept get it from their start.
	if err := register.Backfill(ctx, db, dialectName); err != nil {
		return err
	}
	return nil
}

func openSQLite(dsn, dataDir string) (*Store, error) {
	path := strings.TrimPrefix(strings.TrimPrefix(dsn, "sqlite:"), "file:")
	if path == "" {
		if err := os.MkdirAll(dataDir, 0o750); err != nil {
			return nil, fmt.Errorf("creating data folder: %w", err)
		}
		path = filepath.Join(dataDir, FileName)
	}
	path, query, _ := strings.Cut(path, "?")
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
	return &Store{DB: db, Read: read, Dialect: dialect.SQLite, Location: path}, nil
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
	db.SetMaxOpenConns(maxPostgresConns)
	db.SetMaxIdleConns(4)
	db.SetConnMaxIdleTime(time.Minute)
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
