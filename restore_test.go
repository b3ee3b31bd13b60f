package main

import (
	"bytes"
	"context"
	"database/sql"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"jiceng/database/dbtest"
)

// sqliteOnly skips a test of SQLite's files in the PostgreSQL run of the
// tests, which runs every other test again.
func sqliteOnly(t *testing.T) {
	t.Helper()
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	if dbtest.Postgres() {
		t.Skip("a test of the SQLite register's files; it ran in the SQLite run")
	}
}

// jiceng runs a command and returns its output and error.
func jiceng(env map[string]string, args ...string) (string, error) {
	var out bytes.Buffer
	err := run(context.Background(), args, func(k string) string { return env[k] }, strings.NewReader(""), &out, &out)
	return out.String(), err
}

// register makes a data folder holding a register with some areas.
func register(t *testing.T) (data, token string) {
	t.Helper()
	data = t.TempDir()
	env := map[string]string{"JICENG_DATA": data}
	token = strings.TrimSpace(command(t, env, "", "token", "create", "--name", "t", "--role", "ADMIN"))
	return data, token
}

func countAreas(t *testing.T, path string) int {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRow("SELECT COUNT(*) FROM areas").Scan(&n); err != nil {
		t.Fatalf("counting areas in %s: %v", path, err)
	}
	return n
}

// TestRestoreRefuses: restore puts in place only a sound Jiceng register
// with records, and only while no server holds the register, however the
// register is named; it keeps the register it replaces.
func TestRestoreRefuses(t *testing.T) {
	sqliteOnly(t)
	data, token := register(t)
	db := filepath.Join(data, "jiceng.db")
	cmd, url := processArgs(t, "--db", db)
	for i := 0; i < 5; i++ {
		api(t, url, token, `mutation { createArea(input: {name: "街道`+string(rune('A'+i))+`", kind: SUBDISTRICT}) { id } }`)
	}
	dir := t.TempDir()
	backup := filepath.Join(dir, "good.db")
	out := command(t, map[string]string{}, "", "backup", "--db", db, backup)
	if !strings.Contains(out, "records") || !strings.Contains(out, "schema version 2") {
		t.Errorf("backup's report: got %q, want its records and schema version", out)
	}
	// A server named by its file; a restore named by the folder: one lock.
	for _, args := range [][]string{{"--data", data}, {"--db", db}} {
		_, err := jiceng(nil, append(append([]string{"restore"}, args...), backup)...)
		if err == nil || !strings.Contains(err.Error(), "in use by a running server") {
			t.Errorf("restore %v while serving: got %v, want a refusal", args, err)
		}
	}
	stopProcess(t, cmd)

	empty := filepath.Join(dir, "empty.db")
	os.WriteFile(empty, nil, 0o640)
	foreign := filepath.Join(dir, "foreign.db")
	exec.Command("sqlite3", foreign, "create table foo(x)").Run()
	blank := filepath.Join(dir, "blank.db")
	command(t, map[string]string{}, "", "user", "list", "--db", blank) // a new register, no records
	partial := filepath.Join(dir, "partial.db")
	whole, _ := os.ReadFile(backup)
	os.WriteFile(partial, whole[:len(whole)/2], 0o640)
	for name, c := range map[string]struct{ file, want string }{
		"empty file":     {empty, "empty"},
		"other database": {foreign, "not a Jiceng register"},
		"no records":     {blank, "--allow-empty"},
		"half a backup":  {partial, "not a backup"},
		"missing":        {filepath.Join(dir, "nothing.db"), "no such file"},
	} {
		_, err := jiceng(nil, "restore", "--data", data, c.file)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want a refusal saying %q", name, err, c.want)
		}
		if n := countAreas(t, db); n != 5 {
			t.Fatalf("%s: the register holds %d areas after a refused restore, want 5", name, n)
		}
	}
	if out, err := jiceng(nil, "restore", "--data", data, "--allow-empty", blank); err != nil {
		t.Fatalf("restore --allow-empty: %v", err)
	} else if !strings.Contains(out, "before-restore-") {
		t.Errorf("restore's report: got %q, want the name of the kept register", out)
	}
	kept, _ := filepath.Glob(db + ".before-restore-*")
	if len(kept) != 1 || countAreas(t, kept[0]) != 5 || countAreas(t, db) != 0 {
		t.Fatalf("after restoring an empty register: kept %v, want one copy with the 5 areas", kept)
	}
	if _, err := jiceng(nil, "restore", "--data", data, backup); err != nil {
		t.Fatal(err)
	}
	if n := countAreas(t, db); n != 5 {
		t.Errorf("restored the backup: %d areas, want 5", n)
	}
	_, url = processArgs(t, "--data", data)
	if res, body := get(t, url+"/healthz"); res.StatusCode != 200 {
		t.Errorf("serving the restored register: %d %s", res.StatusCode, body)
	}
}

