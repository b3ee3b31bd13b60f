package graph

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"
)

// Codes of requests refused before they reach GraphQL, and of a register
// that does not answer.
const (
	codeBadRequest       = "BAD_REQUEST"
	codeMethodNotAllowed = "METHOD_NOT_ALLOWED"
	codeMediaType        = "UNSUPPORTED_MEDIA_TYPE"
	codeNotAcceptable    = "NOT_ACCEPTABLE"
	codeUnavailable      = "SERVICE_UNAVAILABLE"
	codePersistedQuery   = "PERSISTED_QUERY_NOT_FOUND"
)

// overHTTP makes the endpoint follow the GraphQL over HTTP specification
// where gqlgen's transports do not:
//   - a malformed request (not a JSON object, a query that is not a string,
//     variables that are not an object) gets 400 with BAD_REQUEST, saying
//     what is wrong, before gqlgen sees it (gqlgen echoes the body);
//   - under the legacy application/json, a well-formed request gets 200
//     even when it does not parse or validate; under
//     application/graphql-response+json it gets 400;
//   - a request that fails before execution has no "data" entry;
//   - a mutation over GET gets 405 with Allow: POST;
//   - every error carries a code;
//   - an answer in which the register did not answer gets 503.
func overHTTP(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.Method {
		case http.MethodPost:
			if msg, status, code := checkPost(r); msg != "" {
				refuse(w, r, status, code, msg)
				return
			}
		case http.MethodGet:
			if msg := checkGet(r); msg != "" {
				refuse(w, r, http.StatusBadRequest, codeBadRequest, msg)
				return
			}
		case http.MethodOptions:
		default:
			w.Header().Set("Allow", "GET, POST")
			refuse(w, r, http.StatusMethodNotAllowed, codeMethodNotAllowed, "send GraphQL requests with POST, or queries with GET")
			return
		}
		state, ok := r.Context().Value(answerKey{}).(*answerState)
		if !ok {
			state = &answerState{}
			r = r.WithContext(context.WithValue(r.Context(), answerKey{}, state))
		}
		rw := &specWriter{ResponseWriter: w, r: r, state: state}
		next.ServeHTTP(rw, r)
		rw.finish()
	})
}

// checkPost reads and checks a POST body, and puts it back for gqlgen.
func checkPost(r *http.Request) (msg string, status int, code string) {
	media, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || media != "application/json" {
		return "send the request as Content-Type: application/json", http.StatusUnsupportedMediaType, codeMediaType
	}
	body, err := io.ReadAll(r.Body)
	if err != nil {
		return "the request body could not be read", http.StatusBadRequest, codeBadRequest
	}
	r.Body = io.NopCloser(bytes.NewReader(body))
	var params map[string]json.RawMessage
	if err := json.Unmarshal(body, &params); err != nil {
		var syntax *json.SyntaxError
		switch {
		case strings.HasPrefix(strings.TrimSpace(string(body)), "["):
			return "the body is a JSON array; send one request, a JSON object with \"query\", at a time", http.StatusBadRequest, codeBadRequest
		case errors.As(err, &syntax):
			return fmt.Sprintf("the body is not JSON (at byte %d)", syntax.Offset), http.StatusBadRequest, codeBadRequest
		default:
			return "the body must be a JSON object with \"query\", and maybe \"variables\", \"operationName\" and \"extensions\"", http.StatusBadRequest, codeBadRequest
		}
	}
	for name, kind := range map[string]string{"query": "string", "operationName": "string", "variables": "object", "extensions": "object"} {
		if raw, ok := params[name]; ok && !isJSON(raw, kind) {
			return fmt.Sprintf("%s: must be a %s", name, kind), http.StatusBadRequest, codeBadRequest
		}
	}
	var query string
	_ = json.Unmarshal(params["query"], &query)
	if msg := checkParams(query, !isNull(params["query"]), params["extensions"]); msg != "" {
		return msg, http.StatusBadRequest, codeBadRequest
	}
	if bytes.Contains(body, []byte(`\u0000`)) {
		return "the request holds the NUL character (\\u0000), which no text in the register may contain", http.StatusBadRequest, "BAD_USER_INPUT"
	}
	return "", 0, ""
}

// checkGet checks the parameters of a GET request.
func checkGet(r *http.Request) string {
	q := r.URL.Query()
	for _, name := range []string{"variables", "extensions"} {
		if v := q.Get(name); v != "" && !isJSON(json.RawMessage(v), "object") {
			return name + ": must be a JSON object"
		}
	}
	if strings.Contains(r.URL.RawQuery, "%00") {
		return "the request holds the NUL character, which no text in the register may contain"
	}
	return checkParams(q.Get("query"), q.Has("query"), json.RawMessage(q.Get("extensions")))
}

// checkParams requires a query, unless a persisted query's hash stands for it.
func checkParams(query string, hasQuery bool, extensions json.RawMessage) string {
	var ext struct {
		PersistedQuery *struct{ SHA256Hash string } `json:"persistedQuery"`
	}
	_ = json.Unmarshal(extensions, &ext)
	if (!hasQuery || strings.TrimSpace(query) == "") && ext.PersistedQuery == nil {
		return "query: missing; send the GraphQL document as \"query\" (or a persisted query's hash in extensions.persistedQuery)"
	}
	return ""
}

func isNull(raw json.RawMessage) bool {
	return len(raw) == 0 || string(bytes.TrimSpace(raw)) == "null"
}

