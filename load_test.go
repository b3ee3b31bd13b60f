package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// TestLoad is the load test of scripts/loadtest (JICENG_LOAD=1): on the
// Fuxin demo, served on loopback, one REPORTER token sends the heavy and
// malformed requests of the attacks on the API from many connections at
// once, while a normal client reads as the dashboard does; the normal
// client's 95th percentile latency must stay within twice its quiet value.
// Each phase lasts JICENG_LOAD_SECONDS (10 by default).
func TestLoad(t *testing.T) {
	if os.Getenv("JICENG_LOAD") == "" {
		t.Skip("set JICENG_LOAD=1, or run scripts/loadtest")
	}
	phase := 10 * time.Second
	if s, err := strconv.Atoi(os.Getenv("JICENG_LOAD_SECONDS")); err == nil && s > 0 {
		phase = time.Duration(s) * time.Second
	}
	env := map[string]string{"JICENG_DATA": t.TempDir()}
	attacker := strings.TrimSpace(command(t, env, "", "token", "create", "--name", "attacker", "--role", "REPORTER"))
	normal := strings.TrimSpace(command(t, env, "", "token", "create", "--name", "dashboard", "--role", "ANALYST"))
	url, profile, serverCPU := serveApart(t, env["JICENG_DATA"])
	if !strings.HasPrefix(url, "http://127.0.0.1:") {
		t.Fatalf("the load test runs on loopback only, not %s", url)
	}
	// What the dashboard reads, one request at a time, ten a second.
	reads := []string{
		`{ organizations(first: 100, orderBy: {field: NAME}) { totalCount nodes { id name kind formation establishedOn areas { name } appointments { role holderName } } } }`,
		`{ coverage { gapTotal members { total full probationary } children { area { name } gapTotal } } }`,
		`{ members(first: 50, orderBy: {field: NAME}) { totalCount nodes { id name status category phone organization: memberships { organization { name } } } } }`,
	}
	light := func(stopAt time.Time) []time.Duration {
		var took []time.Duration
		for i := 0; time.Now().Before(stopAt); i++ {
			began := time.Now()
			status, body := send(url, normal, graphQL(reads[i%len(reads)], nil))
			took = append(took, time.Since(began))
			time.Sleep(100*time.Millisecond - time.Since(began))
			if status != http.StatusOK || bytes.Contains(body, []byte(`"errors"`)) {
				t.Errorf("a normal read: got %d %.200s", status, body)
				return took
			}
		}
		return took
	}
	light(time.Now().Add(2 * time.Second)) // warm the caches
	quiet := p95(light(time.Now().Add(phase)))

	attacks := attackBodies()
	if only := os.Getenv("JICENG_LOAD_ATTACKS"); only != "" {
		// Some of the attacks only, by their index, to profile each apart.
		var chosen [][]byte
		for _, a := range strings.Split(only, ",") {
			if i, err := strconv.Atoi(a); err == nil && i >= 0 && i < len(attacks) {
				chosen = append(chosen, attacks[i])
			}
		}
		attacks = chosen
	}
	var sent, refused, held atomic.Int64
	var statuses sync.Map
	// What became of each kind of attack: answered 200, and how long its
	// answers took in all (the time the server spent on the attack).
	served := make([]atomic.Int64, len(attacks))
	servedFor := make([]atomic.Int64, len(attacks))
	stopAt := time.Now().Add(phase)
	cpu0, selfCPU0 := serverCPU(), processCPU("self")
	var wg sync.WaitGroup
	if profile != nil {
		wg.Add(1)
		go func() { defer wg.Done(); profile(phase) }()
	}
	// The attacker's client keeps its six connections (the default
	// client keeps two idle), as a client on another machine would.
	attackerClient := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 6}}
	defer attackerClient.CloseIdleConnections()
	for worker := 0; worker < 6; worker++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := worker; time.Now().Before(stopAt); i++ {
				began := time.Now()
				status, body := sendWith(attackerClient, url, attacker, attacks[i%len(attacks)])
				held.Add(int64(time.Since(began)))
				sent.Add(1)
				if status == http.StatusOK {
					served[i%len(attacks)].Add(1)
					servedFor[i%len(attacks)].Add(int64(time.Since(began)))
				}
				if status != http.StatusOK {
					refused.Add(1)
				}
				kind := strconv.Itoa(status)
				var out struct {
					Errors []struct{ Extensions struct{ Code string } }
				}
				if json.Unmarshal(body, &out) == nil && len(out.Errors) > 0 {
					kind += " " + out.Errors[0].Extensions.Code
				}
				n, _ := statuses.LoadOrStore(kind, new(atomic.Int64))
				n.(*atomic.Int64).Add(1)
			}
		}()
	}
	loaded := p95(light(stopAt))
	wg.Wait()
	cpu, selfCPU := serverCPU()-cpu0, processCPU("self")-selfCPU0
	var byStatus []string
	statuses.Range(func(k, v any) bool {
		byStatus = append(byStatus, fmt.Sprintf("%s: %d", k, v.(*atomic.Int64).Load()))
		return true
	})
	slices.Sort(byStatus)
	for i := range attacks {
		if n := served[i].Load(); n > 0 {
			t.Logf("attack %d (%.60s): %d served, %s in all", i, attacks[i], n, time.Duration(servedFor[i].Load()).Round(time.Millisecond))
		}
	}
	t.Logf("normal client p95: quiet %s, under attack %s (%.2fx); attacker sent %d requests in %s, %d refused (%s)",
		quiet.Round(10*time.Microsecond), loaded.Round(10*time.Microsecond), float64(loaded)/float64(quiet),
		sent.Load(), phase, refused.Load(), strings.Join(byStatus, ", "))
	// The attacker's requests' time, summed over its connections: how long
	// it held the server, a second (its requests refused included).
	t.Logf("the attacker's requests took %.2f s a second in all (%s over %s)",
		time.Duration(held.Load()).Seconds()/phase.Seconds(), time.Duration(held.Load()).Round(time.Millisecond), phase)
	// The CPU each side used under attack: the server's process, and this
	// one's (the attacker's client, with the normal client's few reads).
	t.Logf("CPU under attack: the server %.2f cores, the clients %.2f cores (of %s)",
		cpu.Seconds()/phase.Seconds(), selfCPU.Seconds()/phase.Seconds(), loadAverage())
	if loaded > 2*quiet {
		t.Errorf("under attack the normal client's p95 is %s, over twice its quiet %s", loaded, quiet)
	}
}