// TestBackupRefuses: a backup of a folder with no register is refused and
// makes nothing; one that fails (a full disk) leaves no file, and once
// there is room the same command succeeds. A backup killed part-way leaves
// no file under the backup's name.
func TestBackupRefuses(t *testing.T) {
	sqliteOnly(t)
	missing := filepath.Join(t.TempDir(), "mistyped")
	if _, err := jiceng(nil, "backup", "--data", missing, filepath.Join(t.TempDir(), "b.db")); err == nil {
		t.Error("backup of a folder that does not exist: want a refusal")
	}
	if _, err := os.Stat(missing); err == nil {
		t.Error("backup of a mistyped folder made it")
	}
	data, token := register(t)
	_, url := processArgs(t, "--data", data)
	for i := 0; i < 200; i++ {
		api(t, url, token, `mutation { createArea(input: {name: "`+strings.Repeat("长", 300)+string(rune('A'+i%26))+`", kind: SUBDISTRICT}) { id } }`)
	}
	t.Run("full disk", func(t *testing.T) {
		full := t.TempDir()
		if err := exec.Command("mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", full).Run(); err != nil {
			t.Skipf("cannot mount a small tmpfs here: %v", err)
		}
		defer exec.Command("umount", full).Run()
		target := filepath.Join(full, "b.db")
		_, err := jiceng(nil, "backup", "--data", data, target)
		if err == nil {
			t.Fatal("backup onto a full disk: want an error")
		}
		if left, _ := os.ReadDir(full); len(left) != 0 {
			t.Errorf("a failed backup left %v behind", left)
		}
		exec.Command("mount", "-o", "remount,size=8m", full).Run()
		if out, err := jiceng(nil, "backup", "--data", data, target); err != nil {
			t.Errorf("the same backup with room: %v", err)
		} else if !strings.Contains(out, "records") {
			t.Errorf("backup's report: %q", out)
		}
	})
	t.Run("killed", func(t *testing.T) {
		bin, err := binary()
		if err != nil {
			t.Fatal(err)
		}
		target := filepath.Join(t.TempDir(), "b.db")
		cmd := exec.Command(bin, "backup", "--data", data, target)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(40 * time.Millisecond)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		if _, err := os.Stat(target); err == nil {
			// It finished before the kill: then it must be whole.
			if _, err := jiceng(nil, "restore", "--data", t.TempDir(), target); err != nil {
				t.Errorf("a backup that finished is not restorable: %v", err)
			}
		}
		partials, _ := filepath.Glob(target + ".partial-*")
		for _, p := range partials {
			if _, err := jiceng(nil, "restore", "--data", t.TempDir(), p); err == nil {
				t.Errorf("restore accepted the partial file %s of a killed backup", p)
			}
		}
		os.Remove(target)
		if _, err := jiceng(nil, "backup", "--data", data, target); err != nil {
			t.Errorf("backup again after a killed one: %v", err)
		}
	})
}

// processArgs starts jiceng with the arguments, on a free port, and
// returns it and its URL.
func processArgs(t *testing.T, args ...string) (*exec.Cmd, string) {
	t.Helper()
	cmd, url, _ := processEnv(t, nil, args...)
	return cmd, url
}

// processEnv starts jiceng with extra environment and returns its log too.
func processEnv(t *testing.T, env []string, args ...string) (*exec.Cmd, string, *syncBuffer) {
	t.Helper()
	bin, err := binary()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, append([]string{"--addr", "127.0.0.1:0", "--rate", "1000"}, args...)...)
	cmd.Env = append(os.Environ(), env...)
	logs := &syncBuffer{}
	cmd.Stderr = logs
	stdout, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	buf := make([]byte, 4096)
	var seen strings.Builder
	for {
		n, err := stdout.Read(buf)
		seen.Write(buf[:n])
		if i := strings.Index(seen.String(), "jiceng listening on "); i >= 0 {
			if line, _, ok := strings.Cut(seen.String()[i+len("jiceng listening on "):], "\n"); ok {
				go func() {
					for {
						if _, err := stdout.Read(buf); err != nil {
							return
						}
					}
				}()
				return cmd, line, logs
			}
		}
		if err != nil {
			cmd.Wait()
			t.Fatalf("the server did not start:\n%s", logs.String())
		}
	}
}

// stopProcess stops a server with SIGTERM and waits for it.
func stopProcess(t *testing.T, cmd *exec.Cmd) {
	t.Helper()
	cmd.Process.Signal(syscall.SIGTERM)
	if err := cmd.Wait(); err != nil {
		t.Fatalf("the server stopped with %v, want exit 0", err)
	}
}

// syncBuffer is a buffer safe to write from a process's pipe while read.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
