// Command peer measures Jiceng's GraphQL API side by side with PostGraphile
// on the same PostgreSQL database; bench/peer.sh runs it. "peer load" fills
// an empty database with a synthetic city; "peer run" checks that both
// servers answer the benchmark's queries with the same rows and fields, then
// drives them in turns (A B A B …) at each concurrency and prints throughput,
// p95 and the ratios; "peer writes" measures Jiceng's list query with and
// without a write and a cold roll-up every two seconds.
package main

import (
	"context"
	"fmt"
	"os"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: peer load|run|writes [flags]")
		os.Exit(2)
	}
	var err error
	ctx := context.Background()
	switch os.Args[1] {
	case "load":
		err = load(ctx, os.Args[2:])
	case "run":
		err = run(ctx, os.Args[2:])
	case "writes":
		err = writes(ctx, os.Args[2:])
	default:
		err = fmt.Errorf("unknown command %q", os.Args[1])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "peer:", err)
		os.Exit(1)
	}
}
