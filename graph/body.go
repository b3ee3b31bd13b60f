package graph

import (
	"bytes"
	"encoding/json"
	"io"
	"mime"
	"net/http"
)

// wellFormed answers a request that is not one GraphQL operation in the
// shape the GraphQL-over-HTTP spec gives it with 400 and a code naming what
// is wrong, before gqlgen reads it: a POST body must be a JSON object whose
// query is a string and whose operationName, variables and extensions, if
// present, are a string, an object and an object; a GET's variables and
// extensions must be JSON objects. Batches (a JSON array) are refused.
func wellFormed(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.Method {
		case http.MethodPost:
			if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt != "application/json" && mt != "application/graphql-response+json" {
				badRequest(w, http.StatusUnsupportedMediaType, "", "send the query as Content-Type: application/json")
				return
			}
			body, err := io.ReadAll(r.Body)
			if err != nil {
				badRequest(w, http.StatusBadRequest, "", "the request body could not be read")
				return
			}
			if field, message := checkBody(body); message != "" {
				badRequest(w, http.StatusBadRequest, field, message)
				return
			}
			r.Body = io.NopCloser(bytes.NewReader(body))
		case http.MethodGet:
			q := r.URL.Query()
			for _, name := range []string{"variables", "extensions"} {
				if v := q.Get(name); v != "" && !isObject([]byte(v)) {
					badRequest(w, http.StatusBadRequest, name, name+": must be a JSON object")
					return
				}
			}
			if q.Get("query") == "" && !persisted(json.RawMessage(q.Get("extensions"))) {
				badRequest(w, http.StatusBadRequest, "query", "query: send the GraphQL document in the query parameter")
				return
			}
		}
		next.ServeHTTP(w, r)
	})
}

// checkBody says what is wrong with a POST body, if anything.
func checkBody(body []byte) (field, message string) {
	body = bytes.TrimSpace(body)
	if len(body) > 0 && body[0] == '[' {
		return "", "batches are not supported: send one operation per request"
	}
	var params map[string]json.RawMessage
	if err := json.Unmarshal(body, &params); err != nil || params == nil {
		return "", `the body must be a JSON object: {"query": "…", "variables": {…}}`
	}
	var query string
	if raw, ok := params["query"]; ok && !isNullJSON(raw) && json.Unmarshal(raw, &query) != nil {
		return "query", "query: must be a string holding the GraphQL document"
	}
	if query == "" && !persisted(params["extensions"]) {
		return "query", "query: must be a string holding the GraphQL document (or send a persisted query's hash in extensions.persistedQuery)"
	}
	if raw, ok := params["operationName"]; ok && !isNullJSON(raw) {
		var name string
		if json.Unmarshal(raw, &name) != nil {
			return "operationName", "operationName: must be a string or null"
		}
	}
	for _, name := range []string{"variables", "extensions"} {
		if raw, ok := params[name]; ok && !isNullJSON(raw) && !isObject(raw) {
			return name, name + ": must be a JSON object or null"
		}
	}
	return "", ""
}

func isNullJSON(raw []byte) bool { return string(bytes.TrimSpace(raw)) == "null" }

func isObject(raw []byte) bool {
	var m map[string]json.RawMessage
	return json.Unmarshal(raw, &m) == nil && m != nil
}

// badRequest answers in the shape of a GraphQL response.
func badRequest(w http.ResponseWriter, status int, field, message string) {
	ext := map[string]string{"code": "BAD_REQUEST"}
	if field != "" {
		ext["field"] = field
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]any{"errors": []any{map[string]any{"message": message, "extensions": ext}}})
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
