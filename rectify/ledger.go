// Package ledger keeps the rectification ledger (整改台账): gaps of the
// coverage analysis handed over to communities with a person responsible
// and a deadline, and a reconciler that keeps each item's status true to
// the register: an item whose gap no longer fires is verified on the day
// the change that closed it was made, a verified item whose gap comes back
// reopens, and an item whose deadline passed while its gap is open is
// overdue. It works on ent clients and the coverage engine and knows
// nothing of GraphQL.
package rectify

import (
	"context"
	"fmt"
	"sync"
	"time"

	"jiceng/calendar"
	"jiceng/coverage"
	"jiceng/ent"
	"jiceng/ent/auditentry"
	"jiceng/ent/rectification"
	"jiceng/policy"
	"jiceng/register"
)

// Ledger reconciles the items of one register with its gaps.
type Ledger struct {
	client *ent.Client
	engine *coverage.Engine

	mu   sync.Mutex
	seen struct {
		revision int64
		day      time.Time
	}
}

// New returns the ledger of the register client holds, read against engine.
func New(client *ent.Client, engine *coverage.Engine) *Ledger {
	return &Ledger{client: client, engine: engine}
}

// Key is the gap an item is about.
func Key(r *ent.Rectification) coverage.GapKey {
	return coverage.GapKey{Rule: coverage.RuleCode(r.Rule), SubjectID: r.SubjectID, Detail: r.Detail}
}

// System is the author of the notes the reconciler writes.
const System = "system"

// Reconcile compares the items still followed up (every status but
// waived) with the gaps found today, and sets their status as the
// register says, with a note on each item it changes. It does nothing when
// neither the register nor the day changed since it last ran. It says how
// many items it changed.
func (l *Ledger) Reconcile(ctx context.Context) (int, error) {
	ctx = policy.System(ctx)
	l.mu.Lock()
	defer l.mu.Unlock()
	day := calendar.Today()
	revision, err := l.engine.Revision(ctx)
	if err != nil {
		return 0, err
	}
	if l.seen.revision == revision && l.seen.day.Equal(day) {
		return 0, nil
	}
	items, err := l.client.Rectification.Query().Where(rectification.StatusNEQ(rectification.StatusWAIVED)).All(ctx)
	if err != nil {
		return 0, fmt.Errorf("reading the ledger: %w", err)
	}
	changed := 0
	if len(items) > 0 {
		if changed, err = l.reconcile(ctx, items, day, revision); err != nil {
			return 0, err
		}
	}
	l.seen.revision, l.seen.day = revision, day
	return changed, nil
}

// change is what the reconciler does to an item.
type change struct {
	item   *ent.Rectification
	status rectification.Status
	note   string
}

func (l *Ledger) reconcile(ctx context.Context, items []*ent.Rectification, day time.Time, revision int64) (int, error) {
	found, err := l.engine.Found(ctx, day)
	if err != nil {
		return 0, err
	}
	var changes []change
	for _, it := range items {
		if c, ok := judge(it, found, day); ok {
			changes = append(changes, c)
		}
	}
	if len(changes) == 0 {
		return 0, nil
	}
	closing, err := lastChange(ctx, l.client)
	if err != nil {
		return 0, err
	}
	err = register.InTx(ctx, l.client, func(c *ent.Client) error {
		for _, ch := range changes {
			u := c.Rectification.UpdateOneID(ch.item.ID).SetStatus(ch.status)
			switch {
			case ch.status == rectification.StatusVERIFIED:
				u.SetVerifiedOn(day).SetVerifiedRevision(revision)
				if closing != 0 {
					u.SetVerifiedByEntryID(closing)
				}
			case ch.item.Status == rectification.StatusVERIFIED:
				u.ClearVerifiedOn().ClearVerifiedRevision().ClearVerifiedByEntryID().AddReopened(1)
			}
			if err := u.Exec(ctx); err != nil {
				return fmt.Errorf("reconciling item %d: %w", ch.item.ID, err)
			}
			if err := c.RectificationNote.Create().SetRectificationID(ch.item.ID).SetAuthor(System).
				SetText(ch.note).Exec(ctx); err != nil {
				return fmt.Errorf("noting item %d: %w", ch.item.ID, err)
			}
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	return len(changes), nil
}

// judge is the status the register gives an item on day, and the note
// that says why; ok is false when the item keeps its status.
func judge(it *ent.Rectification, found map[coverage.GapKey]coverage.FoundGap, day time.Time) (change, bool) {
	_, fires := found[Key(it)]
	late := it.Deadline.Before(day)
	switch {
	case it.Status == rectification.StatusWAIVED:
		return change{}, false
	case !fires && it.Status != rectification.StatusVERIFIED:
		return change{it, rectification.StatusVERIFIED, "问题已不再出现，自动核销（" + day.Format(time.DateOnly) + "）"}, true
	case fires && it.Status == rectification.StatusVERIFIED:
		status := rectification.StatusOPEN
		if late {
			status = rectification.StatusOVERDUE
		}
		return change{it, status, "问题再次出现，重新整改（" + day.Format(time.DateOnly) + "）"}, true
	case fires && late && it.Status != rectification.StatusOVERDUE:
		return change{it, rectification.StatusOVERDUE, "已过整改期限（" + it.Deadline.Format(time.DateOnly) + "），问题仍在"}, true
	case fires && !late && it.Status == rectification.StatusOVERDUE:
		return change{it, rectification.StatusOPEN, "整改期限延至 " + it.Deadline.Format(time.DateOnly)}, true
	}
	return change{}, false
}

// lastChange is the audit entry of the latest change to the register
// (not to the ledger): the change after which a gap was found gone. 0 when
// the log holds none (the system's own writes are not entered).
func lastChange(ctx context.Context, c *ent.Client) (int, error) {
	e, err := c.AuditEntry.Query().
		Where(auditentry.ActionIn(auditentry.ActionCREATE, auditentry.ActionUPDATE),
			auditentry.EntityTypeNotIn("Rectification", "RectificationNote")).
		Order(ent.Desc(auditentry.FieldID)).First(ctx)
	if ent.IsNotFound(err) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("finding the change that closed a gap: %w", err)
	}
	return e.ID, nil
}
