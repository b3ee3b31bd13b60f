package main

import (
	"context"
	"flag"
	"fmt"
	"time"

	"jiceng/database"
	"jiceng/policy"
	"jiceng/synth"
)

// sizes are the cities the loader can make: the city, and smaller
// ones for a quick run (the same shape, fewer sub-districts).
var sizes = map[string]synth.Size{
	"city":    synth.City,
	"quarter": {SubDistricts: 10, Communities: 10, Grids: 10, UnitsPerGrid: 10, MembersPerGrid: 20, MembersPerOwnBranch: 18},
	"town":    synth.Town,
}

// asOf is the day the synthetic city is generated as of, the coverage
// benchmarks' day.
var asOf = time.Date(2025, 6, 30, 0, 0, 0, 0, time.UTC)

// load makes a register in an empty database (migrations applied by
// database.Open, as the server does), fills it with a synthetic city and
// analyses its tables.
func load(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("load", flag.ContinueOnError)
	dsn := fs.String("db", "", "PostgreSQL DSN of an empty database")
	size := fs.String("size", "city", "city (208,694 members), quarter (a quarter of it) or town")
	if err := fs.Parse(args); err != nil {
		return err
	}
	sz, ok := sizes[*size]
	if !ok {
		return fmt.Errorf("unknown size %q", *size)
	}
	ctx = policy.System(ctx)
	st, err := database.Open(ctx, *dsn, "")
	if err != nil {
		return err
	}
	defer st.Close()
	start := time.Now()
	counts, err := synth.GenerateIn(ctx, st.DB, st.Dialect, sz, asOf)
	if err != nil {
		return fmt.Errorf("generating the city: %w", err)
	}
	if _, err := st.DB.ExecContext(ctx, "ANALYZE"); err != nil {
		return err
	}
	fmt.Printf("loaded %+v in %s\n", counts, time.Since(start).Round(time.Second))
	return nil
}
