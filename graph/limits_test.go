package graph_test

import (
	"context"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"

	"jiceng/graph"
)

func nested(field string, depth int, leaf string) string {
	return strings.Repeat(field+" { ", depth) + leaf + strings.Repeat(" }", depth)
}

func TestLimits(t *testing.T) {
	w := newWorld(t)
	cases := []struct{ name, query, code string }{
		{"a deep query", `{ organizations { nodes { ` + nested("children", 12, "name") + ` } } }`, "QUERY_TOO_DEEP"},
		{"a wide query of many aliases", "{ " + strings.Repeat("x: areas { totalCount } ", 1) + aliases(31) + " }", "QUERY_TOO_WIDE"},
		{"a huge page", `{ members(first: 100000) { nodes { name } } }`, "BAD_USER_INPUT"},
		{"a costly query", `{ organizations(first: 500) { nodes { ` + nested("children", 4, "memberships { member { name } }") + ` } } }`, "QUERY_TOO_COSTLY"},
		{"a costly query of aliased pages", "{ " + pages(25) + " }", "QUERY_TOO_COSTLY"},
	}
	for _, tc := range cases {
		t.Run(tc.name+" is refused", func(t *testing.T) {
			e := w.api.Fail(tc.query)
			if e.Code() != tc.code {
				t.Errorf("got %s (%s), want %s", e.Code(), e.Message, tc.code)
			}
		})
	}
	t.Run("normal requests are served", func(t *testing.T) {
		w.api.Do(nil, `{ organizations(first: 500) { nodes { name children { name } memberships { member { name } } } } }`)
	})
}

func aliases(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString("a" + strings.Repeat("x", i) + ": areas(first: 1) { totalCount } ")
	}
	return b.String()
}

func pages(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString("p" + strings.Repeat("x", i) + ": organizations(first: 500) { nodes { children { memberships { member { name } } } } } ")
	}
	return b.String()
}

// TestTheDashboardFitsTheLimits measures every operation the dashboard
// sends (the documents GraphQL Code Generator wrote for it).
func TestTheDashboardFitsTheLimits(t *testing.T) {
	src, err := os.ReadFile("../frontend/src/gql/graphql.ts")
	if err != nil {
		t.Fatalf("reading the dashboard's documents: %v", err)
	}
	es := graph.NewExecutableSchema(graph.Config{})
	schema := es.Schema()
	docs := regexp.MustCompile("(?s)new TypedDocumentString\\(`(.*?)`").FindAllStringSubmatch(string(src), -1)
	if len(docs) < 10 {
		t.Fatalf("found %d documents, want the dashboard's", len(docs))
	}
	for _, d := range docs {
		if strings.HasPrefix(strings.TrimSpace(d[1]), "fragment") {
			continue // a fragment alone; the operations that use it include it
		}
		doc, errs := gqlparser.LoadQueryWithRules(schema, d[1], nil)
		if errs != nil {
			t.Errorf("a dashboard document does not validate: %v\n%s", errs, d[1])
			continue
		}
		for _, op := range doc.Operations {
			m := graph.DefaultLimits.Measure(context.Background(), es, doc, op, largestVariables(op))
			t.Logf("%s: %+v", op.Name, m)
			if m.Depth > graph.DefaultLimits.MaxDepth || m.Cost > graph.DefaultLimits.MaxCost || m.Aliases > graph.DefaultLimits.MaxAliases {
				t.Errorf("%s: depth %d, cost %d, aliases %d; over %+v", op.Name, m.Depth, m.Cost, m.Aliases, graph.DefaultLimits)
			}
		}
	}
}

// largestVariables gives page-size variables their largest value.
func largestVariables(op *ast.OperationDefinition) map[string]any {
	vars := map[string]any{}
	for _, v := range op.VariableDefinitions {
		if v.Variable == "first" || v.Variable == "last" {
			vars[v.Variable] = int64(graph.MaxPageSize)
		}
	}
	return vars
}
