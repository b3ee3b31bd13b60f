package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"jiceng/auth"
	"jiceng/database"
	"jiceng/viewer"
)

// commands are the subcommands of jiceng besides serving. They work on the
// data folder or database directly, whether or not the server runs, so that
// scripts can set up users and tokens without the dashboard.
var commands = map[string]func(ctx context.Context, e *env, args []string) error{
	"user":    userCommand,
	"token":   tokenCommand,
	"backup":  backupCommand,
	"restore": restoreCommand,
	"migrate": migrateCommand,
	"import":  importCommand,
	"export":  exportCommand,
}

// env is what a command runs with.
type env struct {
	getenv         func(string) string
	stdin          io.Reader
	stdout, stderr io.Writer
}

// storeFlags adds --data and --db to a command's flags, with the
// environment's defaults, and opens the register once they are parsed.
func storeFlags(fs *flag.FlagSet, e *env) func(ctx context.Context) (*database.Store, error) {
	data := fs.String("data", orDefault(e.getenv("JICENG_DATA"), "data"), "data folder (JICENG_DATA)")
	db := fs.String("db", e.getenv("JICENG_DB"), "database DSN; SQLite in the data folder when empty (JICENG_DB)")
	return func(ctx context.Context) (*database.Store, error) {
		return database.Open(ctx, *db, *data, database.ForCommand())
	}
}

func orDefault(v, def string) string {
	if v == "" {
		return def
	}
	return v
}

// areaFlag collects repeated --area IDs.
type areaFlag []int

func (a *areaFlag) String() string { return fmt.Sprint(*a) }

func (a *areaFlag) Set(s string) error {
	id, err := strconv.Atoi(s)
	if err != nil {
		return fmt.Errorf("%q is not an area ID", s)
	}
	*a = append(*a, id)
	return nil
}

func newFlags(name string, e *env) *flag.FlagSet {
	fs := flag.NewFlagSet("jiceng "+name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	return fs
}

// readPassword reads a password from the first line of stdin.
func readPassword(e *env) (string, error) {
	line, err := bufio.NewReader(e.stdin).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", fmt.Errorf("reading the password: %w", err)
	}
	return strings.TrimRight(line, "\r\n"), nil
}

const userUsage = `usage:
  jiceng user add --username NAME --role ADMIN|EDITOR|ANALYST|REPORTER [--area ID]... [--display-name TEXT] [--password-stdin]
  jiceng user passwd NAME [--password-stdin]
  jiceng user disable NAME | enable NAME
  jiceng user list
Without --password-stdin a random password is made and printed once.`

func userCommand(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 {
		return errors.New(userUsage)
	}
	fs := newFlags("user "+args[0], e)
	open := storeFlags(fs, e)
	var (
		username    = fs.String("username", "", "the sign-in name")
		role        = fs.String("role", "", "ADMIN, EDITOR, ANALYST or REPORTER")
		displayName = fs.String("display-name", "", "the name shown")
		fromStdin   = fs.Bool("password-stdin", false, "read the password from the first line of stdin")
		areas       areaFlag
	)
	fs.Var(&areas, "area", "an area an editor may write in (repeat for several)")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	name := *username
	if fs.NArg() > 0 {
		name = fs.Arg(0)
	}
	password := func() (string, bool, error) {
		if *fromStdin {
			p, err := readPassword(e)
			return p, false, err
		}
		return auth.RandomPassword(), true, nil
	}
	st, err := open(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	accounts := auth.NewAccounts(st.Client)
	switch args[0] {
	case "add":
		p, made, err := password()
		if err != nil {
			return err
		}
		u, err := accounts.CreateUser(ctx, auth.NewUser{Username: name, DisplayName: *displayName, Password: p, Role: viewer.Role(*role), AreaIDs: areas})
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "Added %s (%s, ID %d).\n", u.Username, u.Role, u.ID)
		if made {
			fmt.Fprintf(e.stdout, "Password: %s\nIt is shown only now.\n", p)
		}
	case "passwd":
		p, made, err := password()
		if err != nil {
			return err
		}
		if err := accounts.SetPassword(ctx, name, p); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "Changed the password of %s and ended their sessions.\n", name)
		if made {
			fmt.Fprintf(e.stdout, "Password: %s\nIt is shown only now.\n", p)
		}
	case "disable", "enable":
		if err := accounts.SetDisabled(ctx, name, args[0] == "disable"); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "%s is %sd.\n", name, args[0])
	case "list":
		users, err := accounts.Users(ctx)
		if err != nil {
			return err
		}
		w := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(w, "ID\tUSERNAME\tROLE\tAREAS\tDISABLED\tLAST SIGN-IN")
		for _, u := range users {
			last := "never"
			if u.LastLoginAt != nil {
				last = u.LastLoginAt.Format(time.DateTime)
			}
			var ids []string
			for _, a := range u.Edges.Areas {
				ids = append(ids, strconv.Itoa(a.ID))
			}
			fmt.Fprintf(w, "%d\t%s\t%s\t%s\t%v\t%s\n", u.ID, u.Username, u.Role, strings.Join(ids, ","), u.Disabled, last)
		}
		return w.Flush()
	default:
		return errors.New(userUsage)
	}
	return nil
}

