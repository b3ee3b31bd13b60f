package main

import (
	"compress/gzip"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestAnswersAreCompressedAndCacheable: a large answer comes gzipped, a GET
// query's answer has an ETag that If-None-Match revalidates, a POST's is not
// stored, and the dashboard's files come precompressed when built.
func TestAnswersAreCompressedAndCacheable(t *testing.T) {
	env := map[string]string{"JICENG_DATA": t.TempDir()}
	token := strings.TrimSpace(command(t, env, "", "token", "create", "--name", "tool", "--role", "REPORTER"))
	base, stop := startIn(t, env, "--demo")
	defer stop()
	send := func(method, target, body string, header ...string) (*http.Response, []byte) {
		t.Helper()
		req, _ := http.NewRequest(method, target, strings.NewReader(body))
		req.Header.Set("Authorization", "Bearer "+token)
		if body != "" {
			req.Header.Set("Content-Type", "application/json")
		}
		for i := 0; i+1 < len(header); i += 2 {
			req.Header.Set(header[i], header[i+1])
		}
		// A transport that leaves Accept-Encoding and the body as sent.
		res, err := (&http.Transport{DisableCompression: true}).RoundTrip(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		raw, _ := io.ReadAll(res.Body)
		return res, raw
	}
	big := `{ members(first: 300) { nodes { id name gender status category joinedPartyOn } } }`
	t.Run("a large answer is gzipped", func(t *testing.T) {
		res, raw := send("POST", base+"/query", `{"query":"`+big+`"}`, "Accept-Encoding", "gzip, br")
		if res.Header.Get("Content-Encoding") != "gzip" {
			t.Fatalf("Content-Encoding %q, want gzip", res.Header.Get("Content-Encoding"))
		}
		zr, err := gzip.NewReader(strings.NewReader(string(raw)))
		if err != nil {
			t.Fatal(err)
		}
		plain, _ := io.ReadAll(zr)
		if !strings.Contains(string(plain), `"members"`) || len(raw)*3 > len(plain) {
			t.Errorf("got %d bytes for %d, want a third or less", len(raw), len(plain))
		}
		if res.Header.Get("Cache-Control") != "no-store" {
			t.Errorf("a POST's Cache-Control: %q, want no-store", res.Header.Get("Cache-Control"))
		}
	})
	t.Run("a small answer is not", func(t *testing.T) {
		res, _ := send("POST", base+"/query", `{"query":"{ __typename }"}`, "Accept-Encoding", "gzip")
		if res.Header.Get("Content-Encoding") != "" {
			t.Errorf("Content-Encoding %q, want none", res.Header.Get("Content-Encoding"))
		}
	})
	t.Run("a GET query's answer revalidates", func(t *testing.T) {
		target := base + "/query?query=" + url.QueryEscape(big)
		res, _ := send("GET", target, "")
		etag := res.Header.Get("ETag")
		if res.StatusCode != 200 || etag == "" || res.Header.Get("Cache-Control") != "private, no-cache" {
			t.Fatalf("got %d, ETag %q, Cache-Control %q; want 200 with an ETag, private, no-cache", res.StatusCode, etag, res.Header.Get("Cache-Control"))
		}
		if again, body := send("GET", target, "", "If-None-Match", etag); again.StatusCode != http.StatusNotModified || len(body) != 0 {
			t.Errorf("If-None-Match: got %d with %d bytes, want 304 and nothing", again.StatusCode, len(body))
		}
	})
	t.Run("the dashboard's files come precompressed", func(t *testing.T) {
		res, page := send("GET", base+"/", "")
		scripts := strings.SplitN(string(page), `src="/assets/`, 2)
		if len(scripts) < 2 {
			t.Skip("the dashboard is not built into this binary (npm run build)")
		}
		script := "/assets/" + strings.SplitN(scripts[1], `"`, 2)[0]
		for _, enc := range []string{"br", "gzip"} {
			got, raw := send("GET", base+script, "", "Accept-Encoding", enc)
			if got.Header.Get("Content-Encoding") != enc || !strings.HasPrefix(got.Header.Get("Content-Type"), "text/javascript") || got.Header.Get("ETag") == "" {
				t.Errorf("%s with %s: got %s %q %q", script, enc, got.Header.Get("Content-Encoding"), got.Header.Get("Content-Type"), got.Header.Get("ETag"))
			}
			if again, _ := send("GET", base+script, "", "Accept-Encoding", enc, "If-None-Match", got.Header.Get("ETag")); again.StatusCode != http.StatusNotModified {
				t.Errorf("%s revalidated: got %d, want 304 (%d bytes)", script, again.StatusCode, len(raw))
			}
		}
		_ = res
	})
}
