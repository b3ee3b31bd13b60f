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

func privacyDecision(ctx context.Context) (allowed bool, ok bool) {
	d, ok := privacy.DecisionFromContext(ctx)
	return ok && errors.Is(d, privacy.Allow), ok
}
