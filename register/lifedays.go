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

// The days of each member's organisational life are kept as a fact, table
// life_days (member_id, day), so that the lapse rule (Party Constitution
// Art. 9) finds a member's last day on or before any day by its primary
// key instead of reading the member's meetings. A member has organisational
// life on a day when recorded present at a meeting held that day, or when
// the member's relationship sat that day in an organisation that held a
// meeting without keeping a roll (all its members count as present),
// across every transfer inside the register. Mobile members' reports and
// their Party group's meetings are read where they are (coverage/rules.go).
//
// The rows are derived: a write of a meeting (its day, organisation or
// roll) or of a membership re-derives the rows of the members it concerns,
// before and after, in its transaction; a bulk load re-derives every
// member's once, before it commits. The migration that made the table
// (database/migrations/*/…_life_days.sql) filled it with the same SELECT.

// lifeDaysOf selects the rows of life_days of the members the test on
// member_id (a SQL condition on the column named by %[1]s) admits.
const lifeDaysOf = `SELECT ma.member_id, mt.held_on FROM meeting_attendees ma JOIN meetings mt ON mt.id = ma.meeting_id WHERE %[1]s
	UNION SELECT y.member_id, mt.held_on FROM memberships y JOIN meetings mt ON mt.organization_id = y.organization_id
	WHERE %[2]s AND mt.held_on >= y.started_on AND (y.ended_on IS NULL OR mt.held_on < y.ended_on)
	AND NOT EXISTS (SELECT 1 FROM meeting_attendees ma WHERE ma.meeting_id = mt.id)`

type execer interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

// RefreshLifeDays derives again the life days of the members given, or of
// every member when ids is nil.
func RefreshLifeDays(ctx context.Context, db execer, ids []int) error {
	del, attended, belonged := "DELETE FROM life_days", "1 = 1", "1 = 1"
	if ids != nil {
		if len(ids) == 0 {
			return nil
		}
		list := idList(ids)
		del += " WHERE member_id IN " + list
		attended, belonged = "ma.member_id IN "+list, "y.member_id IN "+list
	}
	if _, err := db.ExecContext(ctx, del); err != nil {
		return fmt.Errorf("register: clearing life days: %w", err)
	}
	if _, err := db.ExecContext(ctx, "INSERT INTO life_days (member_id, day) "+fmt.Sprintf(lifeDaysOf, attended, belonged)); err != nil {
		return fmt.Errorf("register: deriving life days: %w", err)
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

// lifeWrite is the members whose life days a write of a meeting or a
// membership may change, gathered before and after it.
type lifeWrite struct {
	members map[int]bool
	pending bool
}

// concerns says whether a mutation may change life days.
func lifeConcerned(m entgo.Mutation) bool {
	switch m.(type) {
	case *ent.MeetingMutation, *ent.MembershipMutation:
	default:
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
		case "held_on", "organization_id", "organization", "attendees", "member_id", "member", "started_on", "ended_on":
			return true
		}
	}
	return false
}

// gather adds the members whose life days the record of m concerns as it
// now stands: a meeting's attendees and everyone whose relationship ever
// sat in its organisation; a membership's member. In a bulk load it
// arranges instead for every member's days to be derived at commit.
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
					if err := RefreshLifeDays(ctx, tx.Client(), nil); err != nil {
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
	stmt := `SELECT member_id FROM memberships WHERE id = ` + strconv.Itoa(id)
	if _, meeting := m.(*ent.MeetingMutation); meeting {
		stmt = `SELECT member_id FROM meeting_attendees WHERE meeting_id = ` + strconv.Itoa(id) + `
			UNION SELECT y.member_id FROM memberships y JOIN meetings mt ON mt.organization_id = y.organization_id WHERE mt.id = ` + strconv.Itoa(id)
	}
	rows, err := m.(txMutation).Client().QueryContext(ctx, stmt)
	if err != nil {
		return fmt.Errorf("register: finding whose life days a write changes: %w", err)
	}
	defer rows.Close()
	if w.members == nil {
		w.members = map[int]bool{}
	}
	for rows.Next() {
		var member int
		if err := rows.Scan(&member); err != nil {
			return err
		}
		w.members[member] = true
	}
	w.pending = true
	return rows.Err()
}

// record derives again the life days of the members gathered.
func (w *lifeWrite) record(ctx context.Context, c *ent.Client) error {
	if !w.pending {
		return nil
	}
	ids := make([]int, 0, len(w.members))
	for id := range w.members {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return RefreshLifeDays(ctx, c, ids)
}

// LifeDaysDrift counts the rows by which life_days differs from the days
// derived afresh from the meetings and memberships: 0 when every write
// kept them.
func LifeDaysDrift(ctx context.Context, db interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}) (int, error) {
	derived := "SELECT * FROM (" + fmt.Sprintf(lifeDaysOf, "1 = 1", "1 = 1") + ") d"
	var n int
	err := db.QueryRowContext(ctx, `SELECT (SELECT COUNT(*) FROM (`+derived+` EXCEPT SELECT member_id, day FROM life_days) a)
		+ (SELECT COUNT(*) FROM (SELECT member_id, day FROM life_days EXCEPT `+derived+`) b)`).Scan(&n)
	return n, err
}
