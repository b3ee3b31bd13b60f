// Package coverage analyses the register for full coverage (全覆盖): the
// official roll-up of units, members and organisations, and the gaps of the
// three rules of DOMAIN.md section 4, for any area as of any day. It reads
// the register with aggregate SQL (the same statements on SQLite and
// PostgreSQL) and knows nothing of GraphQL.
package coverage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sync"
	"time"

	"entgo.io/ent/dialect"

	"jiceng/calendar"
	"jiceng/ent"
)

// Engine analyses one register.
type Engine struct {
	client  *ent.Client
	read    *sql.DB
	dialect string
	cache   cache
	kept    keptPoints
}

// New returns an engine that loads records through client and runs its
// aggregate queries on read, a pool of the same database in dialect
// (dialect.SQLite or dialect.Postgres).
func New(client *ent.Client, read *sql.DB, dialectName string) *Engine {
	return &Engine{client: client, read: read, dialect: dialectName}
}

// snapshot runs fn in a read-only transaction, so that every query fn
// runs sees the register as it was at one moment.
func (en *Engine) snapshot(ctx context.Context, fn func(tx *sql.Tx) error) error {
	opts := &sql.TxOptions{ReadOnly: true}
	if en.dialect == dialect.Postgres {
		opts.Isolation = sql.LevelRepeatableRead
	} else {
		opts = nil // go-sqlite3 reads a consistent snapshot in any transaction in WAL mode
	}
	tx, err := en.read.BeginTx(ctx, opts)
	if err != nil {
		return fmt.Errorf("starting the analysis: %w", err)
	}
	defer tx.Rollback()
	if en.dialect == dialect.Postgres {
		// The analysis' statements join fact tables whose sizes PostgreSQL
		// cannot estimate (rows=10^15 where there are 10^5), so it would
		// spend most of a cold roll-up compiling them with its JIT (47 of
		// the city's 64 s, BENCHMARKS.md); they run in well under that
		// interpreted. Their sorts and hashes of every member (about 16 MB
		// for the city) spill to disk in the default 4 MB of work memory.
		if _, err := tx.ExecContext(ctx, "SELECT set_config('jit', 'off', true), set_config('work_mem', '64MB', true)"); err != nil {
			return fmt.Errorf("starting the analysis: %w", err)
		}
	}
	return fn(tx)
}

// errMoved says the register changed while an analysis was reading it.
var errMoved = errors.New("the register changed during the analysis")

// reader runs fn with a transaction that sees one revision of the register.
type reader func(ctx context.Context, fn func(tx querier) error) error

// at reads in a snapshot of its own each time, and fails with errMoved
// when the snapshot is not of revision: the statements of one analysis can
// run side by side and still all see the same register.
func (en *Engine) at(revision int64) reader {
	return func(ctx context.Context, fn func(tx querier) error) error {
		return en.snapshot(ctx, func(tx *sql.Tx) error {
			// The first read fixes the snapshot, so the revision read here
			// is the one every later statement in tx sees.
			seen, err := revisionIn(ctx, tx)
			if err != nil {
				return err
			}
			if seen != revision {
				return errMoved
			}
			return fn(tx)
		})
	}
}

// within reads with tx, one statement at a time.
func within(tx querier) reader {
	var mu sync.Mutex
	return func(ctx context.Context, fn func(tx querier) error) error {
		mu.Lock()
		defer mu.Unlock()
		return fn(tx)
	}
}

// day is the date asked for, or today.
func day(asOf *time.Time) time.Time {
	if asOf == nil {
		return calendar.Today()
	}
	y, m, d := asOf.UTC().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}
