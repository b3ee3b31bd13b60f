// Package httperr writes the errors of Jiceng's HTTP endpoints outside the
// GraphQL handler (a malformed body, sign-in, a credential refused, a
// limit, an export or an import that failed) in the shape of the GraphQL
// handler's errors:
//
//	{"errors": [{"message": "…", "extensions": {"code": "…", "reason": "…", "field": "…"}}]}
//
// with the message in the language the request's Accept-Language prefers,
// Chinese when it says nothing, as the handler's are.
package httperr

import (
	"encoding/json"
	"mime"
	"net/http"
	"strconv"
	"strings"
)

// Error is one refusal: the status, the code clients act on (as
// extensions.code), the stable reason (extensions.reason), the field at
// fault if there is one, and the message in Chinese and English.
type Error struct {
	Status int
	Code   string
	Reason string
	Field  string
	Zh, En string
}

// New makes an Error.
func New(status int, code, field, reason, zh, en string) Error {
	return Error{Status: status, Code: code, Field: field, Reason: reason, Zh: zh, En: en}
}

// Message is the error's text in the language of r.
func (e Error) Message(r *http.Request) string {
	if r == nil || Chinese(r) || e.En == "" {
		return e.Zh
	}
	return e.En
}

// Body is the JSON body of the error for r.
func (e Error) Body(r *http.Request) []byte {
	ext := map[string]string{"code": e.Code, "reason": e.Reason}
	if e.Reason == "" {
		ext["reason"] = e.Code
	}
	if e.Field != "" {
		ext["field"] = e.Field
	}
	b, _ := json.Marshal(map[string]any{"errors": []any{map[string]any{"message": e.Message(r), "extensions": ext}}})
	return append(b, '\n')
}

// Write answers r with the error, in the media type of the two GraphQL
// ones r accepts (application/json unless it prefers
// application/graphql-response+json), never cached.
func Write(w http.ResponseWriter, r *http.Request, e Error) {
	h := w.Header()
	h.Set("Content-Type", MediaType(r)+"; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Add("Vary", "Accept-Language")
	body := e.Body(r)
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(e.Status)
	_, _ = w.Write(body)
}

// MediaType is the response media type r prefers of the two GraphQL ones.
func MediaType(r *http.Request) string {
	if r == nil {
		return "application/json"
	}
	for _, part := range strings.Split(r.Header.Get("Accept"), ",") {
		media, _, _ := mime.ParseMediaType(strings.TrimSpace(part))
		switch media {
		case "application/graphql-response+json", "application/json":
			return media
		}
	}
	return "application/json"
}

// Chinese reports whether r's client reads Chinese: its Accept-Language
// says nothing, or prefers Chinese (see PrefersChinese).
func Chinese(r *http.Request) bool { return PrefersChinese(r.Header.Get("Accept-Language")) }

// PrefersChinese reads an Accept-Language header ("en-GB,en;q=0.9",
// "zh-CN,zh;q=0.9,en;q=0.8"): English only when an English range has a
// higher quality than every Chinese one, and than any "*".
func PrefersChinese(header string) bool {
	zh, en := -1.0, -1.0
	for _, part := range strings.Split(header, ",") {
		tag, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		q := 1.0
		if v, ok := strings.CutPrefix(strings.TrimSpace(params), "q="); ok {
			if f, err := strconv.ParseFloat(v, 64); err == nil {
				q = f
			}
		}
		primary, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(tag)), "-")
		switch primary {
		case "zh", "*":
			zh = max(zh, q)
		case "en":
			en = max(en, q)
		}
	}
	return en <= 0 || zh >= en
}
