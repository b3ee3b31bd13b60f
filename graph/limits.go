package graph

import (
	"context"
	"fmt"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
	"github.com/vektah/gqlparser/v2/parser"
)

// Limits bound what one request may ask for, so that no query, however
// long, deep or wide, costs the server much before it is refused. The size
// of the document is checked before it is parsed in full and validated
// (validation takes time quadratic in repeated fields); depth, aliases,
// cost and the lists in arguments are checked on the validated operation,
// before any resolver; the work a query really does and the size of its
// response are metered while it runs (see meter.go).
type Limits struct {
	// MaxTokens bounds the lexical tokens of a document: the lexer stops
	// at the limit, before the document is parsed and validated.
	MaxTokens int
	// MaxFields bounds the fields of a document with its fragments spread
	// where they are used, also counted before validation.
	MaxFields int
	// MaxDepth is how deeply fields may nest (introspection, bounded by
	// the schema, is measured apart and exempt).
	MaxDepth int
	// MaxCost bounds the fields a query may resolve: every field of every
	// object counts 1; a connection counts its page size (first or last,
	// else the default page) times what is asked of each node; a list edge
	// ListEstimate times; nodes(ids:) once per ID; and a coverage field
	// AnalysisCost more for each distinct day it asks for. The same bound
	// is enforced on the fields really resolved while the query runs.
	MaxCost int
	// MaxAliases bounds the fields a query renames, the usual way to ask
	// for one expensive field many times.
	MaxAliases int
	// MaxIDs bounds the IDs of nodes(ids:).
	MaxIDs int
	// MaxListValues bounds any other list in an argument (nameIn, idIn…).
	MaxListValues int
	// MaxResponseBytes bounds the data of a response.
	MaxResponseBytes int
	// MaxRows bounds the records a request's queries load from the
	// register, counted as they are loaded (rows.go); zero means no bound.
	MaxRows int
}

// DefaultLimits are generous for the dashboard and reporting tools (the
// dashboard's dearest query costs under a fifth of MaxCost; see
// TestTheDashboardFitsTheLimits) and small enough that a refused query is
// refused at once. graphql-js's getIntrospectionQuery(), GraphiQL's and
// graphql-core's pass them (TestIntrospectionPassesTheLimits).
var DefaultLimits = Limits{
	MaxTokens:        15_000,
	MaxFields:        1_000,
	MaxDepth:         12,
	MaxCost:          250_000,
	MaxAliases:       30,
	MaxIDs:           100,
	MaxListValues:    500,
	MaxResponseBytes: 32 << 20,
	MaxRows:          50_000,
}

// ListEstimate is how many records a list edge (children, memberships…) is
// assumed to hold in the cost of a query; the fields really resolved are
// metered against MaxCost as the query runs, so a longer list cannot make
// a query cost more than MaxCost.
const ListEstimate = 20

// AnalysisCost is what one coverage analysis (one distinct day of
// coverage, coverageGaps or gridMap) adds to the cost of a query.
const AnalysisCost = 20_000

// limiter is the extension that applies Limits with the schema's
// complexity functions.
type limiter struct {
	Limits
	es graphql.ExecutableSchema
}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationParameterMutator
	graphql.OperationContextMutator
} = limiter{}

// ExtensionName names the extension.
func (limiter) ExtensionName() string { return "JicengLimits" }

// Validate accepts any schema.
func (limiter) Validate(graphql.ExecutableSchema) error { return nil }

// MutateOperationParameters refuses a document over MaxTokens or MaxFields
// before gqlgen parses and validates it. A document that does not parse is
// left to gqlgen, which reports where.
func (l limiter) MutateOperationParameters(_ context.Context, params *graphql.RawParams) *gqlerror.Error {
	return l.checkDocument(params.Query)
}

func (l Limits) checkDocument(query string) *gqlerror.Error {
	doc, err := parser.ParseQueryWithTokenLimit(&ast.Source{Input: query}, l.MaxTokens)
	if err != nil {
		if e, ok := err.(*gqlerror.Error); ok && isTokenLimit(e) {
			return limitError("QUERY_TOO_LARGE", "the query has more than %d tokens; send a shorter document", l.MaxTokens)
		}
		return nil
	}
	if n := expandedFields(doc, l.MaxFields); n > l.MaxFields {
		return limitError("QUERY_TOO_LARGE", "the query asks for more than %d fields, counting each fragment where it is spread; at most %d are allowed", l.MaxFields, l.MaxFields)
	}
	return nil
}

func isTokenLimit(e *gqlerror.Error) bool {
	return len(e.Message) >= 14 && e.Message[:14] == "exceeded token"
}

