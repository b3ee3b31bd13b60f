// Command jiceng keeps a sub-district's register of grassroots Party
// organisations and serves it, with its coverage analysis and the grid-map
// dashboard, over HTTP.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/rs/cors"

	"jiceng/auth"
	"jiceng/coverage"
	"jiceng/database"
	"jiceng/demo"
	"jiceng/frontend"
	"jiceng/graph"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	err := run(ctx, os.Args[1:], os.Getenv, os.Stdin, os.Stdout, os.Stderr)
	switch {
	case errors.Is(err, flag.ErrHelp):
	case err != nil:
		fmt.Fprintln(os.Stderr, "jiceng:", err)
		os.Exit(1)
	}
}

// shutdownGrace is how long in-flight requests get to finish after SIGTERM.
const shutdownGrace = 15 * time.Second

// run starts the server and serves until ctx is cancelled, then lets
// in-flight requests finish. Tests call it with their own context and
// --addr 127.0.0.1:0; it prints the address it listens on to stdout.
func run(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) > 0 {
		if command, ok := commands[args[0]]; ok {
			return command(ctx, &env{getenv: getenv, stdin: stdin, stdout: stdout, stderr: stderr}, args[1:])
		}
	}
	cfg, err := parseConfig("jiceng", args, getenv, stderr)
	if err != nil {
		return err
	}
	logger := slog.New(slog.NewTextHandler(stderr, nil))
	if cfg.db == "" {
		unlock, err := lockData(cfg.data)
		if err != nil {
			return err
		}
		defer unlock()
	}
	store, err := database.Open(ctx, cfg.db, cfg.data)
	if err != nil {
		return err
	}
	defer store.Close()
	logger.Info("register open", "database", store.Dialect, "data", store.Location)
	password, err := auth.NewAccounts(store.Client).EnsureAdmin(ctx)
	if err != nil {
		return fmt.Errorf("making the first administrator: %w", err)
	}
	if password != "" {
		fmt.Fprintf(stdout, "Made the first administrator: sign in as admin with the password %s\nIt is shown only now; change it with: jiceng user passwd admin\n", password)
	}
	if cfg.demo {
		loaded, err := demo.LoadIfEmpty(ctx, store.Client)
		if err != nil {
			return fmt.Errorf("loading the demo: %w", err)
		}
		logger.Info("demo", "loaded", loaded)
	}
	ln, err := net.Listen("tcp", cfg.addr)
	if err != nil {
		return fmt.Errorf("listening on %s: %w", cfg.addr, err)
	}
	srv := &http.Server{
		Handler:           routes(store, cfg, logger),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      cfg.timeout + 30*time.Second, // past the request's own limit, to send its TIMEOUT
		IdleTimeout:       2 * time.Minute,
		ErrorLog:          slog.NewLogLogger(logger.Handler(), slog.LevelWarn),
	}
	fmt.Fprintf(stdout, "jiceng listening on http://%s\n", ln.Addr())
	logger.Info("listening", "addr", ln.Addr().String())
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	select {
	case err := <-served:
		return fmt.Errorf("serving: %w", err)
	case <-ctx.Done():
	}
	logger.Info("shutting down: finishing requests in flight")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return fmt.Errorf("shutting down: %w", err)
	}
	if err := <-served; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	logger.Info("stopped")
	return nil
}

// routes lays out the server's URLs and what guards them.
func routes(store *database.Store, cfg config, logger *slog.Logger) http.Handler {
	mux := http.NewServeMux()
	guard := auth.NewHTTP(store.Client, auth.Options{SecureCookie: cfg.secureCookie, RatePerSecond: cfg.rate, Burst: int(cfg.rate * 3)}, logger)
	guard.Routes(mux)
	engine := coverage.New(store.Client, store.Read, store.Dialect)
	api := graph.NewHandler(store, logger, graph.Options{NoIntrospection: !cfg.introspect, Coverage: engine})
	query := limitBody(withTimeout(cfg.timeout, guard.Require(api)))
	mux.Handle("/query", query)
	mux.Handle("/graphql", query) // the address many tools try first
	mux.Handle("GET /export/coverage.xlsx", withTimeout(cfg.timeout, guard.Require(exportCoverage(engine, logger))))
	mux.Handle("GET /export/{file}", knownTable(withTimeout(cfg.timeout, guard.Require(exportTable(api, logger)))))
	mux.Handle("GET /export/grids.geojson", withTimeout(cfg.timeout, guard.Require(exportGrids(api))))
	mux.Handle("GET /schema.graphql", guard.Require(graph.SchemaHandler(cfg.introspect)))
	mux.Handle("/graphiql", frontend.GraphiQL())
	mux.HandleFunc("/healthz", func(w http.ResponseWriter, r *http.Request) {
		if err := store.DB.PingContext(r.Context()); err != nil {
			http.Error(w, "database unavailable", http.StatusServiceUnavailable)
			return
		}
		_, _ = io.WriteString(w, "ok\n")
	})
	// Unknown addresses under the API's prefixes are errors, not the app.
	for _, prefix := range []string{"/auth/", "/export/"} {
		mux.HandleFunc(prefix, http.NotFound)
	}
	mux.Handle("/", frontend.Handler())
	return recoverPanics(logger, securityHeaders(crossOrigin(cfg.origins, mux)))
}

// crossOrigin lets the pages of the listed origins call the API from the
// browser, with their cookies and an Authorization header. With no origins,
// browsers keep other sites' pages from reading the API at all. A "*" lets
// any site read, but never with credentials.
func crossOrigin(origins string, next http.Handler) http.Handler {
	if strings.TrimSpace(origins) == "" {
		return next
	}
	list := strings.Split(origins, ",")
	for i := range list {
		list[i] = strings.TrimSpace(list[i])
	}
	return cors.New(cors.Options{
		AllowedOrigins:   list,
		AllowCredentials: !slices.Contains(list, "*"),
		AllowedMethods:   []string{http.MethodGet, http.MethodPost},
		AllowedHeaders:   []string{"Authorization", "Content-Type", auth.CSRFHeader},
		MaxAge:           600,
	}).Handler(next)
}
