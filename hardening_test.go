package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"jiceng/database"
	"jiceng/policy"
	"jiceng/synth"
)

// command runs a jiceng subcommand as main would and returns its stdout.
func command(t *testing.T, env map[string]string, stdin string, args ...string) string {
	t.Helper()
	var out, errs bytes.Buffer
	if err := run(context.Background(), args, func(k string) string { return env[k] }, strings.NewReader(stdin), &out, &errs); err != nil {
		t.Fatalf("jiceng %s: %v\n%s", strings.Join(args, " "), err, errs.String())
	}
	return out.String()
}

// api posts a GraphQL query with a token and returns the status and body.
func api(t *testing.T, url, token, query string) (int, map[string]any) {
	t.Helper()
	status, out, err := post(url, token, query)
	if err != nil {
		t.Fatalf("posting: %v", err)
	}
	return status, out
}

// post posts a GraphQL query with a token.
func post(url, token, query string) (int, map[string]any, error) {
	body, _ := json.Marshal(map[string]string{"query": query})
	req, _ := http.NewRequest(http.MethodPost, url+"/query", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+token)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer res.Body.Close()
	var out map[string]any
	_ = json.NewDecoder(res.Body).Decode(&out)
	return res.StatusCode, out, nil
}

func firstCode(out map[string]any) string {
	errs, _ := out["errors"].([]any)
	if len(errs) == 0 {
		return ""
	}
	ext, _ := errs[0].(map[string]any)["extensions"].(map[string]any)
	code, _ := ext["code"].(string)
	return code
}

func TestOversizedBody(t *testing.T) {
	env := map[string]string{"JICENG_DATA": t.TempDir()}
	token := strings.TrimSpace(command(t, env, "", "token", "create", "--name", "tool", "--role", "REPORTER"))
	url, stop := startIn(t, env)
	defer stop()
	big := `{"query":"{ areas { totalCount } }","variables":{"pad":"` + strings.Repeat("x", 2<<20) + `"}}`
	for _, tc := range []struct {
		token string
		want  int
	}{{token, http.StatusRequestEntityTooLarge}, {"", http.StatusUnauthorized}} {
		req, _ := http.NewRequest(http.MethodPost, url+"/query", strings.NewReader(big))
		req.Header.Set("Content-Type", "application/json")
		if tc.token != "" {
			req.Header.Set("Authorization", "Bearer "+tc.token)
		}
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != tc.want {
			t.Errorf("a 2 MiB body with token %v: got %d, want %d", tc.token != "", res.StatusCode, tc.want)
		}
	}
}

func TestHeadersAndOrigins(t *testing.T) {
	url, stop := start(t, "--cors-origins", "https://report.example.cn")
	defer stop()
	preflight := func(origin string) *http.Response {
		req, _ := http.NewRequest(http.MethodOptions, url+"/query", nil)
		req.Header.Set("Origin", origin)
		req.Header.Set("Access-Control-Request-Method", "POST")
		req.Header.Set("Access-Control-Request-Headers", "authorization, content-type")
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		return res
	}
	allowed := preflight("https://report.example.cn")
	if allowed.Header.Get("Access-Control-Allow-Origin") != "https://report.example.cn" || allowed.Header.Get("Access-Control-Allow-Credentials") != "true" {
		t.Errorf("an allowed origin: got %v", allowed.Header)
	}
	if !strings.Contains(strings.ToLower(allowed.Header.Get("Access-Control-Allow-Headers")), "authorization") {
		t.Errorf("Authorization is not allowed to tools: %q", allowed.Header.Get("Access-Control-Allow-Headers"))
	}
	if other := preflight("https://evil.example.com"); other.Header.Get("Access-Control-Allow-Origin") != "" {
		t.Errorf("another origin is allowed: %v", other.Header)
	}
	res, body := get(t, url+"/")
	for h, want := range map[string]string{"X-Content-Type-Options": "nosniff", "X-Frame-Options": "DENY"} {
		if res.Header.Get(h) != want {
			t.Errorf("%s: got %q, want %q", h, res.Header.Get(h), want)
		}
	}
	_ = body
}

func TestIntrospectionSwitch(t *testing.T) {
	for _, on := range []bool{true, false} {
		env := map[string]string{"JICENG_DATA": t.TempDir()}
		token := strings.TrimSpace(command(t, env, "", "token", "create", "--name", "tool", "--role", "REPORTER"))
		url, stop := startIn(t, env, "--introspection="+map[bool]string{true: "true", false: "false"}[on])
		_, out := api(t, url, token, `{ __schema { queryType { name } } }`)
		stop()
		if got := firstCode(out) == ""; got != on {
			t.Errorf("introspection %v: got %v", on, out)
		}
	}
}

