package graph_test

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/vektah/gqlparser/v2"

	"jiceng/graph"
	"jiceng/graph/graphtest"
	"jiceng/viewer"
)

// refusedQuickly posts a query that must fail with code, within a second,
// or, on a machine so loaded that a light query takes longer than 50 ms,
// within 20 times what a light query takes just before and after it. It
// sends them with a new token of the reporter role each time: a token's
// refusals in a row are held on purpose (the tarpit, TestRefusalsInARowWait),
// and what is timed here is the server's work.
func refusedQuickly(t *testing.T, c *graphtest.Client, code, query string, vars ...any) graphtest.Error {
	t.Helper()
	c = c.As(viewer.Reporter)
	light := func() time.Duration {
		began := time.Now()
		c.Do(nil, `{ viewer { name } }`)
		return time.Since(began)
	}
	before := light()
	began := time.Now()
	e := c.Fail(query, vars...)
	took := time.Since(began)
	if bound := max(time.Second, 20*max(before, light())); took > bound {
		t.Errorf("refused after %s, want within %s", took, bound)
	}
	if e.Code() != code {
		t.Errorf("got %s (%s), want %s", e.Code(), e.Message, code)
	}
	return e
}

// TestOneReporterCannotExhaustTheServer replays the attacks of a read-only
// token on the cost model: each is refused before it costs much.
func TestOneReporterCannotExhaustTheServer(t *testing.T) {
	w := newWorld(t)
	reporter := w.api.As(viewer.Reporter)
	t.Run("a field repeated 40,000 times", func(t *testing.T) {
		refusedQuickly(t, reporter, "QUERY_TOO_LARGE", "{ "+strings.Repeat("viewer { name } ", 40_000)+"}")
	})
	t.Run("a field repeated within the token limit but past the field limit", func(t *testing.T) {
		refusedQuickly(t, reporter, "QUERY_TOO_LARGE", "{ "+strings.Repeat("__typename ", 5_000)+"}")
	})
	t.Run("fragments that double at every step", func(t *testing.T) {
		var b strings.Builder
		b.WriteString("{ ...F0 }")
		for i := 0; i < 40; i++ {
			b.WriteString(" fragment F" + id(i) + " on Query { viewer { name } ...F" + id(i+1) + " ...F" + id(i+1) + " }")
		}
		b.WriteString(" fragment F40 on Query { viewer { name } }")
		refusedQuickly(t, reporter, "QUERY_TOO_LARGE", b.String())
	})
	t.Run("nodes with 20,000 copies of one ID", func(t *testing.T) {
		ids := make([]string, 20_000)
		for i := range ids {
			ids[i] = id(w.member.ID)
		}
		e := refusedQuickly(t, reporter, "BAD_USER_INPUT", `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, "ids", ids)
		if e.Field() != "ids" || !strings.Contains(e.Message, "at most 100") {
			t.Errorf("got field %q, %q; want ids and its maximum", e.Field(), e.Message)
		}
	})
	t.Run("nodes costs per ID", func(t *testing.T) {
		ids := make([]string, 100)
		for i := range ids {
			ids[i] = id(w.member.ID)
		}
		var out struct{ Nodes []struct{ ID string } }
		reporter.Do(&out, `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, "ids", ids)
		if len(out.Nodes) != 100 {
			t.Errorf("got %d nodes, want 100", len(out.Nodes))
		}
		m := measure(t, `query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Member { name phone } } }`, map[string]any{"ids": ids})
		if m.Cost < 300 {
			t.Errorf("100 IDs of 3 fields cost %d, want at least 300", m.Cost)
		}
	})
	t.Run("nested list edges under a large page", func(t *testing.T) {
		refusedQuickly(t, reporter, "QUERY_TOO_COSTLY",
			`{ organizations(first: 500) { nodes { memberships { member { attendedMeetings { attendees { name } } } } } } }`)
	})
	t.Run("a page size sent as a string costs what the number costs", func(t *testing.T) {
		q := `query($f: Int) { organizations(first: $f) { nodes { children { memberships { member { name phone address } } } } } }`
		asString := measure(t, q, map[string]any{"f": "500"})
		asNumber := measure(t, q, map[string]any{"f": int64(500)})
		if asString.Cost != asNumber.Cost || asNumber.Cost <= graph.DefaultLimits.MaxCost {
			t.Errorf("first as \"500\" costs %d, as 500 %d; want equal and over %d", asString.Cost, asNumber.Cost, graph.DefaultLimits.MaxCost)
		}
		refusedQuickly(t, reporter, "QUERY_TOO_COSTLY", q, "f", "500")
	})
	t.Run("every field of a page counts", func(t *testing.T) {
		few := measure(t, `{ members(first: 500) { nodes { id } } }`, nil)
		many := measure(t, `{ members(first: 500) { nodes { id name status category joinedPartyOn phone address } } }`, nil)
		if many.Cost < few.Cost+500*6 {
			t.Errorf("7 fields a member cost %d, 1 field %d; want 3,000 more", many.Cost, few.Cost)
		}
	})
	t.Run("30 coverage aliases of different days", func(t *testing.T) {
		var b strings.Builder
		b.WriteString("{ ")
		for i := 1; i <= 30; i++ {
			b.WriteString("d" + id(i) + `: coverage(asOf: "2025-06-` + twoDigits(i) + `") { gapTotal } `)
		}
		b.WriteString("}")
		refusedQuickly(t, reporter, "QUERY_TOO_COSTLY", b.String())
	})
	t.Run("coverage aliases of one day cost one analysis", func(t *testing.T) {
		var b strings.Builder
		b.WriteString("{ ")
		for i := 1; i <= 30; i++ {
			b.WriteString("d" + id(i) + `: coverage(asOf: "2025-06-01") { gapTotal } `)
		}
		b.WriteString("}")
		if m := measure(t, b.String(), nil); m.Cost > graph.AnalysisCost+100 {
			t.Errorf("30 aliases of one day cost %d, want one analysis (%d) and their fields", m.Cost, graph.AnalysisCost)
		}
		reporter.Do(nil, b.String())
	})
	t.Run("a filter of 40,000 names", func(t *testing.T) {
		names := make([]string, 40_000)
		for i := range names {
			names[i] = "王某" + id(i)
		}
		e := refusedQuickly(t, reporter, "BAD_USER_INPUT", `query($n: [String!]) { members(where: {nameIn: $n}) { totalCount } }`, "n", names)
		if e.Field() != "where.nameIn" || !strings.Contains(e.Message, "at most 500") {
			t.Errorf("got field %q, %q; want where.nameIn and its maximum", e.Field(), e.Message)
		}
	})
}

