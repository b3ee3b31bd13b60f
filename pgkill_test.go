package main

import (
	"database/sql"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"jiceng/database/dbtest"
)

// privatePostgres runs a PostgreSQL server of the test's own (the
// machine's shared one is left alone), and returns a function that starts
// it again after it was killed, its process group and its port.
func privatePostgres(t *testing.T) (start func() *exec.Cmd, port int) {
	t.Helper()
	bin := "/usr/lib/postgresql/15/bin"
	pgUser, err := user.Lookup("postgres")
	if err != nil || os.Getuid() != 0 {
		t.Skip("needs root and the postgres user to run a private PostgreSQL")
	}
	if _, err := os.Stat(filepath.Join(bin, "initdb")); err != nil {
		t.Skipf("no PostgreSQL 15 binaries: %v", err)
	}
	uid, _ := strconv.Atoi(pgUser.Uid)
	gid, _ := strconv.Atoi(pgUser.Gid)
	dir, err := os.MkdirTemp("", "jiceng-pg-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	os.Chown(dir, uid, gid)
	as := func(name string, args ...string) *exec.Cmd {
		c := exec.Command(filepath.Join(bin, name), args...)
		c.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}, Setpgid: true}
		return c
	}
	if out, err := as("initdb", "-D", dir+"/data", "-A", "trust", "-U", "postgres").CombinedOutput(); err != nil {
		t.Fatalf("initdb: %v\n%s", err, out)
	}
	ln, _ := net.Listen("tcp", "127.0.0.1:0")
	port = ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	var cmd *exec.Cmd
	start = func() *exec.Cmd {
		cmd = as("postgres", "-D", dir+"/data", "-p", strconv.Itoa(port), "-k", dir, "-c", "listen_addresses=127.0.0.1")
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		for i := 0; i < 100; i++ {
			if c, err := net.Dial("tcp", fmt.Sprintf("127.0.0.1:%d", port)); err == nil {
				c.Close()
				time.Sleep(200 * time.Millisecond)
				return cmd
			}
			time.Sleep(100 * time.Millisecond)
		}
		t.Fatal("the private PostgreSQL did not start")
		return nil
	}
	t.Cleanup(func() {
		if cmd != nil {
			syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
			cmd.Wait()
		}
	})
	return start, port
}

// TestPostgresKilled kills PostgreSQL itself (kill -9 of every one of its
// processes) while clients write through Jiceng, and starts it again: every
// mutation, sent again with its Idempotency-Key until answered, is saved
// exactly once, and Jiceng serves on without a restart.
func TestPostgresKilled(t *testing.T) {
	if testing.Short() || !dbtest.Postgres() {
		t.Skip("runs with the PostgreSQL tests (JICENG_TEST_POSTGRES)")
	}
	start, port := privatePostgres(t)
	pg := start()
	dsn := fmt.Sprintf("postgres://postgres@127.0.0.1:%d/postgres", port)
	env := map[string]string{"JICENG_DB": dsn}
	token := strings.TrimSpace(command(t, env, "", "token", "create", "--name", "t", "--role", "ADMIN"))
	_, url, _ := processEnv(t, nil, "--db", dsn)
	_, out := api(t, url, token, `mutation { createArea(input: {name: "测试街道", kind: SUBDISTRICT}) { id } }`)
	parent := out["data"].(map[string]any)["createArea"].(map[string]any)["id"].(string)
	stop := make(chan struct{})
	wait := faultWriters(t, url, token, parent, 4, stop)
	time.Sleep(800 * time.Millisecond)
	syscall.Kill(-pg.Process.Pid, syscall.SIGKILL)
	pg.Wait()
	time.Sleep(500 * time.Millisecond)
	start()
	time.Sleep(800 * time.Millisecond)
	close(stop)
	all := wait()
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	checkSaved(t, db, "$1", all)
	if res, body := get(t, url+"/healthz"); res.StatusCode != 200 {
		t.Errorf("/healthz after PostgreSQL came back: %d %s", res.StatusCode, body)
	}
}
