package main

import (
	"encoding/json"
	"io"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"
)

func signIn(t *testing.T, url, contentType, origin, forwarded, body string) *http.Response {
	t.Helper()
	req, _ := http.NewRequest(http.MethodPost, url+"/auth/signin", strings.NewReader(body))
	req.Header.Set("Content-Type", contentType)
	if origin != "" {
		req.Header.Set("Origin", origin)
	}
	if forwarded != "" {
		req.Header.Set("X-Forwarded-For", forwarded)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	_, _ = io.Copy(io.Discard, res.Body)
	res.Body.Close()
	return res
}

// TestSignInHolds: no login CSRF, failures limited by account and address
// (successes not counted), the client's address read behind a trusted
// proxy only.
func TestSignInHolds(t *testing.T) {
	env := map[string]string{"JICENG_DATA": t.TempDir()}
	command(t, env, "a long password\n", "user", "add", "--username", "li", "--role", "ANALYST", "--password-stdin")
	command(t, env, "a long password\n", "user", "add", "--username", "wang", "--role", "ANALYST", "--password-stdin")
	url, stop := startIn(t, env, "--trusted-proxies", "127.0.0.1/32")
	defer stop()
	right := `{"username":"li","password":"a long password"}`
	wrong := `{"username":"li","password":"not it"}`
	t.Run("only JSON from the same origin", func(t *testing.T) {
		for _, tc := range []struct {
			contentType, origin string
			want                int
		}{
			{"text/plain", "", http.StatusUnsupportedMediaType},
			{"application/x-www-form-urlencoded", "", http.StatusUnsupportedMediaType},
			{"application/json", "https://evil.example", http.StatusForbidden},
			{"application/json", url, http.StatusOK},
		} {
			res := signIn(t, url, tc.contentType, tc.origin, "10.0.0.9", right)
			if res.StatusCode != tc.want || (tc.want != http.StatusOK) != (len(res.Cookies()) == 0) {
				t.Errorf("%s from %q: got %d with %d cookies, want %d", tc.contentType, tc.origin, res.StatusCode, len(res.Cookies()), tc.want)
			}
		}
	})
	t.Run("successes are not counted", func(t *testing.T) {
		for i := 0; i < 15; i++ {
			if res := signIn(t, url, "application/json", "", "10.0.0.1", right); res.StatusCode != http.StatusOK {
				t.Fatalf("sign-in %d: got %d, want 200", i+1, res.StatusCode)
			}
		}
	})
	t.Run("wrong passwords from one address do not lock the user out elsewhere", func(t *testing.T) {
		// Ten failures of one user from one address, then one every 6 s:
		// the right password from there is refused while the address waits
		// (within its Retry-After), and from another address it is not.
		// On a slow machine a bucket may refill before the right password
		// arrives; that round proves nothing and is tried again.
		for round := 0; ; round++ {
			limited, at := untilLimited(t, 10, 6*time.Second, func() *http.Response {
				return signIn(t, url, "application/json", "", "10.0.0.2", wrong)
			})
			res := signIn(t, url, "application/json", "", "10.0.0.2", right)
			if res.StatusCode == http.StatusTooManyRequests {
				break
			}
			wait, _ := strconv.Atoi(limited.Header.Get("Retry-After"))
			if since := time.Since(at); since < time.Duration(wait-1)*time.Second || round == 4 {
				t.Fatalf("the right password from the guessing address %s after its 429 (Retry-After %ds): got %d, want 429", since, wait, res.StatusCode)
			}
		}
		if res := signIn(t, url, "application/json", "", "10.0.0.3", right); res.StatusCode != http.StatusOK {
			t.Errorf("the right password from the user's own address: got %d, want 200", res.StatusCode)
		}
	})
	t.Run("an address that guesses at many users is limited", func(t *testing.T) {
		i := 0
		untilLimited(t, 30, 2*time.Second, func() *http.Response {
			i++
			return signIn(t, url, "application/json", "", "10.0.0.4", `{"username":"user`+strconv.Itoa(i)+`","password":"x"}`)
		})
		if res := signIn(t, url, "application/json", "", "10.0.0.5", `{"username":"wang","password":"a long password"}`); res.StatusCode != http.StatusOK {
			t.Errorf("another address behind the same proxy: got %d, want 200", res.StatusCode)
		}
	})
}

// untilLimited sends wrong sign-ins until one is refused with 429, and
// returns it and when it arrived. A limit of burst failures that refills
// one every refill must refuse one within burst+1 attempts, plus one for
// each refill the attempts took (on a slow machine they take longer); it
// fails the test if it does not.
func untilLimited(t *testing.T, burst int, refill time.Duration, send func() *http.Response) (*http.Response, time.Time) {
	t.Helper()
	began := time.Now()
	for n := 1; ; n++ {
		res := send()
		if res.StatusCode == http.StatusTooManyRequests {
			if res.Header.Get("Retry-After") == "" {
				t.Errorf("a 429 without Retry-After")
			}
			return res, time.Now()
		}
		if res.StatusCode != http.StatusUnauthorized {
			t.Fatalf("a wrong sign-in: got %d, want 401 or 429", res.StatusCode)
		}
		if allowed := burst + 1 + int(time.Since(began)/refill); n > allowed {
			t.Fatalf("%d wrong sign-ins in %s were all answered, want a 429 within %d (%d, then one every %s)",
				n, time.Since(began).Round(time.Millisecond), allowed, burst, refill)
		}
	}
}

// TestForwardedForIsIgnoredFromUntrustedPeers: without --trusted-proxies a
// client cannot pick its own address to escape the limit.
func TestForwardedForIsIgnoredFromUntrustedPeers(t *testing.T) {
	env := map[string]string{"JICENG_DATA": t.TempDir()}
	url, stop := startIn(t, env)
	defer stop()
	limited := false
	for i := 0; i < 40 && !limited; i++ {
		res := signIn(t, url, "application/json", "", "10.1.0."+strings.Repeat("1", 1+i%2), `{"username":"u`+strings.Repeat("x", i)+`","password":"x"}`)
		limited = res.StatusCode == http.StatusTooManyRequests
	}
	if !limited {
		t.Error("varying X-Forwarded-For escaped the limit of an untrusted peer")
	}
}

// TestCostIsRateLimited: the rate limit counts cost, and the concurrency
// of one token is capped; another token is not affected.
func TestCostIsRateLimited(t *testing.T) {
	env := map[string]string{"JICENG_DATA": t.TempDir()}
	token := strings.TrimSpace(command(t, env, "", "token", "create", "--name", "greedy", "--role", "REPORTER"))
	other := strings.TrimSpace(command(t, env, "", "token", "create", "--name", "patient", "--role", "REPORTER"))
	url, stop := startIn(t, env, "--cost-rate", "5000", "--concurrent", "1")
	defer stop()
	heavy := `{ members(first: 500) { nodes { id name gender status category phone address } } }`
	var limited map[string]any
	var retry string
	for i := 0; i < 20 && limited == nil; i++ {
		req, _ := http.NewRequest(http.MethodPost, url+"/query", strings.NewReader(`{"query":`+quote(heavy)+`}`))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Authorization", "Bearer "+token)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		var out map[string]any
		_ = json.NewDecoder(res.Body).Decode(&out)
		res.Body.Close()
		if res.StatusCode == http.StatusTooManyRequests {
			limited, retry = out, res.Header.Get("Retry-After")
		}
	}
	if limited == nil || firstCode(limited) != "RATE_LIMITED" || retry == "" {
		t.Fatalf("20 queries of cost 4,000 at a rate of 5,000 a second: got %v (Retry-After %q), want RATE_LIMITED", limited, retry)
	}
	if status, out := api(t, url, other, heavy); status != http.StatusOK {
		t.Errorf("another token: got %d %v", status, out)
	}
	// A request whose body is still arriving holds the token's one slot.
	body, feed := io.Pipe()
	req, _ := http.NewRequest(http.MethodPost, url+"/query", body)
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+other)
	done := make(chan struct{})
	go func() {
		defer close(done)
		if res, err := http.DefaultClient.Do(req); err == nil {
			res.Body.Close()
		}
	}()
	_, _ = feed.Write([]byte(`{"query":`))
	time.Sleep(200 * time.Millisecond)
	status, out := api(t, url, other, `{ viewer { name } }`)
	_, _ = feed.Write([]byte(`"{ viewer { name } }"}`))
	feed.Close()
	<-done
	if status != http.StatusTooManyRequests || firstCode(out) != "RATE_LIMITED" {
		t.Errorf("a second request at once with --concurrent 1: got %d %v, want 429", status, out)
	}
}

func quote(s string) string { b, _ := json.Marshal(s); return string(b) }

// TestMalformedRequests: bodies that are not one GraphQL request get 400
// with a code, from the real server, and none of them a 500.
func TestMalformedRequests(t *testing.T) {
	env := map[string]string{"JICENG_DATA": t.TempDir()}
	token := strings.TrimSpace(command(t, env, "", "token", "create", "--name", "tool", "--role", "REPORTER"))
	url, stop := startIn(t, env)
	defer stop()
	for _, body := range []string{`[{"query":"{ viewer { name } }"}]`, `{"query":12}`, `not json`, `{"query":"{ viewer { name } }","variables":[1]}`, ``} {
		req, _ := http.NewRequest(http.MethodPost, url+"/query", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Authorization", "Bearer "+token)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		var out map[string]any
		_ = json.NewDecoder(res.Body).Decode(&out)
		res.Body.Close()
		if res.StatusCode != http.StatusBadRequest || firstCode(out) != "BAD_REQUEST" {
			t.Errorf("%q: got %d %v, want 400 BAD_REQUEST", body, res.StatusCode, out)
		}
	}
}
