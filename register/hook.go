package register

import (
	"context"
	"errors"
	"fmt"
	"time"

	entgo "entgo.io/ent"

	"jiceng/audit"
	"jiceng/ent"
	"jiceng/ent/appointment"
	"jiceng/ent/area"
	"jiceng/ent/auditentry"
	"jiceng/ent/member"
	"jiceng/ent/organization"
	"jiceng/ent/privacy"
	"jiceng/ent/unit"
	"jiceng/viewer"
	"jiceng/waiting"
)

// Hooks returns the hooks of a record type of the register. Every write
// runs in a transaction and creates or changes one record (nothing is ever
// deleted, and bulk updates would slip past the checks); the records its
// edges point to must exist; and after the write, inside the transaction,
// check must accept the record as it now stands, so a failing check rolls
// the whole write back.
func Hooks[T any](check func(ctx context.Context, c *ent.Client, v T) error) []entgo.Hook {
	return []entgo.Hook{guard, references, history, after(check)}
}

type txMutation interface {
	Tx() (*ent.Tx, error)
	Client() *ent.Client
}

// guard admits creates and single-record updates made in a transaction.
func guard(next entgo.Mutator) entgo.Mutator {
	return entgo.MutateFunc(func(ctx context.Context, m entgo.Mutation) (entgo.Value, error) {
		switch {
		case m.Op().Is(entgo.OpDelete | entgo.OpDeleteOne):
			return nil, invalid("", "NEVER_DELETED", "%[1]s记录不能删除，请填写结束日期", "%s records are never deleted; set the record's end date instead", recordType(m.Type()))
		case m.Op().Is(entgo.OpUpdate):
			return nil, fmt.Errorf("register: bulk update of %s: update records one by one so each is checked", m.Type())
		}
		tm, ok := m.(txMutation)
		if !ok {
			return nil, fmt.Errorf("register: unexpected mutation %T", m)
		}
		if _, err := tm.Tx(); err != nil {
			return nil, fmt.Errorf("register: %s written outside a transaction; use register.InTx", m.Type())
		}
		// Advancing the revision first locks its row until the transaction
		// ends, so writes to the register take turns from here: the rules
		// checked after this write (one secretary, one current membership,
		// one open term…) read what every earlier write committed, on
		// PostgreSQL under READ COMMITTED as on SQLite, whose immediate
		// transactions take turns from their start.
		// On PostgreSQL the statement waits while another write holds the
		// row: that wait is the queue's, not this write's work.
		began := time.Now()
		if _, err := tm.Client().ExecContext(ctx, advanceRevision); err != nil {
			return nil, fmt.Errorf("register: advancing the revision: %w", err)
		}
		waiting.Since(ctx, began)
		entry, err := changeOf(ctx, m)
		if err != nil {
			return nil, err
		}
		// The areas the record touches as it stood and as it stands: a
		// member who moves from one grid to another touches both.
		// So do the members whose life days a meeting or membership concerns.
		var (
			touched touch
			life    lifeWrite
		)
		if m.Op().Is(entgo.OpUpdateOne) {
			if err := touched.gather(ctx, m); err != nil {
				return nil, err
			}
			if err := life.gather(ctx, m); err != nil {
				return nil, err
			}
		}
		v, err := next.Mutate(ctx, m)
		if err != nil {
			return nil, err
		}
		if err := touched.gather(ctx, m); err != nil {
			return nil, err
		}
		if err := touched.record(ctx, m); err != nil {
			return nil, err
		}
		if err := life.gather(ctx, m); err != nil {
			return nil, err
		}
		if err := life.record(ctx, tm.Client()); err != nil {
			return nil, err
		}
		if entry != nil {
			entry.After = newValues(m)
			if id, ok := m.(interface{ ID() (int, bool) }).ID(); ok {
				entry.EntityID = id
			}
			if err := audit.Record(ctx, tm.Client(), *entry); err != nil {
				return nil, err
			}
		}
		return v, nil
	})
}

// changeOf starts the audit entry of a write made for a viewer, with the
// values its fields had before an update. Writes of the system itself (the
// demo, the commands) are not entered: they say who made them elsewhere.
func changeOf(ctx context.Context, m entgo.Mutation) (*audit.Entry, error) {
	if viewer.FromContext(ctx) == nil {
		return nil, nil
	}
	return entryOf(ctx, m)
}

// entryOf starts the audit entry of a write, whoever makes it.
func entryOf(ctx context.Context, m entgo.Mutation) (*audit.Entry, error) {
	e := &audit.Entry{Action: auditentry.ActionCREATE, EntityType: m.Type()}
	if m.Op().Is(entgo.OpUpdateOne) {
		e.Action = auditentry.ActionUPDATE
		e.Before = map[string]any{}
		for _, f := range m.Fields() {
			old, err := m.OldField(ctx, f)
			if err != nil {
				return nil, fmt.Errorf("reading %s.%s before the change: %w", m.Type(), f, err)
			}
			e.Before[f] = old
		}
		if err := truePersonalValues(ctx, m, e.Before); err != nil {
			return nil, err
		}
	}
	return e, nil
}

// truePersonalValues puts in before the true values a member's personal
// fields had: the old record read for the viewer is masked when the viewer
// may not see them, and the log must keep what was there.
func truePersonalValues(ctx context.Context, m entgo.Mutation, before map[string]any) error {
	mm, ok := m.(*ent.MemberMutation)
	if !ok {
		return nil
	}
	id, ok := mm.ID()
	if !ok {
		return nil
	}
	old, err := mm.Client().Member.Get(privacy.DecisionContext(ctx, privacy.Allow), id)
	if err != nil {
		return fmt.Errorf("reading member %d before the change: %w", id, err)
	}
	for f, v := range map[string]any{member.FieldPhone: old.Phone, member.FieldIDNumber: old.IDNumber,
		member.FieldAddress: old.Address, member.FieldBornOn: old.BornOn} {
		if _, changed := before[f]; changed {
			before[f] = v
		}
	}
	return nil
}

