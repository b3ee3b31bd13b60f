package register

import (
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
