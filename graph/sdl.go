package graph

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"sync"

	"jiceng/viewer"
)

var (
	sdlOnce sync.Once
	sdlText string
	sdlETag string
)

// SchemaHandler serves the public schema as SDL (GET /schema.graphql) to
// administrators and reporting tools, as introspection would give it; with
// introspection off it answers 404. It validates caches by an ETag.
func SchemaHandler(introspection bool) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !introspection {
			jsonError(w, http.StatusNotFound, "NOT_FOUND", "the schema is not published: introspection is turned off on this server")
			return
		}
		if v := viewer.FromContext(r.Context()); v == nil || (v.Role != viewer.Admin && v.Role != viewer.Reporter) {
			jsonError(w, http.StatusForbidden, "FORBIDDEN", "the schema is for administrators and reporting tools (ADMIN or REPORTER)")
			return
		}
		sdlOnce.Do(func() {
			sdlText = SDL()
			sum := sha256.Sum256([]byte(sdlText))
			sdlETag = `"` + hex.EncodeToString(sum[:12]) + `"`
		})
		w.Header().Set("ETag", sdlETag)
		w.Header().Set("Cache-Control", "private, no-cache")
		w.Header().Set("Vary", "Authorization, Cookie")
		if r.Header.Get("If-None-Match") == sdlETag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("Content-Type", "application/graphql; charset=utf-8")
		_, _ = io.WriteString(w, sdlText)
	})
}

// jsonError writes a GraphQL-shaped error with a status.
func jsonError(w http.ResponseWriter, status int, code, message string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]any{"errors": []any{map[string]any{
		"message": message, "extensions": map[string]string{"code": code}}}})
}
