package register

import (
	"context"
	"fmt"
	"time"

	"jiceng/ent"
	"jiceng/ent/term"
)

// Renewal records the election of an organisation's next committee (换届).
type Renewal struct {
	OrganizationID int
	// On is the election day: the current term ends and the next starts.
	On time.Time
	// DueOn is when the next term is due to end.
	DueOn time.Time
}

// Renewed is the result of a renewal: the term it ended, if there was one, and the next.
type Renewed struct {
	Ended *ent.Term
	Next  *ent.Term
}

// RenewTerm ends the organisation's current term on r.On (its renewedOn)
// and opens the next from the same day, in the caller's transaction. c must
// be a transaction's client.
func RenewTerm(ctx context.Context, c *ent.Client, r Renewal) (*Renewed, error) {
	org, err := c.Organization.Get(ctx, r.OrganizationID)
	if ent.IsNotFound(err) {
		return nil, notFound("organizationID", "ORGANIZATION_NOT_FOUND", "找不到该党组织", "no Organization has ID %d", r.OrganizationID)
	} else if err != nil {
		return nil, fmt.Errorf("loading organisation: %w", err)
	}
	if !r.DueOn.After(r.On) {
		return nil, Fail(Invalid, "dueOn", "TERM_DUE_BEFORE_START",
			fmt.Sprintf("新一届任期届满日%s须晚于换届日期%s", day(r.DueOn), day(r.On)),
			fmt.Sprintf("the next term's due day %s must come after the election on %s", day(r.DueOn), day(r.On)))
	}
	out := &Renewed{}
	current, err := c.Term.Query().
		Where(term.OrganizationID(org.ID), term.RenewedOnIsNil()).
		Order(ent.Desc(term.FieldStartedOn)).First(ctx)
	switch {
	case ent.IsNotFound(err):
	case err != nil:
		return nil, fmt.Errorf("loading terms: %w", err)
	default:
		if !r.On.After(current.StartedOn) {
			return nil, Fail(Invalid, "on", "RENEWAL_BEFORE_TERM",
				fmt.Sprintf("换届日期%s须晚于%s本届任期开始日%s", day(r.On), org.Name, day(current.StartedOn)),
				fmt.Sprintf("the election on %s must come after %s's current term started on %s", day(r.On), org.Name, day(current.StartedOn)))
		}
		if out.Ended, err = current.Update().SetRenewedOn(r.On).Save(ctx); err != nil {
			return nil, renameField(err, "renewedOn", "on")
		}
	}
	out.Next, err = c.Term.Create().SetOrganizationID(org.ID).SetStartedOn(r.On).SetDueOn(r.DueOn).Save(ctx)
	return out, renameField(err, "startedOn", "on")
}
