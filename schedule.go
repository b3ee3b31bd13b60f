package main

import (
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"time"

	"jiceng/coverage"
	"jiceng/database"
	"jiceng/rectify"
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

// ledgerBackfillBudget bounds the time a start spends dating the ledger's
// items that have no first day of their gap; what is left waits for the
// next start.
const ledgerBackfillBudget = time.Minute

// backfillLedger dates, in the background, the ledger's items handed over
// without their gap's first day (rectify.Ledger.BackfillGapSince), for
// ledgerBackfillBudget at most. The function it returns stops it and
// waits for it, before the register is closed.
func backfillLedger(ctx context.Context, store *database.Store, logger *slog.Logger) func() {
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		book := rectify.New(store.Client, coverage.New(store.Client, store.Read, store.Dialect))
		n, err := book.BackfillGapSince(ctx, store.DB, store.Dialect, ledgerBackfillBudget)
		switch {
		case err != nil && ctx.Err() == nil:
			logger.Error("dating the ledger's gaps", "dated", n, "err", err)
		case n > 0:
			logger.Info("dated the ledger's gaps", "items", n)
		}
	}()
	return func() {
		cancel()
		<-done
	}
}
