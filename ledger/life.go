package ledger

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"sort"
	"strings"
	"time"

	"jiceng/ent"
	"jiceng/ent/affiliatedorganization"
	"jiceng/ent/appointment"
	"jiceng/ent/assessment"
	"jiceng/ent/mobilereport"
	"jiceng/vocab"
)

// The sheets after the members: what covers the units, who holds which
// office, terms, meetings with their attendance, mass organisations, the
// mobile members' reports and the instructors' visits. Each record is
// matched by what identifies it in a ledger: its organisation or unit, its
// holder, and its day.

// known is a record of the register a key names: its ID and the values of
// the fields a row may change.
type known struct {
	id  int
	cur map[string]any
	// set is a linked set (a meeting's attendees), sorted.
	set []int
}

func saveOf[T any](b interface {
	Save(context.Context) (T, error)
}) func(context.Context) (any, error) {
	return func(ctx context.Context) (any, error) { return b.Save(ctx) }
}

// idOf is the ID of a record ent returned.
func idOf(v any) int {
	rv := reflect.ValueOf(v)
	if rv.Kind() == reflect.Pointer && !rv.IsNil() {
		if id := rv.Elem().FieldByName("ID"); id.IsValid() {
			return int(id.Int())
		}
	}
	return 0
}

// orgRef and unitRef resolve a row's references, noting a problem when they
// do not resolve.
func (im *importer) orgRef(p *parser, key string) *ent.Organization {
	s, ok := p.cell(key)
	if !ok {
		return nil
	}
	o, problem := im.keys.organization(s, false)
	if o == nil {
		if o, _ = im.keys.organization(s, true); o == nil {
			p.problem(key, "%s", problem)
		}
	}
	return o
}

func (im *importer) unitRef(p *parser, key string) *ent.Unit {
	s, ok := p.cell(key)
	if !ok {
		return nil
	}
	u, problem := im.keys.unit(s)
	if u == nil {
		p.problem(key, "%s", problem)
	}
	return u
}

func (im *importer) memberRef(p *parser, key string) *ent.Member {
	s, ok := p.cell(key)
	if !ok {
		return nil
	}
	m := im.members[s]
	if m == nil {
		p.problem(key, "%s", im.missing(SheetMembers, s, fmt.Sprintf("身份号码为“%s”的党员在党员表和系统中都没有", s)))
	}
	return m
}

// inOrder notes an end before its start.
func inOrder(p *parser, start, end *time.Time, endKey string) {
	if start != nil && end != nil && end.Before(*start) {
		p.problem(endKey, "%s早于%s", day(*end), day(*start))
	}
}

// record writes a row of a sheet whose records index holds by key: an
// update of the one the key names, or a new one.
func (im *importer) record(p *parser, name string, index map[string]known, key, dupKey string, fields []field,
	create func() change, update func(id int) change, extra func(k *known) []string) error {
	if key != "" {
		im.duplicate(p, dupKey, key)
	}
	if im.skip(p, name) {
		return nil
	}
	var w change
	var cur map[string]any
	var changed []string
	k, ok := index[key]
	if extra != nil {
		var kk *known
		if ok {
			kk = &k
		}
		changed = extra(kk)
	}
	if ok {
		w, cur = update(k.id), k.cur
		if cur == nil {
			cur = map[string]any{}
		}
	} else {
		w = create()
	}
	v, err := im.write(p.r, name, nil, cur, fields, w, changed)
	if err != nil {
		return err
	}
	if v != nil {
		index[key] = known{id: idOf(v), cur: map[string]any{}}
	}
	return nil
}

func (im *importer) lifeSheet(s *sheet, rows []*row) error {
	var index map[string]known
	var err error
	do := map[string]func(r *row, index map[string]known) error{
		SheetCoverages: im.coverage, SheetAppointments: im.appointment, SheetTerms: im.term,
		SheetMeetings: im.meeting, SheetAffiliated: im.affiliated, SheetReports: im.report, SheetVisits: im.visit,
		SheetSiteMembers: im.siteMember, SheetAssessments: im.assessment, SheetExemptions: im.exemption,
	}[s.name]
	if do == nil {
		return nil
	}
	if index, err = im.indexOf(s.name); err != nil {
		return err
	}
	for _, r := range rows {
		if err := do(r, index); err != nil {
			return err
		}
	}
	return nil
}

func coverageKey(org, unit int, started time.Time) string {
	return fmt.Sprintf("%d|%d|%s", org, unit, day(started))
}

