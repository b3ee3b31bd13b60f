package graph

import (
	"context"

	"github.com/99designs/gqlgen/graphql"

	"jiceng/database"
)

// The rows a request really reads. The cost of a query assumes each list
// edge holds ListEstimate records, and the meter counts the fields
// resolved; but ent loads a query's edges eagerly, all at once, before a
// field of theirs is resolved, so a list far longer than estimated (every
// meeting of every member of 200 organisations) would be read from the
// database and held in memory before the meter could stop it. So every
// row the register's client reads for a request, as it is scanned (each
// row of a join counted, a record shared by several parents once for
// each), is taken from the request's MaxRows (database.WithRowBudget).
// Once they are spent the read stops in the middle of its SQL, no further
// field is resolved, and the client gets one QUERY_TOO_COSTLY error
// (capResponses); a mutation's transaction is rolled back. The coverage
// analyses read the register on their own connections and are charged
// apart (AnalysisCost).

// TakeRow takes one row from the request's MaxRows.
func (m *meter) TakeRow() bool {
	if m.rowsOver.Load() {
		return false
	}
	if m.rows.Add(1) > m.maxRows {
		m.rowsOver.Store(true)
		return false
	}
	return true
}

// budgetRows runs a metered request with its rows budgeted.
func budgetRows(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	m := meterOf(ctx)
	if m == nil || m.maxRows <= 0 {
		return next(ctx)
	}
	return next(database.WithRowBudget(ctx, m))
}
