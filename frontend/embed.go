// Package frontend serves the grid-map dashboard: the single-page app built
// into dist/ by `npm run build` and embedded in the binary, so the dashboard
// works on an office network with no internet. A fresh clone has only the
// committed placeholder page in dist/, which says how to build the app.
package frontend

import (
	"embed"
	"io/fs"
	"net/http"
	"path"
	"strings"
)

//go:embed all:dist
var dist embed.FS

// Handler serves the app to GET and HEAD: files under assets/ carry a content hash in their
// names and are cached for a year; index.html is never cached, so a new
// release is picked up at the next load; a missing file (a name with an
// extension, or anything under assets/, such as a chunk of an older
// release) is 404; any other path (a view's URL) gets index.html, for the
// app's router to read.
func Handler() http.Handler {
	root, err := fs.Sub(dist, "dist")
	if err != nil {
		panic(err) // the embed directive guarantees dist exists
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "the dashboard's pages are only read (GET)", http.StatusMethodNotAllowed)
			return
		}
		name := strings.TrimPrefix(path.Clean(r.URL.Path), "/")
		if name != "" && name != "index.html" {
			if f, err := root.Open(name); err == nil {
				stat, _ := f.Stat()
				f.Close()
				if stat != nil && !stat.IsDir() {
					cache := "no-cache"
					if strings.HasPrefix(name, "assets/") {
						cache = "public, max-age=31536000, immutable"
					}
					serveFile(w, r, root, name, cache)
					return
				}
			}
		}
		if strings.HasPrefix(name, "assets/") || path.Ext(name) != "" {
			http.NotFound(w, r)
			return
		}
		servePage(w, r, root, "index.html")
	})
}

// GraphiQL serves GraphiQL, bundled from npm into dist/graphiql.html so that
// it needs no CDN.
func GraphiQL() http.Handler {
	root, err := fs.Sub(dist, "dist")
	if err != nil {
		panic(err)
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		servePage(w, r, root, "graphiql.html")
	})
}

// servePage serves a page of the app, never cached, or the placeholder
// when the app is not built.
func servePage(w http.ResponseWriter, r *http.Request, root fs.FS, name string) {
	if _, err := fs.Stat(root, name); err != nil {
		name = "placeholder.html"
	}
	if _, err := fs.Stat(root, name); err != nil {
		http.Error(w, "the dashboard is not built", http.StatusNotFound)
		return
	}
	// Revalidated at every load (by its ETag), so a new release is picked up.
	serveFile(w, r, root, name, "no-cache")
}