// MutateOperationContext refuses an operation over a limit, and charges
// its cost to the viewer's budget.
func (l limiter) MutateOperationContext(ctx context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	if introspectionOnly(oc.Doc, oc.Operation) {
		// Reads no record: measured apart, with bounds of its own (introspection.go).
		return DefaultIntrospectionLimits.check(oc.Doc, oc.Operation, l.MaxAliases)
	}
	if err := l.checkArguments(l.es.Schema(), oc.Operation, oc.Doc, oc.Variables); err != nil {
		return err
	}
	m := l.Measure(ctx, l.es, oc.Doc, oc.Operation, oc.Variables)
	switch {
	case m.Depth > l.MaxDepth:
		return limitError("QUERY_TOO_DEEP", "the query nests %d levels deep; at most %d are allowed", m.Depth, l.MaxDepth)
	case m.Aliases > l.MaxAliases:
		return limitError("QUERY_TOO_WIDE", "the query renames %d fields; at most %d aliases are allowed", m.Aliases, l.MaxAliases)
	case m.Cost > l.MaxCost:
		return limitError("QUERY_TOO_COSTLY", "the query could resolve %d fields; at most %d are allowed in one request: ask for smaller pages, fewer edges or fewer days", m.Cost, l.MaxCost)
	}
	if err := chargeCost(ctx, m.Cost); err != nil {
		return err
	}
	startMeter(ctx, m.Cost-m.Days*AnalysisCost, m.Days, l.Limits)
	return nil
}

func limitError(code, format string, args ...any) *gqlerror.Error {
	return &gqlerror.Error{Message: fmt.Sprintf(format, args...), Extensions: map[string]any{"code": code}}
}

// Measure is the depth, cost and aliases of an operation, and the days
// of coverage it asks for.
type Measure struct{ Depth, Cost, Aliases, Days int }

// Measure measures an operation of a validated document with its
// variables: the cost with gqlgen's complexity walker over es and the
// typed arguments (see cost.go), the depth and aliases with a walk that
// visits each fragment once.
func (l Limits) Measure(ctx context.Context, es graphql.ExecutableSchema, doc *ast.QueryDocument, op *ast.OperationDefinition, vars map[string]any) Measure {
	w := &walker{doc: doc, depths: map[string]int{}, visiting: map[string]bool{}}
	depth := w.selections(op.SelectionSet)
	c, days := cost(ctx, es, op, vars)
	return Measure{Depth: depth, Cost: c, Aliases: w.aliases, Days: days}
}

// walker measures depth and aliases; each fragment is walked once (its
// aliases count once per document, a bound on renaming all the same).
type walker struct {
	doc      *ast.QueryDocument
	aliases  int
	depths   map[string]int  // fragments' depths
	visiting map[string]bool // fragments being walked, against cycles
}

// selections returns how deep a selection set reaches below its field.
func (w *walker) selections(set ast.SelectionSet) int {
	depth := 0
	for _, sel := range set {
		switch s := sel.(type) {
		case *ast.Field:
			if s.Alias != "" && s.Alias != s.Name {
				w.aliases++
			}
			if isIntrospection(s) {
				continue // bounded by the schema; measured apart
			}
			depth = max(depth, 1+w.selections(s.SelectionSet))
		case *ast.InlineFragment:
			depth = max(depth, w.selections(s.SelectionSet))
		case *ast.FragmentSpread:
			d, ok := w.depths[s.Name]
			if !ok {
				f := w.doc.Fragments.ForName(s.Name)
				if f == nil || w.visiting[s.Name] {
					continue
				}
				w.visiting[s.Name] = true
				d = w.selections(f.SelectionSet)
				delete(w.visiting, s.Name)
				w.depths[s.Name] = d
			}
			depth = max(depth, d)
		}
	}
	return depth
}

// isIntrospection reports whether a field reads the schema: __schema and
// __type, whose nesting the schema bounds (__typename has no selections).
func isIntrospection(f *ast.Field) bool {
	return f.Name == "__schema" || f.Name == "__type"
}

// expandedFields counts the fields of a parsed, unvalidated document's
// operations with every fragment spread where it is used, stopping once
// the count passes limit. Each fragment's count is computed once, so a
// chain of fragments each spreading the next twice is counted in linear
// time however large its expansion.
func expandedFields(doc *ast.QueryDocument, limit int) int {
	memo := map[string]int{}
	visiting := map[string]bool{}
	var count func(set ast.SelectionSet) int
	count = func(set ast.SelectionSet) int {
		n := 0
		for _, sel := range set {
			switch s := sel.(type) {
			case *ast.Field:
				n = satAdd(n, satAdd(1, count(s.SelectionSet)))
			case *ast.InlineFragment:
				n = satAdd(n, count(s.SelectionSet))
			case *ast.FragmentSpread:
				c, ok := memo[s.Name]
				if !ok {
					f := doc.Fragments.ForName(s.Name)
					if f == nil || visiting[s.Name] {
						continue // validation will refuse it
					}
					visiting[s.Name] = true
					c = count(f.SelectionSet)
					delete(visiting, s.Name)
					memo[s.Name] = c
				}
				n = satAdd(n, c)
			}
			if n > limit {
				return n
			}
		}
		return n
	}
	total := 0
	for _, op := range doc.Operations {
		total = satAdd(total, count(op.SelectionSet))
	}
	for _, f := range doc.Fragments {
		if _, ok := memo[f.Name]; !ok && !visiting[f.Name] {
			visiting[f.Name] = true
			total = satAdd(total, count(f.SelectionSet))
			delete(visiting, f.Name)
		}
	}
	return total
}

// satAdd adds without overflowing, saturating at a large bound.
func satAdd(a, b int) int {
	const top = 1 << 40
	if a > top-b {
		return top
	}
	return a + b
}
