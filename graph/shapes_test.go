package graph_test

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// referenceQuery reads the organisations with every field the shapes below
// ask for, through "nodes" alone.
const referenceQuery = `{ organizations(first: 10, orderBy: {field: NAME}) {
	nodes { id name kind formation parent { id name } children { id name kind } }
} }`

// TestNodesAndEdgesLoadTheSameFields asks for a page's nodes in every way a
// client can (nodes beside edges, in fragments, under aliases, nested) and
// compares each node, field by field, with the reference.
func TestNodesAndEdgesLoadTheSameFields(t *testing.T) {
	w := newWorld(t)
	var ref struct {
		Organizations struct{ Nodes []map[string]any }
	}
	w.api.Do(&ref, referenceQuery)
	want := ref.Organizations.Nodes
	if len(want) < 3 {
		t.Fatalf("got %d organisations, want the world's 4", len(want))
	}
	shapes := map[string]struct {
		query string
		lists []string // paths of the node lists in the answer: "a.b" or "a.b[].node"
	}{
		"nodes beside edges": {`{ organizations(first: 10, orderBy: {field: NAME}) {
			nodes { id name kind } edges { node { id } } } }`,
			[]string{"organizations.nodes", "organizations.edges[].node"}},
		"edges beside nodes, the fields split": {`{ organizations(first: 10, orderBy: {field: NAME}) {
			edges { node { name parent { name } } } nodes { id kind children { id } } } }`,
			[]string{"organizations.nodes", "organizations.edges[].node"}},
		"nodes in a fragment": {`query { organizations(first: 10, orderBy: {field: NAME}) { ...page } }
			fragment page on OrganizationConnection { nodes { id name formation } }`,
			[]string{"organizations.nodes"}},
		"nodes in an inline fragment beside edges": {`{ organizations(first: 10, orderBy: {field: NAME}) {
			edges { node { id } } ... on OrganizationConnection { nodes { name kind } } } }`,
			[]string{"organizations.nodes", "organizations.edges[].node"}},
		"node fields in a fragment": {`query { organizations(first: 10, orderBy: {field: NAME}) {
			nodes { ...org } edges { node { id } } } }
			fragment org on Organization { id name parent { id name } }`,
			[]string{"organizations.nodes", "organizations.edges[].node"}},
		"aliased edges": {`{ organizations(first: 10, orderBy: {field: NAME}) {
			list: edges { item: node { id name kind } } } }`,
			[]string{"organizations.list[].item"}},
		"aliased nodes and edges together": {`{ organizations(first: 10, orderBy: {field: NAME}) {
			a: nodes { id } b: edges { node { name } } c: nodes { kind formation } } }`,
			[]string{"organizations.a", "organizations.b[].node", "organizations.c"}},
		"edges twice": {`{ organizations(first: 10, orderBy: {field: NAME}) {
			edges { node { id } } edges { node { name } } } }`,
			[]string{"organizations.edges[].node"}},
		"nested edges asked for under both": {`{ organizations(first: 10, orderBy: {field: NAME}) {
			nodes { id children { id name } } edges { node { children { kind } parent { id } } } } }`,
			[]string{"organizations.nodes", "organizations.edges[].node"}},
		"an aliased connection": {`{ orgs: organizations(first: 10, orderBy: {field: NAME}) {
			nodes { id } edges { node { name kind } } } }`,
			[]string{"orgs.nodes", "orgs.edges[].node"}},
	}
	for name, shape := range shapes {
		t.Run(name, func(t *testing.T) {
			res := w.api.Post(shape.query)
			if len(res.Errors) > 0 {
				t.Fatalf("got errors %+v", res.Errors)
			}
			var data map[string]any
			if err := json.Unmarshal(res.Data, &data); err != nil {
				t.Fatal(err)
			}
			for _, path := range shape.lists {
				got := nodeList(t, data, path)
				if len(got) != len(want) {
					t.Fatalf("%s: got %d nodes, want %d", path, len(got), len(want))
				}
				for i := range got {
					sameFields(t, fmt.Sprintf("%s[%d]", path, i), got[i], want[i])
				}
			}
		})
	}
}

