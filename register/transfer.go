package register

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"time"

	"jiceng/ent"
	"jiceng/ent/membership"
)

// TransferReason says why a member's relationship moves.
type TransferReason string

// The reasons for a transfer.
const (
	// TransferIndividual moves one member's relationship (转出/转入).
	TransferIndividual TransferReason = "INDIVIDUAL"
	// TransferWholeUnit moves it with the member's whole unit (整建制转移).
	TransferWholeUnit TransferReason = "WHOLE_UNIT"
)

// MarshalGQL writes the reason as a GraphQL enum value.
func (r TransferReason) MarshalGQL(w io.Writer) { _, _ = io.WriteString(w, strconv.Quote(string(r))) }

// UnmarshalGQL reads the reason from a GraphQL enum value.
func (r *TransferReason) UnmarshalGQL(v any) error {
	s, _ := v.(string)
	switch TransferReason(s) {
	case TransferIndividual, TransferWholeUnit:
		*r = TransferReason(s)
		return nil
	}
	return fmt.Errorf("%q is not a TransferReason (INDIVIDUAL or WHOLE_UNIT)", v)
}

// Transfer moves a member's organisational relationship on a date.
type Transfer struct {
	MemberID int
	// ToOrganizationID receives the relationship; nil for a transfer out of
	// the sub-district, which only closes the current membership.
	ToOrganizationID *int
	On               time.Time
	Reason           TransferReason
	Note             *string
}

// Transferred is the result of a transfer: the membership closed and, for a
// transfer within the register, the one opened.
type Transferred struct {
	Closed *ent.Membership
	Opened *ent.Membership
}

// TransferMember closes the member's current membership on t.On and opens
// the next in t.ToOrganizationID from the same day. c must be a transaction's
// client; if any step fails, nothing is written.
func TransferMember(ctx context.Context, c *ent.Client, t Transfer) (*Transferred, error) {
	m, err := c.Member.Get(ctx, t.MemberID)
	if ent.IsNotFound(err) {
		return nil, notFound("memberID", "MEMBER_NOT_FOUND", "找不到该党员", "no Member has ID %d", t.MemberID)
	} else if err != nil {
		return nil, fmt.Errorf("loading member: %w", err)
	}
	current, err := c.Membership.Query().
		Where(membership.MemberID(m.ID), membership.EndedOnIsNil()).
		WithOrganization().
		Only(ctx)
	switch {
	case ent.IsNotFound(err):
		return nil, conflict("memberID", "NO_CURRENT_MEMBERSHIP", "%[1]s目前没有组织关系可转出，请新建组织关系", "%s has no current membership to transfer from; create a membership instead", m.Name)
	case err != nil:
		return nil, fmt.Errorf("loading current membership: %w", err)
	}
	if !t.On.After(current.StartedOn) {
		return nil, invalid("on", "DATES_OUT_OF_ORDER", "转接日期%[1]s不晚于现组织关系（%[2]s）的开始日期%[3]s", "%s is not after the current membership in %s started on %s",
			day(t.On), current.Edges.Organization.Name, day(current.StartedOn))
	}
	if t.ToOrganizationID != nil && *t.ToOrganizationID == current.OrganizationID {
		return nil, invalid("toOrganizationID", "SAME_ORGANIZATION", "组织关系已在%[1]s", "the relationship already sits in %s", current.Edges.Organization.Name)
	}
	endReason, startReason := membership.EndReasonTRANSFERRED_OUT, membership.StartReasonTRANSFERRED_IN
	if t.Reason == TransferWholeUnit {
		endReason, startReason = membership.EndReasonWHOLE_UNIT_TRANSFERRED, membership.StartReasonWHOLE_UNIT_TRANSFERRED
	}
	closed, err := current.Update().SetEndedOn(t.On).SetEndReason(endReason).Save(ctx)
	if err != nil {
		return nil, err
	}
	out := &Transferred{Closed: closed}
	if t.ToOrganizationID == nil {
		return out, nil
	}
	create := c.Membership.Create().
		SetMemberID(m.ID).SetOrganizationID(*t.ToOrganizationID).
		SetStartedOn(t.On).SetStartReason(startReason)
	if t.Note != nil {
		create.SetNote(*t.Note)
	}
	if out.Opened, err = create.Save(ctx); err != nil {
		return nil, renameField(err, "organizationID", "toOrganizationID")
	}
	return out, nil
}

// renameField reports a domain error about one input field under the name
// the caller's input gave it.
func renameField(err error, from, to string) error {
	if e, ok := AsError(err); ok && e.Field == from {
		out := *e
		out.Field = to
		return &out
	}
	return err
}
