package graph

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"strconv"
	"strings"
)

// compressAbove is the size over which an answer is sent gzipped to a
// client that accepts it.
const compressAbove = 4 << 10

// cacheable completes an answer of the API as HTTP caches and clients
// expect: Cache-Control (no-store on personal data and on every POST; a GET
// query's answer is private and revalidated), an ETag on a GET query's
// answer (If-None-Match gets 304), and gzip above a few KiB.
func cacheable(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		state := &answerState{}
		buf := &bufferWriter{header: w.Header()}
		next.ServeHTTP(buf, r.WithContext(context.WithValue(r.Context(), answerKey{}, state)))
		h := w.Header()
		status, body := buf.status, buf.body.Bytes()
		if status == 0 {
			status = http.StatusOK
		}
		switch {
		case h.Get("Cache-Control") != "":
		case r.Method == http.MethodGet && status == http.StatusOK && !state.personal:
			h.Set("Cache-Control", "private, no-cache")
		default:
			h.Set("Cache-Control", "no-store")
		}
		h.Add("Vary", "Accept-Encoding")
		if r.Method == http.MethodGet && status == http.StatusOK {
			sum := sha256.Sum256(body)
			etag := `"` + hex.EncodeToString(sum[:12]) + `"`
			h.Set("ETag", etag)
			if matches(r.Header.Get("If-None-Match"), etag) {
				h.Del("Content-Length")
				w.WriteHeader(http.StatusNotModified)
				return
			}
		}
		if len(body) > compressAbove && acceptsGzip(r.Header.Get("Accept-Encoding")) {
			var packed bytes.Buffer
			zw, _ := gzip.NewWriterLevel(&packed, gzip.DefaultCompression)
			_, _ = zw.Write(body)
			_ = zw.Close()
			body = packed.Bytes()
			h.Set("Content-Encoding", "gzip")
			if etag := h.Get("ETag"); etag != "" {
				h.Set("ETag", strings.TrimSuffix(etag, `"`)+`-gzip"`)
			}
		}
		h.Set("Content-Length", strconv.Itoa(len(body)))
		w.WriteHeader(status)
		if r.Method != http.MethodHead {
			_, _ = w.Write(body)
		}
	})
}

// bufferWriter keeps an answer to complete it.
type bufferWriter struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func (b *bufferWriter) Header() http.Header { return b.header }

func (b *bufferWriter) WriteHeader(status int) {
	if b.status == 0 {
		b.status = status
	}
}

func (b *bufferWriter) Write(p []byte) (int, error) {
	if b.status == 0 {
		b.status = http.StatusOK
	}
	return b.body.Write(p)
}

// matches reports whether an If-None-Match header names the ETag (with or
// without its encoding suffix).
func matches(header, etag string) bool {
	base := strings.TrimSuffix(etag, `"`)
	for _, t := range strings.Split(header, ",") {
		t = strings.TrimPrefix(strings.TrimSpace(t), "W/")
		if t == "*" || t == etag || t == base+`-gzip"` {
			return true
		}
	}
	return false
}

func acceptsGzip(header string) bool {
	for _, part := range strings.Split(header, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if n := strings.TrimSpace(name); n != "gzip" && n != "*" {
			continue
		}
		q := 1.0
		if v, ok := strings.CutPrefix(strings.TrimSpace(params), "q="); ok {
			q, _ = strconv.ParseFloat(v, 64)
		}
		return q > 0
	}
	return false
}
