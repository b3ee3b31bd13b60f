package graph

import (
	"context"
	"fmt"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"jiceng/register"
)

// Page sizes of every connection: a request that gives neither first nor
// last gets DefaultPageSize items; one that asks for more than MaxPageSize
// is refused rather than silently cut short.
const (
	DefaultPageSize = 50
	MaxPageSize     = 500
)

// pageLimits applies the page sizes to every field that returns a
// connection, and lets a connection's flat "nodes" list be eager-loaded as
// "edges { node }" is.
func pageLimits(ctx context.Context, next graphql.Resolver) (any, error) {
	fc := graphql.GetFieldContext(ctx)
	if fc == nil || fc.Field.Field == nil || fc.Field.Definition == nil ||
		!strings.HasSuffix(fc.Field.Definition.Type.Name(), "Connection") {
		return next(ctx)
	}
	first, _ := fc.Args["first"].(*int)
	last, _ := fc.Args["last"].(*int)
	for name, n := range map[string]*int{"first": first, "last": last} {
		if n != nil && *n > MaxPageSize {
			return nil, &register.Error{Code: register.Invalid, Field: name,
				Message: fmt.Sprintf("%d is more than the largest page, %d; page through with after/before", *n, MaxPageSize)}
		}
	}
	if first == nil && last == nil && fc.Args != nil {
		if _, ok := fc.Args["first"]; ok {
			size := DefaultPageSize
			fc.Args["first"] = &size
		}
	}
	return next(withNodesAsEdges(ctx, fc))
}

// withNodesAsEdges gives the resolver a field context in which the
// selections under "nodes" also appear as "edges { node { … } }". entgql
// decides what to load and eager-load from "edges.node" alone; the response
// is still written from the query as the client sent it.
func withNodesAsEdges(ctx context.Context, fc *graphql.FieldContext) context.Context {
	var nodes ast.SelectionSet
	for _, sel := range fc.Field.Selections {
		if f, ok := sel.(*ast.Field); ok && f.Name == "nodes" {
			nodes = append(nodes, f.SelectionSet...)
		}
	}
	if len(nodes) == 0 {
		return ctx
	}
	node := &ast.Field{Alias: "node", Name: "node", SelectionSet: nodes}
	edges := &ast.Field{Alias: "edges", Name: "edges", SelectionSet: ast.SelectionSet{node}}
	copied := *fc
	copied.Field.Selections = append(append(ast.SelectionSet{}, fc.Field.Selections...), edges)
	ctx = graphql.WithFieldContext(ctx, &copied)
	copied.Parent = fc.Parent // WithFieldContext made fc the parent; it replaces fc
	return ctx
}