func twoDigits(i int) string {
	if i < 10 {
		return "0" + id(i)
	}
	return id(i)
}

// measure measures a query's only operation with the default limits.
func measure(t *testing.T, query string, vars map[string]any) graph.Measure {
	t.Helper()
	es := graph.NewExecutableSchema(graph.Config{})
	doc, errs := gqlparser.LoadQueryWithRules(es.Schema(), query, nil)
	if errs != nil {
		t.Fatalf("%v\n%s", errs, query)
	}
	return graph.DefaultLimits.Measure(context.Background(), es, doc, doc.Operations[0], vars)
}

// TestTheRunningQueryIsMetered: lists longer than the cost model estimates
// cannot make a query resolve more fields than the limit, nor a response
// be larger than its cap; the client gets one error, no partial data.
func TestTheRunningQueryIsMetered(t *testing.T) {
	w := newWorld(t)
	small := graph.DefaultLimits
	small.MaxCost = 60 // the query below is estimated at less, and resolves more
	tight := graphtest.NewWith(t, w.store, graph.Options{Limits: small})
	q := `query($id: ID!) { node(id: $id) { ... on Area { name children { id name } } } }`
	if m := measure(t, q, map[string]any{"id": id(w.community.ID)}); m.Cost > small.MaxCost {
		t.Fatalf("the query is estimated at %d, want under %d for the test", m.Cost, small.MaxCost)
	}
	tight.Do(nil, q, "id", id(w.community.ID)) // fits as it stands
	for i := 0; i < 40; i++ {
		w.api.Do(nil, `mutation($p: ID!, $n: String!) { createArea(input: {name: $n, kind: GRID, parentID: $p}) { id } }`,
			"p", id(w.community.ID), "n", "网格"+id(i))
	}
	res := tight.Post(q, "id", id(w.community.ID))
	if len(res.Errors) != 1 || res.Errors[0].Code() != "QUERY_TOO_COSTLY" || string(res.Data) != "" && string(res.Data) != "null" {
		t.Errorf("got %s %+v, want one QUERY_TOO_COSTLY and no data", res.Data, res.Errors)
	}
	capped := graph.DefaultLimits
	capped.MaxResponseBytes = 1 << 10
	small1k := graphtest.NewWith(t, w.store, graph.Options{Limits: capped})
	res = small1k.Post(`{ areas(first: 100) { nodes { id name kind } } }`)
	if len(res.Errors) != 1 || res.Errors[0].Code() != "RESPONSE_TOO_LARGE" {
		t.Errorf("got %+v, want RESPONSE_TOO_LARGE", res.Errors)
	}
}

