package database

import (
	"context"
	"errors"

	entsql "entgo.io/ent/dialect/sql"
)

// A budget of rows. A request may carry one (WithRowBudget): every row the
// register's client reads for it, in or out of a transaction, is taken
// from it as the row is scanned, so that a request whose lists are far
// longer than it said stops in the middle of the SQL that reads them, not
// after. Rows read by the coverage engine's own connections are not
// counted: its analyses are charged apart.

// RowBudget is what a request may still read: TakeRow takes one row and
// reports false once the budget is spent.
type RowBudget interface{ TakeRow() bool }

// ErrTooManyRows is the error of a read stopped by its request's budget.
var ErrTooManyRows = errors.New("the request read more rows of the register than it may")

type rowBudgetKey struct{}

// WithRowBudget makes the register's reads made with ctx take from b.
func WithRowBudget(ctx context.Context, b RowBudget) context.Context {
	return context.WithValue(ctx, rowBudgetKey{}, b)
}

// countRows makes the rows of a query (v, ent's *sql.Rows) take from
// the budget of ctx, if it has one.
func countRows(ctx context.Context, v any) {
	b, _ := ctx.Value(rowBudgetKey{}).(RowBudget)
	rows, ok := v.(*entsql.Rows)
	if b == nil || !ok || rows.ColumnScanner == nil {
		return
	}
	rows.ColumnScanner = &countedRows{ColumnScanner: rows.ColumnScanner, b: b}
}

type countedRows struct {
	entsql.ColumnScanner
	b    RowBudget
	over bool
}

func (r *countedRows) Next() bool {
	if r.over || !r.ColumnScanner.Next() {
		return false
	}
	if !r.b.TakeRow() {
		r.over = true
		return false
	}
	return true
}

func (r *countedRows) Err() error {
	if r.over {
		return ErrTooManyRows
	}
	return r.ColumnScanner.Err()
}
