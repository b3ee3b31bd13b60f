package rectify

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"jiceng/calendar"
	"jiceng/coverage"
	"jiceng/ent"
	"jiceng/ent/area"
	"jiceng/ent/rectification"
	"jiceng/policy"
	"jiceng/register"
	"jiceng/viewer"
)

// Filter selects items of the ledger.
type Filter struct {
	Statuses []rectification.Status
	// AreaID selects the items of an area and of the areas below it.
	AreaID      *int
	Rules       []coverage.RuleCode
	Responsible *string
	// DeadlineFrom and DeadlineTo bound the deadline, both days included.
	DeadlineFrom, DeadlineTo *time.Time
}

// Where narrows q to the items f selects.
func (f Filter) Where(ctx context.Context, c *ent.Client, q *ent.RectificationQuery) (*ent.RectificationQuery, error) {
	if len(f.Statuses) > 0 {
		q.Where(rectification.StatusIn(f.Statuses...))
	}
	if f.AreaID != nil {
		below, err := AreasBelow(ctx, c, *f.AreaID)
		if err != nil {
			return nil, err
		}
		q.Where(rectification.AreaIDIn(below...))
	}
	if len(f.Rules) > 0 {
		rules := make([]string, len(f.Rules))
		for i, r := range f.Rules {
			rules[i] = string(r)
		}
		q.Where(rectification.RuleIn(rules...))
	}
	if f.Responsible != nil && strings.TrimSpace(*f.Responsible) != "" {
		q.Where(rectification.ResponsibleContains(strings.TrimSpace(*f.Responsible)))
	}
	if f.DeadlineFrom != nil {
		q.Where(rectification.DeadlineGTE(calendar.Day(*f.DeadlineFrom)))
	}
	if f.DeadlineTo != nil {
		q.Where(rectification.DeadlineLTE(calendar.Day(*f.DeadlineTo)))
	}
	return q, nil
}

// AreasBelow is an area with every area below it.
func AreasBelow(ctx context.Context, c *ent.Client, id int) ([]int, error) {
	all, err := c.Area.Query().Select(area.FieldID, area.FieldParentID).All(policy.System(ctx))
	if err != nil {
		return nil, fmt.Errorf("reading the areas: %w", err)
	}
	children := map[int][]int{}
	known := false
	for _, a := range all {
		known = known || a.ID == id
		if a.ParentID != nil {
			children[*a.ParentID] = append(children[*a.ParentID], a.ID)
		}
	}
	if !known {
		return nil, register.Fail(register.NotFound, "areaId", "AREA_NOT_FOUND", "没有这个区域", fmt.Sprintf("no area has ID %d", id))
	}
	out := []int{id}
	for i := 0; i < len(out); i++ {
		out = append(out, children[out[i]]...)
	}
	return out, nil
}

// Assignment is what the working committee sets on an item.
type Assignment struct {
	AreaID, OrganizationID *int
	ClearOrganization      bool
	Responsible            *string
	Deadline               *time.Time
}

// Assign sets who is responsible and the deadline, with a note.
func Assign(ctx context.Context, c *ent.Client, id int, a Assignment) (*ent.Rectification, error) {
	u := c.Rectification.UpdateOneID(id).SetNillableResponsible(a.Responsible)
	var said []string
	if a.AreaID != nil {
		u.SetAreaID(*a.AreaID)
		said = append(said, "调整负责区域")
	}
	if a.ClearOrganization {
		u.ClearOrganizationID()
	} else if a.OrganizationID != nil {
		u.SetOrganizationID(*a.OrganizationID)
		said = append(said, "调整负责组织")
	}
	if a.Responsible != nil {
		said = append(said, "负责人："+*a.Responsible)
	}
	if a.Deadline != nil {
		d := calendar.Day(*a.Deadline)
		if d.Before(calendar.Today()) {
			return nil, register.Fail(register.Invalid, "deadline", "DEADLINE_PASSED",
				"整改期限 "+d.Format(time.DateOnly)+" 已过，请选今天或以后的日期",
				"the deadline "+d.Format(time.DateOnly)+" has passed; choose today or a later day")
		}
		u.SetDeadline(d)
		said = append(said, "整改期限："+d.Format(time.DateOnly))
	}
	if len(said) == 0 {
		return nil, register.Fail(register.Invalid, "input", "NOTHING_TO_ASSIGN", "请至少填写一项", "set at least one field")
	}
	return saveWithNote(ctx, c, id, u, "指派："+strings.Join(said, "；"), nil)
}

