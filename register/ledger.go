package register

import (
	"context"
	"fmt"

	entgo "entgo.io/ent"

	"jiceng/audit"
)

// LedgerHooks returns the hooks of the rectification ledger's records. A
// ledger write is not a change to the register: it leaves the register's
// revision (and so every cached analysis) alone. Like a register write it
// runs in a transaction, changes one record at a time, deletes nothing, and
// is entered in the audit log, the reconciler's own writes as "system".
func LedgerHooks() []entgo.Hook { return []entgo.Hook{ledgerGuard} }

func ledgerGuard(next entgo.Mutator) entgo.Mutator {
	return entgo.MutateFunc(func(ctx context.Context, m entgo.Mutation) (entgo.Value, error) {
		switch {
		case m.Op().Is(entgo.OpDelete | entgo.OpDeleteOne):
			return nil, Fail(Invalid, "", "LEDGER_NEVER_DELETED", "整改台账的记录不能删除，可以免于整改（须说明理由）",
				fmt.Sprintf("%s records are never deleted; waive the item instead, with a reason", m.Type()))
		case m.Op().Is(entgo.OpUpdate):
			return nil, fmt.Errorf("register: bulk update of %s: update records one by one so each is audited", m.Type())
		}
		tm, ok := m.(txMutation)
		if !ok {
			return nil, fmt.Errorf("register: unexpected mutation %T", m)
		}
		if _, err := tm.Tx(); err != nil {
			return nil, fmt.Errorf("register: %s written outside a transaction; use register.InTx", m.Type())
		}
		entry, err := entryOf(ctx, m)
		if err != nil {
			return nil, err
		}
		v, err := next.Mutate(ctx, m)
		if err != nil {
			return nil, err
		}
		entry.After = newValues(m)
		if id, ok := m.(interface{ ID() (int, bool) }).ID(); ok {
			entry.EntityID = id
		}
		if err := audit.Record(ctx, tm.Client(), *entry); err != nil {
			return nil, err
		}
		return v, nil
	})
}
