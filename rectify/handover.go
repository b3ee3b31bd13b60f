package rectify

import (
	"context"
	"fmt"
	"time"

	"jiceng/calendar"
	"jiceng/coverage"
	"jiceng/ent"
	"jiceng/ent/rectification"
	"jiceng/policy"
	"jiceng/register"
)

// HandOver says which gaps found today to hand over, and to whom.
type HandOver struct {
	// GapIDs are gaps by ID; or, when empty, every gap found today in
	// AreaID (and below; the whole register when nil) of Rules (every rule
	// when empty) not yet handed over.
	GapIDs []int
	AreaID *int
	Rules  []coverage.RuleCode
	// ResponsibleAreaID is the area responsible; when nil, the community
	// each gap lies in.
	ResponsibleAreaID *int
	OrganizationID    *int
	Responsible       *string
	Deadline          time.Time
	Plan              *string
}

// maxHandOver bounds the gaps one hand-over may take.
const maxHandOver = 5000

// sinceReadings bounds the readings of the register a hand-over spends on
// its gaps' first days when the gaps view has not walked them back today
// already (see coverage.Engine.OpenSinceOf): one reading of the Fuxin demo
// costs about 0.08 s, so a hand-over of a whole community waits a few
// seconds at most; a gap whose first day is not narrowed down within them
// is recorded open since the earliest day the walk saw it fire.
const sinceReadings = 40

// Create hands gaps over with c (a transaction's client): one item per
// gap. A gap asked for by ID must be found today and not be followed up
// already; gaps asked for by area and rule that are followed up already are
// left out.
func (l *Ledger) Create(ctx context.Context, c *ent.Client, h HandOver) ([]*ent.Rectification, error) {
	today := calendar.Today()
	if h.Deadline.Before(today) {
		return nil, register.Fail(register.Invalid, "deadline", "DEADLINE_PASSED",
			"整改期限 "+h.Deadline.Format(time.DateOnly)+" 已过，请选今天或以后的日期",
			"the deadline "+h.Deadline.Format(time.DateOnly)+" has passed; choose today or a later day")
	}
	gaps, err := l.gaps(ctx, h, today)
	if err != nil {
		return nil, err
	}
	followed, err := followedUp(ctx, c)
	if err != nil {
		return nil, err
	}
	since, err := l.since(ctx, c, gaps, today, followed)
	if err != nil {
		return nil, err
	}
	var out []*ent.Rectification
	for _, g := range gaps {
		if followed[g.GapKey()] {
			if len(h.GapIDs) > 0 {
				return nil, register.Fail(register.Conflict, "gapIDs", "GAP_HANDED_OVER",
					"“"+g.SubjectName+"”的这个问题已在整改台账中", "the gap of "+g.SubjectName+" is in the ledger already")
			}
			continue
		}
		area := h.ResponsibleAreaID
		if area == nil && g.Community != nil {
			area = &g.Community.ID
		}
		if area == nil && g.Grid != nil {
			area = &g.Grid.ID
		}
		if area == nil {
			return nil, register.Fail(register.Invalid, "responsibleAreaID", "NO_COMMUNITY",
				"“"+g.SubjectName+"”不在任何社区，请指定负责的区域", g.SubjectName+" lies in no community; name the area responsible")
		}
		k := g.GapKey()
		create := c.Rectification.Create().SetRule(string(k.Rule)).SetSubjectID(k.SubjectID).SetDetail(k.Detail).
			SetGapID(g.ID).SetSubjectName(g.SubjectName).SetAreaID(*area).SetNillableOrganizationID(h.OrganizationID).
			SetNillableResponsible(h.Responsible).SetDeadline(h.Deadline).SetNillablePlan(h.Plan).SetHandedOverOn(today)
		if d, ok := since[k]; ok {
			create.SetGapSince(d)
		}
		r, err := create.Save(ctx)
		if err != nil {
			return nil, err
		}
		followed[k] = true
		out = append(out, r)
	}
	if len(out) == 0 {
		return nil, register.Fail(register.Invalid, "areaID", "NO_GAPS",
			"没有可以转办的问题：所选范围内今天没有未转办的问题", "no gaps to hand over: none found today in the scope that is not in the ledger")
	}
	return out, nil
}

// gaps are the gaps found today that h asks for.
func (l *Ledger) gaps(ctx context.Context, h HandOver, today time.Time) ([]*coverage.Gap, error) {
	if len(h.GapIDs) == 0 {
		conn, err := l.engine.Gaps(ctx, coverage.GapFilter{AreaID: h.AreaID, AsOf: &today, Rules: h.Rules, First: maxHandOver})
		if err != nil {
			return nil, err
		}
		return conn.Nodes(), nil
	}
	if len(h.GapIDs) > maxHandOver {
		return nil, register.Fail(register.Invalid, "gapIDs", "TOO_MANY_GAPS",
			fmt.Sprintf("一次最多转办 %d 个问题", maxHandOver), fmt.Sprintf("hand over at most %d gaps at once", maxHandOver))
	}
	var out []*coverage.Gap
	for _, id := range h.GapIDs {
		k, _, ok := coverage.KeyOfGapID(id)
		var g *coverage.Gap
		var err error
		if ok {
			g, err = l.engine.Gap(ctx, coverage.GapIDOf(k, today))
		}
		if err != nil {
			return nil, err
		}
		if g == nil {
			return nil, register.Fail(register.NotFound, "gapIDs", "GAP_NOT_FOUND",
				"今天没有找到这个问题：它可能已经解决", "the gap is not found today: it may have been closed")
		}
		out = append(out, g)
	}
	return out, nil
}

// since are the first days of the gaps to hand over (those not followed
// up already), as the register's history shows them.
func (l *Ledger) since(ctx context.Context, c *ent.Client, gaps []*coverage.Gap, today time.Time, followed map[coverage.GapKey]bool) (map[coverage.GapKey]time.Time, error) {
	keys := make([]coverage.GapKey, 0, len(gaps))
	for _, g := range gaps {
		if !followed[g.GapKey()] {
			keys = append(keys, g.GapKey())
		}
	}
	if len(keys) == 0 {
		return nil, nil
	}
	floor, err := register.RecordedSince(policy.System(ctx), c)
	if err != nil {
		return nil, err
	}
	return l.engine.OpenSinceOf(ctx, today, floor, keys, sinceReadings)
}

// followedUp are the gaps of the items not waived.
func followedUp(ctx context.Context, c *ent.Client) (map[coverage.GapKey]bool, error) {
	items, err := c.Rectification.Query().Where(rectification.StatusNEQ(rectification.StatusWAIVED)).
		Select(rectification.FieldRule, rectification.FieldSubjectID, rectification.FieldDetail).All(policy.System(ctx)) // every item, whoever asks
	if err != nil {
		return nil, fmt.Errorf("reading the ledger: %w", err)
	}
	out := make(map[coverage.GapKey]bool, len(items))
	for _, it := range items {
		out[Key(it)] = true
	}
	return out, nil
}
