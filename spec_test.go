package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// exchange sends one request and returns its status, headers and body.
func exchange(t *testing.T, method, target, token, contentType, accept, body string) (int, http.Header, map[string]any) {
	t.Helper()
	req, _ := http.NewRequest(method, target, strings.NewReader(body))
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	if accept != "" {
		req.Header.Set("Accept", accept)
	}
	req.Header.Set("Authorization", "Bearer "+token)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	raw, _ := io.ReadAll(res.Body)
	var out map[string]any
	if err := json.Unmarshal(raw, &out); err != nil {
		t.Fatalf("%s %s: the answer is not JSON (%d): %s", method, target, res.StatusCode, raw)
	}
	return res.StatusCode, res.Header, out
}

// TestGraphQLOverHTTP checks the GraphQL over HTTP specification's
// requirements on status codes, media types and request errors.
func TestGraphQLOverHTTP(t *testing.T) {
	env := map[string]string{"JICENG_DATA": t.TempDir()}
	token := strings.TrimSpace(command(t, env, "", "token", "create", "--name", "tool", "--role", "REPORTER"))
	base, stop := startIn(t, env)
	defer stop()
	const (
		js    = "application/json"
		gql   = "application/graphql-response+json"
		short = `{"query":"{ __typename }"}`
	)
	cases := []struct {
		name, method, path, contentType, accept, body string
		status                                        int
		media, code                                   string
		data                                          bool // whether "data" is in the answer
	}{
		{"a query", "POST", "/query", js, "", short, 200, js, "", true},
		{"graphql-response+json first", "POST", "/query", js, gql + ", " + js + ";q=0.9", short, 200, gql, "", true},
		{"/graphql is /query", "POST", "/graphql", js, "", short, 200, js, "", true},
		{"a query over GET", "GET", "/query?query=" + url.QueryEscape("{ __typename }"), "", "", "", 200, js, "", true},
		{"a parse error under application/json", "POST", "/query", js, js, `{"query":"{ areas {"}`, 200, js, "GRAPHQL_PARSE_FAILED", false},
		{"a parse error under graphql-response+json", "POST", "/query", js, gql, `{"query":"{ areas {"}`, 400, gql, "GRAPHQL_PARSE_FAILED", false},
		{"a validation error under application/json", "POST", "/query", js, js, `{"query":"{ nope }"}`, 200, js, "GRAPHQL_VALIDATION_FAILED", false},
		{"a validation error under graphql-response+json", "POST", "/query", js, gql, `{"query":"{ nope }"}`, 400, gql, "GRAPHQL_VALIDATION_FAILED", false},
		{"a bad variable under application/json", "POST", "/query", js, js, `{"query":"query($n: Int){ areas(first: $n) { totalCount } }","variables":{"n":"x"}}`, 200, js, "GRAPHQL_VALIDATION_FAILED", false},
		{"a JSON array", "POST", "/query", js, "", `[` + short + `]`, 400, js, "BAD_REQUEST", false},
		{"a query that is not a string", "POST", "/query", js, "", `{"query":12}`, 400, js, "BAD_REQUEST", false},
		{"variables that are not an object", "POST", "/query", js, "", `{"query":"{ __typename }","variables":[1]}`, 400, js, "BAD_REQUEST", false},
		{"a body that is not JSON", "POST", "/query", js, "", `hello`, 400, js, "BAD_REQUEST", false},
		{"no query", "POST", "/query", js, gql, `{}`, 400, gql, "BAD_REQUEST", false},
		{"no content type", "POST", "/query", "", "", short, 415, js, "UNSUPPORTED_MEDIA_TYPE", false},
		{"a mutation over GET", "GET", "/query?query=" + url.QueryEscape("mutation { __typename }"), "", "", "", 405, js, "METHOD_NOT_ALLOWED", false},
		{"another method", "PUT", "/query", js, "", short, 405, js, "METHOD_NOT_ALLOWED", false},
		{"the NUL character", "POST", "/query", js, "", `{"query":"{ areas(where: {name: \"a\u0000\"}) { totalCount } }"}`, 400, js, "BAD_USER_INPUT", false},
		{"a cursor that is not one", "POST", "/query", js, "", `{"query":"{ areas(after: \"Q2FmZQ\") { totalCount } }"}`, 200, js, "BAD_USER_INPUT", true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			status, header, out := exchange(t, c.method, base+c.path, token, c.contentType, c.accept, c.body)
			if status != c.status || !strings.HasPrefix(header.Get("Content-Type"), c.media) {
				t.Errorf("got %d %s, want %d %s: %v", status, header.Get("Content-Type"), c.status, c.media, out)
			}
			if got := firstCode(out); got != c.code {
				t.Errorf("code: got %q, want %q: %v", got, c.code, out)
			}
			if _, ok := out["data"]; ok != c.data {
				t.Errorf("data present: got %v, want %v: %v", ok, c.data, out)
			}
			if status == 405 && header.Get("Allow") == "" {
				t.Error("a 405 without Allow")
			}
			if strings.Contains(strings.ToLower(toJSON(out)), "msgpack") {
				t.Errorf("library text reached the client: %v", out)
			}
		})
	}
	t.Run("a persisted query round trip", func(t *testing.T) {
		query := "{ areas(first: 1) { totalCount } }"
		sum := sha256.Sum256([]byte(query))
		ext := `"extensions":{"persistedQuery":{"version":1,"sha256Hash":"` + hex.EncodeToString(sum[:]) + `"}}`
		status, _, out := exchange(t, "POST", base+"/query", token, js, "", `{`+ext+`}`)
		if status != 200 || firstCode(out) != "PERSISTED_QUERY_NOT_FOUND" || out["errors"].([]any)[0].(map[string]any)["message"] != "PersistedQueryNotFound" {
			t.Fatalf("the hash alone: got %d %v, want 200 PersistedQueryNotFound", status, out)
		}
		q, _ := json.Marshal(query)
		if status, _, out = exchange(t, "POST", base+"/query", token, js, "", `{"query":`+string(q)+`,`+ext+`}`); status != 200 || firstCode(out) != "" {
			t.Fatalf("the hash and the query: got %d %v", status, out)
		}
		status, _, out = exchange(t, "GET", base+"/query?extensions="+url.QueryEscape(strings.TrimPrefix(ext, `"extensions":`)), token, "", "", "")
		if status != 200 || firstCode(out) != "" || out["data"] == nil {
			t.Errorf("the hash alone once known, over GET: got %d %v, want the data", status, out)
		}
	})
	t.Run("a list argument longer than allowed", func(t *testing.T) {
		ids := make([]string, 1001)
		for i := range ids {
			ids[i] = "1"
		}
		_, _, out := exchange(t, "POST", base+"/query", token, js, "", `{"query":"{ areas(where: {idIn: [`+strings.Join(ids, ",")+`]}) { totalCount } }"}`)
		if firstCode(out) != "BAD_USER_INPUT" || !strings.Contains(toJSON(out), "where.idIn") {
			t.Errorf("got %v, want BAD_USER_INPUT on where.idIn", firstCode(out))
		}
	})
}

func toJSON(v any) string { b, _ := json.Marshal(v); return string(b) }
