package graph

import (
	"context"
	"errors"
	"log/slog"
	"slices"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"jiceng/coverage"
	"jiceng/ent"
	"jiceng/ent/area"
	"jiceng/graph/model"
	"jiceng/rectify"
	"jiceng/register"
)

// reconcileAfterWrites reconciles the ledger with the register once a
// mutation has committed, so an item whose gap the write closed is
// verified on the day of the write. A failure to reconcile is logged: the
// write stands, and the next write or read of the ledger reconciles again.
func reconcileAfterWrites(book *rectify.Ledger, logger *slog.Logger) graphql.ResponseMiddleware {
	return func(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
		rsp := next(ctx)
		oc := graphql.GetOperationContext(ctx)
		if oc.Operation == nil || oc.Operation.Operation != ast.Mutation || len(rsp.Errors) > 0 {
			return rsp
		}
		if _, err := book.Reconcile(context.WithoutCancel(ctx)); err != nil {
			logger.ErrorContext(ctx, "reconciling the rectification ledger", "err", err)
		}
		return rsp
	}
}

// openSince is the first day the gap of key fired, continuously up to the
// day of the gap id, walking back through the register's history.
func (r *Resolver) openSince(ctx context.Context, key coverage.GapKey, id int) (*time.Time, error) {
	_, asOf, ok := coverage.KeyOfGapID(id)
	if !ok {
		return nil, nil
	}
	floor, err := register.RecordedSince(ctx, r.client)
	if err != nil {
		return nil, err
	}
	since, err := r.coverage.OpenSince(ctx, asOf, floor)
	if err != nil {
		return nil, err
	}
	d, ok := since[key]
	if !ok {
		return nil, nil
	}
	return &d, nil
}

// figures writes the ledger's figures for the API, the areas by name.
func (r *Resolver) figures(ctx context.Context, f *rectify.Figures) (*model.RectificationFigures, error) {
	out := &model.RectificationFigures{All: tallyOf(f.All)}
	ids := make([]int, 0, len(f.ByArea))
	for id := range f.ByArea {
		ids = append(ids, id)
	}
	areas, err := r.client.Area.Query().Where(area.IDIn(ids...)).Order(ent.Asc(area.FieldName)).All(ctx)
	if err != nil {
		return nil, err
	}
	for _, a := range areas {
		out.ByArea = append(out.ByArea, &model.RectificationAreaTally{Area: a, Tally: tallyOf(f.ByArea[a.ID])})
	}
	rules := make([]string, 0, len(f.ByRule))
	for rule := range f.ByRule {
		rules = append(rules, rule)
	}
	slices.Sort(rules)
	for _, rule := range rules {
		out.ByRule = append(out.ByRule, &model.RectificationRuleTally{Rule: coverage.RuleCode(rule), Tally: tallyOf(f.ByRule[rule])})
	}
	return out, nil
}

func tallyOf(t *rectify.Tally) *model.RectificationTally {
	return &model.RectificationTally{Total: t.Total, Open: t.Open, Overdue: t.Overdue, Verified: t.Verified,
		Waived: t.Waived, MedianDaysToClose: t.MedianDaysToClose}
}

// seriesError writes bad input to a series as a domain error.
func seriesError(err error) error {
	var fe *coverage.FieldError
	if errors.As(err, &fe) {
		return register.Fail(register.Invalid, fe.Field, "BAD_SERIES", fe.Zh, fe.En)
	}
	return err
}
