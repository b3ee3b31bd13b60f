package policy

import (
	"context"
	"slices"

	entgo "entgo.io/ent"

	"jiceng/ent"
	"jiceng/ent/privacy"
	"jiceng/ent/rectification"
	"jiceng/ent/rectificationnote"
	"jiceng/register"
	"jiceng/viewer"
)

// Ledger is the policy of the rectification ledger's items: the working
// committee (administrators) hands gaps over, assigns and waives; an editor
// sees the items of their areas and works on them (the plan, and the
// status up to done: verification is the reconciler's); analysts and
// reporting tools read every item.
func Ledger() entgo.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{signedIn, privacy.RectificationQueryRuleFunc(func(ctx context.Context, q *ent.RectificationQuery) error {
			if v := viewer.FromContext(ctx); v.Role == viewer.Editor {
				q.Where(rectification.AreaIDIn(v.Areas...))
			}
			return privacy.Allow
		})},
		Mutation: privacy.MutationPolicy{signedIn, privacy.RectificationMutationRuleFunc(workOnItem)},
	}
}

// editorFields are the fields of an item an editor may change.
var editorFields = []string{rectification.FieldPlan, rectification.FieldStatus, rectification.FieldUpdatedAt}

func workOnItem(ctx context.Context, m *ent.RectificationMutation) error {
	v := viewer.FromContext(ctx)
	switch v.Role {
	case viewer.Admin:
		return privacy.Allow
	case viewer.Editor:
	default:
		return notYours(v)
	}
	id, ok := m.ID()
	if !m.Op().Is(entgo.OpUpdateOne) || !ok {
		return register.Fail(register.Forbidden, "", "ADMIN_HANDS_OVER", "只有街道党工委（管理员）可以转办、指派和免于整改",
			"only the working committee (an administrator) hands gaps over, assigns and waives")
	}
	for _, f := range m.Fields() {
		if !slices.Contains(editorFields, f) {
			return register.Fail(register.Forbidden, f, "ADMIN_ASSIGNS", "负责区域、负责人、期限和免于整改由街道党工委（管理员）决定",
				"the area, person responsible, deadline and waiver are the working committee's (an administrator's) to set")
		}
	}
	if s, ok := m.Status(); ok && !slices.Contains(WorkStatuses, s) {
		return register.Fail(register.Forbidden, "status", "STATUS_NOT_YOURS", "“已核销”“已逾期”由系统根据登记情况判定，“免于整改”由街道党工委决定",
			"verified and overdue follow from the register, and waived is the working committee's to set")
	}
	return itemInAreas(ctx, m.Client(), v, id)
}

// WorkStatuses are the statuses a person sets; the others follow from the
// register (verified, overdue) or are the working committee's (waived).
var WorkStatuses = []rectification.Status{rectification.StatusOPEN, rectification.StatusIN_PROGRESS, rectification.StatusDONE}

func notYours(v *viewer.Viewer) error {
	return register.Fail(register.Forbidden, "", "READ_ONLY_ROLE", "当前角色只能查看整改台账", "a "+string(v.Role)+" reads the ledger and cannot change it")
}

// itemInAreas refuses unless the item is of the editor's areas.
func itemInAreas(ctx context.Context, c *ent.Client, v *viewer.Viewer, id int) error {
	it, err := c.Rectification.Get(System(ctx), id)
	if err != nil {
		return err
	}
	if !v.MayWriteIn(it.AreaID) {
		return register.Fail(register.Forbidden, "", "NOT_YOUR_AREA", "只能处理本人负责区域的整改事项",
			"an editor works on the items of their own areas only")
	}
	return privacy.Allow
}

// LedgerNotes is the policy of the notes on ledger items: whoever sees an
// item sees its notes; administrators, and editors on the items of their
// areas, add notes; notes are never changed.
func LedgerNotes() entgo.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{signedIn, privacy.RectificationNoteQueryRuleFunc(func(ctx context.Context, q *ent.RectificationNoteQuery) error {
			if v := viewer.FromContext(ctx); v.Role == viewer.Editor {
				q.Where(rectificationnote.HasRectificationWith(rectification.AreaIDIn(v.Areas...)))
			}
			return privacy.Allow
		})},
		Mutation: privacy.MutationPolicy{signedIn, privacy.RectificationNoteMutationRuleFunc(func(ctx context.Context, m *ent.RectificationNoteMutation) error {
			v := viewer.FromContext(ctx)
			item, ok := m.RectificationID()
			switch {
			case !m.Op().Is(entgo.OpCreate):
				return register.Fail(register.Forbidden, "", "NOTES_KEPT", "整改记录一经写入不再修改", "notes are kept as written")
			case v.Role == viewer.Admin:
				return privacy.Allow
			case v.Role != viewer.Editor || !ok:
				return notYours(v)
			}
			return itemInAreas(ctx, m.Client(), v, item)
		})},
	}
}
