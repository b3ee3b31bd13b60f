// Package graphtest drives the real GraphQL handler over HTTP in tests.
package graphtest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"jiceng/auth"
	"jiceng/database"
	"jiceng/graph"
	"jiceng/viewer"
)

// Client posts GraphQL requests to a test server running graph.NewHandler
// behind the API's authentication, as an API token of some role.
type Client struct {
	t testing.TB
	// Base is the server's address; URL the GraphQL endpoint's.
	Base  string
	URL   string
	store *database.Store
	// Token is sent as Authorization: Bearer; empty sends none.
	Token string
	// Language is sent as Accept-Language: "en" unless told, so tests read
	// the English messages; empty sends none (the server answers in Chinese).
	Language string
}

// New starts the API for store on a test server, stopped when the test
// ends, and returns a client holding an administrator's token.
func New(t testing.TB, store *database.Store) *Client {
	t.Helper()
	return NewWith(t, store, graph.Options{})
}

// NewWith is New with the handler's options.
func NewWith(t testing.TB, store *database.Store, opts graph.Options) *Client {
	t.Helper()
	return NewGuarded(t, store, opts, GuardOptions())
}

// GuardOptions are the API guard's options of New: limits of rate, cost
// and requests at once far above what a test sends, and the tarpit and
// the server-time budget as the server has them.
func GuardOptions() auth.Options {
	return auth.Options{RatePerSecond: 1000, Burst: 1000, CostPerSecond: 1e9, CostBurst: 1e9, Concurrent: 64}
}

// NewGuarded is NewWith with the API guard's options.
func NewGuarded(t testing.TB, store *database.Store, opts graph.Options, guarded auth.Options) *Client {
	t.Helper()
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))
	guard := auth.NewHTTP(store.Client, guarded, logger)
	mux := http.NewServeMux()
	guard.Routes(mux)
	mux.Handle("/query", guard.Require(graph.NewHandler(store, logger, opts)))
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	c := &Client{t: t, Base: srv.URL, URL: srv.URL + "/query", store: store, Language: "en"}
	return c.As(viewer.Admin)
}

// As returns a client of the same server holding a new token of the role
// (an editor's token writes in the areas given).
func (c *Client) As(role viewer.Role, areas ...int) *Client {
	c.t.Helper()
	token, _, err := auth.NewAccounts(c.store.Client).CreateToken(context.Background(),
		auth.NewToken{Name: "test " + string(role), Role: role, AreaIDs: areas, ValidFor: time.Hour})
	if err != nil {
		c.t.Fatalf("making a %s token: %v", role, err)
	}
	return &Client{t: c.t, Base: c.Base, URL: c.URL, store: c.store, Token: token, Language: c.Language}
}

// In returns the client sending Accept-Language: lang ("" for none).
func (c *Client) In(lang string) *Client {
	out := *c
	out.Language = lang
	return &out
}

// Anonymous returns a client of the same server that sends no token.
func (c *Client) Anonymous() *Client {
	return &Client{t: c.t, Base: c.Base, URL: c.URL, store: c.store, Language: c.Language}
}

// Error is one GraphQL error of a response.
type Error struct {
	Message    string         `json:"message"`
	Path       []any          `json:"path"`
	Extensions map[string]any `json:"extensions"`
}

// Code is the error's extensions.code.
func (e Error) Code() string { s, _ := e.Extensions["code"].(string); return s }

// Reason is the error's extensions.reason.
func (e Error) Reason() string { s, _ := e.Extensions["reason"].(string); return s }

// Field is the error's extensions.field.
func (e Error) Field() string { s, _ := e.Extensions["field"].(string); return s }

// Response is a GraphQL response with its data left raw.
type Response struct {
	Data   json.RawMessage `json:"data"`
	Errors []Error         `json:"errors"`
}

// Post sends a query with variables (name, value pairs) and returns the
// response; it fails the test only if the exchange itself fails.
func (c *Client) Post(query string, vars ...any) Response {
	c.t.Helper()
	if len(vars)%2 != 0 {
		c.t.Fatalf("graphtest: variables must be name, value pairs")
	}
	v := map[string]any{}
	for i := 0; i < len(vars); i += 2 {
		v[vars[i].(string)] = vars[i+1]
	}
	body, _ := json.Marshal(map[string]any{"query": query, "variables": v})
	req, _ := http.NewRequest(http.MethodPost, c.URL, bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if c.Token != "" {
		req.Header.Set("Authorization", "Bearer "+c.Token)
	}
	if c.Language != "" {
		req.Header.Set("Accept-Language", c.Language)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		c.t.Fatalf("posting query: %v", err)
	}
	defer res.Body.Close()
	raw, _ := io.ReadAll(res.Body)
	var out Response
	if err := json.Unmarshal(raw, &out); err != nil {
		c.t.Fatalf("reading response (status %d): %v\n%s", res.StatusCode, err, raw)
	}
	return out
}

// Do sends a query that must succeed and decodes its data into out.
func (c *Client) Do(out any, query string, vars ...any) {
	c.t.Helper()
	res := c.Post(query, vars...)
	if len(res.Errors) > 0 {
		c.t.Fatalf("query failed: %s\n%s", describe(res.Errors), query)
	}
	if out != nil {
		if err := json.Unmarshal(res.Data, out); err != nil {
			c.t.Fatalf("decoding data: %v\n%s", err, res.Data)
		}
	}
}

// Fail sends a query that must fail and returns its first error.
func (c *Client) Fail(query string, vars ...any) Error {
	c.t.Helper()
	res := c.Post(query, vars...)
	if len(res.Errors) == 0 {
		c.t.Fatalf("query succeeded, want an error: %s\n%s", res.Data, query)
	}
	return res.Errors[0]
}

func describe(errs []Error) string {
	var b strings.Builder
	for _, e := range errs {
		fmt.Fprintf(&b, "[%s %s] %s; ", e.Code(), e.Field(), e.Message)
	}
	return b.String()
}
