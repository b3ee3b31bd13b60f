package graph

import (
	"maps"
	"slices"
	"strings"

	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/formatter"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// IntrospectionLimits bound an operation that reads only the schema
// (__schema, __type, __typename). It touches no record, so the record
// limits do not apply. What it could cost is how often it multiplies the
// schema by itself: gqlparser's validator already refuses an operation that
// nests the schema's lists (types { fields { type { fields … } } }) more
// than three deep ("Maximum introspection depth exceeded"), so what is left
// to bound is depth and aliases.
type IntrospectionLimits struct {
	// MaxDepth is how deeply its fields may nest: type references
	// (ofType { ofType { … } }) nest deeply but cost nothing.
	MaxDepth int
}

// DefaultIntrospectionLimits let graphql-js's getIntrospectionQuery (15
// levels, all options on), graphql-core's and get-graphql-schema's (13) and
// GraphiQL's queries through.
var DefaultIntrospectionLimits = IntrospectionLimits{MaxDepth: 30}

// introspectionOnly reports whether an operation reads only the schema.
func introspectionOnly(doc *ast.QueryDocument, op *ast.OperationDefinition) bool {
	if op == nil || op.Operation != ast.Query {
		return false
	}
	fields := 0
	ok := true
	var visit func(ast.SelectionSet, map[string]bool)
	visit = func(set ast.SelectionSet, seen map[string]bool) {
		for _, sel := range set {
			switch s := sel.(type) {
			case *ast.Field:
				fields++
				ok = ok && strings.HasPrefix(s.Name, "__")
			case *ast.InlineFragment:
				visit(s.SelectionSet, seen)
			case *ast.FragmentSpread:
				if f := doc.Fragments.ForName(s.Name); f != nil && !seen[s.Name] {
					seen[s.Name] = true
					visit(f.SelectionSet, seen)
				}
			}
		}
	}
	visit(op.SelectionSet, map[string]bool{})
	return ok && fields > 0
}

// check refuses a schema-only operation over the limits.
func (l IntrospectionLimits) check(doc *ast.QueryDocument, op *ast.OperationDefinition, maxAliases int) *gqlerror.Error {
	var depth, aliases int
	visiting := map[string]bool{}
	var walk func(set ast.SelectionSet, level int)
	walk = func(set ast.SelectionSet, level int) {
		for _, sel := range set {
			switch s := sel.(type) {
			case *ast.Field:
				if s.Alias != "" && s.Alias != s.Name {
					aliases++
				}
				depth = max(depth, level+1)
				walk(s.SelectionSet, level+1)
			case *ast.InlineFragment:
				walk(s.SelectionSet, level)
			case *ast.FragmentSpread:
				f := doc.Fragments.ForName(s.Name)
				if f == nil || visiting[s.Name] {
					continue
				}
				visiting[s.Name] = true
				walk(f.SelectionSet, level)
				delete(visiting, s.Name)
			}
		}
	}
	walk(op.SelectionSet, 0)
	switch {
	case depth > l.MaxDepth:
		return limitError("QUERY_TOO_DEEP", "the introspection query nests %d levels deep; at most %d are allowed", depth, l.MaxDepth)
	case aliases > maxAliases:
		return limitError("QUERY_TOO_WIDE", "the query renames %d fields; at most %d aliases are allowed", aliases, maxAliases)
	}
	return nil
}

// internalDirectives are gqlgen's instructions to its code generator, and
// @defer, which the server does not honour (it serves no incremental
// delivery): none of them is part of the public schema.
var internalDirectives = []string{"goExtraField", "goField", "goModel", "goTag", "goEnum", "defer"}

// publicSchema is the schema clients see through introspection and in
// /schema.graphql: the generated schema without the internal directives,
// neither declared nor applied.
func publicSchema(s *ast.Schema) *ast.Schema {
	out := *s
	out.Directives = maps.Clone(s.Directives)
	for _, name := range internalDirectives {
		delete(out.Directives, name)
	}
	out.Types = make(map[string]*ast.Definition, len(s.Types))
	for name, def := range s.Types {
		out.Types[name] = publicDefinition(def)
	}
	for _, root := range []**ast.Definition{&out.Query, &out.Mutation, &out.Subscription} {
		if *root != nil {
			*root = out.Types[(*root).Name]
		}
	}
	return &out
}

func publicDefinition(def *ast.Definition) *ast.Definition {
	d := *def
	d.Directives = publicDirectives(def.Directives)
	d.Fields = make(ast.FieldList, len(def.Fields))
	for i, f := range def.Fields {
		field := *f
		field.Directives = publicDirectives(f.Directives)
		d.Fields[i] = &field
	}
	return &d
}

func publicDirectives(list ast.DirectiveList) ast.DirectiveList {
	var out ast.DirectiveList
	for _, d := range list {
		if !slices.Contains(internalDirectives, d.Name) {
			out = append(out, d)
		}
	}
	return out
}

// SDL is the public schema in the schema definition language, as
// /schema.graphql serves it.
func SDL() string {
	var b strings.Builder
	formatter.NewFormatter(&b, formatter.WithIndent("  ")).FormatSchema(publicSchema(parsedSchema))
	return b.String()
}
