package graph_test

import (
	"net/http"
	"testing"
)

// TestARegisterThatDoesNotAnswer: when the database is gone, a request is
// told to try again (503 SERVICE_UNAVAILABLE with Retry-After), not that its
// credentials are wrong, and no driver text reaches it.
func TestARegisterThatDoesNotAnswer(t *testing.T) {
	w := newWorld(t)
	if err := w.store.DB.Close(); err != nil {
		t.Fatal(err)
	}
	req, _ := http.NewRequest(http.MethodPost, w.api.URL, nil)
	req.Header.Set("Authorization", "Bearer "+w.api.Token)
	req.Header.Set("Content-Type", "application/json")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusServiceUnavailable || res.Header.Get("Retry-After") == "" {
		t.Errorf("got %d (Retry-After %q), want 503 with Retry-After", res.StatusCode, res.Header.Get("Retry-After"))
	}
	e := w.api.Fail(`{ areas { totalCount } }`)
	if e.Code() != "SERVICE_UNAVAILABLE" {
		t.Errorf("got %s: %s, want SERVICE_UNAVAILABLE", e.Code(), e.Message)
	}
}
