package auth

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"
	"time"

	"jiceng/database/dbtest"
	"jiceng/viewer"
)

// TestServerTimeIsBudgeted: a token whose requests held the server for
// more than its budget of server time is refused with 429, Retry-After
// and reason SERVER_TIME until the debt is paid back; then it is served
// again. Another token is served all along.
func TestServerTimeIsBudgeted(t *testing.T) {
	st := dbtest.Open(t)
	ctx := context.Background()
	accounts := NewAccounts(st.Client)
	greedy, _, err := accounts.CreateToken(ctx, NewToken{Name: "greedy", Role: viewer.Reporter, ValidFor: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	other, _, err := accounts.CreateToken(ctx, NewToken{Name: "other", Role: viewer.Reporter, ValidFor: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	// A budget of 100 ms, refilled at a second a second; each request
	// holds the server for 500 ms, leaving its token 400 ms in debt.
	h := NewHTTP(st.Client, Options{TimePerSecond: 1, TimeBurst: 100 * time.Millisecond}, slog.New(slog.DiscardHandler))
	srv := httptest.NewServer(h.Require(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(500 * time.Millisecond)
		io.WriteString(w, `{"data":{}}`)
	})))
	defer srv.Close()
	send := func(token string) (int, string, string) {
		req, _ := http.NewRequest(http.MethodPost, srv.URL, nil)
		req.Header.Set("Authorization", "Bearer "+token)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		var body struct {
			Errors []struct {
				Message    string
				Extensions map[string]any
			}
		}
		_ = json.NewDecoder(res.Body).Decode(&body)
		reason := ""
		if len(body.Errors) > 0 {
			reason, _ = body.Errors[0].Extensions["reason"].(string)
			if code := body.Errors[0].Extensions["code"]; code != "RATE_LIMITED" || body.Errors[0].Message == "" {
				t.Errorf("a refusal: got %+v, want RATE_LIMITED with a message", body.Errors[0])
			}
		}
		return res.StatusCode, res.Header.Get("Retry-After"), reason
	}
	if status, _, _ := send(greedy); status != http.StatusOK {
		t.Fatalf("the first request: got %d, want 200", status)
	}
	status, after, reason := send(greedy)
	if status != http.StatusTooManyRequests || reason != "SERVER_TIME" || after == "" {
		t.Fatalf("a request in debt: got %d, Retry-After %q, reason %q; want 429 SERVER_TIME with Retry-After", status, after, reason)
	}
	if status, _, _ := send(other); status != http.StatusOK {
		t.Errorf("another token: got %d, want 200", status)
	}
	wait, err := strconv.Atoi(after)
	if err != nil || wait < 1 || wait > 2 {
		t.Fatalf("Retry-After %q, want 1 or 2 seconds (the debt is 400 ms)", after)
	}
	time.Sleep(time.Duration(wait) * time.Second)
	if status, _, reason := send(greedy); status != http.StatusOK {
		t.Errorf("after Retry-After: got %d %s, want 200", status, reason)
	}
}
