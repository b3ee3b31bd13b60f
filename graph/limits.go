package graph

import (
	"context"
	"fmt"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// Limits bound what one request may ask for, so that no query, however
// deep or wide, costs the server much before it is refused: the check runs
// on the parsed query, before any resolver.
type Limits struct {
	// MaxDepth is how deeply fields may nest.
	MaxDepth int
	// MaxCost bounds the rows a query may read: a connection costs its page
	// size (first or last, else the default page) times what is asked of
	// each node, a list edge listEstimate times, an object 1.
	MaxCost int
	// MaxAliases bounds the fields a query renames, the usual way to ask
	// for one expensive field many times.
	MaxAliases int
}

// DefaultLimits are generous for the dashboard and reporting tools (the
// dashboard's dearest query, the organisation tree, costs about a
// twentieth of MaxCost; see TestTheDashboardFitsTheLimits) and small enough
// that a refused query is refused at once.
var DefaultLimits = Limits{MaxDepth: 12, MaxCost: 250_000, MaxAliases: 30}

// listEstimate is how many records a list edge (children, memberships…) is
// assumed to hold, for the cost of a query.
const listEstimate = 20

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = Limits{}

// ExtensionName names the extension.
func (Limits) ExtensionName() string { return "JicengLimits" }

// Validate accepts any schema.
func (Limits) Validate(graphql.ExecutableSchema) error { return nil }

// MutateOperationContext refuses an operation over a limit.
func (l Limits) MutateOperationContext(_ context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	if introspectionOnly(oc.Doc, oc.Operation) {
		// Reads no record: measured apart, with bounds of its own (introspection.go).
		return DefaultIntrospectionLimits.check(oc.Doc, oc.Operation, l.MaxAliases)
	}
	m := l.Measure(oc.Doc, oc.Operation, oc.Variables)
	switch {
	case m.Depth > l.MaxDepth:
		return limitError("QUERY_TOO_DEEP", "the query nests %d levels deep; at most %d are allowed", m.Depth, l.MaxDepth)
	case m.Aliases > l.MaxAliases:
		return limitError("QUERY_TOO_WIDE", "the query renames %d fields; at most %d aliases are allowed", m.Aliases, l.MaxAliases)
	case m.Cost > l.MaxCost:
		return limitError("QUERY_TOO_COSTLY", "the query could read %d records; at most %d are allowed in one request: ask for smaller pages or fewer edges", m.Cost, l.MaxCost)
	}
	return nil
}

func limitError(code, format string, args ...any) *gqlerror.Error {
	return &gqlerror.Error{Message: fmt.Sprintf(format, args...), Extensions: map[string]any{"code": code}}
}

// Measure is the depth, cost and aliases of an operation.
type Measure struct{ Depth, Cost, Aliases int }

// Measure measures an operation of a parsed document with its variables.
func (l Limits) Measure(doc *ast.QueryDocument, op *ast.OperationDefinition, vars map[string]any) Measure {
	w := &walker{doc: doc, vars: vars, visiting: map[string]bool{}}
	cost, depth := w.selections(op.SelectionSet, 0)
	return Measure{Depth: depth, Cost: cost, Aliases: w.aliases}
}

type walker struct {
	doc      *ast.QueryDocument
	vars     map[string]any
	aliases  int
	pages    int             // connections being walked
	visiting map[string]bool // fragments being walked, against cycles
}

// selections returns the cost of a selection set and the deepest level it reaches.
func (w *walker) selections(set ast.SelectionSet, level int) (cost, depth int) {
	depth = level
	for _, sel := range set {
		var c, d int
		switch s := sel.(type) {
		case *ast.Field:
			c, d = w.field(s, level+1)
		case *ast.InlineFragment:
			c, d = w.selections(s.SelectionSet, level)
		case *ast.FragmentSpread:
			f := w.doc.Fragments.ForName(s.Name)
			if f == nil || w.visiting[s.Name] {
				continue
			}
			w.visiting[s.Name] = true
			c, d = w.selections(f.SelectionSet, level)
			delete(w.visiting, s.Name)
		}
		cost += c
		depth = max(depth, d)
	}
	return cost, depth
}

func (w *walker) field(f *ast.Field, level int) (cost, depth int) {
	if f.Alias != "" && f.Alias != f.Name {
		w.aliases++
	}
	if len(f.SelectionSet) == 0 {
		return 0, level
	}
	connection := f.Definition != nil && strings.HasSuffix(f.Definition.Type.Name(), "Connection")
	if connection {
		w.pages++
		defer func() { w.pages-- }()
	}
	inner, depth := w.selections(f.SelectionSet, level)
	switch {
	case connection:
		return 1 + w.pageSize(f)*inner, depth
	case w.pages > 0 && (f.Name == "edges" || f.Name == "nodes" || f.Name == "node"):
		// The page's own lists: the connection already counts its size.
		return inner, depth
	case f.Definition != nil && f.Definition.Type.Elem != nil:
		return 1 + listEstimate*inner, depth
	}
	return 1 + inner, depth
}

// pageSize is the page a connection field asks for.
func (w *walker) pageSize(f *ast.Field) int {
	args := f.ArgumentMap(w.vars)
	size := DefaultPageSize
	for _, name := range []string{"first", "last"} {
		switch n := args[name].(type) {
		case int64:
			size = int(n)
		case int:
			size = n
		case float64:
			size = int(n)
		}
	}
	return max(size, 1)
}
