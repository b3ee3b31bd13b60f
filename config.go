package main

import (
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"jiceng/auth"
	"jiceng/calendar"
)

// config is how the server is started. Every flag can also be set by an
// environment variable: --addr by JICENG_ADDR, --db by JICENG_DB and so on;
// a flag given on the command line wins.
type config struct {
	addr         string
	data         string
	db           string
	demo         bool
	secureCookie bool
	rate         float64
	timeout      time.Duration
	origins      string
	introspect   bool
	timezone     string
	check        string
	grace        time.Duration
	backupEvery  time.Duration
	backupKeep   int
	backupDir    string
	costRate     float64
	serverTime   float64
	concurrent   int
	proxies      string
}

// parseConfig reads the flags of the server from args and getenv.
func parseConfig(name string, args []string, getenv func(string) string, stderr io.Writer) (config, error) {
	var c config
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&c.addr, "addr", "127.0.0.1:8080", "address to listen on (JICENG_ADDR)")
	fs.StringVar(&c.data, "data", "data", "data folder, holding the SQLite database (JICENG_DATA)")
	fs.StringVar(&c.db, "db", "", "database DSN: postgres://… for PostgreSQL; SQLite in the data folder when empty (JICENG_DB)")
	fs.BoolVar(&c.demo, "demo", false, "load the Fuxin demo into an empty register (JICENG_DEMO)")
	fs.BoolVar(&c.secureCookie, "secure-cookie", false, "mark the session cookie Secure; set it when serving over HTTPS (JICENG_SECURE_COOKIE)")
	fs.DurationVar(&c.timeout, "timeout", 30*time.Second, "longest a request may run before it is cancelled (JICENG_TIMEOUT)")
	fs.StringVar(&c.origins, "cors-origins", "", "comma-separated origins of other sites' pages allowed to call the API, e.g. https://report.example.cn (JICENG_CORS_ORIGINS)")
	fs.BoolVar(&c.introspect, "introspection", true, "let clients read the GraphQL schema; reporting tools need it (JICENG_INTROSPECTION)")
	fs.StringVar(&c.timezone, "timezone", calendar.DefaultZone, "IANA time zone whose day is the register's today, e.g. Asia/Shanghai (JICENG_TIMEZONE)")
	fs.Float64Var(&c.rate, "rate", 100, "requests a second each user or token may make on average, three times that in a burst; the cost rate, not this, bounds the work (JICENG_RATE)")
	fs.StringVar(&c.check, "check", "quick", "check the SQLite register for damage at start: quick, full (PRAGMA integrity_check; slower) or off (JICENG_CHECK)")
	fs.DurationVar(&c.grace, "shutdown-grace", 0, "how long SIGTERM waits for requests in flight before answering them 503; at least --timeout, which is also the default, plus 5s (JICENG_SHUTDOWN_GRACE)")
	fs.DurationVar(&c.backupEvery, "backup-every", 0, "back up the SQLite register this often, e.g. 24h; 0: never (JICENG_BACKUP_EVERY)")
	fs.IntVar(&c.backupKeep, "backup-keep", 14, "how many scheduled backups to keep (JICENG_BACKUP_KEEP)")
	fs.StringVar(&c.backupDir, "backup-dir", "", "folder of the scheduled backups; the backups folder beside the register when empty (JICENG_BACKUP_DIR)")
	fs.Float64Var(&c.costRate, "cost-rate", 100_000, "cost (fields a query may resolve, see Limits in the README) each user or token may spend a second on average, ten times that in a burst (JICENG_COST_RATE)")
	fs.Float64Var(&c.serverTime, "server-time", 1, "seconds of the server's time (from a request let in to its response written, summed over requests at once) each user or token may spend a second on average, ten times that in a burst (JICENG_SERVER_TIME)")
	fs.IntVar(&c.concurrent, "concurrent", 4, "requests each user or token may have served at once (JICENG_CONCURRENT)")
	fs.StringVar(&c.proxies, "trusted-proxies", "", "comma-separated addresses or CIDR prefixes of reverse proxies whose X-Forwarded-For names the client (JICENG_TRUSTED_PROXIES)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, `usage: jiceng [flags]          serve the register
       jiceng user …            add, change and list users (jiceng user for help)
       jiceng token …           make, list and revoke API tokens
       jiceng backup FILE       copy the SQLite register while it is in use
       jiceng restore FILE      put a backup in place (the server stopped)
       jiceng migrate status    the register's schema version and pending migrations
flags:`)
		fs.PrintDefaults()
	}
	var envErr error
	fs.VisitAll(func(f *flag.Flag) {
		key := "JICENG_" + strings.ToUpper(strings.ReplaceAll(f.Name, "-", "_"))
		if v := getenv(key); v != "" {
			if err := f.Value.Set(v); err != nil && envErr == nil {
				envErr = fmt.Errorf("%s=%q: %w", key, v, err)
			}
		}
	})
	if envErr != nil {
		return c, envErr
	}
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	if _, err := auth.ParseProxies(c.proxies); err != nil {
		return c, fmt.Errorf("--trusted-proxies: %w", err)
	}
	if c.costRate <= 0 || c.concurrent <= 0 || c.rate <= 0 || c.serverTime <= 0 {
		return c, fmt.Errorf("--rate, --cost-rate, --server-time and --concurrent must be more than 0")
	}
	if fs.NArg() > 0 {
		return c, fmt.Errorf("unexpected argument %s", strconv.Quote(fs.Arg(0)))
	}
	if err := calendar.SetZone(c.timezone); err != nil {
		return c, fmt.Errorf("--timezone: %w", err)
	}
	if c.grace == 0 {
		c.grace = c.timeout + 5*time.Second
	}
	switch {
	case c.check != "quick" && c.check != "full" && c.check != "off":
		return c, fmt.Errorf("--check: %q is not quick, full or off", c.check)
	case c.grace < c.timeout:
		return c, fmt.Errorf("--shutdown-grace: %s is shorter than --timeout %s; a request could be cut off while it may still run", c.grace, c.timeout)
	case c.backupEvery < 0 || (c.backupEvery > 0 && c.backupEvery < time.Minute):
		return c, fmt.Errorf("--backup-every: %s; give a duration of a minute or more, such as 24h", c.backupEvery)
	case c.backupKeep < 1:
		return c, fmt.Errorf("--backup-keep: %d; keep at least one backup", c.backupKeep)
	}
	return c, nil
}
