package register

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"time"

	"entgo.io/ent/dialect"

	"jiceng/calendar"
	"jiceng/vocab"
)

// Backfill gives every record its history where it has none: today's value
// of each attribute becomes a period from the record's known start (joined,
// established, opened; Beginning when unknown), a full member is
// probationary for the year after joining, and an organisation's earlier
// kinds come from its recorded upgrades. It runs at every start and writes
// only what is missing, so a register made before history was kept upgrades
// in place and one written since is left as it is. Bulk-loaded registers
// (the synthetic city) get their history the same way.
func Backfill(ctx context.Context, db *sql.DB, dialectName string) error {
	b := &backfill{ctx: ctx, db: db, pg: dialectName == dialect.Postgres}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("backfilling history: %w", err)
	}
	b.tx = tx
	steps := []func() error{b.confirmations, b.attributes, b.kinds, b.currentSince, b.nameKeys, b.waivedDays}
	for _, step := range steps {
		if err := step(); err != nil {
			_ = tx.Rollback()
			return fmt.Errorf("backfilling history: %w", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("backfilling history: committing: %w", err)
	}
	return nil
}

type backfill struct {
	ctx context.Context
	db  *sql.DB
	tx  *sql.Tx
	pg  bool
}

// bind numbers the ? placeholders of stmt for PostgreSQL.
func (b *backfill) bind(stmt string) string {
	if !b.pg {
		return stmt
	}
	var out strings.Builder
	n := 0
	for _, r := range stmt {
		if r == '?' {
			n++
			fmt.Fprintf(&out, "$%d", n)
			continue
		}
		out.WriteRune(r)
	}
	return out.String()
}

// collect reads every row of query (its ? placeholders bound to args) into
// a T, whose fields to scan into dest names, before the step writes
// anything: a step reads all it has to change, then changes it.
func collect[T any](b *backfill, query string, args []any, dest func(*T) []any) ([]T, error) {
	rows, err := b.tx.QueryContext(b.ctx, b.bind(query), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		var v T
		if err := rows.Scan(dest(&v)...); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

func (b *backfill) exec(stmt string, args ...any) error {
	if _, err := b.tx.ExecContext(b.ctx, b.bind(stmt), args...); err != nil {
		return fmt.Errorf("%.60s…: %w", stmt, err)
	}
	return nil
}

// confirmations dates the confirmation of every full member that has none:
// a year after joining.
func (b *backfill) confirmations() error {
	type pending struct {
		id     int
		joined time.Time
	}
	todo, err := collect(b, `SELECT id, joined_party_on FROM members WHERE status = 'FULL' AND confirmed_on IS NULL`, nil,
		func(p *pending) []any { return []any{&p.id, &p.joined} })
	if err != nil {
		return err
	}
	stmt, err := b.tx.PrepareContext(b.ctx, b.bind(`UPDATE members SET confirmed_on = ? WHERE id = ?`))
	if err != nil {
		return err
	}
	defer stmt.Close()
	for _, p := range todo {
		if _, err := stmt.ExecContext(b.ctx, calendar.AddYears(calendar.Day(p.joined), ProbationYears), p.id); err != nil {
			return err
		}
	}
	return nil
}

// attributes opens the first period of every attribute a record has a
// value of and no history for.
func (b *backfill) attributes() error {
	now := time.Now().UTC()
	for _, s := range vocab.Attributes {
		start := "?"
		if s.Start != "" {
			start = "COALESCE(x." + s.Start + ", ?)"
		}
		missing := `NOT EXISTS (SELECT 1 FROM periods p WHERE p.subject_id = x.id AND p.attribute = '` + string(s.Attribute) + `')`
		insert := `INSERT INTO periods (created_at, updated_at, subject_id, attribute, ` + string(s.Value) + `, valid_from, valid_to, reason) `
		switch {
		case s.Set:
			from, ref, args := notBeforeRef(s, "j."+s.JoinValue, start)
			err := b.exec(insert+`SELECT ?, ?, x.id, '`+string(s.Attribute)+`', j.`+s.JoinValue+`, `+from+`, NULL, ''
				FROM `+s.Table+` x JOIN `+s.JoinTable+` j ON j.`+s.JoinOwner+` = x.id`+ref+` WHERE `+missing, append([]any{now, now}, args...)...)
			if err != nil {
				return err
			}
		case s.Attribute == vocab.MemberStatus:
			// A full member was probationary from joining until confirmed.
			err := b.exec(insert+`SELECT ?, ?, x.id, 'MEMBER_STATUS', 'PROBATIONARY', x.joined_party_on, x.confirmed_on, ''
				FROM members x WHERE x.status = 'FULL' AND x.confirmed_on > x.joined_party_on AND `+missing, now, now)
			if err != nil {
				return err
			}
			err = b.exec(insert+`SELECT ?, ?, x.id, 'MEMBER_STATUS', x.status, COALESCE(x.confirmed_on, x.joined_party_on), NULL, ''
				FROM members x WHERE NOT EXISTS (SELECT 1 FROM periods p WHERE p.subject_id = x.id AND p.attribute = 'MEMBER_STATUS' AND p.valid_to IS NULL)`, now, now)
			if err != nil {
				return err
			}
		default:
			value := "x." + s.Field
			if s.Bool {
				value = "CASE WHEN x." + s.Field + " THEN 1 ELSE 0 END"
			}
			from, ref, args := notBeforeRef(s, "x."+s.Field, start)
			err := b.exec(insert+`SELECT ?, ?, x.id, '`+string(s.Attribute)+`', `+value+`, `+from+`, NULL, ''
				FROM `+s.Table+` x`+ref+` WHERE x.`+s.Field+` IS NOT NULL AND `+missing, append([]any{now, now}, args...)...)
			if err != nil {
				return err
			}
		}
	}
	return nil
}

// notBeforeRef is the SQL of the first day of a backfilled period, as the
// register's hook writes it (notBeforeRef in history.go): the record's
// start, or the start of the record the value names when that is later;
// with the join that reads the latter and the arguments of start's
// placeholders.
func notBeforeRef(s vocab.AttributeSpec, value, start string) (from, join string, args []any) {
	n := strings.Count(start, "?")
	if s.RefTable == "" {
		return start, "", slices.Repeat([]any{Beginning}, n)
	}
	join = " LEFT JOIN " + s.RefTable + " r ON r.id = " + value
	from = "CASE WHEN r." + s.RefStart + " > " + start + " THEN r." + s.RefStart + " ELSE " + start + " END"
	return from, join, slices.Repeat([]any{Beginning}, 2*n)
}

// kinds rewrites the kind history of an organisation upgraded before
// history was kept, from its recorded kind changes: one period per kind.
func (b *backfill) kinds() error {
	type change struct {
		period, org int
		from, to    string
		on          time.Time
	}
	changes, err := collect(b, `SELECT p.id, kc.organization_id, kc.from_kind, kc.to_kind, kc.changed_on
		FROM kind_changes kc JOIN periods p ON p.subject_id = kc.organization_id AND p.attribute = 'ORGANIZATION_KIND'
		WHERE (SELECT COUNT(*) FROM periods q WHERE q.subject_id = kc.organization_id AND q.attribute = 'ORGANIZATION_KIND') = 1
		ORDER BY kc.organization_id, kc.changed_on`, nil,
		func(c *change) []any { return []any{&c.period, &c.org, &c.from, &c.to, &c.on} })
	if err != nil {
		return err
	}
	now := time.Now().UTC()
	for i, c := range changes {
		if i == 0 || changes[i-1].org != c.org {
			// The only period so far runs from establishment: it held the
			// kind before the first change, until that change.
			if err := b.exec(`UPDATE periods SET text = ?, valid_to = ? WHERE id = ?`, c.from, c.on, c.period); err != nil {
				return err
			}
		}
		var end any
		if i+1 < len(changes) && changes[i+1].org == c.org {
			end = changes[i+1].on
		}
		err := b.exec(`INSERT INTO periods (created_at, updated_at, subject_id, attribute, text, valid_from, valid_to, reason)
			VALUES (?, ?, ?, 'ORGANIZATION_KIND', ?, ?, ?, '')`, now, now, c.org, c.to, c.on, end)
		if err != nil {
			return err
		}
	}
	return nil
}

// currentSince dates, for each record that has none, the first day from
// which all its attributes hold today's values.
func (b *backfill) currentSince() error {
	for _, table := range []string{"members", "organizations", "units", "areas"} {
		err := b.exec(`UPDATE ` + table + ` SET current_since = (SELECT MAX(d) FROM (
				SELECT valid_from AS d FROM periods p WHERE p.subject_id = ` + table + `.id
				UNION ALL SELECT valid_to FROM periods p WHERE p.subject_id = ` + table + `.id) x)
			WHERE current_since IS NULL`)
		if err != nil {
			return err
		}
	}
	return nil
}