// nodeList follows a path such as "organizations.edges[].node" to a list.
func nodeList(t *testing.T, data map[string]any, path string) []any {
	t.Helper()
	parts := strings.Split(path, ".")
	cur := []any{data}
	for _, p := range parts {
		key, each := strings.CutSuffix(p, "[]")
		var next []any
		for _, c := range cur {
			v := c.(map[string]any)[key]
			if each || key == parts[len(parts)-1] && isList(v) {
				list, _ := v.([]any)
				next = append(next, list...)
			} else {
				next = append(next, v)
			}
		}
		cur = next
	}
	return cur
}

func isList(v any) bool { _, ok := v.([]any); return ok }

// sameFields checks that every field of got has the value it has in want.
func sameFields(t *testing.T, path string, got, want any) {
	t.Helper()
	switch g := got.(type) {
	case map[string]any:
		w, ok := want.(map[string]any)
		if !ok {
			t.Errorf("%s: got an object, want %v", path, want)
			return
		}
		for k, v := range g {
			sameFields(t, path+"."+k, v, w[k])
		}
	case []any:
		w, ok := want.([]any)
		if !ok || len(w) != len(g) {
			t.Errorf("%s: got %d items, want %v", path, len(g), want)
			return
		}
		for i := range g {
			sameFields(t, fmt.Sprintf("%s[%d]", path, i), g[i], w[i])
		}
	default:
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: got %#v, want %#v", path, got, want)
		}
	}
}

func TestACursorKeepsToItsOrder(t *testing.T) {
	w := newWorld(t)
	w.addMembers(t, 5)
	var page struct {
		Members struct {
			PageInfo struct{ EndCursor string }
		}
	}
	w.api.Do(&page, `{ members(first: 2, orderBy: {field: NAME}) { pageInfo { endCursor } } }`)
	cursor := page.Members.PageInfo.EndCursor
	t.Run("under the same order it pages on", func(t *testing.T) {
		var next struct {
			Members struct{ Nodes []struct{ Name string } }
		}
		w.api.Do(&next, `query($c: Cursor) { members(first: 2, after: $c, orderBy: {field: NAME}) { nodes { name } } }`, "c", cursor)
		if len(next.Members.Nodes) != 2 {
			t.Errorf("got %d members, want 2", len(next.Members.Nodes))
		}
	})
	for name, q := range map[string]string{
		"another field":     `query($c: Cursor) { members(first: 2, after: $c, orderBy: {field: STATUS}) { nodes { name } } }`,
		"another direction": `query($c: Cursor) { members(first: 2, after: $c, orderBy: {field: NAME, direction: DESC}) { nodes { name } } }`,
		"no order":          `query($c: Cursor) { members(first: 2, after: $c) { nodes { name } } }`,
		"as before":         `query($c: Cursor) { members(last: 2, before: $c, orderBy: [{field: NAME}, {field: STATUS}]) { nodes { name } } }`,
	} {
		t.Run("under "+name+" it is refused", func(t *testing.T) {
			e := w.api.Fail(q, "c", cursor)
			field := "after"
			if strings.Contains(q, "before") {
				field = "before"
			}
			if e.Code() != "BAD_USER_INPUT" || e.Field() != field || !strings.Contains(e.Message, "NAME ASC") {
				t.Errorf("got %s on %q: %s; want BAD_USER_INPUT on %s naming the order NAME ASC", e.Code(), e.Field(), e.Message, field)
			}
		})
	}
	t.Run("a cursor of another connection is refused", func(t *testing.T) {
		var orgs struct {
			Organizations struct{ PageInfo struct{ EndCursor string } }
		}
		w.api.Do(&orgs, `{ organizations(first: 1) { pageInfo { endCursor } } }`)
		e := w.api.Fail(`query($c: Cursor) { members(first: 2, after: $c, orderBy: {field: NAME}) { nodes { name } } }`, "c", orgs.Organizations.PageInfo.EndCursor)
		if e.Code() != "BAD_USER_INPUT" || e.Field() != "after" {
			t.Errorf("got %s on %q: %s; want BAD_USER_INPUT on after", e.Code(), e.Field(), e.Message)
		}
	})
}
