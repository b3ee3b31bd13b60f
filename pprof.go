//go:build pprof

package main

import (
	"log"
	"net/http"
	_ "net/http/pprof" // registers /debug/pprof on http.DefaultServeMux
	"os"
)

// A binary built with -tags pprof (bench/peer.sh PPROF=1) serves Go's
// profiles on JICENG_PPROF (e.g. 127.0.0.1:16060), on a listener of its
// own, apart from the API; the ordinary build has none.
func init() {
	addr := os.Getenv("JICENG_PPROF")
	if addr == "" {
		return
	}
	go func() { log.Println(http.ListenAndServe(addr, nil)) }()
}
