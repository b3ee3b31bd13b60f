package register

import (
	"context"
	"fmt"
	"time"

	"jiceng/calendar"
	"jiceng/ent"
	"jiceng/ent/member"
)

// The dated events of the register. Each changes attributes with history
// from the day it takes effect (see history.go), checked by the same rules
// as any other write, in the caller's transaction (c must be a
// transaction's client).

// Event is when a change takes effect and why.
type Event struct {
	On     time.Time
	Reason *string
}

func (e Event) context(ctx context.Context) context.Context {
	reason := ""
	if e.Reason != nil {
		reason = *e.Reason
	}
	return On(ctx, e.On, reason)
}

func loadMember(ctx context.Context, c *ent.Client, id int) (*ent.Member, error) {
	m, err := c.Member.Get(ctx, id)
	if ent.IsNotFound(err) {
		return nil, notFound("memberID", "MEMBER_NOT_FOUND", "找不到该党员", "no Member has ID %d", id)
	}
	if err != nil {
		return nil, fmt.Errorf("loading member: %w", err)
	}
	return m, nil
}

// notBeforeJoining refuses an event dated before the member joined.
func notBeforeJoining(m *ent.Member, on time.Time) error {
	if on.Before(calendar.Day(m.JoinedPartyOn)) {
		return invalid("on", "BEFORE_JOINED", "%[1]s早于%[2]s的入党日期%[3]s", "%s is before %s joined the Party on %s", day(on), m.Name, day(m.JoinedPartyOn))
	}
	return checkEffective("on", on)
}

// Confirm is a probationary member's confirmation as a full member (转正).
type Confirm struct {
	MemberID int
	Event
}

// ConfirmMember makes a probationary member full from the day given: at
// the end of probation, a year after joining or later.
func ConfirmMember(ctx context.Context, c *ent.Client, x Confirm) (*ent.Member, error) {
	m, err := loadMember(ctx, c, x.MemberID)
	if err != nil {
		return nil, err
	}
	if m.Status == member.StatusFULL {
		return nil, conflict("memberID", "ALREADY_FULL", "%[1]s已是正式党员（转正日期%[2]s）", "%s is already a full member, since %s", m.Name, dayOrUnknown(m.ConfirmedOn))
	}
	if err := notBeforeJoining(m, x.On); err != nil {
		return nil, err
	}
	if due := ProbationDue(m.JoinedPartyOn); x.On.Before(due) {
		return nil, invalid("on", "PROBATION_NOT_OVER", "%[1]s的预备期至%[2]s（入党日期%[3]s起满一年）", "%s's probation runs until %s (a year after joining on %s)", m.Name, day(due), day(m.JoinedPartyOn))
	}
	return m.Update().SetStatus(member.StatusFULL).SetConfirmedOn(x.On).Save(x.context(ctx))
}

// ProbationExtension extends a probationary member's probation (延长预备期).
type ProbationExtension struct {
	MemberID int
	// Until is the day probation now ends: after the first year, and at
	// most a year later.
	Until  time.Time
	Reason string
}

// ExtendProbation records an extended probation.
func ExtendProbation(ctx context.Context, c *ent.Client, x ProbationExtension) (*ent.Member, error) {
	m, err := loadMember(ctx, c, x.MemberID)
	if err != nil {
		return nil, err
	}
	if m.Status != member.StatusPROBATIONARY {
		return nil, conflict("memberID", "NOT_PROBATIONARY", "%[1]s是正式党员，只有预备期可以延长", "%s is a full member; only probation can be extended", m.Name)
	}
	due, latest := ProbationDue(m.JoinedPartyOn), ProbationLatest(m.JoinedPartyOn)
	switch {
	case !x.Until.After(due):
		return nil, invalid("until", "EXTENSION_TOO_EARLY", "%[1]s不晚于预备期满一年的日期%[2]s", "%s is not after the end of the first year of probation, %s", day(x.Until), day(due))
	case x.Until.After(latest):
		return nil, invalid("until", "EXTENSION_TOO_LONG", "预备期最多延长一年，即至%[1]s（《党章》第七条）", "probation is extended by at most a year, to %s (Party Constitution Art. 7)", day(latest))
	case x.Reason == "":
		return nil, invalid("reason", "REASON_REQUIRED", "请填写延长预备期的原因", "say why probation is extended")
	}
	return m.Update().SetProbationExtendedTo(x.Until).Save(On(ctx, calendar.Today(), x.Reason))
}

