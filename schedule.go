package main

import (
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"time"

	"jiceng/database"
)

// backupDir is where scheduled backups go: --backup-dir, else the backups
// folder beside the register.
func backupDir(cfg config) string {
	if cfg.backupDir != "" {
		return cfg.backupDir
	}
	if database.IsPostgres(cfg.db) {
		return "(none: PostgreSQL is backed up with pg_dump)"
	}
	return filepath.Join(filepath.Dir(database.SQLitePath(cfg.db, cfg.data)), "backups")
}

// scheduleBackups backs the register up every interval into dir, as
// jiceng-TIME.db, keeping the newest keep of them, until ctx ends.
func scheduleBackups(ctx context.Context, store *database.Store, dir string, every time.Duration, keep int, logger *slog.Logger) {
	logger.Info("scheduled backups", "every", every.String(), "keep", keep, "dir", dir)
	ticker := time.NewTicker(every)
	defer ticker.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-ticker.C:
		}
		if err := scheduledBackup(ctx, store, dir, keep, logger); err != nil {
			logger.Error("scheduled backup failed; the register is unchanged and the next backup will try again", "err", err, "dir", dir)
		}
	}
}

func scheduledBackup(ctx context.Context, store *database.Store, dir string, keep int, logger *slog.Logger) error {
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return err
	}
	// Partial files of backups that were killed part-way.
	stale, _ := filepath.Glob(filepath.Join(dir, "jiceng-*.db.partial-*"))
	for _, f := range stale {
		os.Remove(f)
	}
	target := filepath.Join(dir, "jiceng-"+time.Now().UTC().Format("20060102T150405.000Z")+".db")
	info, err := writeBackup(ctx, store.DB, target)
	if err != nil {
		return err
	}
	logger.Info("backed up", "file", target, "records", info.records, "bytes", info.size, "schema", info.version)
	backups, err := filepath.Glob(filepath.Join(dir, "jiceng-*.db"))
	if err != nil {
		return err
	}
	slices.Sort(backups) // by time, as the names hold it
	for len(backups) > keep {
		if err := os.Remove(backups[0]); err != nil {
			return err
		}
		logger.Info("removed an old backup", "file", backups[0])
		backups = backups[1:]
	}
	return nil
}
