package main

import (
	"context"
	"flag"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// writes measures Jiceng's list query at one concurrency, in turns quiet and
// with a writer that, every two seconds, changes a unit (a write through the
// register: history, revision, audit) and then asks for the city's coverage
// roll-up, which the write has made cold.
func writes(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("writes", flag.ContinueOnError)
	c := commonFlags(fs)
	admin := fs.String("admin-token", "", "Jiceng API token that may change units (ADMIN)")
	n := fs.Int("c", 8, "concurrency of the list query")
	every := fs.Duration("every", 2*time.Second, "time between writes")
	roll := fs.Bool("rollup", true, "ask for the city's roll-up after each write (false: the writes alone)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	ids, err := unitIDs(ctx, c.dsn)
	if err != nil {
		return err
	}
	j := newServer("jiceng", c.jiceng, strings.Split(c.token, ","), *n)
	wr := newServer("jiceng-writer", c.jiceng, []string{*admin}, 2)
	list := pairs(ids)[0]
	const update = `mutation($id:ID!,$n:Int!){updateUnit(id:$id,input:{employees:$n},reason:"benchmark"){id employees}}`
	const rollup = `{coverage(asOf:"2025-06-30"){gapTotal children{gapTotal}}}`
	burst(ctx, j, list.jiceng, list.jicengV, *n, time.Second)
	var quiet, busy, quietP, busyP []float64
	var (
		mu             sync.Mutex
		rollups        []time.Duration
		writes, failed int
	)
	for r := range c.rounds {
		a := burst(ctx, j, list.jiceng, list.jicengV, *n, c.d)
		quiet, quietP = append(quiet, a.rps()), append(quietP, ms(a.p95))

		stop := make(chan struct{})
		var wg sync.WaitGroup
		var werr error
		var rolling atomic.Bool
		wg.Add(1)
		go func() {
			defer wg.Done()
			tick := time.NewTicker(*every)
			defer tick.Stop()
			for i := 0; ; i++ {
				select {
				case <-stop:
					return
				case <-tick.C:
				}
				id := strconv.Itoa(ids[(r*100+i)%len(ids)])
				if _, err := wr.post(ctx, update, map[string]any{"id": id, "n": 100 + r*100 + i}); err != nil {
					mu.Lock()
					werr = err
					mu.Unlock()
					return
				}
				mu.Lock()
				writes++
				mu.Unlock()
				// The roll-up the write made cold, unless one is still running.
				if *roll && rolling.CompareAndSwap(false, true) {
					wg.Add(1)
					go func() {
						defer wg.Done()
						defer rolling.Store(false)
						t := time.Now()
						_, err := wr.post(ctx, rollup, nil)
						mu.Lock()
						defer mu.Unlock()
						if err != nil {
							failed++ // a roll-up over --timeout: counted, the load goes on
							return
						}
						rollups = append(rollups, time.Since(t))
					}()
				}
			}
		}()
		b := burst(ctx, j, list.jiceng, list.jicengV, *n, c.d)
		close(stop)
		wg.Wait()
		if werr != nil {
			return werr
		}
		busy, busyP = append(busy, b.rps()), append(busyP, ms(b.p95))
	}
	var rs []float64
	for _, d := range rollups {
		rs = append(rs, ms(d))
	}
	fmt.Printf("list at c=%d, quiet:                    %.0f req/s, p95 %.1f ms\n", *n, median(quiet), median(quietP))
	after := "and a cold roll-up after it"
	if !*roll {
		after = "(no roll-up)"
	}
	fmt.Printf("list at c=%d, a write every %s %s: %.0f req/s, p95 %.1f ms (%d writes; %d roll-ups, median %.0f ms; %d over the server's --timeout)\n",
		*n, *every, after, median(busy), median(busyP), writes, len(rs), median(rs), failed)
	fmt.Printf("ratio: throughput %.2f×, p95 %.2f×\n", median(busy)/median(quiet), median(busyP)/median(quietP))
	return nil
}