// newValues are the fields a write sets and the records it links.
func newValues(m entgo.Mutation) map[string]any {
	out := map[string]any{}
	for _, f := range m.Fields() {
		out[f], _ = m.Field(f)
	}
	for _, f := range m.ClearedFields() {
		out[f] = nil
	}
	for _, e := range m.AddedEdges() {
		out[e] = m.AddedIDs(e)
	}
	return out
}

// advanceRevision counts a write in the register's revision, in the
// write's own transaction: a reader that sees the revision sees the write.
const advanceRevision = "UPDATE register_revision SET revision = revision + 1 WHERE id = 1"

// Revision is the statement that reads the register's revision, a number
// that changes with every committed write; analyses of the register are
// cached by it.
const Revision = "SELECT revision FROM register_revision WHERE id = 1"

// target is what an edge of the register points to, by edge name: the same
// name means the same kind of record on every type.
type target struct {
	field  string // the GraphQL input field that sets the edge
	typ    string // the record type it points to
	exists func(ctx context.Context, c *ent.Client, id int) (bool, error)
}

func areaExists(ctx context.Context, c *ent.Client, id int) (bool, error) {
	return c.Area.Query().Where(area.ID(id)).Exist(ctx)
}

func organizationExists(ctx context.Context, c *ent.Client, id int) (bool, error) {
	return c.Organization.Query().Where(organization.ID(id)).Exist(ctx)
}

func unitExists(ctx context.Context, c *ent.Client, id int) (bool, error) {
	return c.Unit.Query().Where(unit.ID(id)).Exist(ctx)
}

func memberExists(ctx context.Context, c *ent.Client, id int) (bool, error) {
	return c.Member.Query().Where(member.ID(id)).Exist(ctx)
}

func appointmentExists(ctx context.Context, c *ent.Client, id int) (bool, error) {
	return c.Appointment.Query().Where(appointment.ID(id)).Exist(ctx)
}

var targets = map[string]target{
	"areas":          {"areaIDs", "Area", areaExists},
	"grid":           {"gridID", "Area", areaExists},
	"residence_grid": {"residenceGridID", "Area", areaExists},
	"community":      {"communityID", "Area", areaExists},
	"organization":   {"organizationID", "Organization", organizationExists},
	"party_group":    {"partyGroupID", "Organization", organizationExists},
	"unit":           {"unitID", "Unit", unitExists},
	"work_unit":      {"workUnitID", "Unit", unitExists},
	"member":         {"memberID", "Member", memberExists},
	"attendees":      {"attendeeIDs", "Member", memberExists},
	"site_members":   {"siteMemberIDs", "Member", memberExists},
	"appointment":    {"appointmentID", "Appointment", appointmentExists},
}

var parents = map[string]target{
	"Area":         {"parentID", "Area", areaExists},
	"Organization": {"parentID", "Organization", organizationExists},
}

// references checks that every record a write links to exists, so that a
// wrong ID is reported against its field rather than as a failed foreign key.
func references(next entgo.Mutator) entgo.Mutator {
	return entgo.MutateFunc(func(ctx context.Context, m entgo.Mutation) (entgo.Value, error) {
		c := m.(txMutation).Client()
		for _, name := range m.AddedEdges() {
			t, ok := targets[name]
			if name == "parent" {
				t, ok = parents[m.Type()]
			}
			if !ok {
				return nil, fmt.Errorf("register: edge %s.%s has no known target", m.Type(), name)
			}
			for _, v := range m.AddedIDs(name) {
				id, _ := v.(int)
				found, err := t.exists(ctx, c, id)
				if err != nil {
					return nil, fmt.Errorf("looking up %s %d: %w", t.typ, id, err)
				}
				if !found {
					return nil, notFound(t.field, "NOT_FOUND", "找不到该%[1]s", "no %s has ID %d", recordType(t.typ), id)
				}
			}
		}
		return next.Mutate(ctx, m)
	})
}

// after runs check on the record a create or update produced.
func after[T any](check func(ctx context.Context, c *ent.Client, v T) error) entgo.Hook {
	return func(next entgo.Mutator) entgo.Mutator {
		return entgo.MutateFunc(func(ctx context.Context, m entgo.Mutation) (entgo.Value, error) {
			v, err := next.Mutate(ctx, m)
			if err != nil {
				return nil, err
			}
			rec, ok := v.(T)
			if !ok {
				return nil, fmt.Errorf("register: %s mutation returned %T", m.Type(), v)
			}
			if err := check(ctx, m.(txMutation).Client(), rec); err != nil {
				return nil, err
			}
			return v, nil
		})
	}
}

// InTx runs fn in a transaction of client and commits it when fn succeeds.
// Writes to the register must run in a transaction; this is how Go code
// outside a GraphQL mutation gets one.
func InTx(ctx context.Context, client *ent.Client, fn func(tx *ent.Client) error) error {
	tx, err := client.Tx(ctx)
	if err != nil {
		return fmt.Errorf("starting transaction: %w", err)
	}
	if err := fn(tx.Client()); err != nil {
		if rerr := tx.Rollback(); rerr != nil {
			return errors.Join(err, fmt.Errorf("rolling back: %w", rerr))
		}
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("committing: %w", err)
	}
	return nil
}