// TestIntrospectionPassesTheLimits sends the introspection queries of the
// standard tools, which nest deeper than MaxDepth, as a reporter.
func TestIntrospectionPassesTheLimits(t *testing.T) {
	w := newWorld(t)
	reporter := w.api.As(viewer.Reporter)
	for _, name := range []string{"default", "graphiql", "all-options"} {
		src, err := os.ReadFile("testdata/introspection-" + name + ".graphql")
		if err != nil {
			t.Fatal(err)
		}
		var out struct {
			Schema struct{ Types []struct{ Name string } } `json:"__schema"`
		}
		reporter.Do(&out, string(src))
		if len(out.Schema.Types) < 50 {
			t.Errorf("%s: got %d types, want the schema's", name, len(out.Schema.Types))
		}
	}
}

// TestNoSuggestionsWithoutIntrospection: with introspection off, an error
// does not name a field the client did not ask for.
func TestNoSuggestionsWithoutIntrospection(t *testing.T) {
	w := newWorld(t)
	closed := graphtest.NewWith(t, w.store, graph.Options{NoIntrospection: true})
	for _, q := range []string{`{ member { id } }`, `{ members { nodes { nam } } }`, `{ members(firs: 1) { totalCount } }`,
		`{ members(where: {nam: "x"}) { totalCount } }`, `{ coverageGaps(rules: [LIFE_NO_SECRETAR]) { totalCount } }`} {
		e := closed.Fail(q)
		if strings.Contains(e.Message, "Did you mean") || strings.Contains(e.Message, "\"name\"") || strings.Contains(e.Message, "LIFE_NO_SECRETARY") {
			t.Errorf("%s: got %q, want no suggestion", q, e.Message)
		}
	}
	if e := w.api.Fail(`{ members { nodes { nam } } }`); !strings.Contains(e.Message, "Did you mean") {
		t.Logf("with introspection on the message may suggest: %q", e.Message)
	}
}

// TestTextFieldsHaveLengths: a name of a megabyte is refused with the
// field's name and its length; one of a register's length is kept.
func TestTextFieldsHaveLengths(t *testing.T) {
	w := newWorld(t)
	long := strings.Repeat("名", 300_000)
	e := w.api.Fail(`mutation($id: ID!, $n: String!) { updateMember(id: $id, input: {name: $n}) { id } }`, "id", id(w.member.ID), "n", long)
	if e.Code() != "BAD_USER_INPUT" || e.Field() != "name" || !strings.Contains(e.Message, "at most 50 characters") {
		t.Errorf("got %s %s %q, want BAD_USER_INPUT on name saying its length", e.Code(), e.Field(), e.Message)
	}
	e = w.api.Fail(`mutation($id: ID!, $a: String!) { updateMember(id: $id, input: {address: $a}) { id } }`, "id", id(w.member.ID), "a", strings.Repeat("路", 201))
	if e.Field() != "address" || !strings.Contains(e.Message, "at most 200") {
		t.Errorf("got %s %q, want address at most 200", e.Field(), e.Message)
	}
	w.api.Do(nil, `mutation($id: ID!, $n: String!) { updateMember(id: $id, input: {name: $n}) { id } }`, "id", id(w.member.ID), "n", strings.Repeat("名", 50))
}