// Work is what a community records on an item.
type Work struct {
	Plan   *string
	Status *rectification.Status
	Note   *string
}

// Update records the plan and progress of an item, with a note.
func Update(ctx context.Context, c *ent.Client, id int, w Work) (*ent.Rectification, error) {
	u := c.Rectification.UpdateOneID(id).SetNillablePlan(w.Plan)
	if w.Status != nil {
		if !slices.Contains(policy.WorkStatuses, *w.Status) {
			return nil, register.Fail(register.Invalid, "status", "STATUS_NOT_YOURS",
				"只能设为“待整改”“整改中”或“已完成”；“已核销”“已逾期”由系统根据登记情况判定",
				"set OPEN, IN_PROGRESS or DONE; verified and overdue follow from the register")
		}
		it, err := c.Rectification.Get(ctx, id)
		if err != nil {
			return nil, err
		}
		if it.Status == rectification.StatusVERIFIED || it.Status == rectification.StatusWAIVED {
			return nil, register.Fail(register.Conflict, "status", "ITEM_CLOSED",
				"该事项已核销或免于整改，不能再改进度", "the item is verified or waived; its progress is closed")
		}
		u.SetStatus(*w.Status)
	}
	return saveWithNote(ctx, c, id, u, "", w.Note)
}

// Waive waives an item, for a reason.
func Waive(ctx context.Context, c *ent.Client, id int, reason string) (*ent.Rectification, error) {
	reason = strings.TrimSpace(reason)
	if reason == "" {
		return nil, register.Fail(register.Invalid, "reason", "WAIVE_REASON", "免于整改须说明理由", "say why the item is waived")
	}
	u := c.Rectification.UpdateOneID(id).SetStatus(rectification.StatusWAIVED).SetWaiveReason(reason).SetWaivedOn(calendar.Today())
	return saveWithNote(ctx, c, id, u, "免于整改："+reason, nil)
}

// Note adds a note to an item.
func Note(ctx context.Context, c *ent.Client, id int, text string, attachment *string) (*ent.RectificationNote, error) {
	if _, err := c.Rectification.Get(ctx, id); err != nil {
		return nil, notFound(err)
	}
	return c.RectificationNote.Create().SetRectificationID(id).SetAuthor(author(ctx)).SetText(text).
		SetNillableAttachment(attachment).Save(ctx)
}

func saveWithNote(ctx context.Context, c *ent.Client, id int, u *ent.RectificationUpdateOne, said string, note *string) (*ent.Rectification, error) {
	if _, err := c.Rectification.Get(ctx, id); err != nil {
		return nil, notFound(err)
	}
	r, err := u.Save(ctx)
	if err != nil {
		return nil, err
	}
	for _, text := range []string{said, deref(note)} {
		if strings.TrimSpace(text) == "" {
			continue
		}
		if err := c.RectificationNote.Create().SetRectificationID(id).SetAuthor(author(ctx)).SetText(text).Exec(ctx); err != nil {
			return nil, err
		}
	}
	return r, nil
}

func notFound(err error) error {
	if ent.IsNotFound(err) {
		return register.Fail(register.NotFound, "id", "ITEM_NOT_FOUND", "整改台账中没有这个事项（或不在您负责的区域）",
			"no such item in the ledger (or not in your areas)")
	}
	return err
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// author is who writes a note: the viewer, as the audit log names them.
func author(ctx context.Context) string {
	if v := viewer.FromContext(ctx); v != nil {
		return v.Actor()
	}
	return System
}