func (im *importer) coverage(r *row, index map[string]known) error {
	p := &parser{r: r}
	org, u := im.orgRef(p, "organization"), im.unitRef(p, "unit")
	started, ended := p.date("started"), p.date("ended")
	inOrder(p, started, ended, "ended")
	key := ""
	if org != nil && u != nil && started != nil {
		key = coverageKey(org.ID, u.ID, *started)
	}
	fields := []field{{"ended_on", "ended", value(ended)}, {"note", "note", p.text("note")}}
	return im.record(p, r.cells["unit"], index, key, "started", fields, func() change {
		b := im.c.UnitCoverage.Create().SetOrganizationID(org.ID).SetUnitID(u.ID).SetStartedOn(*started)
		return change{m: b.Mutation(), save: saveOf(b)}
	}, func(id int) change {
		b := im.c.UnitCoverage.UpdateOneID(id)
		return change{m: b.Mutation(), save: saveOf(b)}
	}, nil)
}

func appointmentKey(role string, org, unit *int, member *int, holder string, started time.Time) string {
	n := func(p *int) int {
		if p == nil {
			return 0
		}
		return *p
	}
	if member != nil {
		holder = ""
	}
	return fmt.Sprintf("%s|%d|%d|%d|%s|%s", role, n(org), n(unit), n(member), holder, day(started))
}

func (im *importer) appointment(r *row, index map[string]known) error {
	p := &parser{r: r}
	role := p.enum("role")
	org, u, m := im.orgRef(p, "organization"), im.unitRef(p, "unit"), im.memberRef(p, "idNumber")
	holder := str(p.text("holder"))
	started, ended := p.date("started"), p.date("ended")
	inOrder(p, started, ended, "ended")
	var orgID, unitID, memberID *int
	if org != nil {
		orgID = &org.ID
	}
	if u != nil {
		unitID = &u.ID
	}
	if m != nil {
		memberID, holder = &m.ID, ""
	}
	name := r.cells["holder"]
	if m != nil {
		name = m.Name
	}
	key := ""
	if started != nil && role != "" {
		key = appointmentKey(role, orgID, unitID, memberID, holder, *started)
	}
	fields := []field{{"title", "title", p.text("title")}, {"holder_affiliation", "affiliation", p.text("affiliation")},
		{"ended_on", "ended", value(ended)}, {"note", "note", p.text("note")}}
	return im.record(p, name, index, key, "started", fields, func() change {
		b := im.c.Appointment.Create().SetRole(appointment.Role(role)).SetStartedOn(*started).
			SetNillableOrganizationID(orgID).SetNillableUnitID(unitID).SetNillableMemberID(memberID)
		if holder != "" {
			b.SetHolderName(holder)
		}
		return change{m: b.Mutation(), save: saveOf(b)}
	}, func(id int) change {
		b := im.c.Appointment.UpdateOneID(id)
		return change{m: b.Mutation(), save: saveOf(b)}
	}, nil)
}

func (im *importer) term(r *row, index map[string]known) error {
	p := &parser{r: r}
	org := im.orgRef(p, "organization")
	started, due := p.date("started"), p.date("due")
	inOrder(p, started, due, "due")
	key := ""
	if org != nil && started != nil {
		key = fmt.Sprintf("%d|%s", org.ID, day(*started))
	}
	fields := []field{{"due_on", "due", value(due)}, {"renewed_on", "renewed", p.dateValue("renewed")},
		{"postponed_to", "postponed", p.dateValue("postponed")}, {"postponement_reason", "postponement", p.text("postponement")},
		{"note", "note", p.text("note")}}
	return im.record(p, r.cells["organization"], index, key, "started", fields, func() change {
		b := im.c.Term.Create().SetOrganizationID(org.ID).SetStartedOn(*started)
		return change{m: b.Mutation(), save: saveOf(b)}
	}, func(id int) change {
		b := im.c.Term.UpdateOneID(id)
		return change{m: b.Mutation(), save: saveOf(b)}
	}, nil)
}

