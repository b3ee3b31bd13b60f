package graph_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"jiceng/graph"
	"jiceng/graph/graphtest"
	"jiceng/viewer"
)

// FuzzHandler sends random bodies and random documents to the real handler
// as a reporter: every answer is a GraphQL response, none a 500 or an
// INTERNAL_SERVER_ERROR (a panic or an unmapped error). CI runs it briefly.
// The tarpit is off: it would hold most of the fuzzer's requests, refused
// one after another, for up to a second each (TestRefusalsInARowWait
// tests it).
func FuzzHandler(f *testing.F) {
	w := newWorld(f)
	guard := graphtest.GuardOptions()
	guard.MaxHeld = -1
	reporter := graphtest.NewGuarded(f, w.store, graph.Options{}, guard).As(viewer.Reporter)
	for _, seed := range []string{
		`{"query":"{ viewer { name } }"}`, `[]`, `{"query":12}`, `{"query":"{ nodes(ids: [1, 2]) { id } }"}`,
		`{"query":"query($f: Int) { members(first: $f) { nodes { name } } }","variables":{"f":"500"}}`,
		`{"query":"{ coverage(asOf: \"2025-02-30\") { gapTotal } }"}`, `{"query":"{ __schema { types { name } } }"}`,
		`{"query":"{ ...F } fragment F on Query { ...F }"}`, `{"query":"{ members(where: {nameIn: []}) { totalCount } }"}`,
	} {
		f.Add([]byte(seed), "{ members(first: 2, orderBy: {field: NAME}) { nodes { name bornOn idNumber } } }")
	}
	f.Fuzz(func(t *testing.T, body []byte, document string) {
		query, _ := json.Marshal(map[string]any{"query": document})
		for _, b := range [][]byte{body, query} {
			req, _ := http.NewRequest(http.MethodPost, reporter.URL, bytes.NewReader(b))
			req.Header.Set("Content-Type", "application/json")
			req.Header.Set("Authorization", "Bearer "+reporter.Token)
			res, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatalf("posting: %v", err)
			}
			raw, _ := io.ReadAll(res.Body)
			res.Body.Close()
			var out struct {
				Errors []struct {
					Extensions map[string]any `json:"extensions"`
				} `json:"errors"`
			}
			if err := json.Unmarshal(raw, &out); err != nil {
				t.Fatalf("%q: the answer (%d) is not JSON: %s", b, res.StatusCode, raw)
			}
			if res.StatusCode >= 500 || strings.Contains(string(raw), "INTERNAL_SERVER_ERROR") {
				t.Fatalf("%q: got %d %s", b, res.StatusCode, raw)
			}
		}
	})
}