// Move is a member's move of home: the grid they live in from a day (nil:
// they moved out of the sub-district's grids).
type Move struct {
	MemberID        int
	ResidenceGridID *int
	Event
}

// MoveMember records a move of home.
func MoveMember(ctx context.Context, c *ent.Client, x Move) (*ent.Member, error) {
	m, err := loadMember(ctx, c, x.MemberID)
	if err != nil {
		return nil, err
	}
	if err := notBeforeJoining(m, x.On); err != nil {
		return nil, err
	}
	u := m.Update()
	if x.ResidenceGridID == nil {
		u.ClearResidenceGridID()
	} else {
		u.SetResidenceGridID(*x.ResidenceGridID)
	}
	return u.Save(x.context(ctx))
}

// Employment is a change of a member's work unit from a day (nil: no longer
// working in a unit of the register).
type Employment struct {
	MemberID   int
	WorkUnitID *int
	Event
}

// ChangeWorkUnit records a change of work unit.
func ChangeWorkUnit(ctx context.Context, c *ent.Client, x Employment) (*ent.Member, error) {
	m, err := loadMember(ctx, c, x.MemberID)
	if err != nil {
		return nil, err
	}
	if err := notBeforeJoining(m, x.On); err != nil {
		return nil, err
	}
	u := m.Update()
	if x.WorkUnitID == nil {
		u.ClearWorkUnitID()
	} else {
		u.SetWorkUnitID(*x.WorkUnitID)
	}
	return u.Save(x.context(ctx))
}

// Recategorisation is a change of a member's category (在职, 离退休, 个体)
// from a day, such as retirement. A mobile member's moves are Flows.
type Recategorisation struct {
	MemberID int
	Category member.Category
	Event
}

// ChangeCategory records a change of category; for a member who was
// mobile it ends the mobility, as a return does.
func ChangeCategory(ctx context.Context, c *ent.Client, x Recategorisation) (*ent.Member, error) {
	m, err := loadMember(ctx, c, x.MemberID)
	if err != nil {
		return nil, err
	}
	if x.Category == member.CategoryMOBILE {
		return nil, invalid("category", "USE_FLOW", "党员成为流动党员须通过“流出/流入”登记去向", "a member becomes mobile by flowing out or in (flowMember), which records where")
	}
	if err := notBeforeJoining(m, x.On); err != nil {
		return nil, err
	}
	return m.Update().SetCategory(x.Category).ClearMobility().ClearMobilePlace().Save(x.context(ctx))
}

// Flow is a mobile member's move from a day: out of the sub-district to
// work elsewhere (OUTFLOW), or in from elsewhere (INFLOW), with the place.
type Flow struct {
	MemberID  int
	Direction member.Mobility
	Place     string
	Event
}

// FlowMember records that a member flowed out or in.
func FlowMember(ctx context.Context, c *ent.Client, x Flow) (*ent.Member, error) {
	m, err := loadMember(ctx, c, x.MemberID)
	if err != nil {
		return nil, err
	}
	if x.Place == "" {
		return nil, invalid("place", "PLACE_REQUIRED", "请填写流动去向或来处", "say where the member went to or came from")
	}
	if err := notBeforeJoining(m, x.On); err != nil {
		return nil, err
	}
	return m.Update().SetCategory(member.CategoryMOBILE).SetMobility(x.Direction).SetMobilePlace(x.Place).Save(x.context(ctx))
}

// Relocation is a unit's move to another grid from a day.
type Relocation struct {
	UnitID int
	GridID int
	Event
}

func loadUnit(ctx context.Context, c *ent.Client, id int) (*ent.Unit, error) {
	u, err := c.Unit.Get(ctx, id)
	if ent.IsNotFound(err) {
		return nil, notFound("unitID", "UNIT_NOT_FOUND", "找不到该单位", "no Unit has ID %d", id)
	}
	if err != nil {
		return nil, fmt.Errorf("loading unit: %w", err)
	}
	return u, nil
}

