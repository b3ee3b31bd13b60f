package graph

import (
	"context"
	"slices"

	"jiceng/ent"
	"jiceng/ent/area"
	"jiceng/ent/member"
	"jiceng/ent/organization"
	"jiceng/ent/unit"
	"jiceng/register"
)

// auditReferences are the records the entries' values name (an edit's
// grid, areas, parent …, as register.ReferenceType reads its keys), each
// once, read with the reader's context, so the records they may not read
// are left out: one query for each type of record named.
func (r *Resolver) auditReferences(ctx context.Context, entries []*ent.AuditEntry) ([]ent.Noder, error) {
	byType := map[string][]int{}
	for _, e := range entries {
		for _, values := range []map[string]any{e.Before, e.After} {
			for key, v := range values {
				if typ := register.ReferenceType(e.EntityType, key); typ != "" {
					byType[typ] = append(byType[typ], idsIn(v)...)
				}
			}
		}
	}
	out := []ent.Noder{}
	for _, typ := range []string{"Area", "Organization", "Unit", "Member"} {
		ids := byType[typ]
		if len(ids) == 0 {
			continue
		}
		slices.Sort(ids)
		ids = slices.Compact(ids)
		var err error
		switch typ {
		case "Area":
			out, err = appendAll(ctx, out, r.client.Area.Query().Where(area.IDIn(ids...)).Order(ent.Asc(area.FieldID)))
		case "Organization":
			out, err = appendAll(ctx, out, r.client.Organization.Query().Where(organization.IDIn(ids...)).Order(ent.Asc(organization.FieldID)))
		case "Unit":
			out, err = appendAll(ctx, out, r.client.Unit.Query().Where(unit.IDIn(ids...)).Order(ent.Asc(unit.FieldID)))
		case "Member":
			out, err = appendAll(ctx, out, r.client.Member.Query().Where(member.IDIn(ids...)).Order(ent.Asc(member.FieldID)))
		}
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// appendAll appends the records a query reads to out.
func appendAll[T ent.Noder](ctx context.Context, out []ent.Noder, q interface {
	All(context.Context) ([]T, error)
}) ([]ent.Noder, error) {
	all, err := q.All(ctx)
	for _, n := range all {
		out = append(out, n)
	}
	return out, err
}

// idsIn are the record IDs a logged value holds: one ID, or a list of them
// (JSON numbers, as the log reads them back).
func idsIn(v any) []int {
	switch x := v.(type) {
	case float64:
		if x > 0 && x == float64(int(x)) {
			return []int{int(x)}
		}
	case int:
		return []int{x}
	case []any:
		var ids []int
		for _, e := range x {
			ids = append(ids, idsIn(e)...)
		}
		return ids
	}
	return nil
}
