package graph

import (
	"context"
	"errors"
	"fmt"
	"math"
	"runtime"
	"strconv"
	"sync/atomic"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"jiceng/auth"
)

// meterKey keys a request's meter among the operation's stats extensions.
const meterKey = "jicengMeter"

// meter counts the fields a query really resolves, so that lists longer
// than the cost model assumed still cannot make a request do more than
// MaxCost, and stops the work when the request's context ends (its
// --timeout passed, or the client went away).
type meter struct {
	cost     int // estimated, without the analyses
	days     int // of coverage analysed
	limit    int64
	maxBytes int
	used     atomic.Int64
	over     atomic.Bool
	maxRows  int64
	rows     atomic.Int64 // loaded by the request's ent queries (rows.go)
	rowsOver atomic.Bool
	giveWay  *giveWay // set when the query gives way to others (turns.go)
}

var errOverBudget = errors.New("over the request's budget")

func startMeter(ctx context.Context, cost, days int, l Limits) {
	oc := graphql.GetOperationContext(ctx)
	oc.Stats.SetExtension(meterKey, &meter{cost: cost, days: days, limit: int64(l.MaxCost), maxBytes: l.MaxResponseBytes, maxRows: int64(l.MaxRows)})
}

// HeavyCost is the estimated cost (beside analyses) from which a query is
// heavy, as is one asking for more than one day of coverage: the server
// runs at most heavySlots heavy queries at once, whoever sends them, and
// the others wait their turn (within their --timeout), so that however
// many tokens send heavy queries, light ones keep cores to run on.
const HeavyCost = 10_000

var heavySlots = make(chan struct{}, max(1, runtime.GOMAXPROCS(0)/2))

// takeTurns makes heavy queries wait for a slot.
func takeTurns(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	m := meterOf(ctx)
	if m == nil || m.cost < HeavyCost && m.days <= 1 {
		return next(ctx)
	}
	select {
	case heavySlots <- struct{}{}:
	case <-ctx.Done():
		return &graphql.Response{Errors: gqlerror.List{limitError("TIMEOUT", "the server was busy with other large queries until the request's time ran out; try again, or ask for less")}}
	}
	defer func() { <-heavySlots }()
	return next(ctx)
}

func meterOf(ctx context.Context) *meter {
	if !graphql.HasOperationContext(ctx) {
		return nil
	}
	return operationMeter(graphql.GetOperationContext(ctx))
}

// operationMeter is the meter of an operation whose context is at hand.
func operationMeter(oc *graphql.OperationContext) *meter {
	m, _ := oc.Stats.GetExtension(meterKey).(*meter)
	return m
}

// meterField counts a field resolved against the request's budget (m, nil
// outside a metered request) and refuses it once the budget or the request's
// time is spent.
func meterField(ctx context.Context, m *meter) error {
	if m == nil {
		return nil
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if m.rowsOver.Load() {
		return errOverBudget
	}
	if m.over.Load() || m.used.Add(1) > m.limit {
		m.over.Store(true)
		return errOverBudget
	}
	if m.giveWay != nil {
		priority.wait(ctx, m.giveWay)
	}
	return nil
}

// capResponses replaces the response of a query that went over its budget
// or whose data is larger than MaxResponseBytes with one error, so that the
// client gets no partial page and no flood of errors.
func capResponses(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	resp := next(ctx)
	m := meterOf(ctx)
	switch {
	case resp == nil || m == nil:
	case m.rowsOver.Load():
		return oneError("QUERY_TOO_COSTLY", message{
			zh: fmt.Sprintf("查询读取的记录超过 %d 条，请缩小分页或少查关联记录", m.maxRows),
			en: fmt.Sprintf("the query loaded more than %d records from the register; ask for smaller pages or fewer edges", m.maxRows)}.in(ctx))
	case m.over.Load():
		return oneError("QUERY_TOO_COSTLY", message{
			zh: fmt.Sprintf("查询解析的字段超过 %d 个（列表比估计的长），请缩小分页或少查关联记录", m.limit),
			en: fmt.Sprintf("the query resolved more than %d fields (its lists were longer than estimated); ask for smaller pages or fewer edges", m.limit)}.in(ctx))
	case m.maxBytes > 0 && len(resp.Data) > m.maxBytes:
		return oneError("RESPONSE_TOO_LARGE", message{
			zh: fmt.Sprintf("结果将超过 %d MiB，请缩小分页或少查字段", m.maxBytes>>20),
			en: fmt.Sprintf("the response would be larger than %d MiB; ask for smaller pages or fewer fields", m.maxBytes>>20)}.in(ctx))
	}
	return resp
}

func oneError(code, text string) *graphql.Response {
	return &graphql.Response{Errors: gqlerror.List{{Message: text, Extensions: map[string]any{"code": code}}}}
}

// chargeCost takes an operation's cost from its viewer's budget (see
// auth.Options.CostPerSecond).
func chargeCost(ctx context.Context, cost int) *gqlerror.Error {
	ok, wait, rate := auth.Charge(ctx, cost)
	if ok {
		return nil
	}
	e := limitError("RATE_LIMITED", "this token or user may spend %d of cost a second (this query costs %d); wait %s and try again",
		int(rate), cost, strconv.Itoa(int(math.Ceil(wait.Seconds())))+"s")
	e.Extensions["retryAfter"] = int(math.Ceil(wait.Seconds()))
	return e
}