// MoveUnit records a unit's move to another grid.
func MoveUnit(ctx context.Context, c *ent.Client, x Relocation) (*ent.Unit, error) {
	u, err := loadUnit(ctx, c, x.UnitID)
	if err != nil {
		return nil, err
	}
	if err := checkEffective("on", x.On); err != nil {
		return nil, err
	}
	return u.Update().SetGridID(x.GridID).Save(x.context(ctx))
}

// Resize is a change of a unit's size from a day: its employees and
// whether it is above designated size (规模以上).
type Resize struct {
	UnitID              int
	Employees           *int
	AboveDesignatedSize *bool
	Event
}

// ResizeUnit records a change of a unit's size.
func ResizeUnit(ctx context.Context, c *ent.Client, x Resize) (*ent.Unit, error) {
	u, err := loadUnit(ctx, c, x.UnitID)
	if err != nil {
		return nil, err
	}
	if x.Employees == nil && x.AboveDesignatedSize == nil {
		return nil, invalid("employees", "NOTHING_TO_CHANGE", "请填写新的从业人数或是否规模以上", "give the new number of employees or whether the unit is above designated size")
	}
	if err := checkEffective("on", x.On); err != nil {
		return nil, err
	}
	return u.Update().SetNillableEmployees(x.Employees).SetNillableAboveDesignatedSize(x.AboveDesignatedSize).Save(x.context(ctx))
}

// Responsibility is a change of the areas an organisation is responsible
// for, from a day.
type Responsibility struct {
	OrganizationID int
	AddAreaIDs     []int
	RemoveAreaIDs  []int
	Event
}

// ChangeOrganizationAreas records a change of an organisation's areas.
func ChangeOrganizationAreas(ctx context.Context, c *ent.Client, x Responsibility) (*ent.Organization, error) {
	o, err := c.Organization.Get(ctx, x.OrganizationID)
	if ent.IsNotFound(err) {
		return nil, notFound("organizationID", "ORGANIZATION_NOT_FOUND", "找不到该党组织", "no Organization has ID %d", x.OrganizationID)
	}
	if err != nil {
		return nil, fmt.Errorf("loading organisation: %w", err)
	}
	if len(x.AddAreaIDs)+len(x.RemoveAreaIDs) == 0 {
		return nil, invalid("addAreaIDs", "NOTHING_TO_CHANGE", "请选择要增加或移除的区域", "give the areas to add or to remove")
	}
	if x.On.Before(calendar.Day(o.EstablishedOn)) {
		return nil, invalid("on", "BEFORE_ESTABLISHED", "%[1]s早于%[2]s的成立日期%[3]s", "%s is before %s was established on %s", day(x.On), o.Name, day(o.EstablishedOn))
	}
	return o.Update().AddAreaIDs(x.AddAreaIDs...).RemoveAreaIDs(x.RemoveAreaIDs...).Save(x.context(ctx))
}

// SettingChange is a change of a rule setting from a day: the answers for
// days before it keep the earlier value.
type SettingChange struct {
	ID           int
	Value        *float64
	PeriodMonths *int
	Event
}

// ChangeRuleSetting records a change of a rule setting.
func ChangeRuleSetting(ctx context.Context, c *ent.Client, x SettingChange) (*ent.RuleSetting, error) {
	s, err := c.RuleSetting.Get(ctx, x.ID)
	if ent.IsNotFound(err) {
		return nil, notFound("id", "RULE_SETTING_NOT_FOUND", "找不到该规则设定", "no RuleSetting has ID %d", x.ID)
	}
	if err != nil {
		return nil, fmt.Errorf("loading rule setting: %w", err)
	}
	if x.Value == nil && x.PeriodMonths == nil {
		return nil, invalid("value", "NOTHING_TO_CHANGE", "请填写新的设定值或周期", "give the new value or period")
	}
	return s.Update().SetNillableValue(x.Value).SetNillablePeriodMonths(x.PeriodMonths).Save(x.context(ctx))
}
