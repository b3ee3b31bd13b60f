package main

import (
	"database/sql"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// attempt is what a client learnt of one mutation.
type attempt struct {
	name, key      string
	saidNotWritten bool // an answer said nothing was written
	answered       bool // a final answer with data
	replayed       bool // the final answer was the first one, replayed
}

// faultWriters create areas under parent, each with its own key, until
// stop closes; each mutation that fails is sent again with its key until
// it is answered, after stop.
func faultWriters(t *testing.T, url, token, parent string, n int, stop <-chan struct{}) func() []*attempt {
	var (
		mu  sync.Mutex
		all []*attempt
		wg  sync.WaitGroup
	)
	send := func(a *attempt) {
		q := fmt.Sprintf(`mutation { createArea(input: {name: "%s", kind: COMMUNITY, parentID: %s}) { id } }`, a.name, parent)
		_, out, err := postKey(url, token, a.key, q)
		if err != nil {
			return
		}
		if firstCode(out) != "" {
			if strings.Contains(fmt.Sprint(out), "nothing was written") || strings.Contains(fmt.Sprint(out), "未写入任何内容") {
				a.saidNotWritten = true
			}
			return
		}
		a.answered = true
		ext, _ := out["extensions"].(map[string]any)
		a.replayed = ext["idempotentReplay"] == true
	}
	for w := 0; w < n; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; ; i++ {
				select {
				case <-stop:
					return
				default:
				}
				a := &attempt{name: fmt.Sprintf("社区%d-%d", w, i), key: fmt.Sprintf("key-%d-%d", w, i)}
				mu.Lock()
				all = append(all, a)
				mu.Unlock()
				send(a)
			}
		}()
	}
	return func() []*attempt {
		wg.Wait()
		// A client sends again until answered; on a loaded machine the
		// server may take some seconds to reach its database again.
		deadline := time.Now().Add(30 * time.Second)
		for _, a := range all {
			for try := 0; !a.answered && (try < 20 || time.Now().Before(deadline)); try++ {
				if try > 0 {
					time.Sleep(min(time.Duration(try)*20*time.Millisecond, time.Second))
				}
				send(a)
			}
		}
		return all
	}
}

// checkAttempts checks that each mutation was saved exactly once, and that
// none said "nothing was written" and had been.
func checkAttempts(t *testing.T, path string, all []*attempt) {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var result string
	if err := db.QueryRow("PRAGMA integrity_check").Scan(&result); err != nil || result != "ok" {
		t.Errorf("integrity_check: %q %v", result, err)
	}
	checkSaved(t, db, "?", all)
}

// checkSaved checks that each attempt is in the areas of db exactly once.
func checkSaved(t *testing.T, db *sql.DB, placeholder string, all []*attempt) {
	t.Helper()
	failed, replays := 0, 0
	for _, a := range all {
		var n int
		if err := db.QueryRow("SELECT COUNT(*) FROM areas WHERE name = "+placeholder, a.name).Scan(&n); err != nil {
			t.Fatal(err)
		}
		switch {
		case !a.answered:
			t.Errorf("%s was never answered", a.name)
		case n != 1:
			t.Errorf("%s: answered, and saved %d times, want once", a.name, n)
		case a.saidNotWritten && a.replayed:
			t.Errorf("%s: an answer said nothing was written, yet it had been", a.name)
		}
		if a.replayed {
			replays++
		}
		if a.saidNotWritten {
			failed++
		}
	}
	t.Logf("%d mutations, each saved once; %d answered from their key, %d said nothing was written", len(all), replays, failed)
}

