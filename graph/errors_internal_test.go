package graph

import (
	"context"
	"database/sql"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"

	_ "github.com/mattn/go-sqlite3"
)

// TestADamagedDatabaseIsUnavailable reads a file that is not a database with
// the real driver: the error is SERVICE_UNAVAILABLE without the driver's text.
func TestADamagedDatabaseIsUnavailable(t *testing.T) {
	path := filepath.Join(t.TempDir(), "damaged.db")
	if err := os.WriteFile(path, []byte(strings.Repeat("not a database ", 500)), 0o600); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	_, err = db.Exec("SELECT * FROM members")
	if err == nil {
		t.Fatal("reading a damaged file succeeded")
	}
	got := presenter(slog.New(slog.NewTextHandler(io.Discard, nil)), false)(context.Background(), err)
	if got.Extensions["code"] != codeUnavailable || strings.Contains(got.Message, "database disk image") || strings.Contains(got.Message, "not a database") {
		t.Errorf("got %s %q for %q, want SERVICE_UNAVAILABLE without the driver's text", got.Extensions["code"], got.Message, err)
	}
}
