package auth

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/http/httptrace"
	"strings"
	"sync"
	"testing"
	"time"

	"jiceng/database/dbtest"
	"jiceng/viewer"
)

// tarpitServer serves Require around a handler that answers at once, with
// a rate of one request in 20 seconds (no burst) for each token, and returns
// the guard, the server and n tokens.
func tarpitServer(t *testing.T, opts Options, n int) (*HTTP, *httptest.Server, []string) {
	t.Helper()
	st := dbtest.Open(t)
	var tokens []string
	for i := range n {
		secret, _, err := NewAccounts(st.Client).CreateToken(context.Background(), NewToken{Name: "t" + string(rune('a'+i)), Role: viewer.Reporter, ValidFor: time.Hour})
		if err != nil {
			t.Fatal(err)
		}
		tokens = append(tokens, secret)
	}
	opts.RatePerSecond, opts.Burst = 0.05, 1
	h := NewHTTP(st.Client, opts, slog.New(slog.DiscardHandler))
	srv := httptest.NewServer(h.Require(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, `{"data":{}}`)
	})))
	t.Cleanup(srv.Close)
	return h, srv, tokens
}

// timed sends a small body with token and returns the status, how long the
// answer took, the Retry-After and whether the connection was reused.
func timed(t *testing.T, client *http.Client, url, token string) (int, time.Duration, string, bool) {
	t.Helper()
	reused := false
	ctx := httptrace.WithClientTrace(context.Background(), &httptrace.ClientTrace{
		GotConn: func(i httptrace.GotConnInfo) { reused = i.Reused },
	})
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, url, strings.NewReader(`{"query":"{ viewer { name } }"}`))
	req.Header.Set("Authorization", "Bearer "+token)
	began := time.Now()
	res, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	_, _ = io.Copy(io.Discard, res.Body)
	res.Body.Close()
	return res.StatusCode, time.Since(began), res.Header.Get("Retry-After"), reused
}

// TestTarpitHoldsRepeatedRefusals: a token refused again and again gets
// its refusals later and later, never later than a second (and its
// Retry-After); its first refusal is answered at once, and so is another
// token's request; a small refused body leaves the connection open.
func TestTarpitHoldsRepeatedRefusals(t *testing.T) {
	_, srv, tokens := tarpitServer(t, Options{}, 2)
	client := &http.Client{Transport: &http.Transport{}}
	defer client.CloseIdleConnections()
	greedy, other := tokens[0], tokens[1]
	if status, _, _, _ := timed(t, client, srv.URL, greedy); status != http.StatusOK {
		t.Fatalf("the first request: got %d", status)
	}
	var took []time.Duration
	for i := range 6 {
		status, d, after, reused := timed(t, client, srv.URL, greedy)
		if status != http.StatusTooManyRequests || after == "" {
			t.Fatalf("refusal %d: got %d, Retry-After %q; want 429 with Retry-After", i+1, status, after)
		}
		if !reused {
			t.Errorf("refusal %d came on a new connection: a refusal of a small body should keep it open", i+1)
		}
		took = append(took, d)
	}
	t.Logf("the refusals took %v", took)
	if took[0] > 40*time.Millisecond {
		t.Errorf("the first refusal took %s, want it at once", took[0])
	}
	// The second refusal in a row is held 50 ms, the third 100 ms…
	for i, want := range []time.Duration{50, 100, 200, 400} {
		want *= time.Millisecond
		if took[i+1] < want || took[i+1] > want+time.Second/2 {
			t.Errorf("refusal %d took %s, want about %s", i+2, took[i+1], want)
		}
	}
	if took[5] > time.Second+time.Second/2 {
		t.Errorf("refusal 6 took %s, over the bound of a second", took[5])
	}
	if status, d, _, _ := timed(t, client, srv.URL, other); status != http.StatusOK || d > 200*time.Millisecond {
		t.Errorf("another token: got %d in %s, want 200 at once", status, d)
	}
}

