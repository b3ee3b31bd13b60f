package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// TestAttacksDoNoHarm replays the attacks on the API of one REPORTER token
// against the real server, each from two connections at once for a while,
// and checks that each is refused with its code, that a light read's
// median latency under it stays within 4 times (and 20 ms) its median
// without it, measured around it in the same test, and that 20,000 IDs
// leave the server's heap (read in this process, which the server runs
// in) within 64 MiB of what it was.
func TestAttacksDoNoHarm(t *testing.T) {
	if testing.Short() {
		t.Skip("about 20 seconds of attacks")
	}
	env := map[string]string{"JICENG_DATA": t.TempDir()}
	attacker := strings.TrimSpace(command(t, env, "", "token", "create", "--name", "attacker", "--role", "REPORTER"))
	normal := strings.TrimSpace(command(t, env, "", "token", "create", "--name", "dashboard", "--role", "ANALYST"))
	// A request rate of 1,000 a second, so that the light reads, one after
	// another, are not limited, nor the attacker much.
	url, stop := startIn(t, env, "--rate", "1000")
	defer stop()
	ids := make([]string, 20_000)
	names := make([]string, 40_000)
	for i := range ids {
		ids[i] = "30064771073"
	}
	for i := range names {
		names[i] = "王某" + strconv.Itoa(i)
	}
	var days strings.Builder
	for i := 1; i <= 30; i++ {
		fmt.Fprintf(&days, `d%d: coverage(asOf: "2025-06-%02d") { gapTotal } `, i, i)
	}
	attacks := []struct {
		name   string
		body   []byte
		status int
		code   string
	}{
		{"a field repeated 40,000 times", graphQL("{ "+strings.Repeat("viewer { name } ", 40_000)+"}", nil), 200, "QUERY_TOO_LARGE"},
		{"nodes with 20,000 copies of one ID", graphQL(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, map[string]any{"ids": ids}), 200, "BAD_USER_INPUT"},
		{"nested lists under a page of 500", graphQL(`{ organizations(first: 500) { nodes { memberships { member { attendedMeetings { attendees { name } } } } } } }`, nil), 200, "QUERY_TOO_COSTLY"},
		{"a page size sent as a string", graphQL(`query($f: Int) { organizations(first: $f) { nodes { children { memberships { member { name phone address } } } } } }`, map[string]any{"f": "500"}), 200, "QUERY_TOO_COSTLY"},
		{"30 days of coverage", graphQL("{ "+days.String()+"}", nil), 200, "QUERY_TOO_COSTLY"},
		{"a filter of 40,000 names", graphQL(`query($n: [String!]) { members(where: {nameIn: $n}) { totalCount } }`, map[string]any{"n": names}), 200, "BAD_USER_INPUT"},
		{"a batch", []byte(`[{"query":"{ viewer { name } }"}]`), 400, "BAD_REQUEST"},
		{"a query that is a number", []byte(`{"query":12}`), 400, "BAD_REQUEST"},
		{"not JSON", []byte(`not json at all`), 400, "BAD_REQUEST"},
	}
	light := graphQL(`{ areas(first: 20) { totalCount nodes { name kind } } viewer { name role } }`, nil)
	// lightFor is the median latency of light reads, one after another, for d.
	lightFor := func(d time.Duration) time.Duration {
		var took []time.Duration
		for end := time.Now().Add(d); time.Now().Before(end) || len(took) < 5; {
			began := time.Now()
			if status, body := send(url, normal, light); status != http.StatusOK || bytes.Contains(body, []byte(`"errors"`)) {
				t.Fatalf("a light read: got %d %.300s", status, body)
			}
			took = append(took, time.Since(began))
		}
		slices.Sort(took)
		return took[len(took)/2]
	}
	lightFor(300 * time.Millisecond) // warm the caches
	var ms runtime.MemStats
	for _, a := range attacks {
		t.Run(a.name, func(t *testing.T) {
			status, body := send(url, attacker, a.body)
			var out map[string]any
			_ = json.Unmarshal(body, &out)
			if status != a.status || firstCode(out) != a.code {
				t.Fatalf("got %d %.300s, want %d %s", status, body, a.status, a.code)
			}
			before := lightFor(500 * time.Millisecond)
			runtime.GC()
			runtime.ReadMemStats(&ms)
			heap0 := ms.HeapAlloc
			var peak atomic.Uint64
			var sent atomic.Int64
			stopAt := time.Now().Add(1200 * time.Millisecond)
			var wg sync.WaitGroup
			for range 2 {
				wg.Go(func() {
					for time.Now().Before(stopAt) {
						if status, _ := send(url, attacker, a.body); status == a.status || status == http.StatusTooManyRequests {
							sent.Add(1)
						} else {
							t.Errorf("under attack: got %d, want %d or 429", status, a.status)
							return
						}
					}
				})
			}
			wg.Go(func() {
				var m runtime.MemStats
				for time.Now().Before(stopAt) {
					runtime.ReadMemStats(&m)
					if m.HeapAlloc > peak.Load() {
						peak.Store(m.HeapAlloc)
					}
					time.Sleep(20 * time.Millisecond)
				}
			})
			time.Sleep(100 * time.Millisecond) // the attack under way
			under := lightFor(1000 * time.Millisecond)
			wg.Wait()
			after := lightFor(500 * time.Millisecond)
			quiet := (before + after) / 2
			grew := int64(peak.Load()) - int64(heap0)
			t.Logf("light read median: quiet %s, under attack %s (%.1fx); %d attacks sent; heap %d MiB, at most %+d MiB under attack",
				quiet.Round(10*time.Microsecond), under.Round(10*time.Microsecond), float64(under)/float64(quiet), sent.Load(), heap0>>20, grew>>20)
			if bound := 4*quiet + 20*time.Millisecond; under > bound {
				t.Errorf("under attack a light read's median took %s, quiet %s: want within %s", under, quiet, bound)
			}
			if grew > 64<<20 {
				t.Errorf("the server's heap grew by %d MiB under the attack, want at most 64 MiB", grew>>20)
			}
		})
	}
}