// isJSON reports whether raw is null or a JSON value of the kind.
func isJSON(raw json.RawMessage, kind string) bool {
	if isNull(raw) {
		return true
	}
	var v any
	if json.Unmarshal(raw, &v) != nil {
		return false
	}
	switch v.(type) {
	case string:
		return kind == "string"
	case map[string]any:
		return kind == "object"
	}
	return false
}

// refuse answers a request refused before GraphQL, in the media type it accepts.
func refuse(w http.ResponseWriter, r *http.Request, status int, code, message string) {
	w.Header().Set("Content-Type", mediaType(r)+"; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]any{"errors": []any{map[string]any{
		"message": message, "extensions": map[string]string{"code": code}}}})
}

// mediaType is the response media type the request prefers of the two.
func mediaType(r *http.Request) string {
	for _, part := range strings.Split(r.Header.Get("Accept"), ",") {
		media, _, _ := mime.ParseMediaType(strings.TrimSpace(part))
		switch media {
		case "application/graphql-response+json":
			return media
		case "application/json":
			return media
		}
	}
	return "application/json"
}

type answerKey struct{}

// answerState is what the resolvers learnt that the HTTP answer must say:
// the register did not answer (503), personal data was sent unmasked
// (no-store).
type answerState struct{ unavailable, personal bool }

// markPersonal notes that the answer holds personal data unmasked.
func markPersonal(ctx context.Context) {
	if s, ok := ctx.Value(answerKey{}).(*answerState); ok {
		s.personal = true
	}
}

// markUnavailable notes, for the status, that the register did not answer.
func markUnavailable(ctx context.Context) {
	if s, ok := ctx.Value(answerKey{}).(*answerState); ok {
		s.unavailable = true
	}
}

// specWriter passes a successful answer through, with 503 if the register
// did not answer, and buffers an error answer to put it right in finish.
type specWriter struct {
	http.ResponseWriter
	r           *http.Request
	state       *answerState
	wroteHeader bool
	buffering   bool
	status      int
	buf         bytes.Buffer
}

func (w *specWriter) WriteHeader(status int) {
	if w.wroteHeader {
		return
	}
	w.wroteHeader = true
	if status >= 400 {
		w.buffering, w.status = true, status
		return
	}
	if status == http.StatusOK && w.state.unavailable {
		status = http.StatusServiceUnavailable
		w.Header().Set("Retry-After", "5")
	}
	w.ResponseWriter.WriteHeader(status)
}

func (w *specWriter) Write(p []byte) (int, error) {
	if !w.wroteHeader {
		w.WriteHeader(http.StatusOK)
	}
	if w.buffering {
		return w.buf.Write(p)
	}
	return w.ResponseWriter.Write(p)
}

// Flush lets streamed answers through.
func (w *specWriter) Flush() {
	if f, ok := w.ResponseWriter.(http.Flusher); ok && !w.buffering {
		f.Flush()
	}
}

// finish writes a buffered error answer as the specification wants it.
func (w *specWriter) finish() {
	if !w.buffering {
		return
	}
	var body struct {
		Errors []map[string]any `json:"errors"`
		Data   json.RawMessage  `json:"data,omitempty"`
	}
	if json.Unmarshal(w.buf.Bytes(), &body) != nil || len(body.Errors) == 0 {
		w.ResponseWriter.WriteHeader(w.status)
		_, _ = w.ResponseWriter.Write(w.buf.Bytes())
		return
	}
	status := w.status
	legacy := !strings.HasPrefix(w.Header().Get("Content-Type"), "application/graphql-response+json")
	codes := map[string]bool{}
	for _, e := range body.Errors {
		ext, _ := e["extensions"].(map[string]any)
		if ext == nil {
			ext = map[string]any{}
			e["extensions"] = ext
		}
		code, _ := ext["code"].(string)
		if code == "" {
			code = codeFor(w.r, status)
			ext["code"] = code
		}
		codes[code] = true
	}
	switch {
	case w.r.Method == http.MethodGet && status == http.StatusNotAcceptable && strings.Contains(fmt.Sprint(body.Errors[0]["message"]), "only allow query"):
		status = http.StatusMethodNotAllowed
		w.Header().Set("Allow", "POST")
		body.Errors = []map[string]any{{"message": "a mutation is sent with POST; GET is for queries only",
			"extensions": map[string]any{"code": codeMethodNotAllowed}}}
	case codes[codePersistedQuery]:
		// Apollo's PersistedQueryLink sends the query on this answer.
		status = http.StatusOK
	case legacy && status == http.StatusUnprocessableEntity:
		// application/json: a well-formed request is answered 200.
		status = http.StatusOK
	case !legacy && status == http.StatusUnprocessableEntity:
		status = http.StatusBadRequest
	}
	if isNull(body.Data) {
		body.Data = nil
	}
	out, _ := json.Marshal(body)
	w.Header().Set("Content-Length", strconv.Itoa(len(out)))
	w.ResponseWriter.WriteHeader(status)
	_, _ = w.ResponseWriter.Write(out)
}

// codeFor is the code of an error gqlgen's transports gave none.
func codeFor(r *http.Request, status int) string {
	switch status {
	case http.StatusMethodNotAllowed:
		return codeMethodNotAllowed
	case http.StatusNotAcceptable:
		if r.Method == http.MethodGet {
			return codeMethodNotAllowed
		}
		return codeNotAcceptable
	case http.StatusUnsupportedMediaType:
		return codeMediaType
	case http.StatusUnprocessableEntity:
		return "GRAPHQL_VALIDATION_FAILED"
	}
	return codeBadRequest
}
