package database

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"entgo.io/ent/dialect"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/mattn/go-sqlite3"

	"jiceng/waiting"
)

// ErrBusy is a write refused because too many writes already wait.
var ErrBusy = errors.New("the register is busy with other changes; nothing was written, try again in a moment")

// ErrCorrupted is a register found damaged. Nothing more is written to it.
var ErrCorrupted = errors.New("the register is damaged")

// CorruptError is damage met in the register, or found by its check at start.
type CorruptError struct {
	// Location is the register's file or database.
	Location string
	// Err is what the database said.
	Err error
}

func (e *CorruptError) Error() string {
	return fmt.Sprintf("the register %s is damaged: %v", e.Location, e.Err)
}

// Is makes errors.Is(err, ErrCorrupted) hold.
func (e *CorruptError) Is(target error) bool { return target == ErrCorrupted }

func (e *CorruptError) Unwrap() error { return e.Err }

// IsCorruption says whether a database error reports a damaged database:
// SQLite's SQLITE_CORRUPT and SQLITE_NOTADB, PostgreSQL's data_corrupted
// and index_corrupted.
func IsCorruption(err error) bool {
	if errors.Is(err, ErrCorrupted) {
		return true
	}
	var se sqlite3.Error
	if errors.As(err, &se) && (se.Code == sqlite3.ErrCorrupt || se.Code == sqlite3.ErrNotADB) {
		return true
	}
	var pe *pgconn.PgError
	if errors.As(err, &pe) && (pe.Code == "XX001" || pe.Code == "XX002") {
		return true
	}
	return err != nil && strings.Contains(err.Error(), "database disk image is malformed")
}

// maxWaitingWrites bounds the writes that wait for SQLite's one writer;
// past it a write fails at once with ErrBusy.
const maxWaitingWrites = 256

// gate lets one write transaction at a time into SQLite, in the order they
// come, each waiting as long as its context allows: SQLite's busy timeout
// polls and is not fair, so under load a writer could starve and fail with
// "database is locked". On PostgreSQL the gate only refuses writes once the
// register is found damaged.
type gate struct {
	slot      chan struct{} // nil: no queue
	waiting   atomic.Int64
	corrupt   atomic.Pointer[CorruptError]
	location  string
	onCorrupt func(error)
	once      sync.Once
}