func (im *importer) meeting(r *row, index map[string]known) error {
	p := &parser{r: r}
	org := im.orgRef(p, "organization")
	kind := p.enum("type")
	held := p.date("held")
	var attendees []int
	if s, ok := p.cell("attendees"); ok {
		for _, id := range strings.FieldsFunc(s, func(r rune) bool { return r == ';' || r == '；' || r == ',' || r == '，' || r == ' ' }) {
			if m := im.members[id]; m != nil {
				attendees = append(attendees, m.ID)
			} else {
				p.problem("attendees", "%s", im.missing(SheetMembers, id, fmt.Sprintf("身份号码为“%s”的党员在党员表和系统中都没有", id)))
			}
		}
		sort.Ints(attendees)
	}
	key := ""
	if org != nil && held != nil && kind != "" {
		key = fmt.Sprintf("%d|%s|%s|%s", org.ID, kind, day(*held), r.cells["topic"])
	}
	fields := []field{{"expected_attendance", "expected", p.number("expected")}, {"attendance", "attendance", p.number("attendance")}}
	var add, remove []int
	return im.record(p, r.cells["organization"], index, key, "held", fields, func() change {
		b := im.c.Meeting.Create().SetOrganizationID(org.ID).SetType(vocab.MeetingType(kind)).SetHeldOn(*held).AddAttendeeIDs(attendees...)
		if t := r.cells["topic"]; t != "" {
			b.SetTopic(t)
		}
		if _, ok := r.cells["expected"]; !ok {
			b.SetExpectedAttendance(len(attendees))
		}
		if _, ok := r.cells["attendance"]; !ok {
			b.SetAttendance(len(attendees))
		}
		return change{m: b.Mutation(), save: saveOf(b)}
	}, func(id int) change {
		b := im.c.Meeting.UpdateOneID(id).AddAttendeeIDs(add...).RemoveAttendeeIDs(remove...)
		return change{m: b.Mutation(), save: saveOf(b)}
	}, func(k *known) []string {
		if k == nil || attendees == nil || slices.Equal(k.set, attendees) {
			return nil
		}
		remove, add = k.set, attendees
		return []string{r.sheet.column("attendees").Header}
	})
}

func (im *importer) affiliated(r *row, index map[string]known) error {
	p := &parser{r: r}
	name := str(p.text("name"))
	kind := p.enum("kind")
	u := im.unitRef(p, "unit")
	var communityID *int
	if s, ok := p.cell("community"); ok {
		if a, problem := im.area(s); a == nil {
			p.problem("community", "%s", problem)
		} else {
			communityID = &a.ID
		}
	}
	var unitID *int
	if u != nil {
		unitID = &u.ID
	}
	key := fmt.Sprintf("%s|%v|%v", name, deref(unitID), deref(communityID))
	fields := []field{{"members_count", "members", p.number("members")}, {"established_on", "established", p.dateValue("established")},
		{"dissolved_on", "dissolved", p.dateValue("dissolved")}}
	return im.record(p, name, index, key, "name", fields, func() change {
		b := im.c.AffiliatedOrganization.Create().SetName(name).SetKind(affiliatedorganization.Kind(kind)).
			SetNillableUnitID(unitID).SetNillableCommunityID(communityID)
		return change{m: b.Mutation(), save: saveOf(b)}
	}, func(id int) change {
		b := im.c.AffiliatedOrganization.UpdateOneID(id)
		return change{m: b.Mutation(), save: saveOf(b)}
	}, nil)
}

func (im *importer) report(r *row, index map[string]known) error {
	p := &parser{r: r}
	m := im.memberRef(p, "idNumber")
	reported := p.date("reported")
	channel := p.enum("channel")
	key, name := "", r.cells["name"]
	if m != nil && reported != nil {
		key, name = fmt.Sprintf("%d|%s", m.ID, day(*reported)), m.Name
	}
	fields := []field{{"note", "note", p.text("note")}}
	if channel != "" {
		fields = append(fields, field{"channel", "channel", mobilereport.Channel(channel)})
	}
	return im.record(p, name, index, key, "reported", fields, func() change {
		b := im.c.MobileReport.Create().SetMemberID(m.ID).SetReportedOn(*reported)
		return change{m: b.Mutation(), save: saveOf(b)}
	}, func(id int) change {
		b := im.c.MobileReport.UpdateOneID(id)
		return change{m: b.Mutation(), save: saveOf(b)}
	}, nil)
}

func (im *importer) visit(r *row, index map[string]known) error {
	p := &parser{r: r}
	u := im.unitRef(p, "unit")
	visited := p.date("visited")
	var appointmentID *int
	if u != nil && (r.cells["idNumber"] != "" || r.cells["holder"] != "") {
		m := im.memberRef(p, "idNumber")
		assigned, err := im.c.Appointment.Query().Where(appointment.UnitID(u.ID)).All(im.sys)
		if err != nil {
			return fmt.Errorf("loading the unit's instructors: %w", err)
		}
		for _, a := range assigned {
			if (m != nil && a.MemberID != nil && *a.MemberID == m.ID) || (m == nil && a.HolderName == r.cells["holder"]) {
				appointmentID = &a.ID
			}
		}
		if appointmentID == nil && !p.failed() {
			p.problem("holder", "“%s”没有派驻到%s的任职记录；请先在任职表中登记", r.cells["holder"]+r.cells["idNumber"], u.Name)
		}
	}
	key := ""
	if u != nil && visited != nil {
		key = fmt.Sprintf("%d|%s|%v", u.ID, day(*visited), deref(appointmentID))
	}
	fields := []field{{"note", "note", p.text("note")}}
	return im.record(p, r.cells["unit"], index, key, "visited", fields, func() change {
		b := im.c.InstructorVisit.Create().SetUnitID(u.ID).SetVisitedOn(*visited).SetNillableAppointmentID(appointmentID)
		return change{m: b.Mutation(), save: saveOf(b)}
	}, func(id int) change {
		b := im.c.InstructorVisit.UpdateOneID(id)
		return change{m: b.Mutation(), save: saveOf(b)}
	}, nil)
}

