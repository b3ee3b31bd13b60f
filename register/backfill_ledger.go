package register

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"entgo.io/ent/dialect"

	"jiceng/calendar"
)

// waivedDays dates every waived item of the rectification ledger that has
// no day of waiving (items waived before the day was kept): the day, in the
// register's time zone, of the audit entry that set it WAIVED, else the
// day the item was last written.
func (b *backfill) waivedDays() error {
	type pending struct {
		id  int
		day time.Time
	}
	todo, err := collect(b, `SELECT id, updated_at FROM rectifications WHERE status = 'WAIVED' AND waived_on IS NULL`, nil,
		func(p *pending) []any { return []any{&p.id, &p.day} })
	if err != nil {
		return err
	}
	for _, p := range todo {
		at, err := b.waivedAt(p.id)
		if err != nil {
			return err
		}
		if !at.IsZero() {
			p.day = at
		}
		if err := b.exec(`UPDATE rectifications SET waived_on = ? WHERE id = ?`, calendar.Day(p.day.In(calendar.Zone())), p.id); err != nil {
			return err
		}
	}
	return nil
}

// waivedAt is when the audit log says item id was last set WAIVED; zero
// when it does not say.
func (b *backfill) waivedAt(id int) (time.Time, error) {
	type entry struct {
		at    time.Time
		after []byte
	}
	entries, err := collect(b, `SELECT at, after FROM audit_entries
		WHERE entity_type = 'Rectification' AND entity_id = ? AND action = 'UPDATE' ORDER BY id DESC`, []any{id},
		func(e *entry) []any { return []any{&e.at, &e.after} })
	if err != nil {
		return time.Time{}, err
	}
	for _, e := range entries {
		var v struct{ Status string }
		if json.Unmarshal(e.after, &v) == nil && v.Status == "WAIVED" {
			return e.at, nil
		}
	}
	return time.Time{}, nil
}

// DateGapSince sets the first day of the gap of the ledger's items that
// have none, by item ID, in one transaction, and says how many it set. It
// is the write of the ledger's backfill of those days (rectify's
// BackfillGapSince walks the register for them): an item dated meanwhile
// (by a hand-over) keeps its day.
func DateGapSince(ctx context.Context, db *sql.DB, dialectName string, days map[int]time.Time) (int, error) {
	b := &backfill{ctx: ctx, db: db, pg: dialectName == dialect.Postgres}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return 0, fmt.Errorf("dating the ledger's gaps: %w", err)
	}
	b.tx = tx
	stmt, err := tx.PrepareContext(ctx, b.bind(`UPDATE rectifications SET gap_since = ? WHERE id = ? AND gap_since IS NULL`))
	if err != nil {
		_ = tx.Rollback()
		return 0, fmt.Errorf("dating the ledger's gaps: %w", err)
	}
	defer stmt.Close()
	n := 0
	for id, day := range days {
		res, err := stmt.ExecContext(ctx, calendar.Day(day), id)
		if err != nil {
			_ = tx.Rollback()
			return 0, fmt.Errorf("dating the gap of item %d: %w", id, err)
		}
		k, _ := res.RowsAffected()
		n += int(k)
	}
	if err := tx.Commit(); err != nil {
		return 0, fmt.Errorf("dating the ledger's gaps: committing: %w", err)
	}
	return n, nil
}
