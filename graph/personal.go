package graph

import (
	"context"
	"log/slog"
	"sync"

	"github.com/99designs/gqlgen/graphql"

	"jiceng/audit"
	"jiceng/ent"
	"jiceng/ent/auditentry"
	"jiceng/viewer"
)

// personalFields are the fields of Member an administrator reads unmasked.
var personalFields = map[string]bool{"phone": true, "idNumber": true, "address": true}

// readsKey keys the members whose personal data a request has returned.
type readsKey struct{}

type reads struct {
	mu   sync.Mutex
	seen map[int]bool
}

// auditPersonalReads gives each operation a record of the members whose
// personal data it returns.
func auditPersonalReads(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	return next(context.WithValue(ctx, readsKey{}, &reads{seen: map[int]bool{}}))
}

// personalRead writes to the audit log, once per member and request, each
// member whose phone number, ID number or address the response returns
// unmasked: the moment personal data reaches a client. (The data layer
// masks it for everyone else.)
func personalRead(logger *slog.Logger) graphql.FieldMiddleware {
	return func(ctx context.Context, next graphql.Resolver) (any, error) {
		res, err := next(ctx)
		fc := graphql.GetFieldContext(ctx)
		if err != nil || fc == nil || fc.Object != "Member" || !personalFields[fc.Field.Name] {
			return res, err
		}
		if s, _ := res.(string); s == "" || !viewer.FromContext(ctx).SeesPersonalData() {
			return res, err
		}
		m := memberOf(fc)
		r, _ := ctx.Value(readsKey{}).(*reads)
		client := ent.FromContext(ctx)
		if m == nil || r == nil || client == nil {
			return nil, errInternal
		}
		r.mu.Lock()
		first := !r.seen[m.ID]
		r.seen[m.ID] = true
		r.mu.Unlock()
		if first {
			if err := audit.Record(ctx, client, audit.Entry{Action: auditentry.ActionREAD_PERSONAL, EntityType: "Member", EntityID: m.ID}); err != nil {
				// Unrecorded, the read is not answered.
				logger.ErrorContext(ctx, "recording a read of personal data", "err", err)
				return nil, errInternal
			}
		}
		return res, nil
	}
}

// memberOf finds the member whose field is being resolved.
func memberOf(fc *graphql.FieldContext) *ent.Member {
	for p := fc.Parent; p != nil; p = p.Parent {
		switch v := p.Result.(type) {
		case *ent.Member:
			return v
		case **ent.Member:
			return *v
		case *ent.Noder:
			m, _ := (*v).(*ent.Member)
			return m
		case ent.Noder:
			m, _ := v.(*ent.Member)
			return m
		}
	}
	return nil
}
