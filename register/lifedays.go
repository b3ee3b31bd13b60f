package register

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"

	entgo "entgo.io/ent"

	"jiceng/ent"
)

// The days of organisational life are kept as facts, so that the lapse
// rule (Party Constitution Art. 9) finds a member's last day on or before
// any day by an index instead of reading meetings: life_days (member_id,
// day) holds the days each member was recorded present at a meeting, and
// rollless_days (organization_id, day) the days each organisation held a
// meeting without keeping a roll (all its members then count as present).
// A member's days in an organisation follow from the member's
// relationships (memberships, each with its dates) and the organisation's
// roll-less days, read where they are (coverage/rules.go), so a transfer
// changes no kept row, and an organisation's roll-less meeting is one row,
// not one per member.
//
// The rows are derived: a write of a meeting (its day, organisation or
// roll) derives again the rows of its attendees and of its organisation,
// as they were and as they are, in its transaction; a bulk load derives
// every row once, before it commits. The migration that made the tables
// (database/migrations/*/…_life_days.sql) filled them with the same SELECTs.

// attendedDays selects the rows of life_days of the members the test on
// ma.member_id (%s) admits; rolllessDays those of rollless_days of the
// organisations the test on mt.organization_id admits.
const (
	attendedDays = `SELECT DISTINCT ma.member_id, mt.held_on FROM meeting_attendees ma JOIN meetings mt ON mt.id = ma.meeting_id WHERE %s`
	rolllessDays = `SELECT DISTINCT mt.organization_id, mt.held_on FROM meetings mt
	WHERE %s AND NOT EXISTS (SELECT 1 FROM meeting_attendees ma WHERE ma.meeting_id = mt.id)`
)

type execer interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

// RefreshLifeDays derives again the life days of the members and the
// roll-less days of the organisations given; nil for both derives every
// row.
func RefreshLifeDays(ctx context.Context, db execer, members, orgs []int) error {
	for _, t := range []struct {
		table, key, column, derive string
		ids                        []int
	}{
		{"life_days", "member_id", "ma.member_id", attendedDays, members},
		{"rollless_days", "organization_id", "mt.organization_id", rolllessDays, orgs},
	} {
		del, which := "DELETE FROM "+t.table, "1 = 1"
		if members != nil || orgs != nil {
			if len(t.ids) == 0 {
				continue
			}
			list := idList(t.ids)
			del += " WHERE " + t.key + " IN " + list
			which = t.column + " IN " + list
		}
		if _, err := db.ExecContext(ctx, del); err != nil {
			return fmt.Errorf("register: clearing %s: %w", t.table, err)
		}
		if _, err := db.ExecContext(ctx, "INSERT INTO "+t.table+" ("+t.key+", day) "+fmt.Sprintf(t.derive, which)); err != nil {
			return fmt.Errorf("register: deriving %s: %w", t.table, err)
		}
	}
	return nil
}

func idList(ids []int) string {
	s := make([]string, len(ids))
	for i, id := range ids {
		s[i] = strconv.Itoa(id)
	}
	return "(" + strings.Join(s, ", ") + ")"
}

// bulkState is what a bulk load (Bulk) remembers across its writes: that
// the life days are to be derived again when its transaction commits.
type bulkState struct{ lifeHooked atomic.Bool }

// lifeWrite is the members and organisations whose kept days a write of a
// meeting may change, gathered before and after it.
type lifeWrite struct {
	members, orgs map[int]bool
	pending       bool
}

// lifeConcerned says whether a mutation may change kept days: a meeting
// created, or its day, organisation or roll changed.
func lifeConcerned(m entgo.Mutation) bool {
	if _, ok := m.(*ent.MeetingMutation); !ok {
		return false
	}
	if m.Op().Is(entgo.OpCreate) {
		return true
	}
	changed := append(slices.Clone(m.Fields()), m.ClearedFields()...)
	changed = append(changed, m.AddedEdges()...)
	changed = append(changed, m.RemovedEdges()...)
	changed = append(changed, m.ClearedEdges()...)
	for _, f := range changed {
		switch f {
		case "held_on", "organization_id", "organization", "attendees":
			return true
		}
	}
	return false
}

// gather adds the attendees and the organisation of the meeting of m as it
// now stands. In a bulk load it arranges instead for every row to be
// derived at commit.
func (w *lifeWrite) gather(ctx context.Context, m entgo.Mutation) error {
	if !lifeConcerned(m) {
		return nil
	}
	if b, ok := ctx.Value(bulkKey{}).(*bulkState); ok {
		if b.lifeHooked.CompareAndSwap(false, true) {
			tx, err := m.(txMutation).Tx()
			if err != nil {
				return err
			}
			tx.OnCommit(func(next ent.Committer) ent.Committer {
				return ent.CommitFunc(func(ctx context.Context, tx *ent.Tx) error {
					b.lifeHooked.Store(false)
					if err := RefreshLifeDays(ctx, tx.Client(), nil, nil); err != nil {
						return err
					}
					return next.Commit(ctx, tx)
				})
			})
			tx.OnRollback(func(next ent.Rollbacker) ent.Rollbacker {
				return ent.RollbackFunc(func(ctx context.Context, tx *ent.Tx) error {
					b.lifeHooked.Store(false)
					return next.Rollback(ctx, tx)
				})
			})
		}
		return nil
	}
	id, ok := m.(interface{ ID() (int, bool) }).ID()
	if !ok {
		return fmt.Errorf("register: a %s write without its ID", m.Type())
	}
	rows, err := m.(txMutation).Client().QueryContext(ctx, `SELECT 0, member_id FROM meeting_attendees WHERE meeting_id = `+strconv.Itoa(id)+`
		UNION ALL SELECT 1, organization_id FROM meetings WHERE id = `+strconv.Itoa(id))
	if err != nil {
		return fmt.Errorf("register: finding whose life days a write changes: %w", err)
	}
	defer rows.Close()
	if w.members == nil {
		w.members, w.orgs = map[int]bool{}, map[int]bool{}
	}
	for rows.Next() {
		var org, id int
		if err := rows.Scan(&org, &id); err != nil {
			return err
		}
		if org == 1 {
			w.orgs[id] = true
		} else {
			w.members[id] = true
		}
	}
	w.pending = true
	return rows.Err()
}

// record derives again the kept days of the members and organisations
// gathered.
func (w *lifeWrite) record(ctx context.Context, c *ent.Client) error {
	if !w.pending {
		return nil
	}
	return RefreshLifeDays(ctx, c, sortedKeys(w.members), sortedKeys(w.orgs))
}

func sortedKeys(set map[int]bool) []int {
	ids := make([]int, 0, len(set))
	for id := range set {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}

// LifeDaysDrift counts the rows by which life_days and rollless_days
// differ from the days derived afresh from the meetings and their rolls: 0
// when every write kept them.
func LifeDaysDrift(ctx context.Context, db interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}) (int, error) {
	total := 0
	for table, derive := range map[string]string{"life_days": fmt.Sprintf(attendedDays, "1 = 1"), "rollless_days": fmt.Sprintf(rolllessDays, "1 = 1")} {
		key := "SELECT * FROM (" + derive + ") d"
		kept := "SELECT * FROM " + table
		var n int
		if err := db.QueryRowContext(ctx, `SELECT (SELECT COUNT(*) FROM (`+key+` EXCEPT `+kept+`) a)
			+ (SELECT COUNT(*) FROM (`+kept+` EXCEPT `+key+`) b)`).Scan(&n); err != nil {
			return 0, err
		}
		total += n
	}
	return total, nil
}