// TestIOErrors runs writers while SQLite's fsync, then its writes, fail
// with EIO (an LD_PRELOAD shim, compiled here with cc): every mutation,
// sent again with its Idempotency-Key until answered, is saved exactly
// once, through a kill -9 and a restart.
func TestIOErrors(t *testing.T) {
	sqliteOnly(t)
	if _, err := exec.LookPath("cc"); err != nil {
		t.Skip("no C compiler for the fault shim")
	}
	shim := filepath.Join(t.TempDir(), "faultfs.so")
	if out, err := exec.Command("cc", "-shared", "-fPIC", "-o", shim, "testdata/faultfs.c", "-ldl").CombinedOutput(); err != nil {
		t.Fatalf("compiling the shim: %v\n%s", err, out)
	}
	flag := filepath.Join(t.TempDir(), "fault")
	data, token := register(t)
	cmd, url, logs := processEnv(t, []string{"LD_PRELOAD=" + shim, "JICENG_FAULT_FILE=" + flag}, "--data", data)
	_, out := api(t, url, token, `mutation { createArea(input: {name: "测试街道", kind: SUBDISTRICT}) { id } }`)
	parent := out["data"].(map[string]any)["createArea"].(map[string]any)["id"].(string)
	stop := make(chan struct{})
	wait := faultWriters(t, url, token, parent, 4, stop)
	for _, kind := range []string{"f", "w"} {
		time.Sleep(400 * time.Millisecond)
		os.WriteFile(flag, []byte(kind), 0o644)
		time.Sleep(400 * time.Millisecond)
		os.Remove(flag)
	}
	time.Sleep(300 * time.Millisecond)
	close(stop)
	all := wait()
	if !strings.Contains(logs.String(), "I/O") && !strings.Contains(logs.String(), "disk I/O error") {
		t.Errorf("the faults never reached SQLite (no I/O error in the log):\n%.2000s", logs.String())
	}
	cmd.Process.Kill()
	cmd.Wait()
	checkAttempts(t, filepath.Join(data, "jiceng.db"), all)
}

// TestDiskFull runs writers on a register in a small tmpfs until it is
// full, then frees room: every mutation, sent again with its key, is saved
// exactly once, and the server never stops serving.
func TestDiskFull(t *testing.T) {
	sqliteOnly(t)
	data := t.TempDir()
	if err := exec.Command("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", data).Run(); err != nil {
		t.Skipf("cannot mount a small tmpfs here: %v", err)
	}
	defer exec.Command("umount", "-l", data).Run()
	env := map[string]string{"JICENG_DATA": data}
	token := strings.TrimSpace(command(t, env, "", "token", "create", "--name", "t", "--role", "ADMIN"))
	cmd, url, _ := processEnv(t, nil, "--data", data)
	_, out := api(t, url, token, `mutation { createArea(input: {name: "测试街道", kind: SUBDISTRICT}) { id } }`)
	parent := out["data"].(map[string]any)["createArea"].(map[string]any)["id"].(string)
	ballast := filepath.Join(data, "ballast")
	os.WriteFile(ballast, make([]byte, 1536<<10), 0o644) // leaves the register little room; a failed write of it fills the disk too
	stop := make(chan struct{})
	wait := faultWriters(t, url, token, parent, 4, stop)
	full := false
	for i := 0; i < 100 && !full; i++ {
		time.Sleep(50 * time.Millisecond)
		var st syscallStatfs
		full = statfs(data, &st) == nil && freeOf(&st) < 64<<10
	}
	time.Sleep(300 * time.Millisecond)
	close(stop)
	os.Remove(ballast)
	if err := exec.Command("mount", "-o", "remount,size=16m", data).Run(); err != nil {
		t.Fatalf("making room: %v", err)
	}
	all := wait()
	if !full {
		t.Error("the disk never filled; the test proves nothing")
	}
	cmd.Process.Kill()
	cmd.Wait()
	checkAttempts(t, filepath.Join(data, "jiceng.db"), all)
}

type syscallStatfs = syscall.Statfs_t

func statfs(path string, st *syscall.Statfs_t) error { return syscall.Statfs(path, st) }

func freeOf(st *syscall.Statfs_t) int64 { return int64(st.Bavail) * int64(st.Bsize) }
