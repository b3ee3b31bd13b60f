package main

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"unicode"
)

// TestHTTPErrorsSpeakTheClientsLanguage: the errors of the HTTP paths
// outside the GraphQL handler (a malformed body, sign-in, a refused
// credential, an export's bad parameter) have the handler's shape, a code
// and a reason, and are in Chinese unless Accept-Language prefers English.
func TestHTTPErrorsSpeakTheClientsLanguage(t *testing.T) {
	env := map[string]string{"JICENG_DATA": t.TempDir()}
	token := strings.TrimSpace(command(t, env, "", "token", "create", "--name", "tool", "--role", "ADMIN"))
	base, stop := startIn(t, env)
	defer stop()
	cases := []struct {
		name, method, path, auth, contentType, body string
		status                                      int
		code, field                                 string
	}{
		{"a batch", "POST", "/query", token, "application/json", `[{"query":"{ __typename }"}]`, 400, "BAD_REQUEST", ""},
		{"a query that is not a string", "POST", "/query", token, "application/json", `{"query":12}`, 400, "BAD_REQUEST", "query"},
		{"not JSON", "POST", "/query", token, "application/json", `not json`, 400, "BAD_REQUEST", ""},
		{"no query", "POST", "/query", token, "application/json", `{}`, 400, "BAD_REQUEST", "query"},
		{"another media type", "POST", "/query", token, "text/plain", `{"query":"{ __typename }"}`, 415, "UNSUPPORTED_MEDIA_TYPE", ""},
		{"another method", "PUT", "/query", token, "application/json", ``, 405, "METHOD_NOT_ALLOWED", ""},
		{"no credentials", "POST", "/query", "", "application/json", `{"query":"{ __typename }"}`, 401, "UNAUTHENTICATED", ""},
		{"an unknown token", "POST", "/query", "nope", "application/json", `{"query":"{ __typename }"}`, 401, "UNAUTHENTICATED", ""},
		{"a sign-in as text", "POST", "/auth/signin", "", "text/plain", `{"username":"a","password":"b"}`, 415, "UNSUPPORTED_MEDIA_TYPE", ""},
		{"a wrong password", "POST", "/auth/signin", "", "application/json", `{"username":"a","password":"b"}`, 401, "UNAUTHENTICATED", ""},
		{"a bad date of an export", "GET", "/export/coverage.xlsx?asOf=tomorrow", token, "", ``, 400, "BAD_USER_INPUT", "asOf"},
	}
	for _, c := range cases {
		for _, lang := range []string{"", "zh-CN,zh;q=0.9", "en-GB,en;q=0.9"} {
			req, _ := http.NewRequest(c.method, base+c.path, strings.NewReader(c.body))
			if c.contentType != "" {
				req.Header.Set("Content-Type", c.contentType)
			}
			if c.auth != "" {
				req.Header.Set("Authorization", "Bearer "+c.auth)
			}
			if lang != "" {
				req.Header.Set("Accept-Language", lang)
			}
			res, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			var out struct {
				Errors []struct {
					Message    string
					Extensions map[string]string
				}
			}
			err = json.NewDecoder(res.Body).Decode(&out)
			res.Body.Close()
			if err != nil || len(out.Errors) != 1 {
				t.Errorf("%s (%q): got %d, %v %+v, want one error", c.name, lang, res.StatusCode, err, out)
				continue
			}
			e := out.Errors[0]
			if res.StatusCode != c.status || e.Extensions["code"] != c.code || e.Extensions["field"] != c.field || e.Extensions["reason"] == "" {
				t.Errorf("%s (%q): got %d %v, want %d %s field %q and a reason", c.name, lang, res.StatusCode, e.Extensions, c.status, c.code, c.field)
			}
			if chinese := strings.IndexFunc(e.Message, func(r rune) bool { return unicode.Is(unicode.Han, r) }) >= 0; chinese != !strings.HasPrefix(lang, "en") {
				t.Errorf("%s (%q): the message %q is not in the client's language", c.name, lang, e.Message)
			}
		}
	}
}