// TestAnonymousBodiesAreNotRead: 800 connections without credentials at
// once, 400 sending a body of 1 MiB to the API and 400 to sign-in, are
// refused (401 and 413) without their bodies being read: the heap of this
// process, which holds the server and the 800 clients' connections, grows
// by less than 160 MiB, where reading the bodies would take 800 MiB.
func TestAnonymousBodiesAreNotRead(t *testing.T) {
	if testing.Short() {
		t.Skip("800 connections")
	}
	url, stop := startIn(t, map[string]string{"JICENG_DATA": t.TempDir()})
	defer stop()
	body := bytes.Repeat([]byte("x"), 1<<20)
	var ms runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms)
	heap0 := ms.HeapAlloc
	var peak atomic.Uint64
	done := make(chan struct{})
	go func() {
		var m runtime.MemStats
		for {
			select {
			case <-done:
				return
			case <-time.After(10 * time.Millisecond):
			}
			runtime.ReadMemStats(&m)
			if m.HeapAlloc > peak.Load() {
				peak.Store(m.HeapAlloc)
			}
		}
	}()
	statuses := map[string]map[int]int{}
	var mu sync.Mutex
	var wg sync.WaitGroup
	client := &http.Client{Transport: &http.Transport{MaxConnsPerHost: 0, DisableKeepAlives: true}, Timeout: 30 * time.Second}
	for i := range 800 {
		path := []string{"/query", "/auth/signin"}[i%2]
		wg.Go(func() {
			req, _ := http.NewRequest(http.MethodPost, url+path, bytes.NewReader(body))
			req.Header.Set("Content-Type", "application/json")
			status := 0
			if res, err := client.Do(req); err == nil {
				status = res.StatusCode
				res.Body.Close()
			}
			mu.Lock()
			if statuses[path] == nil {
				statuses[path] = map[int]int{}
			}
			statuses[path][status]++
			mu.Unlock()
		})
	}
	wg.Wait()
	close(done)
	grew := int64(peak.Load()) - int64(heap0)
	t.Logf("statuses %v; heap %d MiB, at most %+d MiB with the connections", statuses, heap0>>20, grew>>20)
	// A connection the server closes while the client still sends its body
	// may end without a status (0) on the client's side.
	for path, want := range map[string]int{"/query": http.StatusUnauthorized, "/auth/signin": http.StatusRequestEntityTooLarge} {
		for status, n := range statuses[path] {
			if status != want && status != 0 {
				t.Errorf("%s: %d answered %d, want %d", path, n, status, want)
			}
		}
		if statuses[path][want] == 0 {
			t.Errorf("%s: none answered %d: %v", path, want, statuses[path])
		}
	}
	if grew > 160<<20 {
		t.Errorf("the heap grew by %d MiB with 800 bodies of 1 MiB, want at most 160 MiB", grew>>20)
	}
}