const tokenUsage = `usage:
  jiceng token create --name NAME [--role REPORTER|ANALYST|EDITOR|ADMIN] [--area ID]... [--expires 90d]
  jiceng token list
  jiceng token revoke ID
The token is printed once; only its hash is kept.`

func tokenCommand(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 {
		return errors.New(tokenUsage)
	}
	fs := newFlags("token "+args[0], e)
	open := storeFlags(fs, e)
	var (
		name    = fs.String("name", "", "what the token is for, e.g. 月报工具")
		role    = fs.String("role", string(viewer.Reporter), "REPORTER, ANALYST, EDITOR or ADMIN")
		expires = fs.String("expires", "90d", "how long the token is valid: 30d, 12h…")
		areas   areaFlag
	)
	fs.Var(&areas, "area", "an area an editor's token may write in (repeat for several)")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	st, err := open(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	accounts := auth.NewAccounts(st.Client)
	switch args[0] {
	case "create":
		valid, err := parseValidity(*expires)
		if err != nil {
			return err
		}
		token, t, err := accounts.CreateToken(ctx, auth.NewToken{Name: *name, Role: viewer.Role(*role), AreaIDs: areas, ValidFor: valid})
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stderr, "Made token %d, %s (%s), valid until %s. It is shown only now:\n", t.ID, t.Name, t.Role, t.ExpiresAt.Format(time.DateTime))
		fmt.Fprintln(e.stdout, token)
	case "list":
		tokens, err := accounts.Tokens(ctx)
		if err != nil {
			return err
		}
		w := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(w, "ID\tNAME\tPREFIX\tROLE\tEXPIRES\tREVOKED\tLAST USED")
		for _, t := range tokens {
			fmt.Fprintf(w, "%d\t%s\t%s…\t%s\t%s\t%s\t%s\n", t.ID, t.Name, t.Prefix, t.Role, when(t.ExpiresAt), when(t.RevokedAt), when(t.LastUsedAt))
		}
		return w.Flush()
	case "revoke":
		id, err := strconv.Atoi(fs.Arg(0))
		if err != nil {
			return errors.New("give the ID of the token to revoke: jiceng token revoke ID")
		}
		if err := accounts.RevokeToken(ctx, id); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "Revoked token %d.\n", id)
	default:
		return errors.New(tokenUsage)
	}
	return nil
}

func when(t *time.Time) string {
	if t == nil {
		return "-"
	}
	return t.Format(time.DateTime)
}

// parseValidity reads 90d, 12h, 30m.
func parseValidity(s string) (time.Duration, error) {
	if days, ok := strings.CutSuffix(s, "d"); ok {
		n, err := strconv.Atoi(days)
		if err != nil || n <= 0 {
			return 0, fmt.Errorf("expires: %q is not a number of days", s)
		}
		return time.Duration(n) * 24 * time.Hour, nil
	}
	d, err := time.ParseDuration(s)
	if err != nil || d <= 0 {
		return 0, fmt.Errorf("expires: %q is not a duration such as 90d or 12h", s)
	}
	return d, nil
}