// TestTarpitIsBounded: with many requests of a token held at once, no more
// than MaxHeld are held, and the others are answered at once; a held
// refusal ends when the server begins to shut down and when its client
// goes away.
func TestTarpitIsBounded(t *testing.T) {
	stopping := make(chan struct{})
	h, srv, tokens := tarpitServer(t, Options{MaxHeld: 3, MaxHeldPerCredential: 16, Stopping: stopping}, 1)
	token := tokens[0]
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 20}}
	defer client.CloseIdleConnections()
	// Refusals in a row, so that the next are held a second.
	for range 6 {
		timed(t, client, srv.URL, token)
	}
	var wg sync.WaitGroup
	var mu sync.Mutex
	quick := 0
	for range 12 {
		wg.Go(func() {
			status, d, _, _ := timed(t, client, srv.URL, token)
			if status != http.StatusTooManyRequests {
				t.Errorf("got %d, want 429", status)
			}
			if d < 200*time.Millisecond {
				mu.Lock()
				quick++
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	if peak := h.tarpit.peakHeld(); peak > 3 || peak == 0 {
		t.Errorf("at most %d refusals were held at once, want 1 to 3", peak)
	}
	if quick < 12-3 {
		t.Errorf("%d of 12 refusals were answered at once, want at least 9 (3 held at most)", quick)
	}

	// A held refusal ends when the client goes away.
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		req, _ := http.NewRequestWithContext(ctx, http.MethodPost, srv.URL, strings.NewReader(`{}`))
		req.Header.Set("Authorization", "Bearer "+token)
		if res, err := client.Do(req); err == nil {
			res.Body.Close()
		}
	}()
	waitHeld(t, h, 1)
	cancel()
	waitHeld(t, h, 0)

	// And when the server begins to shut down.
	done := make(chan time.Duration)
	go func() {
		_, d, _, _ := timed(t, client, srv.URL, token)
		done <- d
	}()
	waitHeld(t, h, 1)
	close(stopping)
	if d := <-done; d > 500*time.Millisecond {
		t.Errorf("a refusal held at shutdown took %s", d)
	}
	if status, d, _, _ := timed(t, client, srv.URL, token); status != http.StatusTooManyRequests || d > 100*time.Millisecond {
		t.Errorf("after shutdown began: got %d in %s, want 429 at once", status, d)
	}
}

// waitHeld waits up to a second for the tarpit to hold n refusals.
func waitHeld(t *testing.T, h *HTTP, n int) {
	t.Helper()
	for end := time.Now().Add(time.Second); h.tarpit.heldNow() != n; {
		if time.Now().After(end) {
			t.Fatalf("the tarpit holds %d refusals, want %d", h.tarpit.heldNow(), n)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// TestLargeRefusedBodyClosesTheConnection: a refusal does not read a body
// over 64 KiB, and closes the connection instead.
func TestLargeRefusedBodyClosesTheConnection(t *testing.T) {
	_, srv, tokens := tarpitServer(t, Options{}, 1)
	client := &http.Client{Transport: &http.Transport{}}
	defer client.CloseIdleConnections()
	timed(t, client, srv.URL, tokens[0])
	req, _ := http.NewRequest(http.MethodPost, srv.URL, strings.NewReader(strings.Repeat("x", 1<<20)))
	req.Header.Set("Authorization", "Bearer "+tokens[0])
	res, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusTooManyRequests || !res.Close {
		t.Errorf("a refused 1 MiB body: got %d, closing %v; want 429 and the connection closed", res.StatusCode, res.Close)
	}
}

// TestTarpitCanBeTurnedOff: with a negative MaxHeld no refusal is held.
func TestTarpitCanBeTurnedOff(t *testing.T) {
	_, srv, tokens := tarpitServer(t, Options{MaxHeld: -1}, 1)
	client := &http.Client{Transport: &http.Transport{}}
	defer client.CloseIdleConnections()
	timed(t, client, srv.URL, tokens[0])
	var all time.Duration
	for i := range 5 {
		status, d, _, _ := timed(t, client, srv.URL, tokens[0])
		if status != http.StatusTooManyRequests {
			t.Fatalf("refusal %d: got %d, want 429", i+1, status)
		}
		all += d
	}
	// Held, the five would take at least 50+100+200+400 ms.
	if all >= 750*time.Millisecond {
		t.Errorf("five refusals in a row took %s: held", all)
	}
}
