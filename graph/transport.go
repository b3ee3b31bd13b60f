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

	"jiceng/auth"
	"jiceng/httperr"
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
			req, e := checkPost(r)
			if e != nil {
				refuse(w, r, e)
				return
			}
			r = withRawRequest(r, req)
		case http.MethodGet:
			if e := checkGet(r); e != nil {
				refuse(w, r, e)
				return
			}
			q := r.URL.Query()
			r = withRawRequest(r, rawRequest{query: q.Get("query"), operation: q.Get("operationName"), variables: json.RawMessage(q.Get("variables"))})
		case http.MethodOptions:
		default:
			w.Header().Set("Allow", "GET, POST")
			httperr.Write(w, r, httperr.New(http.StatusMethodNotAllowed, codeMethodNotAllowed, "", "METHOD",
				"请用 POST 发送 GraphQL 请求，查询也可以用 GET", "send GraphQL requests with POST, or queries with GET"))
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

// refuse answers a request that is not one GraphQL request (or holds what
// no text may), after the tarpit's hold if its credential keeps sending
// such requests (auth.RefusedRequest).
func refuse(w http.ResponseWriter, r *http.Request, e *httperr.Error) {
	auth.RefusedRequest(r.Context())
	httperr.Write(w, r, *e)
}

// badRequest is a request that is not one GraphQL request.
func badRequest(field, reason, zh, en string) *httperr.Error {
	e := httperr.New(http.StatusBadRequest, codeBadRequest, field, reason, zh, en)
	return &e
}

// checkPost reads and checks a POST body, and puts it back for gqlgen. The
// body is decoded once, into its parameters left raw; each is told apart
// by its first byte, which the decoding has checked is valid JSON. The
// document, operation name and raw variables are returned for the checks
// before gqlgen decodes them (early.go).
func checkPost(r *http.Request) (rawRequest, *httperr.Error) {
	var req rawRequest
	e := checkPostInto(r, &req)
	return req, e
}

func checkPostInto(r *http.Request, req *rawRequest) *httperr.Error {
	media, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || media != "application/json" {
		e := httperr.New(http.StatusUnsupportedMediaType, codeMediaType, "", "MEDIA_TYPE",
			"请以 Content-Type: application/json 发送请求", "send the request as Content-Type: application/json")
		return &e
	}
	body, err := io.ReadAll(r.Body)
	if err != nil {
		return badRequest("", "UNREADABLE", "无法读取请求内容", "the request body could not be read")
	}
	r.Body = io.NopCloser(bytes.NewReader(body))
	var params map[string]json.RawMessage
	if err := json.Unmarshal(body, &params); err != nil {
		var syntax *json.SyntaxError
		switch {
		case strings.HasPrefix(strings.TrimSpace(string(body)), "["):
			return badRequest("", "BATCH", "请求是一个 JSON 数组：不支持批量请求，请每次发送一个带 \"query\" 的 JSON 对象",
				"the body is a JSON array; send one request, a JSON object with \"query\", at a time")
		case errors.As(err, &syntax):
			return badRequest("", "NOT_JSON", fmt.Sprintf("请求内容不是 JSON（第 %d 字节）", syntax.Offset),
				fmt.Sprintf("the body is not JSON (at byte %d)", syntax.Offset))
		default:
			return badRequest("", "NOT_AN_OBJECT", "请求内容须是带 \"query\" 的 JSON 对象，可另带 \"variables\"、\"operationName\" 和 \"extensions\"",
				"the body must be a JSON object with \"query\", and maybe \"variables\", \"operationName\" and \"extensions\"")
		}
	}
	for _, p := range []struct{ name, kind, zh string }{
		{"query", "string", "字符串"}, {"operationName", "string", "字符串"}, {"variables", "object", "JSON 对象"}, {"extensions", "object", "JSON 对象"},
	} {
		if raw, ok := params[p.name]; ok && !isKind(raw, p.kind) {
			return badRequest(p.name, "WRONG_TYPE", p.name+" 须是"+p.zh, p.name+": must be a "+p.kind)
		}
	}
	var query string
	_ = json.Unmarshal(params["query"], &query)
	_ = json.Unmarshal(params["operationName"], &req.operation)
	req.query, req.variables = query, params["variables"]
	if e := checkParams(query, !isNull(params["query"]), params["extensions"]); e != nil {
		return e
	}
	if bytes.Contains(body, []byte(`\u0000`)) {
		e := httperr.New(http.StatusBadRequest, "BAD_USER_INPUT", "", "NUL_CHARACTER", "请求中含有 NUL 字符（\\u0000），台账中的文字不能含有它",
			"the request holds the NUL character (\\u0000), which no text in the register may contain")
		return &e
	}
	return nil
}

