package policy

import (
	"context"
	"errors"

	entgo "entgo.io/ent"

	"jiceng/ent/privacy"
)

// AppendOnly refuses every change to an audit entry once written.
func AppendOnly(next entgo.Mutator) entgo.Mutator {
	return entgo.MutateFunc(func(ctx context.Context, m entgo.Mutation) (entgo.Value, error) {
		if !m.Op().Is(entgo.OpCreate) {
			return nil, errors.New("the audit log is append-only: entries are never changed or deleted")
		}
		return next.Mutate(ctx, m)
	})
}

// privacyDecision reports whether the context carries a decision and
// whether it allows. privacy.DecisionFromContext gives an Allow decision
// as a nil error (and Deny or Skip as themselves).
func privacyDecision(ctx context.Context) (allowed bool, ok bool) {
	d, ok := privacy.DecisionFromContext(ctx)
	return ok && (d == nil || errors.Is(d, privacy.Allow)), ok
}
