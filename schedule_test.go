package main

import (
	"context"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"testing"
	"time"

	"jiceng/database"
)

// TestScheduledBackups: each scheduled backup is a whole register in the
// backup folder; the oldest go once there are more than --backup-keep, and
// partial files of killed backups are cleared.
func TestScheduledBackups(t *testing.T) {
	sqliteOnly(t)
	ctx := context.Background()
	st, err := database.Open(ctx, "", t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	dir := filepath.Join(t.TempDir(), "backups")
	os.MkdirAll(dir, 0o750)
	stale := filepath.Join(dir, "jiceng-20000101T000000.000Z.db.partial-1")
	os.WriteFile(stale, []byte("half"), 0o640)
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))
	var made []string
	for i := 0; i < 3; i++ {
		if err := scheduledBackup(ctx, st, dir, 2, logger); err != nil {
			t.Fatalf("backup %d: %v", i, err)
		}
		files, _ := filepath.Glob(filepath.Join(dir, "jiceng-*.db"))
		made = append(made, files[len(files)-1])
		time.Sleep(5 * time.Millisecond)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*"))
	if len(files) != 2 || files[0] != made[1] || files[1] != made[2] {
		t.Errorf("the backup folder holds %v, want the newest two of %v", files, made)
	}
	for _, f := range files {
		if _, err := verifyRegister(ctx, f, true); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
}
