package register

import (
	"database/sql"
	"encoding/json"
	"time"

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
	rows, err := b.tx.QueryContext(b.ctx, `SELECT id, updated_at FROM rectifications WHERE status = 'WAIVED' AND waived_on IS NULL`)
	if err != nil {
		return err
	}
	var todo []pending
	for rows.Next() {
		var p pending
		if err := rows.Scan(&p.id, &p.day); err != nil {
			rows.Close()
			return err
		}
		todo = append(todo, p)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
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
	rows, err := b.tx.QueryContext(b.ctx, b.bind(`SELECT at, after FROM audit_entries
		WHERE entity_type = 'Rectification' AND entity_id = ? AND action = 'UPDATE' ORDER BY id DESC`), id)
	if err != nil {
		return time.Time{}, err
	}
	defer rows.Close()
	for rows.Next() {
		var at time.Time
		var after sql.RawBytes
		if err := rows.Scan(&at, &after); err != nil {
			return time.Time{}, err
		}
		var v struct{ Status string }
		if json.Unmarshal(after, &v) == nil && v.Status == "WAIVED" {
			return at, nil
		}
	}
	return time.Time{}, rows.Err()
}