// siteMember adds a member to a temporary branch's site members.
func (im *importer) siteMember(r *row, index map[string]known) error {
	p := &parser{r: r}
	org, m := im.orgRef(p, "organization"), im.memberRef(p, "idNumber")
	key, name := "", r.cells["name"]
	if org != nil && m != nil {
		key, name = fmt.Sprintf("%d|%d", org.ID, m.ID), m.Name
	}
	if _, known := index[key]; known && key != "" {
		// Already a site member: nothing to change.
		im.duplicate(p, "idNumber", key)
		if !im.skip(p, name) {
			im.outcome(r, name, Unchanged, nil)
			im.tick()
		}
		return nil
	}
	return im.record(p, name, index, key, "idNumber", nil, func() change {
		b := im.c.Organization.UpdateOneID(org.ID).AddSiteMemberIDs(m.ID)
		return change{m: b.Mutation(), save: saveOf(b)}
	}, nil, nil)
}

func (im *importer) assessment(r *row, index map[string]known) error {
	p := &parser{r: r}
	year := p.number("year")
	var orgID, communityID *int
	if _, ok := p.cell("organization"); ok {
		if o := im.orgRef(p, "organization"); o != nil {
			orgID = &o.ID
		}
	}
	if s, ok := p.cell("community"); ok {
		if a, problem := im.area(s); a == nil {
			p.problem("community", "%s", problem)
		} else {
			communityID = &a.ID
		}
	}
	var score any
	if s, ok := p.cell("score"); ok {
		var f float64
		if _, err := fmt.Sscan(s, &f); err != nil || f < 0 || f > 100 {
			p.problem("score", "“%s”不是0到100之间的分数", s)
		} else {
			score = f
		}
	}
	grade := p.enum("grade")
	key := fmt.Sprintf("%v|%v|%v", year, deref(orgID), deref(communityID))
	fields := []field{{"score", "score", score}, {"leadership_good", "leadership", p.yesNo("leadership")},
		{"ranks_good", "ranks", p.yesNo("ranks")}, {"mechanisms_good", "mechanisms", p.yesNo("mechanisms")},
		{"results_good", "results", p.yesNo("results")}, {"evaluation_good", "evaluation", p.yesNo("evaluation")},
		{"note", "note", p.text("note")}}
	if grade != "" {
		fields = append(fields, field{"grade", "grade", assessment.Grade(grade)})
	}
	name := r.cells["organization"] + r.cells["community"]
	return im.record(p, name, index, key, "year", fields, func() change {
		b := im.c.Assessment.Create().SetNillableOrganizationID(orgID).SetNillableCommunityID(communityID)
		if y, ok := year.(int); ok {
			b.SetYear(y)
		}
		return change{m: b.Mutation(), save: saveOf(b)}
	}, func(id int) change {
		b := im.c.Assessment.UpdateOneID(id)
		return change{m: b.Mutation(), save: saveOf(b)}
	}, nil)
}

func exemptionKey(org int, kind string, started time.Time) string {
	return fmt.Sprintf("%d|%s|%s", org, kind, day(started))
}

// exemption excuses an organisation from a type of meeting for a period.
func (im *importer) exemption(r *row, index map[string]known) error {
	p := &parser{r: r}
	org := im.orgRef(p, "organization")
	kind := p.enum("type")
	started, ended := p.date("started"), p.date("ended")
	inOrder(p, started, ended, "ended")
	reason := p.text("reason")
	key := ""
	if org != nil && kind != "" && started != nil {
		key = exemptionKey(org.ID, kind, *started)
	}
	fields := []field{{"ended_on", "ended", value(ended)}, {"reason", "reason", reason}}
	return im.record(p, r.cells["organization"], index, key, "started", fields, func() change {
		b := im.c.Exemption.Create().SetOrganizationID(org.ID).SetMeetingType(vocab.MeetingType(kind)).SetStartedOn(*started)
		return change{m: b.Mutation(), save: saveOf(b)}
	}, func(id int) change {
		b := im.c.Exemption.UpdateOneID(id)
		return change{m: b.Mutation(), save: saveOf(b)}
	}, nil)
}