func (g *gate) acquire(ctx context.Context) (func(), error) {
	if c := g.corrupt.Load(); c != nil {
		return nil, c
	}
	if g.slot == nil {
		return func() {}, nil
	}
	if g.waiting.Add(1) > maxWaitingWrites {
		g.waiting.Add(-1)
		return nil, ErrBusy
	}
	defer g.waiting.Add(-1)
	began := time.Now()
	select {
	case g.slot <- struct{}{}:
		waiting.Since(ctx, began)
		var once sync.Once
		return func() { once.Do(func() { <-g.slot }) }, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// check notes corruption in err, stopping writes, and returns err marked
// as a CorruptError when it is one.
func (g *gate) check(err error) error {
	if err == nil || !IsCorruption(err) {
		return err
	}
	var ce *CorruptError
	if !errors.As(err, &ce) {
		ce = &CorruptError{Location: g.location, Err: err}
	}
	if g.corrupt.CompareAndSwap(nil, ce) && g.onCorrupt != nil {
		g.once.Do(func() { g.onCorrupt(ce) })
	}
	return ce
}

// guarded is the ent driver of a Store: writes pass the gate, and errors
// are checked for corruption.
type guarded struct {
	dialect.Driver
	g *gate
}

func isWrite(query string) bool {
	q := strings.ToUpper(strings.TrimSpace(query))
	for _, p := range []string{"INSERT", "UPDATE", "DELETE", "REPLACE", "CREATE", "DROP", "ALTER"} {
		if strings.HasPrefix(q, p) {
			return true
		}
	}
	return false
}

func (d guarded) Exec(ctx context.Context, query string, args, v any) error {
	release, err := d.g.acquire(ctx)
	if err != nil {
		return err
	}
	defer release()
	return d.g.check(d.Driver.Exec(ctx, query, args, v))
}

func (d guarded) Query(ctx context.Context, query string, args, v any) error {
	if isWrite(query) {
		release, err := d.g.acquire(ctx)
		if err != nil {
			return err
		}
		defer release()
	}
	err := d.g.check(d.Driver.Query(ctx, query, args, v))
	if err == nil {
		countRows(ctx, v)
	}
	return err
}

func (d guarded) Tx(ctx context.Context) (dialect.Tx, error) {
	return d.BeginTx(ctx, nil)
}

// BeginTx opens a transaction once the gate lets it in; a read-only one
// does not wait.
func (d guarded) BeginTx(ctx context.Context, opts *sql.TxOptions) (dialect.Tx, error) {
	release := func() {}
	if opts == nil || !opts.ReadOnly {
		r, err := d.g.acquire(ctx)
		if err != nil {
			return nil, err
		}
		release = r
	}
	var (
		tx  dialect.Tx
		err error
	)
	// Beginning waits for a connection of the pool while others hold
	// them all: a queue's time, as the gate's is.
	began := time.Now()
	defer waiting.Since(ctx, began)
	if b, ok := d.Driver.(interface {
		BeginTx(context.Context, *sql.TxOptions) (dialect.Tx, error)
	}); ok {
		tx, err = b.BeginTx(ctx, opts)
	} else {
		tx, err = d.Driver.Tx(ctx)
	}
	if err != nil {
		release()
		return nil, d.g.check(err)
	}
	return &guardedTx{Tx: tx, g: d.g, release: release}, nil
}

type guardedTx struct {
	dialect.Tx
	g       *gate
	release func()
}

func (t *guardedTx) Exec(ctx context.Context, query string, args, v any) error {
	return t.g.check(t.Tx.Exec(ctx, query, args, v))
}

func (t *guardedTx) Query(ctx context.Context, query string, args, v any) error {
	err := t.g.check(t.Tx.Query(ctx, query, args, v))
	if err == nil {
		countRows(ctx, v)
	}
	return err
}

func (t *guardedTx) Commit() error {
	defer t.release()
	return t.g.check(t.Tx.Commit())
}

func (t *guardedTx) Rollback() error {
	defer t.release()
	return t.g.check(t.Tx.Rollback())
}

type execQuerier interface {
	ExecContext(context.Context, string, ...any) (sql.Result, error)
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}

var errNoExec = errors.New("the driver runs no raw statements")

// ExecContext runs a raw statement, through the gate.
func (d guarded) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	ex, ok := d.Driver.(execQuerier)
	if !ok {
		return nil, errNoExec
	}
	release, err := d.g.acquire(ctx)
	if err != nil {
		return nil, err
	}
	defer release()
	r, err := ex.ExecContext(ctx, query, args...)
	return r, d.g.check(err)
}

// QueryContext runs a raw query; a write waits at the gate.
func (d guarded) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	ex, ok := d.Driver.(execQuerier)
	if !ok {
		return nil, errNoExec
	}
	if isWrite(query) {
		release, err := d.g.acquire(ctx)
		if err != nil {
			return nil, err
		}
		defer release()
	}
	r, err := ex.QueryContext(ctx, query, args...)
	return r, d.g.check(err)
}

// ExecContext runs a raw statement in the transaction.
func (t *guardedTx) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	ex, ok := t.Tx.(execQuerier)
	if !ok {
		return nil, errNoExec
	}
	r, err := ex.ExecContext(ctx, query, args...)
	return r, t.g.check(err)
}

// QueryContext runs a raw query in the transaction.
func (t *guardedTx) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	ex, ok := t.Tx.(execQuerier)
	if !ok {
		return nil, errNoExec
	}
	r, err := ex.QueryContext(ctx, query, args...)
	return r, t.g.check(err)
}
