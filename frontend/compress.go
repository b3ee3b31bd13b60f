package frontend

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strconv"
	"strings"
	"sync"
	"time"
)

// etags caches the ETag of each embedded file, by name.
var etags sync.Map

// serveFile serves an embedded file with an ETag (answering If-None-Match
// with 304) and, when the browser accepts it, the brotli or gzip copy the
// build wrote beside it (name.br, name.gz).
func serveFile(w http.ResponseWriter, r *http.Request, root fs.FS, name, cacheControl string) {
	body, err := fs.ReadFile(root, name)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	tag, ok := etags.Load(name)
	if !ok {
		sum := sha256.Sum256(body)
		tag = hex.EncodeToString(sum[:12])
		etags.Store(name, tag)
	}
	h := w.Header()
	h.Set("Vary", "Accept-Encoding")
	h.Set("Cache-Control", cacheControl)
	typ := mime.TypeByExtension(path.Ext(name))
	if typ == "" {
		typ = http.DetectContentType(body)
	}
	h.Set("Content-Type", typ)
	etag := tag.(string)
	for _, enc := range []struct{ name, ext string }{{"br", ".br"}, {"gzip", ".gz"}} {
		if !accepts(r.Header.Get("Accept-Encoding"), enc.name) {
			continue
		}
		if packed, err := fs.ReadFile(root, name+enc.ext); err == nil {
			body, etag = packed, etag+"-"+enc.name
			h.Set("Content-Encoding", enc.name)
			break
		}
	}
	h.Set("ETag", `"`+etag+`"`)
	http.ServeContent(w, r, name, time.Time{}, bytes.NewReader(body))
}

// accepts reports whether an Accept-Encoding header accepts an encoding
// (named, or by *), with a quality above zero.
func accepts(header, encoding string) bool {
	for _, part := range strings.Split(header, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if !strings.EqualFold(strings.TrimSpace(name), encoding) && strings.TrimSpace(name) != "*" {
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