func graphQL(query string, vars map[string]any) []byte {
	b, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	return b
}

// attackArguments are the attacks' large arguments: 20,000 copies of one
// ID, 40,000 names, and 30 aliases of coverage on different days.
func attackArguments() (ids, names []string, days string) {
	ids = make([]string, 20_000)
	names = make([]string, 40_000)
	for i := range ids {
		ids[i] = "30064771073"
	}
	for i := range names {
		names[i] = "王某" + strconv.Itoa(i)
	}
	var b strings.Builder
	for i := 1; i <= 30; i++ {
		fmt.Fprintf(&b, `d%d: coverage(asOf: "2025-06-%02d") { gapTotal } `, i, i)
	}
	return ids, names, b.String()
}

// attackBodies are the requests of the attacks in the API's issue.
func attackBodies() [][]byte {
	ids, names, dates := attackArguments()
	return [][]byte{
		graphQL("{ "+strings.Repeat("viewer { name } ", 12_000)+"}", nil),
		graphQL(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, map[string]any{"ids": ids}),
		graphQL(`{ organizations(first: 500) { nodes { memberships { member { attendedMeetings { attendees { name } } } } } } }`, nil),
		graphQL(`query($f: Int) { organizations(first: $f) { nodes { children { memberships { member { name } } } } } }`, map[string]any{"f": "500"}),
		graphQL("{ "+dates+"}", nil),
		graphQL(`query($n: [String!]) { members(where: {nameIn: $n}) { totalCount } }`, map[string]any{"n": names}),
		graphQL(`{ members(first: 500) { nodes { id name gender status category phone idNumber address bornOn joinedPartyOn } } }`, nil),
		graphQL(`{ organizations(first: 200) { nodes { name memberships { member { name attendedMeetings { heldOn } } } } } }`, nil),
		[]byte(`[{"query":"{ viewer { name } }"}]`),
		[]byte(`{"query":12}`),
		[]byte(`not json at all`),
	}
}

func send(url, token string, body []byte) (int, []byte) {
	return sendWith(http.DefaultClient, url, token, body)
}

func sendWith(client *http.Client, url, token string, body []byte) (int, []byte) {
	req, _ := http.NewRequest(http.MethodPost, url+"/query", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+token)
	res, err := client.Do(req)
	if err != nil {
		return 0, nil
	}
	defer res.Body.Close()
	out, _ := io.ReadAll(res.Body)
	return res.StatusCode, out
}

func p95(took []time.Duration) time.Duration {
	if len(took) == 0 {
		return 0
	}
	slices.Sort(took)
	return took[len(took)*95/100]
}

// loadAverage is the machine's load average, from /proc.
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "no load average"
	}
	return "load average " + strings.Join(strings.Fields(string(b))[:3], " ")
}
