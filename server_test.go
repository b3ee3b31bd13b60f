package main

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"jiceng/calendar"
	"jiceng/database/dbtest"
)

// start runs the server as main would, on a free port, and returns its URL
// and a function that stops it and returns run's error.
func start(t *testing.T, args ...string) (string, func() error) {
	t.Helper()
	env := map[string]string{"JICENG_DATA": t.TempDir(), "JICENG_DB": dbtest.DSN(t)}
	return startWith(t, env, args...)
}

// startWith is start with the environment given.
func startWith(t *testing.T, env map[string]string, args ...string) (string, func() error) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	out, w := io.Pipe()
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, append([]string{"--addr", "127.0.0.1:0"}, args...), func(k string) string { return env[k] }, strings.NewReader(""), w, io.Discard)
		w.Close()
	}()
	lines := bufio.NewReader(out)
	var url string
	for url == "" {
		line, err := lines.ReadString('\n')
		if err != nil {
			cancel()
			t.Fatalf("server did not start: %v (run: %v)", err, <-done)
		}
		if after, ok := strings.CutPrefix(line, "jiceng listening on "); ok {
			url = strings.TrimSpace(after)
		}
	}
	go io.Copy(io.Discard, lines)
	stop := func() error {
		cancel()
		select {
		case err := <-done:
			return err
		case <-time.After(20 * time.Second):
			t.Fatal("server did not stop")
			return nil
		}
	}
	t.Cleanup(func() { cancel() })
	return url, stop
}

func get(t *testing.T, url string) (*http.Response, string) {
	t.Helper()
	res, err := http.Get(url)
	if err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	return res, string(body)
}

func TestServerServesAndStopsCleanly(t *testing.T) {
	url, stop := start(t)
	if res, body := get(t, url+"/healthz"); res.StatusCode != 200 || body != "ok\n" {
		t.Errorf("/healthz: got %d %q, want 200 ok", res.StatusCode, body)
	}
	res, err := http.Post(url+"/query", "application/json", strings.NewReader(`{"query":"{ ruleSettings(where: {key: \"BRANCH_MAX_MEMBERS\"}) { nodes { value } } }"}`))
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusUnauthorized || !strings.Contains(string(body), `"UNAUTHENTICATED"`) {
		t.Errorf("/query without credentials: got %d %s, want 401 UNAUTHENTICATED", res.StatusCode, body)
	}
	page, html := get(t, url+"/map/123?asOf=2025-01-01")
	if page.StatusCode != 200 || !strings.Contains(html, "<html") || page.Header.Get("Cache-Control") == "" {
		t.Errorf("a view's URL: got %d %q (Cache-Control %q), want the app's page, not cached", page.StatusCode, html[:min(len(html), 80)], page.Header.Get("Cache-Control"))
	}
	if err := stop(); err != nil {
		t.Errorf("run returned %v after cancel, want nil", err)
	}
}

func TestConfig(t *testing.T) {
	t.Run("environment variables set flags", func(t *testing.T) {
		env := map[string]string{"JICENG_ADDR": "0.0.0.0:9000", "JICENG_DEMO": "true", "JICENG_DB": "postgres://x@y/z"}
		c, err := parseConfig("jiceng", nil, func(k string) string { return env[k] }, io.Discard)
		if err != nil || c.addr != "0.0.0.0:9000" || !c.demo || c.db != "postgres://x@y/z" || c.data != "data" {
			t.Errorf("got %+v, %v", c, err)
		}
	})
	t.Run("a flag wins over the environment", func(t *testing.T) {
		c, err := parseConfig("jiceng", []string{"--addr", "127.0.0.1:1"}, func(k string) string {
			return map[string]string{"JICENG_ADDR": "0.0.0.0:9000"}[k]
		}, io.Discard)
		if err != nil || c.addr != "127.0.0.1:1" {
			t.Errorf("got %+v, %v", c, err)
		}
	})
	t.Run("a bad value in the environment names the variable", func(t *testing.T) {
		_, err := parseConfig("jiceng", nil, func(k string) string {
			return map[string]string{"JICENG_DEMO": "maybe"}[k]
		}, io.Discard)
		if err == nil || !strings.Contains(err.Error(), "JICENG_DEMO") {
			t.Errorf("got %v, want an error naming JICENG_DEMO", err)
		}
	})
	t.Run("the time zone of today", func(t *testing.T) {
		defer func() { _ = calendar.SetZone(calendar.DefaultZone) }()
		if _, err := parseConfig("jiceng", nil, func(string) string { return "" }, io.Discard); err != nil || calendar.Zone().String() != "Asia/Shanghai" {
			t.Errorf("default: got %v, %v, want Asia/Shanghai", calendar.Zone(), err)
		}
		_, err := parseConfig("jiceng", nil, func(k string) string {
			return map[string]string{"JICENG_TIMEZONE": "America/New_York"}[k]
		}, io.Discard)
		if err != nil || calendar.Zone().String() != "America/New_York" {
			t.Errorf("JICENG_TIMEZONE: got %v, %v, want America/New_York", calendar.Zone(), err)
		}
		_, err = parseConfig("jiceng", []string{"--timezone", "Mars/Olympus"}, func(string) string { return "" }, io.Discard)
		if err == nil || !strings.Contains(err.Error(), "--timezone") {
			t.Errorf("an unknown zone: got %v, want an error naming --timezone", err)
		}
	})
}
