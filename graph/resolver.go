// Package graph serves the register over GraphQL: the schema (ent.graphqls
// generated from ent/schema, the rest written here), thin resolvers that
// call ent or the register package, and the HTTP handler with its limits
// and error mapping.
package graph

import (
	"context"

	"github.com/99designs/gqlgen/graphql"

	"jiceng/coverage"
	"jiceng/ent"
	"jiceng/rectify"
)

// Resolver holds what the resolvers need; each resolver is one call into
// ent, the register package or the coverage engine.
type Resolver struct {
	client   *ent.Client
	coverage *coverage.Engine
	ledger   *rectify.Ledger
}

// childrenDepth is how many levels of "children" a coverage query selects,
// so the engine builds no more child reports than the client reads.
func childrenDepth(ctx context.Context) int {
	var depth func(fields []graphql.CollectedField, level int) int
	depth = func(fields []graphql.CollectedField, level int) int {
		deepest := level
		for _, f := range fields {
			if f.Name == "children" {
				deepest = max(deepest, depth(graphql.CollectFields(graphql.GetOperationContext(ctx), f.Selections, nil), level+1))
			}
		}
		return deepest
	}
	return depth(graphql.CollectFieldsCtx(ctx, nil), 0)
}
