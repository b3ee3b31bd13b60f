package main

import (
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/graphql/introspection"
)

// schemaGet fetches /schema.graphql with a token (none if empty).
func schemaGet(t *testing.T, url, token string, header ...string) (*http.Response, string) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, url+"/schema.graphql", nil)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	return res, string(body)
}

func TestTheSchemaIsPublished(t *testing.T) {
	env := map[string]string{"JICENG_DATA": t.TempDir()}
	reporter := strings.TrimSpace(command(t, env, "", "token", "create", "--name", "tool", "--role", "REPORTER"))
	analyst := strings.TrimSpace(command(t, env, "", "token", "create", "--name", "desk", "--role", "ANALYST"))
	url, stop := startIn(t, env)

	t.Run("a standard introspection query passes the limits", func(t *testing.T) {
		status, out := api(t, url, reporter, introspection.Query)
		if status != http.StatusOK || firstCode(out) != "" {
			t.Fatalf("got %d %v, want the schema", status, firstCode(out))
		}
		schema := out["data"].(map[string]any)["__schema"].(map[string]any)
		for _, d := range schema["directives"].([]any) {
			name := d.(map[string]any)["name"].(string)
			if strings.HasPrefix(name, "go") || name == "defer" {
				t.Errorf("directive @%s is advertised; want only the ones clients may use", name)
			}
		}
		specified := map[string]any{}
		for _, typ := range schema["types"].([]any) {
			ty := typ.(map[string]any)
			if ty["kind"] == "SCALAR" {
				specified[ty["name"].(string)] = ty["specifiedByURL"]
			}
		}
		for _, name := range []string{"Date", "Time", "Cursor", "GeoJSON", "JSON"} {
			if u, _ := specified[name].(string); !strings.HasPrefix(u, "https://") {
				t.Errorf("scalar %s: specifiedByURL %v, want a link to its specification", name, specified[name])
			}
		}
	})
	t.Run("an introspection query multiplying the schema by itself is refused", func(t *testing.T) {
		_, out := api(t, url, reporter, `{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }`)
		if firstCode(out) != "GRAPHQL_VALIDATION_FAILED" {
			t.Errorf("got %q (%v), want GRAPHQL_VALIDATION_FAILED (gqlparser's introspection depth)", firstCode(out), out["errors"])
		}
	})
	t.Run("an introspection query nesting deeper than any tool's is refused", func(t *testing.T) {
		q := "{ __type(name: \"Query\") { " + strings.Repeat("ofType { ", 30) + "name" + strings.Repeat(" }", 30) + " } }"
		if _, out := api(t, url, reporter, q); firstCode(out) != "QUERY_TOO_DEEP" {
			t.Errorf("got %q, want QUERY_TOO_DEEP", firstCode(out))
		}
	})
	t.Run("a data query still keeps to the depth limit", func(t *testing.T) {
		q := `{ __typename areas { nodes { parent { parent { parent { parent { parent { parent { parent { parent { parent { parent { parent { name } } } } } } } } } } } } } }`
		if _, out := api(t, url, reporter, q); firstCode(out) != "QUERY_TOO_DEEP" {
			t.Errorf("got %q, want QUERY_TOO_DEEP", firstCode(out))
		}
	})
	t.Run("the SDL is served to a reporting tool", func(t *testing.T) {
		res, sdl := schemaGet(t, url, reporter)
		if res.StatusCode != http.StatusOK || !strings.HasPrefix(res.Header.Get("Content-Type"), "application/graphql") {
			t.Fatalf("got %d %s, want 200 application/graphql", res.StatusCode, res.Header.Get("Content-Type"))
		}
		for _, want := range []string{"type Query {", "scalar Date @specifiedBy(", "interface Node", "type OrganizationConnection"} {
			if !strings.Contains(sdl, want) {
				t.Errorf("the SDL lacks %q", want)
			}
		}
		for _, not := range []string{"@goModel", "@goField", "directive @defer"} {
			if strings.Contains(sdl, not) {
				t.Errorf("the SDL shows the internal %q", not)
			}
		}
		etag := res.Header.Get("ETag")
		if again, _ := schemaGet(t, url, reporter, "If-None-Match", etag); etag == "" || again.StatusCode != http.StatusNotModified {
			t.Errorf("If-None-Match %s: got %d, want 304", etag, again.StatusCode)
		}
	})
	t.Run("but not to an analyst or a stranger", func(t *testing.T) {
		if res, _ := schemaGet(t, url, analyst); res.StatusCode != http.StatusForbidden {
			t.Errorf("analyst: got %d, want 403", res.StatusCode)
		}
		if res, _ := schemaGet(t, url, ""); res.StatusCode != http.StatusUnauthorized {
			t.Errorf("no token: got %d, want 401", res.StatusCode)
		}
	})
	stop()
	t.Run("with introspection off it is not served", func(t *testing.T) {
		url, stop := startIn(t, env, "--introspection=false")
		defer stop()
		if res, _ := schemaGet(t, url, reporter); res.StatusCode != http.StatusNotFound {
			t.Errorf("got %d, want 404", res.StatusCode)
		}
	})
}
