package main

import (
	"database/sql"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"jiceng/database/dbtest"
)

// drill is the shell block after the README's <!-- drill:NAME --> mark.
func drill(t *testing.T, name string) string {
	t.Helper()
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile("(?s)<!-- drill:" + name + " -->\\s*```sh\\n(.*?)```").FindSubmatch(readme)
	if m == nil {
		t.Fatalf("the README has no drill %s", name)
	}
	return string(m[1])
}

// runDrill runs a drill's block with bash in dir, with jiceng on the PATH.
func runDrill(t *testing.T, dir, name string, env ...string) string {
	t.Helper()
	bin, err := binary()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("bash", "-euo", "pipefail", "-c", drill(t, name))
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), append(env, "PATH="+filepath.Dir(bin)+":"+os.Getenv("PATH"))...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("the README's drill %s: %v\n%s", name, err, out)
	}
	return string(out)
}

// TestRestoreDrillSQLite follows the README's drill: a backup while the
// server runs, a restore once it stopped, then the server again.
func TestRestoreDrillSQLite(t *testing.T) {
	sqliteOnly(t)
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	token := strings.TrimSpace(command(t, map[string]string{"JICENG_DATA": data}, "", "token", "create", "--name", "t", "--role", "ADMIN"))
	cmd, url := processArgs(t, "--data", data)
	for _, name := range []string{"甲街道", "乙街道", "丙街道"} {
		api(t, url, token, `mutation { createArea(input: {name: "`+name+`", kind: SUBDISTRICT}) { id } }`)
	}
	out := runDrill(t, dir, "sqlite-backup")
	api(t, url, token, `mutation { createArea(input: {name: "备份后", kind: SUBDISTRICT}) { id } }`)
	stopProcess(t, cmd)
	out += runDrill(t, dir, "sqlite-restore")
	if n := countAreas(t, filepath.Join(data, "jiceng.db")); n != 3 {
		t.Errorf("after the drill: %d areas, want the 3 of the backup", n)
	}
	if !strings.Contains(out, "Up to date") || !strings.Contains(out, "before-restore-") {
		t.Errorf("the drill's output: %s", out)
	}
	_, url = processArgs(t, "--data", data)
	if res, body := get(t, url+"/healthz"); res.StatusCode != 200 {
		t.Errorf("the server on the restored register: %d %s", res.StatusCode, body)
	}
}

// TestRestoreDrillPostgres follows the README's drill for PostgreSQL.
func TestRestoreDrillPostgres(t *testing.T) {
	if testing.Short() || !dbtest.Postgres() {
		t.Skip("runs with the PostgreSQL tests (JICENG_TEST_POSTGRES)")
	}
	for _, tool := range []string{"pg_dump", "pg_restore"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("no %s", tool)
		}
	}
	dsn, fresh := dbtest.DSN(t), dbtest.DSN(t)
	token := strings.TrimSpace(command(t, map[string]string{"JICENG_DB": dsn}, "", "token", "create", "--name", "t", "--role", "ADMIN"))
	_, url := processArgs(t, "--db", dsn)
	for _, name := range []string{"甲街道", "乙街道"} {
		api(t, url, token, `mutation { createArea(input: {name: "`+name+`", kind: SUBDISTRICT}) { id } }`)
	}
	out := runDrill(t, t.TempDir(), "postgres", "JICENG_DB="+dsn, "NEW_DB="+fresh)
	if !strings.Contains(out, "Up to date") {
		t.Errorf("the drill's output: %s", out)
	}
	db, err := sql.Open("pgx", fresh)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRow("SELECT COUNT(*) FROM areas").Scan(&n); err != nil || n != 2 {
		t.Errorf("the restored database: %d areas (%v), want 2", n, err)
	}
	_, url = processArgs(t, "--db", fresh)
	if res, body := get(t, url+"/healthz"); res.StatusCode != 200 {
		t.Errorf("the server on the restored database: %d %s", res.StatusCode, body)
	}
}
