package graph

import (
	"context"
	"fmt"
	"reflect"
	"strings"

	"github.com/99designs/gqlgen/complexity"
	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// costed is the executable schema with the register's cost of each field,
// for gqlgen's complexity walker. The walker hands it the arguments as the
// query and its variables give them; they are coerced here with the same
// unmarshalers the resolvers' arguments go through, so a page size sent
// as "500" costs what 500 costs.
type costed struct {
	graphql.ExecutableSchema
}

type daysKey struct{}

// cost is the cost of an operation (see Limits.MaxCost).
func cost(ctx context.Context, es graphql.ExecutableSchema, op *ast.OperationDefinition, vars map[string]any) (total, days int) {
	seen := map[string]bool{}
	ctx = context.WithValue(ctx, daysKey{}, seen)
	return complexity.Calculate(ctx, costed{es}, op, vars), len(seen)
}

// analysed are the fields that run a coverage analysis for their day.
var analysed = map[string]bool{"coverage": true, "coverageGaps": true, "gridMap": true}

// Complexity is the cost of one field given its children's.
func (c costed) Complexity(ctx context.Context, typeName, field string, child int, args map[string]any) (int, bool) {
	def := c.Schema().Types[typeName]
	if def == nil {
		return 0, false
	}
	f := def.Fields.ForName(field)
	if f == nil {
		return 0, false
	}
	extra := 0
	if typeName == "Query" && analysed[field] {
		days, _ := ctx.Value(daysKey{}).(map[string]bool)
		day := fmt.Sprint(args["asOf"])
		if days != nil && !days[day] {
			days[day] = true
			extra = AnalysisCost
		}
	}
	switch {
	case typeName == "Query" && field == "nodes":
		n := 1
		if v := reflect.ValueOf(args["ids"]); v.Kind() == reflect.Slice {
			n = max(v.Len(), 1)
		}
		return satAdd(1, satMul(n, child)), true
	case strings.HasSuffix(f.Type.Name(), "Connection"):
		return satAdd(1+extra, satMul(pageSize(args), child)), true
	case f.Type.Elem != nil && !strings.HasSuffix(typeName, "Connection") && child > 0:
		// A list edge; a connection's own edges and nodes are counted by
		// the connection's page size.
		return satAdd(1+extra, satMul(ListEstimate, child)), true
	}
	return satAdd(1+extra, child), true
}

// pageSize is the page a connection field asks for, coerced as its
// resolver's arguments are.
func pageSize(args map[string]any) int {
	size := DefaultPageSize
	for _, name := range []string{"first", "last"} {
		v, ok := args[name]
		if !ok || v == nil {
			continue
		}
		n, err := graphql.UnmarshalInt(v)
		if err != nil {
			return MaxPageSize // the resolver will refuse it; cost it as the largest page
		}
		size = n
	}
	return max(size, 1)
}

func satMul(a, b int) int {
	const top = 1 << 40
	if a <= 0 || b <= 0 {
		return 0
	}
	if a > top/b {
		return top
	}
	return a * b
}

// checkArguments refuses a list in an argument longer than its maximum:
// nodes(ids:) takes MaxIDs, any other list (nameIn, idIn…) MaxListValues,
// at every level of the argument's type (a list inside a scalar, such as a
// GeoJSON boundary's coordinates, is not counted). Every field of the
// validated document is looked at once, fragments included. Lists in
// variables were already counted before the body was decoded (early.go);
// this counts literal lists, and the variables of a persisted query.
func (l Limits) checkArguments(schema *ast.Schema, op *ast.OperationDefinition, doc *ast.QueryDocument, vars map[string]any) *gqlerror.Error {
	var walk func(set ast.SelectionSet) *gqlerror.Error
	walk = func(set ast.SelectionSet) *gqlerror.Error {
		for _, sel := range set {
			switch s := sel.(type) {
			case *ast.Field:
				for _, a := range s.Arguments {
					limit := l.MaxListValues
					if s.Name == "nodes" && a.Name == "ids" {
						limit = l.MaxIDs
					}
					if s.Definition == nil {
						continue
					}
					def := s.Definition.Arguments.ForName(a.Name)
					v, err := a.Value.Value(vars)
					if def == nil || err != nil {
						continue // validation reports it
					}
					if e := longList(schema, a.Name, def.Type, v, limit); e != nil {
						return e
					}
				}
				if e := walk(s.SelectionSet); e != nil {
					return e
				}
			case *ast.InlineFragment:
				if e := walk(s.SelectionSet); e != nil {
					return e
				}
			}
		}
		return nil
	}
	if e := walk(op.SelectionSet); e != nil {
		return e
	}
	for _, f := range doc.Fragments {
		if e := walk(f.SelectionSet); e != nil {
			return e
		}
	}
	return nil
}

// longList finds a list longer than limit in a value of a type.
func longList(schema *ast.Schema, path string, typ *ast.Type, v any, limit int) *gqlerror.Error {
	if typ == nil {
		return nil
	}
	if typ.Elem != nil {
		x, ok := v.([]any)
		if !ok {
			return longList(schema, path, typ.Elem, v, limit)
		}
		if len(x) > limit {
			return tooLong(path, len(x), limit)
		}
		for _, e := range x {
			if err := longList(schema, path, typ.Elem, e, limit); err != nil {
				return err
			}
		}
		return nil
	}
	def := schema.Types[typ.NamedType]
	x, ok := v.(map[string]any)
	if def == nil || def.Kind != ast.InputObject || !ok {
		return nil
	}
	for k, e := range x {
		if f := def.Fields.ForName(k); f != nil {
			if err := longList(schema, path+"."+k, f.Type, e, limit); err != nil {
				return err
			}
		}
	}
	return nil
}

// tooLong is the refusal of a list of n values where limit are allowed.
func tooLong(path string, n, limit int) *gqlerror.Error {
	name := path[strings.LastIndexByte(path, '.')+1:]
	return &gqlerror.Error{
		Message:    fmt.Sprintf("%s: %d values; at most %d are allowed in one request, ask in parts", name, n, limit),
		Extensions: map[string]any{"code": "BAD_USER_INPUT", "field": path, "reason": "LIST_TOO_LONG"},
	}
}
