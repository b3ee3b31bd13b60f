package graph

import (
	"context"
	"log/slog"
	"sync"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"jiceng/audit"
	"jiceng/ent"
	"jiceng/ent/auditentry"
	"jiceng/ent/member"
	"jiceng/viewer"
)

// personalFields are the fields of Member an administrator reads unmasked.
var personalFields = map[string]bool{"phone": true, "idNumber": true, "address": true}

// readsKey keys the members whose personal data a response returns.
type readsKey struct{}

type reads struct {
	mu  sync.Mutex
	ids []int
	set map[int]bool
}

func (r *reads) add(id int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if !r.set[id] {
		r.set[id] = true
		r.ids = append(r.ids, id)
	}
}

// auditPersonalReads writes to the audit log, once per member and
// response, each member whose phone number, ID number or address the
// response returns unmasked: the moment personal data reaches a client.
// (The data layer masks it for everyone else.) The entries are written
// together when the response is complete, in a mutation's transaction when
// there is one; a response whose reads cannot be recorded is not sent.
func auditPersonalReads(logger *slog.Logger) graphql.ResponseMiddleware {
	return func(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
		r := &reads{set: map[int]bool{}}
		resp := next(context.WithValue(ctx, readsKey{}, r))
		if len(r.ids) == 0 {
			return resp
		}
		markPersonal(ctx)
		client := ent.FromContext(ctx)
		if client == nil {
			logger.ErrorContext(ctx, "recording a read of personal data: no client in the context")
			return internalResponse()
		}
		entries := make([]audit.Entry, len(r.ids))
		for i, id := range r.ids {
			entries[i] = audit.Entry{Action: auditentry.ActionREAD_PERSONAL, EntityType: "Member", EntityID: id}
		}
		if err := audit.RecordAll(ctx, client, entries); err != nil {
			logger.ErrorContext(ctx, "recording a read of personal data", "err", err, "members", len(entries))
			return internalResponse()
		}
		return resp
	}
}

// personalRead notes the member of each unmasked phone number, ID number or
// address a field (fc) resolved to (res, err), for auditPersonalReads to
// record.
func personalRead(ctx context.Context, fc *graphql.FieldContext, res any, err error) (any, error) {
	if err == nil && fc != nil && fc.Object == "AuditEntry" && (fc.Field.Name == "before" || fc.Field.Name == "after") {
		return loggedPersonalRead(ctx, fc, res)
	}
	if err != nil || fc == nil || fc.Object != "Member" || !personalFields[fc.Field.Name] {
		return res, err
	}
	if s, _ := res.(string); s == "" || !viewer.FromContext(ctx).SeesPersonalData() {
		return res, err
	}
	m := memberOf(fc)
	r, _ := ctx.Value(readsKey{}).(*reads)
	if m == nil || r == nil {
		// Unrecorded, the read is not answered.
		return nil, errInternal
	}
	r.add(m.ID)
	return res, nil
}

// auditedColumns are the member's columns an audit entry may hold unmasked.
var auditedColumns = []string{member.FieldPhone, member.FieldIDNumber, member.FieldAddress, member.FieldBornOn}

// loggedPersonalRead notes the member whose personal data an audit entry's
// before or after values show: reading them out of the log is reading
// them.
func loggedPersonalRead(ctx context.Context, fc *graphql.FieldContext, res any) (any, error) {
	values, _ := res.(map[string]any)
	var entry *ent.AuditEntry
	for p := fc.Parent; p != nil && entry == nil; p = p.Parent {
		switch v := p.Result.(type) {
		case *ent.AuditEntry:
			entry = v
		case **ent.AuditEntry:
			entry = *v
		}
	}
	if len(values) == 0 || entry == nil {
		return res, nil
	}
	if entry.EntityType == "" || entry.EntityID == nil {
		// The query did not ask for them, so they were not loaded.
		full, err := ent.FromContext(ctx).AuditEntry.Query().Where(auditentry.ID(entry.ID)).
			Select(auditentry.FieldEntityType, auditentry.FieldEntityID).Only(ctx)
		if err != nil {
			return nil, err
		}
		entry = full
	}
	if entry.EntityType != "Member" || entry.EntityID == nil {
		return res, nil
	}
	for _, col := range auditedColumns {
		if v, ok := values[col]; ok && v != nil && v != "" {
			r, _ := ctx.Value(readsKey{}).(*reads)
			if r == nil {
				return nil, errInternal
			}
			r.add(*entry.EntityID)
			break
		}
	}
	return res, nil
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

// internalResponse replaces a response that must not be sent.
func internalResponse() *graphql.Response {
	return &graphql.Response{Errors: gqlerror.List{withCode(&gqlerror.Error{}, "INTERNAL_SERVER_ERROR", "", errInternal.Error())}}
}
