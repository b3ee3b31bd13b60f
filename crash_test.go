package main

import (
	"bufio"
	"context"
	"database/sql"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// binary builds jiceng once for the tests that run it as a process.
var binary = sync.OnceValues(func() (string, error) {
	dir, err := os.MkdirTemp("", "jiceng-bin-")
	if err != nil {
		return "", err
	}
	bin := filepath.Join(dir, "jiceng")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("go build: %v\n%s", err, out)
	}
	return bin, nil
})

// process starts jiceng as a process on the data folder and returns its URL.
func process(t *testing.T, data string) (*exec.Cmd, string) {
	t.Helper()
	bin, err := binary()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "--data", data, "--addr", "127.0.0.1:0", "--rate", "1000")
	stdout, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	lines := bufio.NewScanner(stdout)
	for lines.Scan() {
		if url, ok := strings.CutPrefix(lines.Text(), "jiceng listening on "); ok {
			go func() {
				for lines.Scan() {
				}
			}()
			return cmd, url
		}
	}
	t.Fatal("the server did not start")
	return nil, ""
}

// writers create communities under parent until stop closes, and return
// the IDs the server acknowledged.
func writers(t *testing.T, url, token, parent string, n int, stop <-chan struct{}) func() []string {
	var (
		mu    sync.Mutex
		acked []string
		wg    sync.WaitGroup
	)
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
				status, out, err := post(url, token, fmt.Sprintf(`mutation { createArea(input: {name: "社区%d-%d", kind: COMMUNITY, parentID: %s}) { id } }`, w, i, parent))
				if err != nil || status != 200 || firstCode(out) != "" {
					continue // the server is gone, or busy
				}
				data, _ := out["data"].(map[string]any)
				created, _ := data["createArea"].(map[string]any)
				if id, ok := created["id"].(string); ok {
					mu.Lock()
					acked = append(acked, id)
					mu.Unlock()
				}
			}
		}()
	}
	return func() []string { wg.Wait(); return acked }
}

func checkDatabase(t *testing.T, path string, ids []string) {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+path+"?_fk=1")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var result string
	if err := db.QueryRow("PRAGMA integrity_check").Scan(&result); err != nil || result != "ok" {
		t.Errorf("integrity_check: %q %v", result, err)
	}
	rows, err := db.Query("PRAGMA foreign_key_check")
	if err != nil {
		t.Fatal(err)
	}
	if rows.Next() {
		t.Error("foreign_key_check reports dangling references")
	}
	rows.Close()
	for _, id := range ids {
		var n int
		if err := db.QueryRow("SELECT COUNT(*) FROM areas WHERE id = ?", id).Scan(&n); err != nil || n != 1 {
			t.Errorf("acknowledged area %s is missing (%v)", id, err)
		}
	}
}

// TestKilledWhileWriting kills the server (kill -9) while four clients
// write: after a restart the database is sound and holds every write the
// server acknowledged.
func TestKilledWhileWriting(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and kills the binary")
	}
	data := t.TempDir()
	env := map[string]string{"JICENG_DATA": data}
	token := strings.TrimSpace(command(t, env, "", "token", "create", "--name", "writer", "--role", "ADMIN"))
	cmd, url := process(t, data)
	_, out := api(t, url, token, `mutation { createArea(input: {name: "测试街道", kind: SUBDISTRICT}) { id } }`)
	parent := out["data"].(map[string]any)["createArea"].(map[string]any)["id"].(string)
	stop := make(chan struct{})
	wait := writers(t, url, token, parent, 4, stop)
	time.Sleep(1500 * time.Millisecond)
	if err := cmd.Process.Kill(); err != nil { // SIGKILL: no shutdown, no flush
		t.Fatal(err)
	}
	close(stop)
	acked := wait()
	if len(acked) < 10 {
		t.Fatalf("only %d writes were acknowledged before the kill; the test needs more", len(acked))
	}
	_ = cmd.Wait()
	checkDatabase(t, filepath.Join(data, "jiceng.db"), acked)
	_, url = process(t, data)
	if res, body := get(t, url+"/healthz"); res.StatusCode != 200 {
		t.Errorf("after a restart: %d %s", res.StatusCode, body)
	}
	t.Logf("%d acknowledged writes survived the kill", len(acked))
}

// TestBackupUnderLoad backs up the register while clients write, then
// restores the backup into a new data folder: it is consistent and holds
// every write acknowledged before the backup began.
func TestBackupUnderLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	data := t.TempDir()
	env := map[string]string{"JICENG_DATA": data}
	token := strings.TrimSpace(command(t, env, "", "token", "create", "--name", "writer", "--role", "ADMIN"))
	_, url := process(t, data)
	_, out := api(t, url, token, `mutation { createArea(input: {name: "测试街道", kind: SUBDISTRICT}) { id } }`)
	parent := out["data"].(map[string]any)["createArea"].(map[string]any)["id"].(string)
	stop := make(chan struct{})
	wait := writers(t, url, token, parent, 3, stop)
	time.Sleep(500 * time.Millisecond)
	_, before := api(t, url, token, `{ areas { totalCount } }`)
	backup := filepath.Join(t.TempDir(), "backup.db")
	command(t, env, "", "backup", backup)
	time.Sleep(300 * time.Millisecond)
	close(stop)
	wait()
	restored := t.TempDir()
	command(t, map[string]string{}, "", "restore", "--data", restored, backup)
	checkDatabase(t, filepath.Join(restored, "jiceng.db"), nil)
	db, err := sql.Open("sqlite3", "file:"+filepath.Join(restored, "jiceng.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRow("SELECT COUNT(*) FROM areas").Scan(&n); err != nil {
		t.Fatal(err)
	}
	atStart := int(before["data"].(map[string]any)["areas"].(map[string]any)["totalCount"].(float64))
	if n < atStart {
		t.Errorf("the backup holds %d areas, fewer than the %d acknowledged before it began", n, atStart)
	}
	t.Run("restore refuses a folder a server is using", func(t *testing.T) {
		var errs strings.Builder
		err := run(context.Background(), []string{"restore", "--data", data, backup}, func(string) string { return "" }, strings.NewReader(""), &errs, &errs)
		if err == nil || !strings.Contains(err.Error(), "in use by a running server") {
			t.Errorf("got %v, want a refusal naming the running server", err)
		}
	})
}
