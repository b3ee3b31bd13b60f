package main

import (
	"bytes"
	"database/sql"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// corruptTable breaks the root page of a table of the SQLite file.
func corruptTable(t *testing.T, path, table string) {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	var root, size int64
	db.QueryRow("PRAGMA wal_checkpoint(TRUNCATE)").Scan(new(int), new(int), new(int))
	if err := db.QueryRow("SELECT rootpage FROM sqlite_master WHERE name = ?", table).Scan(&root); err != nil {
		t.Fatal(err)
	}
	db.QueryRow("PRAGMA page_size").Scan(&size)
	db.Close()
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	junk := bytes.Repeat([]byte{0xff}, 64)
	if _, err := f.WriteAt(junk, (root-1)*size); err != nil {
		t.Fatal(err)
	}
}

// TestDamagedRegister: a server refuses to start on a damaged register,
// saying how to restore it; damage met while serving (the check skipped)
// is DATA_CORRUPTED, turns /healthz red and stops writes.
func TestDamagedRegister(t *testing.T) {
	sqliteOnly(t)
	data, token := register(t)
	cmd, url := processArgs(t, "--data", data)
	for i := 0; i < 30; i++ {
		api(t, url, token, fmt.Sprintf(`mutation { createArea(input: {name: "街道%d", kind: SUBDISTRICT}) { id } }`, i))
	}
	stopProcess(t, cmd)
	corruptTable(t, filepath.Join(data, "jiceng.db"), "areas")
	for _, check := range []string{"quick", "full"} {
		out, err := jiceng(map[string]string{}, "--data", data, "--check", check, "--addr", "127.0.0.1:0")
		if err == nil || !strings.Contains(err.Error(), "damaged") || !strings.Contains(err.Error(), "jiceng restore --data "+data) {
			t.Errorf("--check %s on a damaged register: got %v %s, want a refusal naming the restore command", check, err, out)
		}
	}
	_, url, logs := processEnv(t, nil, "--data", data, "--check", "off")
	_, out := api(t, url, token, `{ areas { totalCount nodes { name } } }`)
	if code := firstCode(out); code != "DATA_CORRUPTED" {
		t.Errorf("a query of the damaged table: got code %q (%v), want DATA_CORRUPTED", code, out)
	}
	if res, body := get(t, url+"/healthz"); res.StatusCode != http.StatusServiceUnavailable || !strings.Contains(body, "DATA_CORRUPTED") {
		t.Errorf("/healthz of a damaged register: got %d %q, want 503 DATA_CORRUPTED", res.StatusCode, body)
	}
	_, out = api(t, url, token, `mutation { createUnit(input: {name: "某公司", kind: NON_PUBLIC_ENTERPRISE, gridID: 1}) { id } }`)
	if code := firstCode(out); code != "DATA_CORRUPTED" {
		t.Errorf("a write to a damaged register: got %q (%v), want DATA_CORRUPTED", code, out)
	}
	if !strings.Contains(logs.String(), "DATA_CORRUPTED") {
		t.Errorf("the log says nothing of the damage:\n%s", logs.String())
	}
}

var keyClient = &http.Client{Timeout: 20 * time.Second}

// postKey posts a mutation with an Idempotency-Key.
func postKey(url, token, key, query string) (int, map[string]any, error) {
	body, _ := json.Marshal(map[string]string{"query": query})
	req, _ := http.NewRequest(http.MethodPost, url+"/query", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+token)
	if key != "" {
		req.Header.Set("Idempotency-Key", key)
	}
	res, err := keyClient.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer res.Body.Close()
	var out map[string]any
	_ = json.NewDecoder(res.Body).Decode(&out)
	return res.StatusCode, out, nil
}

// TestIdempotencyKey: a mutation sent again with its key is answered with
// the first answer and writes nothing; the key with another request is
// refused.
func TestIdempotencyKey(t *testing.T) {
	sqliteOnly(t)
	data, token := register(t)
	_, url := processArgs(t, "--data", data)
	q := `mutation { createArea(input: {name: "一次街道", kind: SUBDISTRICT}) { id name } }`
	_, first, err := postKey(url, token, "k-1", q)
	if err != nil || firstCode(first) != "" {
		t.Fatalf("first: %v %v", err, first)
	}
	_, again, _ := postKey(url, token, "k-1", q)
	a, _ := json.Marshal(first["data"])
	b, _ := json.Marshal(again["data"])
	if !bytes.Equal(a, b) {
		t.Errorf("the retry's answer: got %s, want the first %s", b, a)
	}
	if ext, _ := again["extensions"].(map[string]any); ext["idempotentReplay"] != true {
		t.Errorf("the retry's answer does not say it is a replay: %v", again)
	}
	_, other, _ := postKey(url, token, "k-1", strings.Replace(q, "一次", "二次", 1))
	if code := firstCode(other); code != "BAD_USER_INPUT" || !strings.Contains(fmt.Sprint(other), "Idempotency-Key") {
		t.Errorf("the key with another request: got %v, want BAD_USER_INPUT naming Idempotency-Key", other)
	}
	_, out := api(t, url, token, `{ areas { totalCount } }`)
	if n := out["data"].(map[string]any)["areas"].(map[string]any)["totalCount"].(float64); n != 1 {
		t.Errorf("areas after a mutation and its retry: %v, want 1", n)
	}
}

// TestShutdownGrace: SIGTERM waits for requests in flight as long as
// --shutdown-grace, then answers those it cannot finish with 503 (not a
// closed connection) and exits 0; the unfinished write is not saved.
func TestShutdownGrace(t *testing.T) {
	sqliteOnly(t)
	data, token := register(t)
	cmd, url := processArgs(t, "--data", data, "--timeout", "2s", "--shutdown-grace", "2s")
	// Another process holds SQLite's write lock: the server's write waits.
	lock, err := sql.Open("sqlite3", "file:"+filepath.Join(data, "jiceng.db")+"?_txlock=immediate")
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Close()
	tx, err := lock.Begin()
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	var status int
	var out map[string]any
	wg.Add(1)
	go func() {
		defer wg.Done()
		status, out, err = postKey(url, token, "", `mutation { createArea(input: {name: "未完街道", kind: SUBDISTRICT}) { id } }`)
	}()
	time.Sleep(300 * time.Millisecond)
	start := time.Now()
	cmd.Process.Signal(syscall.SIGTERM)
	wg.Wait()
	tx.Rollback()
	if err != nil || status != http.StatusServiceUnavailable || firstCode(out) != "SERVICE_UNAVAILABLE" {
		t.Errorf("a request the server could not finish: got %d %v %v, want 503 SERVICE_UNAVAILABLE", status, out, err)
	}
	if waited := time.Since(start); waited < 1500*time.Millisecond {
		t.Errorf("the server answered after %s, want it to wait about the 2s grace", waited)
	}
	if err := cmd.Wait(); err != nil {
		t.Errorf("exit: got %v, want 0", err)
	}
	if n := countAreas(t, filepath.Join(data, "jiceng.db")); n != 0 {
		t.Errorf("the unfinished write: %d areas, want 0", n)
	}
}

// TestManyWriters: 24 writers (120 writes) and 8 readers of the coverage report at once
// on SQLite: no write fails (writers wait their turn in the server, not in
// SQLite's busy timeout, which would end in "database is locked").
func TestManyWriters(t *testing.T) {
	sqliteOnly(t)
	data, token := register(t)
	// 24 writers and 8 readers share one token: let it have them all in
	// flight, and lift its budget of server time, which the 8 readers of
	// the whole coverage report would spend alone (a writer waiting its
	// turn is not charged its wait: TestQueuedWritesAreNotChargedTheirWait).
	_, url := processArgs(t, "--data", data, "--concurrent", "64", "--server-time", "1000")
	_, out := api(t, url, token, `mutation { createArea(input: {name: "测试街道", kind: SUBDISTRICT}) { id } }`)
	parent := out["data"].(map[string]any)["createArea"].(map[string]any)["id"].(string)
	// Each writer makes a fixed number of writes (120 in all) while the
	// readers read until the last write is answered: what is asserted does
	// not depend on how fast a loaded machine runs.
	const writers, readers, each = 24, 8, 5
	stop := make(chan struct{})
	var (
		wg, rg         sync.WaitGroup
		mu             sync.Mutex
		writes, failed int
		failures       []string
	)
	for r := 0; r < readers; r++ {
		rg.Add(1)
		go func() {
			defer rg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				_, _, _ = postKey(url, token, "", `{ coverage { gapTotal } gridMap }`)
			}
		}()
	}
	for w := 0; w < writers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < each; i++ {
				q := fmt.Sprintf(`mutation { createArea(input: {name: "社区%d-%d", kind: COMMUNITY, parentID: %s}) { id } }`, w, i, parent)
				_, out, err := postKey(url, token, "", q)
				mu.Lock()
				writes++
				if err != nil || firstCode(out) != "" {
					failed++
					if len(failures) < 3 {
						failures = append(failures, fmt.Sprint(err, out))
					}
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	close(stop)
	rg.Wait()
	if failed > 0 || writes != writers*each {
		t.Errorf("%d of %d writes failed, want none of %d: %v", failed, writes, writers*each, failures)
	}
	t.Logf("%d writes beside 8 readers, none failed", writes)
}
