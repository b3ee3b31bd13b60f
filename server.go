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
	_ "time/tzdata" // the register's zone exists on a machine without zone data

	"entgo.io/ent/dialect"
	"github.com/rs/cors"

	"jiceng/auth"
	"jiceng/calendar"
	"jiceng/coverage"
	"jiceng/database"
	"jiceng/demo"
	"jiceng/frontend"
	"jiceng/graph"
	"jiceng/rectify"
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
	if !database.IsPostgres(cfg.db) {
		unlock, err := lockRegister(database.SQLitePath(cfg.db, cfg.data))
		if err != nil {
			return err
		}
		defer unlock()
	}
	store, err := database.Open(ctx, cfg.db, cfg.data, database.WithCheck(cfg.check))
	if err != nil {
		return refusal(err, cfg)
	}
	defer store.Close()
	store.OnCorrupt(func(err error) {
		logger.Error("DATA_CORRUPTED: the register is damaged; writes are stopped. Stop the server and restore the last backup", "err", err)
	})
	logger.Info("register open", "database", store.Dialect, "data", store.Location, "schema", store.Version)
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
		if loaded {
			if err := rectify.LoadDemo(ctx, store.Client, store.Read, store.Dialect, calendar.Today()); err != nil {
				return fmt.Errorf("loading the demo's ledger: %w", err)
			}
		}
	}
	defer backfillLedger(ctx, store, logger)()
	ln, err := net.Listen("tcp", cfg.addr)
	if err != nil {
		return fmt.Errorf("listening on %s: %w", cfg.addr, err)
	}
	if cfg.backupEvery > 0 {
		if store.Dialect != dialect.SQLite {
			return errors.New("--backup-every backs up a SQLite register; for PostgreSQL schedule pg_dump (see the README)")
		}
		go scheduleBackups(ctx, store, backupDir(cfg), cfg.backupEvery, cfg.backupKeep, logger)
	}
	drain := newDrain()
	srv := &http.Server{
		Handler:           drain.wrap(routes(store, cfg, logger, ctx.Done())),
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
	logger.Info("shutting down: finishing requests in flight", "grace", cfg.grace.String())
	shut := make(chan error, 1)
	go func() { shut <- srv.Shutdown(context.Background()) }()
	select {
	case err := <-shut:
		if err != nil {
			return fmt.Errorf("shutting down: %w", err)
		}
	case <-time.After(cfg.grace):
		logger.Warn("shutdown grace over: answering the requests still running with 503")
		drain.stop()
		select {
		case <-shut:
		case <-time.After(5 * time.Second):
			_ = srv.Close()
		}
	}
	if err := <-served; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	logger.Info("stopped")
	return nil
}

// routes lays out the server's URLs and what guards them; stopping closes
// when the server begins to shut down.
func routes(store *database.Store, cfg config, logger *slog.Logger, stopping <-chan struct{}) http.Handler {
	mux := http.NewServeMux()
	proxies, _ := auth.ParseProxies(cfg.proxies) // checked by parseConfig
	guard := auth.NewHTTP(store.Client, auth.Options{SecureCookie: cfg.secureCookie, RatePerSecond: cfg.rate, Burst: int(cfg.rate * 3),
		CostPerSecond: cfg.costRate, CostBurst: int(cfg.costRate * 10), Concurrent: cfg.concurrent,
		TimePerSecond: cfg.serverTime, TimeBurst: time.Duration(cfg.serverTime * 10 * float64(time.Second)),
		TrustedProxies: proxies, AllowedOrigins: originList(cfg.origins), Stopping: stopping}, logger)
	guard.Routes(mux)
	engine := coverage.New(store.Client, store.Read, store.Dialect)
	api := graph.NewHandler(store, logger, graph.Options{NoIntrospection: !cfg.introspect, Coverage: engine})
	// The credentials are checked before the body is read.
	query := withTimeout(cfg.timeout, guard.Require(limitBody(api)))
	mux.Handle("/query", query)
	mux.Handle("/graphql", query) // the address many tools try first
	mux.Handle("GET /export/coverage.xlsx", withTimeout(cfg.timeout, guard.Require(exportCoverage(engine, logger))))
	mux.Handle("GET /export/{file}", knownTable(withTimeout(cfg.timeout, guard.Require(exportTable(api, logger)))))
	mux.Handle("GET /export/grids.geojson", withTimeout(cfg.timeout, guard.Require(exportGrids(api))))
	ledgers := newImports(store, logger)
	mux.Handle("GET /ledger/template.xlsx", withTimeout(cfg.timeout, guard.Require(http.HandlerFunc(ledgers.template))))
	mux.Handle("POST /ledger/import", withTimeout(cfg.timeout, guard.Require(http.HandlerFunc(ledgers.start))))
	mux.Handle("POST /ledger/grids", withTimeout(cfg.timeout, guard.Require(http.HandlerFunc(ledgers.grids))))
	mux.Handle("GET /ledger/jobs/{id}", guard.Require(http.HandlerFunc(ledgers.poll)))
	mux.Handle("GET /export/register.xlsx", withTimeout(cfg.timeout, guard.Require(http.HandlerFunc(ledgers.exportRegister))))

	mux.Handle("GET /export/report.xlsx", withTimeout(cfg.timeout, guard.Require(exportReport(api, logger))))
	mux.Handle("GET /export/deadlines.ics", withTimeout(cfg.timeout, guard.Require(exportDeadlines(api))))
	mux.Handle("GET /export/reminders.xlsx", withTimeout(cfg.timeout, guard.Require(exportReminders(api, logger))))
	mux.Handle("GET /export/rectifications.xlsx", withTimeout(cfg.timeout, guard.Require(exportRectifications(api, logger))))
	mux.Handle("GET /schema.graphql", guard.Require(graph.SchemaHandler(cfg.introspect)))
	mux.Handle("/graphiql", frontend.GraphiQL())
	mux.HandleFunc("/healthz", func(w http.ResponseWriter, r *http.Request) {
		if err := store.Corrupted(); err != nil {
			http.Error(w, "DATA_CORRUPTED: the register is damaged and writes are stopped; restore the last backup", http.StatusServiceUnavailable)
			return
		}
		if err := store.DB.PingContext(r.Context()); err != nil {
			http.Error(w, "database unavailable", http.StatusServiceUnavailable)
			return
		}
		_, _ = io.WriteString(w, "ok\n")
	})
	// Unknown addresses under the API's prefixes are errors, not the app.
	for _, prefix := range []string{"/auth/", "/export/", "/ledger/"} {
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
	list := originList(origins)
	return cors.New(cors.Options{
		AllowedOrigins:   list,
		AllowCredentials: !slices.Contains(list, "*"),
		AllowedMethods:   []string{http.MethodGet, http.MethodPost},
		AllowedHeaders:   []string{"Authorization", "Content-Type", auth.CSRFHeader, "Idempotency-Key"},
		MaxAge:           600,
	}).Handler(next)
}

// originList splits --cors-origins.
func originList(origins string) []string {
	var list []string
	for _, o := range strings.Split(origins, ",") {
		if o = strings.TrimSpace(o); o != "" {
			list = append(list, o)
		}
	}
	return list
}
