package main

import (
	"context"
	"database/sql"
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"
)

// common are the flags of run and writes.
type common struct {
	dsn, jiceng, token, peer string
	d                        time.Duration
	rounds                   int
}

func commonFlags(fs *flag.FlagSet) *common {
	c := &common{}
	fs.StringVar(&c.dsn, "db", "", "the PostgreSQL database both servers read (for the units' IDs)")
	fs.StringVar(&c.jiceng, "jiceng", "http://127.0.0.1:18080/graphql", "Jiceng's GraphQL endpoint")
	fs.StringVar(&c.token, "token", "", "Jiceng API tokens (REPORTER), comma-separated: client i uses the i-th, in turn")
	fs.StringVar(&c.peer, "peer", "http://127.0.0.1:15000/graphql", "PostGraphile's GraphQL endpoint")
	fs.DurationVar(&c.d, "d", 5*time.Second, "length of each burst")
	fs.IntVar(&c.rounds, "rounds", 2, "bursts of each server per query and concurrency, in turns")
	return c
}

func unitIDs(ctx context.Context, dsn string) ([]int, error) {
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return nil, err
	}
	defer db.Close()
	rows, err := db.QueryContext(ctx, `SELECT id FROM units ORDER BY id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []int
	for rows.Next() {
		var id int
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	if len(ids) == 0 {
		return nil, fmt.Errorf("no units in the database")
	}
	return ids, rows.Err()
}

// same checks that both servers give the same answer to a query, for a few
// of its variable sets.
func same(ctx context.Context, j, p *server, q pair) error {
	for i := range 5 {
		a, err := j.post(ctx, q.jiceng, q.jicengV(i))
		if err != nil {
			return err
		}
		b, err := p.post(ctx, q.peer, q.peerV(i))
		if err != nil {
			return err
		}
		ca, err := canonical(a)
		if err != nil {
			return err
		}
		cb, err := canonical(b)
		if err != nil {
			return err
		}
		if ca != cb {
			return fmt.Errorf("%s: the servers' answers differ:\njiceng:      %.600s\npostgraphile: %.600s", q.name, ca, cb)
		}
		if len(ca) < 40 {
			return fmt.Errorf("%s: an empty answer: %s", q.name, ca)
		}
	}
	return nil
}

func levels(s string) ([]int, error) {
	var cs []int
	for _, f := range strings.Split(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 1 {
			return nil, fmt.Errorf("bad concurrency %q", f)
		}
		cs = append(cs, n)
	}
	return cs, nil
}

// run measures the three queries through both servers at each concurrency.
func run(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("run", flag.ContinueOnError)
	c := commonFlags(fs)
	conc := fs.String("c", "1,8,32", "concurrencies")
	only := fs.String("queries", "list,nested,by-id", "queries to run")
	against := fs.Bool("against-jiceng", false, "-peer is another Jiceng (say, a build before a change): both get Jiceng's queries")
	alone := fs.Bool("jiceng-only", false, "drive Jiceng alone (to profile it), PostGraphile neither checked nor measured")
	if err := fs.Parse(args); err != nil {
		return err
	}
	cs, err := levels(*conc)
	if err != nil {
		return err
	}
	ids, err := unitIDs(ctx, c.dsn)
	if err != nil {
		return err
	}
	maxC := cs[len(cs)-1]
	j := newServer("jiceng", c.jiceng, strings.Split(c.token, ","), maxC)
	p := newServer("postgraphile", c.peer, nil, maxC)
	if *against {
		// Another Jiceng (a build to compare) in PostGraphile's place.
		p = newServer("jiceng-b", c.peer, strings.Split(c.token, ","), maxC)
	}
	const row = "%-7s %3v %13v %8v %19v %8v %13v %6v %7v\n"
	fmt.Printf(row, "query", "c", "jiceng req/s", "p95 ms", "postgraphile req/s", "p95 ms", "throughput ×", "p95 ×", "errors")
	for _, q := range pairs(ids) {
		if *against {
			q.peer, q.peerV = q.jiceng, q.jicengV
		}
		if !strings.Contains(","+*only+",", ","+q.name+",") {
			continue
		}
		if *alone {
			for _, n := range cs {
				a := burst(ctx, j, q.jiceng, q.jicengV, n, c.d)
				fmt.Printf(row, q.name, n, f(a.rps(), 0), f(ms(a.p95), 1), "", "", "", "", a.errors)
			}
			continue
		}
		if err := same(ctx, j, p, q); err != nil {
			return err
		}
		for _, n := range cs {
			// a short warm-up of each, then bursts in turns
			burst(ctx, j, q.jiceng, q.jicengV, n, time.Second)
			burst(ctx, p, q.peer, q.peerV, n, time.Second)
			var jr, pr, jp, pp []float64
			errs := 0
			var firstErr error
			for range c.rounds {
				a := burst(ctx, j, q.jiceng, q.jicengV, n, c.d)
				b := burst(ctx, p, q.peer, q.peerV, n, c.d)
				jr, jp = append(jr, a.rps()), append(jp, ms(a.p95))
				pr, pp = append(pr, b.rps()), append(pp, ms(b.p95))
				errs += a.errors + b.errors
				for _, e := range []error{a.firstErr, b.firstErr} {
					if firstErr == nil && e != nil {
						firstErr = e
					}
				}
			}
			fmt.Printf(row, q.name, n, f(median(jr), 0), f(median(jp), 1), f(median(pr), 0), f(median(pp), 1),
				f(median(jr)/median(pr), 2), f(median(jp)/median(pp), 2), errs)
			if firstErr != nil {
				fmt.Fprintln(os.Stderr, "first error:", firstErr)
			}
		}
	}
	return nil
}

func f(x float64, prec int) string { return strconv.FormatFloat(x, 'f', prec, 64) }
