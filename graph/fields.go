package graph

import (
	"context"

	"github.com/99designs/gqlgen/graphql"
)

// checkFields is the handler's one field middleware, run for every field of
// every response (500 units of seven fields are 3,500 calls): it meters the
// field against the request's budget (meter.go), refuses over-long
// arguments (inputs.go) and pages (relay.go), resolves the field, and notes
// a read of personal data (personal.go), in that order. One middleware, not
// four, finds the field's and the operation's contexts once and wraps the
// resolver in one closure instead of four: on the benchmark's nested query
// (bench/peer.sh) the four layers' context look-ups and closures were a
// measurable share of the CPU.
func checkFields(ctx context.Context, next graphql.Resolver) (any, error) {
	if !graphql.HasOperationContext(ctx) {
		return next(ctx)
	}
	oc := graphql.GetOperationContext(ctx)
	if err := meterField(ctx, operationMeter(oc)); err != nil {
		return nil, err
	}
	fc := graphql.GetFieldContext(ctx)
	if fc == nil {
		return next(ctx)
	}
	if err := checkInputs(oc, fc); err != nil {
		return nil, err
	}
	if err := checkPage(fc); err != nil {
		return nil, err
	}
	res, err := next(ctx)
	return personalRead(ctx, fc, res, err)
}
