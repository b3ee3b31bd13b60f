package demo

import (
	"fmt"
	"time"

	"jiceng/check"
	"jiceng/ent"
	"jiceng/ent/appointment"
)

// office is an office the roster gives a person: from the start of the
// committee's term (or a later day) until to, if it ended.
type office struct {
	role  appointment.Role
	title string
	who   *person
	from  time.Time
	to    *time.Time
	note  string
}

// planned is an office in an organisation, to be appointed once the holder
// is written.
type planned struct {
	org *ent.Organization
	office
}

// term is a committee's term of an organisation.
type term struct {
	org     *ent.Organization
	from    time.Time
	due     time.Time
	renewed *time.Time
	note    string
}

// elect records an organisation's current committee: a term of years from
// start, renewing the term before it when the organisation existed then
// (none when years is 0, as for the working committee and a temporary
// branch), and the offices, held since the earlier term (re-elected at
// start) or from when the holder's relationship moved there, unless an
// office gives its own first day.
func (l *loader) elect(org *ent.Organization, start time.Time, years int, offices ...office) {
	first := start
	if years > 0 {
		if before := start.AddDate(-years, 0, 0); !before.Before(org.EstablishedOn) {
			l.terms = append(l.terms, term{org: org, from: before, due: start, renewed: ptr(start), note: "按期换届"})
			first = before
		}
		l.terms = append(l.terms, term{org: org, from: start, due: start.AddDate(years, 0, 0)})
	}
	for _, o := range offices {
		if o.from.IsZero() {
			o.from = first
		}
		if o.who != nil && len(o.who.stays) > 0 {
			o.from = later(o.from, o.who.since())
		}
		l.planned = append(l.planned, planned{org: org, office: o})
	}
}

// holder is an office held by a member, with a title as written.
func holder(role appointment.Role, title string, p *person) office {
	return office{role: role, title: title, who: p}
}

// loadOffices appoints the offices the roster planned, the part-time
// committee members from the six stationed units (two on each general
// branch, not members of this register), and the four instructors and
// liaisons sent to above-size enterprises.
func (l *loader) loadOffices() error {
	var builders []*ent.AppointmentCreate
	for _, p := range l.planned {
		b := l.tx.Appointment.Create().SetRole(p.role).SetOrganizationID(p.org.ID).
			SetStartedOn(p.from).SetNillableEndedOn(p.to)
		if p.title != "" {
			b.SetTitle(p.title)
		}
		if p.note != "" {
			b.SetNote(p.note)
		}
		if p.who != nil {
			b.SetMemberID(p.who.m.ID)
		}
		builders = append(builders, b)
	}
	for i, name := range stationedUnits {
		c := l.communities[1+i/2]
		b := l.tx.Appointment.Create().SetRole(appointment.RolePART_TIME_COMMITTEE_MEMBER).
			SetOrganizationID(c.org.ID).SetTitle("兼职委员").
			SetHolderName(fmt.Sprintf("%s某%03d", pick(l, hanSurnames), 901+i)).SetHolderAffiliation(name).
			SetStartedOn(l.at.upgrades[c.upgrade].AddDate(0, 2, 0)).
			SetNote("兼职委员制：驻区单位领导选聘为社区党总支委员")
		builders = append(builders, b)
	}
	for _, a := range l.assignments {
		b := l.tx.Appointment.Create().SetRole(a.role).SetUnitID(l.units[a.unit].ID).
			SetMemberID(a.who.m.ID).SetStartedOn(a.from).SetTitle(a.title)
		builders = append(builders, b)
	}
	for start := 0; start < len(builders); start += batch {
		end := min(start+batch, len(builders))
		if _, err := l.tx.Appointment.CreateBulk(builders[start:end]...).Save(l.ctx); err != nil {
			return fmt.Errorf("appointing: %w", err)
		}
	}
	return nil
}

// assignment sends a member to a unit as instructor or liaison.
type assignment struct {
	role  appointment.Role
	title string
	unit  string
	who   *person
	from  time.Time
}

// loadTerms writes the committees' terms.
func (l *loader) loadTerms() error {
	for _, t := range l.terms {
		create := l.tx.Term.Create().SetOrganizationID(t.org.ID).SetStartedOn(t.from).
			SetDueOn(t.due).SetNillableRenewedOn(t.renewed)
		if t.note != "" {
			create.SetNote(t.note)
		}
		if _, err := create.Save(l.ctx); err != nil {
			return fmt.Errorf("term of %s from %s: %w", t.org.Name, day(t.from), err)
		}
	}
	return nil
}

// batch is how many records a bulk create writes at once: well under the
// bound on statement parameters of SQLite and PostgreSQL.
const batch = 100

func day(t time.Time) string { return t.Format(check.DateLayout) }

// visitNotes are what an instructor's or liaison's visit dealt with, in turn.
var visitNotes = []string{
	"走访企业，了解党员和职工情况，宣传党的政策", "指导企业开展党建工作，商议组建党组织",
	"参加企业工会活动，联系流动党员", "帮助企业解决用工和经营困难",
}

// loadVisits writes the visits of the instructors and liaisons to their
// enterprises (InstructorVisit): about every three months since each was
// sent, so that "contacted by an instructor" is on the record.
func (l *loader) loadVisits() error {
	sent, err := l.tx.Appointment.Query().Where(appointment.UnitIDNotNil(),
		appointment.RoleIn(appointment.RolePARTY_BUILDING_INSTRUCTOR, appointment.RoleLIAISON)).
		Order(ent.Asc(appointment.FieldID)).All(l.ctx)
	if err != nil {
		return fmt.Errorf("reading instructors: %w", err)
	}
	var builders []*ent.InstructorVisitCreate
	for _, a := range sent {
		for on := a.StartedOn.AddDate(0, 0, l.between(10, 40)); on.Before(l.ref); on = on.AddDate(0, 3, l.between(-15, 15)) {
			builders = append(builders, l.tx.InstructorVisit.Create().SetUnitID(*a.UnitID).SetAppointmentID(a.ID).
				SetVisitedOn(on).SetNote(pick(l, visitNotes)))
		}
	}
	if _, err := l.tx.InstructorVisit.CreateBulk(builders...).Save(l.ctx); err != nil {
		return fmt.Errorf("writing visits: %w", err)
	}
	return nil
}