// checkGet checks the parameters of a GET request.
func checkGet(r *http.Request) *httperr.Error {
	q := r.URL.Query()
	for _, name := range []string{"variables", "extensions"} {
		if v := q.Get(name); v != "" && !isObject(json.RawMessage(v)) {
			return badRequest(name, "WRONG_TYPE", name+" 须是 JSON 对象", name+": must be a JSON object")
		}
	}
	if strings.Contains(r.URL.RawQuery, "%00") {
		e := httperr.New(http.StatusBadRequest, "BAD_USER_INPUT", "", "NUL_CHARACTER", "请求中含有 NUL 字符，台账中的文字不能含有它",
			"the request holds the NUL character, which no text in the register may contain")
		return &e
	}
	return checkParams(q.Get("query"), q.Has("query"), json.RawMessage(q.Get("extensions")))
}

// checkParams requires a query, unless a persisted query's hash stands for it.
func checkParams(query string, hasQuery bool, extensions json.RawMessage) *httperr.Error {
	if (!hasQuery || strings.TrimSpace(query) == "") && !persisted(extensions) {
		return badRequest("query", "QUERY_MISSING", "缺少 query：请以 \"query\" 发送 GraphQL 查询语句（或在 extensions.persistedQuery 中发送已存查询的哈希）",
			"query: missing; send the GraphQL document as \"query\" (or a persisted query's hash in extensions.persistedQuery)")
	}
	return nil
}

func isNull(raw json.RawMessage) bool {
	return len(raw) == 0 || string(bytes.TrimSpace(raw)) == "null"
}

// isKind reports whether raw, a valid JSON value, is null or of the kind.
func isKind(raw json.RawMessage, kind string) bool {
	raw = bytes.TrimSpace(raw)
	if isNull(raw) {
		return true
	}
	switch raw[0] {
	case '"':
		return kind == "string"
	case '{':
		return kind == "object"
	}
	return false
}

// isObject reports whether raw is null or a JSON object.
func isObject(raw json.RawMessage) bool {
	if isNull(raw) {
		return true
	}
	var m map[string]json.RawMessage
	return json.Unmarshal(raw, &m) == nil
}

// persisted reports whether extensions name a persisted query, which
// stands for the document (the server answers PersistedQueryNotFound when
// it does not know the hash yet).
func persisted(raw json.RawMessage) bool {
	var ext struct {
		PersistedQuery *json.RawMessage `json:"persistedQuery"`
	}
	return len(raw) > 0 && json.Unmarshal(raw, &ext) == nil && ext.PersistedQuery != nil
}

// mediaType is the response media type the request prefers of the two.
func mediaType(r *http.Request) string { return httperr.MediaType(r) }

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
		e := httperr.New(status, codeMethodNotAllowed, "", "MUTATION_OVER_GET", "修改请用 POST 发送；GET 只能用于查询", "a mutation is sent with POST; GET is for queries only")
		body.Errors = []map[string]any{{"message": e.Message(w.r),
			"extensions": map[string]any{"code": codeMethodNotAllowed, "reason": e.Reason}}}
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