// TestSlowQueriesRunOutOfTime: a request that runs past the time limit is
// refused when the limit is reached, while quick requests go on being served.
func TestSlowQueriesRunOutOfTime(t *testing.T) {
	if testing.Short() {
		t.Skip("generates a town of 40,000 members")
	}
	env, token := town(t)
	url, stop := startIn(t, env, "--timeout", "60ms")
	defer stop()
	var wg sync.WaitGroup
	wg.Add(1)
	var slow map[string]any
	var took time.Duration
	go func() {
		defer wg.Done()
		began := time.Now()
		_, slow = api(t, url, token, `{ coverage { gapTotal } }`)
		took = time.Since(began)
	}()
	var quick time.Duration // the slowest quick request
	for i := 0; i < 5; i++ {
		began := time.Now()
		if status, out := api(t, url, token, `{ areas(first: 1) { totalCount } }`); status != http.StatusOK || firstCode(out) != "" {
			t.Errorf("a quick request during the slow one: got %d %v", status, out)
		}
		quick = max(quick, time.Since(began))
	}
	wg.Wait()
	if firstCode(slow) != "TIMEOUT" {
		t.Errorf("the slow request: got %v, want TIMEOUT", slow)
	}
	// Soon after its 60 ms: within a second, or on a machine so loaded
	// that a quick request takes over 50 ms, within 20 quick requests.
	if bound := max(time.Second, 20*quick); took > bound {
		t.Errorf("the slow request was refused after %s, want soon after its 60 ms (within %s)", took, bound)
	}
}

// town is a data folder holding a synthetic town of 40,000 members, whose
// first analysis takes a few hundred milliseconds, and an analyst's token.
func town(t *testing.T) (map[string]string, string) {
	t.Helper()
	env := map[string]string{"JICENG_DATA": t.TempDir()}
	st, err := database.Open(context.Background(), "", env["JICENG_DATA"])
	if err != nil {
		t.Fatal(err)
	}
	size := synth.City
	size.SubDistricts = 8
	if _, err := synth.Generate(policy.System(context.Background()), st.DB, size, time.Now()); err != nil {
		t.Fatal(err)
	}
	st.Close()
	return env, strings.TrimSpace(command(t, env, "", "token", "create", "--name", "tool", "--role", "ANALYST"))
}

func startIn(t *testing.T, env map[string]string, args ...string) (string, func() error) {
	t.Helper()
	return startWith(t, env, args...)
}

func TestRateLimit(t *testing.T) {
	env := map[string]string{"JICENG_DATA": t.TempDir()}
	token := strings.TrimSpace(command(t, env, "", "token", "create", "--name", "greedy", "--role", "REPORTER"))
	other := strings.TrimSpace(command(t, env, "", "token", "create", "--name", "patient", "--role", "REPORTER"))
	url, stop := startIn(t, env, "--rate", "1")
	defer stop()
	limited := 0
	for i := 0; i < 8; i++ {
		status, out := api(t, url, token, `{ areas { totalCount } }`)
		if status == http.StatusTooManyRequests {
			limited++
			if firstCode(out) != "RATE_LIMITED" {
				t.Errorf("a limited request: got %v", out)
			}
		}
	}
	if limited == 0 {
		t.Error("8 requests at once at a rate of 1 a second were all served")
	}
	if status, _ := api(t, url, other, `{ areas { totalCount } }`); status != http.StatusOK {
		t.Errorf("another token was limited too: %d", status)
	}
}

// TestShutdownFinishesRequests: on SIGTERM (the run's context ending) the
// server stops taking requests but finishes those in flight.
func TestShutdownFinishesRequests(t *testing.T) {
	if testing.Short() {
		t.Skip("generates a town of 40,000 members")
	}
	env, token := town(t)
	url, stop := startIn(t, env)
	result := make(chan map[string]any)
	go func() {
		_, out, err := post(url, token, `{ coverage { gapTotal } }`)
		if err != nil {
			out = map[string]any{"error": err.Error()}
		}
		result <- out
	}()
	time.Sleep(50 * time.Millisecond) // the analysis is under way
	if err := stop(); err != nil {
		t.Errorf("run returned %v", err)
	}
	out := <-result
	if data, _ := out["data"].(map[string]any); data == nil || data["coverage"] == nil {
		t.Errorf("the request in flight did not finish: %v", out)
	}
}

// TestUnknownAddresses: the app answers its views' URLs; a missing file or
// an unknown API address is 404 and another method than GET on the app 405,
// never the app's page in their place.
func TestUnknownAddresses(t *testing.T) {
	url, stop := start(t)
	defer stop()
	for _, c := range []struct {
		method, path string
		want         int
	}{
		{"GET", "/", http.StatusOK},
		{"GET", "/gaps", http.StatusOK},
		{"GET", "/healthz", http.StatusOK},
		{"GET", "/assets/index-0ld.js", http.StatusNotFound},
		{"GET", "/favicon.ico.map", http.StatusNotFound},
		{"GET", "/auth/login", http.StatusNotFound},
		{"POST", "/auth/login", http.StatusNotFound},
		{"GET", "/export/members.xlsx", http.StatusNotFound},
		{"POST", "/", http.StatusMethodNotAllowed},
		{"DELETE", "/gaps", http.StatusMethodNotAllowed},
	} {
		req, _ := http.NewRequest(c.method, url+c.path, nil)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != c.want {
			t.Errorf("%s %s: got %d (%s), want %d", c.method, c.path, res.StatusCode, res.Header.Get("Content-Type"), c.want)
		}
	}
}
