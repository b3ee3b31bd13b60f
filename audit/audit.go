// Package audit writes the append-only audit log: who changed what in the
// register, with the fields before and after; who read unmasked personal
// data; sign-ins, and changes to users and tokens.
package audit

import (
	"context"
	"fmt"

	"jiceng/ent"
	"jiceng/ent/auditentry"
	"jiceng/ent/privacy"
	"jiceng/viewer"
)

// Entry is one thing to record.
type Entry struct {
	Action     auditentry.Action
	EntityType string
	EntityID   int
	Before     map[string]any
	After      map[string]any
	Detail     string
}

// Record adds an entry with client, in the transaction the client belongs
// to if it belongs to one, so a change and its entry commit together. The
// actor is the context's viewer, or "system" when there is none.
func Record(ctx context.Context, client *ent.Client, e Entry) error {
	// Nobody may write the log but the log itself.
	if _, err := build(ctx, client, e).Save(privacy.DecisionContext(ctx, privacy.Allow)); err != nil {
		return fmt.Errorf("writing the audit log: %w", err)
	}
	return nil
}

// batch is how many entries RecordAll writes in one statement, well under
// the bound parameters SQLite and PostgreSQL take.
const batch = 500

// RecordAll adds the entries as Record does, a few statements for many
// entries rather than one each.
func RecordAll(ctx context.Context, client *ent.Client, entries []Entry) error {
	allow := privacy.DecisionContext(ctx, privacy.Allow)
	for len(entries) > 0 {
		n := min(len(entries), batch)
		creates := make([]*ent.AuditEntryCreate, n)
		for i, e := range entries[:n] {
			creates[i] = build(ctx, client, e)
		}
		if err := client.AuditEntry.CreateBulk(creates...).Exec(allow); err != nil {
			return fmt.Errorf("writing the audit log: %w", err)
		}
		entries = entries[n:]
	}
	return nil
}

// detailKey carries the detail of the entries written in a context.
type detailKey struct{}

// WithDetail returns a context in which every entry written without a
// detail of its own gets detail, such as the file an import read.
func WithDetail(ctx context.Context, detail string) context.Context {
	return context.WithValue(ctx, detailKey{}, detail)
}

func build(ctx context.Context, client *ent.Client, e Entry) *ent.AuditEntryCreate {
	if d, ok := ctx.Value(detailKey{}).(string); ok && e.Detail == "" {
		e.Detail = d
	}
	create := client.AuditEntry.Create().
		SetAction(e.Action).
		SetEntityType(e.EntityType).
		SetDetail(e.Detail).
		SetActor("system")
	if v := viewer.FromContext(ctx); v != nil {
		create.SetActor(v.Actor()).SetAddress(v.Address)
		if v.UserID != 0 {
			create.SetUserID(v.UserID)
		}
		if v.TokenID != 0 {
			create.SetTokenID(v.TokenID)
		}
	}
	if e.EntityID != 0 {
		create.SetEntityID(e.EntityID)
	}
	if e.Before != nil {
		create.SetBefore(e.Before)
	}
	if e.After != nil {
		create.SetAfter(e.After)
	}
	return create
}
