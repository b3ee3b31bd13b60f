package ledger

import (
	"context"
	"errors"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	"jiceng/ent"
	"jiceng/ent/kindchange"
	"jiceng/ent/member"
	"jiceng/ent/organization"
	"jiceng/ent/period"
	"jiceng/register"
	"jiceng/spreadsheet"
	"jiceng/vocab"
)

// The history sheet (历史变更) holds the register's history: one row per
// period of an attribute with history (vocab.Attributes), the value it had
// from a day (起始日期) until another (终止日期, empty while it holds). The
// export writes every period. The import checks every row (the record and
// the value resolve, the value is in Chinese, the days are in order and not
// after today, no two periods of an attribute overlap), and gives each
// attribute whose periods differ from the sheet's exactly the sheet's,
// through register.RestoreHistory: the changes took effect long ago, so
// they are restored as periods, not replayed as today's changes (an
// earlier kind replayed would be checked against today's children). A
// second import of the same sheet finds every period as it is and changes
// nothing.

// historyAttr is how the sheet writes an attribute: its Chinese name, the
// labels of its values when they are an enumeration, and the kind of record
// a value names when it is a reference.
type historyAttr struct {
	attr   vocab.Attribute
	zh     string
	labels []label
	ref    string // "unit", "area", "organization", "group", "member"
	typed  func(code string) any
}

var historyAttrs = []historyAttr{
	{attr: vocab.MemberStatus, zh: "党员状态", labels: statuses, typed: func(s string) any { return member.Status(s) }},
	{attr: vocab.MemberCategory, zh: "党员类别", labels: categories, typed: func(s string) any { return member.Category(s) }},
	{attr: vocab.MemberMobility, zh: "流动方向", labels: mobilities, typed: func(s string) any { return member.Mobility(s) }},
	{attr: vocab.MemberMobilePlace, zh: "流出地或流入地"},
	{attr: vocab.MemberWorkUnit, zh: "工作单位", ref: "unit"},
	{attr: vocab.MemberResidenceGrid, zh: "居住网格", ref: "area"},
	{attr: vocab.MemberPartyGroup, zh: "所在党小组", ref: "group"},
	{attr: vocab.MemberExternalOrg, zh: "组织关系所在单位（街道外）"},
	{attr: vocab.OrganizationName, zh: "党组织名称"},
	{attr: vocab.OrganizationKindAttr, zh: "组织类别", labels: organizationKinds, typed: func(s string) any { return vocab.OrganizationKind(s) }},
	{attr: vocab.OrganizationFormation, zh: "组建方式", labels: formations, typed: func(s string) any { return organization.Formation(s) }},
	{attr: vocab.OrganizationParent, zh: "上级党组织", ref: "organization"},
	{attr: vocab.OrganizationArea, zh: "负责区域", ref: "area"},
	{attr: vocab.OrganizationSiteMember, zh: "临时党支部成员", ref: "member"},
	{attr: vocab.UnitGrid, zh: "所在网格", ref: "area"},
	{attr: vocab.UnitEmployees, zh: "职工人数"},
	{attr: vocab.UnitAboveSize, zh: "规模以上"},
	{attr: vocab.AreaParent, zh: "上级区域", ref: "area"},
	{attr: vocab.AreaResidents, zh: "常住人口"},
	{attr: vocab.AreaHouseholds, zh: "户数"},
	{attr: vocab.SettingValue, zh: "规则设定值"},
	{attr: vocab.SettingPeriod, zh: "规则设定周期（月）"},
}

func historyAttrOf(a vocab.Attribute) *historyAttr {
	for i := range historyAttrs {
		if historyAttrs[i].attr == a {
			return &historyAttrs[i]
		}
	}
	return nil
}

func historyLabels() []label {
	out := make([]label, len(historyAttrs))
	for i, a := range historyAttrs {
		out[i] = label{string(a.attr), a.zh}
	}
	return out
}

var historySheet = &sheet{name: SheetHistory, title: "党员、党组织、单位、区域的历史变更（每行一段时间内的取值）", columns: []column{
	code("record", "subjectID", "记录", "哪条记录的属性：党员填身份号码，党组织填全称，单位填统一社会信用代码（没有的填名称），区域填区域路径，规则设定填规则代码（分组织类别的写 代码/类别代码）", true),
	text("name", "", "名称", "记录的名称或姓名，仅供核对", false),
	enum("attribute", "attribute", "属性", "有历史的属性：党员的状态、类别、流动、工作单位、居住网格、党小组，党组织的名称、类别、组建方式、上级、负责区域，单位的网格、人数、规模，区域的上级、人口、户数，规则设定的值", true, historyLabels()...),
	code("value", "value", "取值", "这段时间的取值：选项填中文（如 预备党员、党支部），区域填区域路径，单位填统一社会信用代码或名称，党组织填全称，党员填身份号码，是否填“是”或“否”；这段时间没有取值的不填", false),
	date("from", "validFrom", "起始日期", "取值生效的第一天", true),
	date("to", "validTo", "终止日期", "取值不再有效的第一天（即下一段的起始日期）；至今有效的不填", false),
	text("reason", "reason", "原因", "变更的原因，如 转正、迁居、升格", false),
}}

// historyKeys write and read the records and values a history row names.
type historyKeys struct {
	members, orgs, units, areas, settings map[int]string
}

func (k historyKeys) subject(typ string) map[int]string {
	switch typ {
	case "Member":
		return k.members
	case "Organization":
		return k.orgs
	case "Unit":
		return k.units
	case "Area":
		return k.areas
	}
	return k.settings
}

func (k historyKeys) ref(ref string) map[int]string {
	switch ref {
	case "unit":
		return k.units
	case "area":
		return k.areas
	case "member":
		return k.members
	}
	return k.orgs
}

// cellOf is a period's value as the sheet writes it.
func (k historyKeys) cellOf(a *historyAttr, p *ent.Period) any {
	spec := a.attr.Spec()
	switch {
	case p.RefID != nil:
		return empty(k.ref(a.ref)[*p.RefID])
	case p.Number != nil && spec.Bool:
		return yesNoText(*p.Number != 0)
	case p.Number != nil:
		return *p.Number
	case p.Text != nil && a.labels != nil:
		return zhOf(a.labels, *p.Text)
	case p.Text != nil:
		return empty(*p.Text)
	}
	return nil
}

func settingKey(r *ent.RuleSetting) string {
	if r.OrganizationKind == nil {
		return r.Key
	}
	return r.Key + "/" + string(*r.OrganizationKind)
}

// exportHistory writes every period of the register.
func exportHistory(ctx context.Context, c *ent.Client, rows map[string][][]any, r ref, names map[string]map[int]string) error {
	settings, err := c.RuleSetting.Query().All(ctx)
	if err != nil {
		return fmt.Errorf("loading rule settings: %w", err)
	}
	k := historyKeys{members: r.members, orgs: r.orgs, units: r.units, areas: r.areas, settings: map[int]string{}}
	for _, s := range settings {
		k.settings[s.ID] = settingKey(s)
	}
	for _, a := range historyAttrs {
		spec := a.attr.Spec()
		ps, err := c.Period.Query().Where(period.AttributeEQ(a.attr)).
			Order(ent.Asc(period.FieldSubjectID), ent.Asc(period.FieldValidFrom), ent.Asc(period.FieldID)).All(ctx)
		if err != nil {
			return fmt.Errorf("loading the history of %s: %w", a.attr, err)
		}
		for _, p := range ps {
			key, ok := k.subject(spec.Type)[p.SubjectID]
			if !ok || key == "" {
				continue
			}
			rows[SheetHistory] = append(rows[SheetHistory], []any{key, empty(names[spec.Type][p.SubjectID]), a.zh, k.cellOf(&a, p),
				spreadsheet.LedgerDate(&p.ValidFrom), spreadsheet.LedgerDate(p.ValidTo), empty(p.Reason)})
		}
	}
	return nil
}

// hrow is a history row as read: the record, attribute and period it gives.
type hrow struct {
	r       *row
	attr    *historyAttr
	spec    vocab.AttributeSpec
	subject int
	value   any    // the field's value, typed; nil for none
	text    string // the value as compared with a period's
	from    time.Time
	to      *time.Time
	reason  string
}

// key and dated are the row's period with and without its reason.
func (h *hrow) key() string   { return h.dated() + "|" + h.reason }
func (h *hrow) dated() string { return periodKey(h.text, h.from, h.to) }

func periodKey(value string, from time.Time, to *time.Time) string {
	end := ""
	if to != nil {
		end = day(*to)
	}
	return value + "|" + day(from) + "|" + end
}

// periodText is a period's value as compared with a row's.
func periodText(p *ent.Period) string {
	switch {
	case p.RefID != nil:
		return strconv.Itoa(*p.RefID)
	case p.Number != nil:
		return strconv.FormatFloat(*p.Number, 'f', -1, 64)
	case p.Text != nil:
		return *p.Text
	}
	return ""
}

// hgroup is the rows of one attribute of one record.
type hgroup struct {
	spec vocab.AttributeSpec
	rows []*hrow
}

// historyRows imports the history sheet.
func (im *importer) historyRows(rows []*row) error {
	settings, err := im.c.RuleSetting.Query().All(im.sys)
	if err != nil {
		return fmt.Errorf("loading rule settings: %w", err)
	}
	settingIDs := map[string]int{}
	for _, s := range settings {
		settingIDs[settingKey(s)] = s.ID
	}
	// Read every row; group the good ones by record and attribute.
	groups := map[string]*hgroup{}
	subjects := map[string][]string{} // record -> its groups, in the sheet's order
	var subjectOrder []string
	bad := map[string]bool{} // records with a row that has problems
	for _, r := range rows {
		p := &parser{r: r}
		h := im.historyRow(p, settingIDs)
		if h == nil || p.failed() {
			if h != nil {
				bad[h.spec.Type+"|"+strconv.Itoa(h.subject)] = true
			}
			im.fail(r, r.cells["record"], p.problems)
			im.tick()
			continue
		}
		subject := h.spec.Type + "|" + strconv.Itoa(h.subject)
		gk := subject + "|" + string(h.attr.attr)
		g := groups[gk]
		if g == nil {
			g = &hgroup{spec: h.spec}
			groups[gk] = g
			if _, ok := subjects[subject]; !ok {
				subjectOrder = append(subjectOrder, subject)
			}
			subjects[subject] = append(subjects[subject], gk)
		}
		g.rows = append(g.rows, h)
	}
	// One value at a time (or, of a set, each value once at a time).
	for subject, gks := range subjects {
		for _, gk := range gks {
			g := groups[gk]
			sort.SliceStable(g.rows, func(i, j int) bool { return g.rows[i].from.Before(g.rows[j].from) })
			last := map[string]*hrow{}
			kept := g.rows[:0]
			for _, h := range g.rows {
				lane := ""
				if g.spec.Set {
					lane = h.text
				}
				if prev := last[lane]; prev != nil && (prev.to == nil || h.from.Before(*prev.to)) {
					until := "至今"
					if prev.to != nil {
						until = "至" + day(*prev.to)
					}
					p := &parser{r: h.r}
					p.problem("from", "与第%d行（%s起%s）的时间重叠：同一条记录的“%s”同一时间只能有一个取值", prev.r.n, day(prev.from), until, h.attr.zh)
					im.fail(h.r, h.r.cells["record"], p.problems)
					im.tick()
					bad[subject] = true
					continue
				}
				last[lane] = h
				kept = append(kept, h)
			}
			g.rows = kept
		}
	}
	existing, err := im.periodsOf(groups)
	if err != nil {
		return err
	}
	for _, subject := range subjectOrder {
		var differ []*hgroup
		for _, gk := range subjects[subject] {
			g := groups[gk]
			have := keysOf(existing[gk])
			if !sameHistory(g.rows, have) {
				differ = append(differ, g)
			}
			for _, h := range g.rows {
				a := Created
				switch {
				case have[h.key()]:
					a = Unchanged
				case have[h.dated()]:
					a = Updated // its reason
				}
				im.outcome(h.r, h.r.cells["record"], a, nil)
				im.tick()
			}
		}
		if bad[subject] {
			continue
		}
		if len(differ) > 0 {
			if err := im.restore(differ); err != nil {
				return err
			}
		}
		if g := groups[subject+"|"+string(vocab.OrganizationKindAttr)]; g != nil && len(g.rows) > 0 {
			if err := im.kindChanges(g.rows); err != nil {
				return err
			}
		}
	}
	return nil
}

// kindChanges records each change of an organisation's kind its history
// gives (the log upgradeOrganization keeps, read as kindChanges), when the
// register does not have it yet.
func (im *importer) kindChanges(rows []*hrow) error {
	id := rows[0].subject
	have, err := im.c.KindChange.Query().Where(kindchange.OrganizationID(id)).All(im.sys)
	if err != nil {
		return fmt.Errorf("loading kind changes: %w", err)
	}
	on := map[string]bool{}
	for _, k := range have {
		on[day(k.ChangedOn)] = true
	}
	for i := 1; i < len(rows); i++ {
		prev, h := rows[i-1], rows[i]
		if prev.to == nil || !prev.to.Equal(h.from) || prev.value == nil || h.value == nil || prev.text == h.text || on[day(h.from)] {
			continue
		}
		b := im.c.KindChange.Create().SetOrganizationID(id).SetFromKind(prev.value.(vocab.OrganizationKind)).
			SetToKind(h.value.(vocab.OrganizationKind)).SetChangedOn(h.from)
		if h.reason != "" {
			b.SetReason(h.reason)
		}
		if err := b.Exec(im.ctx); err != nil {
			p, ok := im.problemOf(h.r, err)
			if !ok {
				return err
			}
			im.res.Problems = append(im.res.Problems, p)
			im.markFailed(h.r)
			return nil
		}
	}
	return nil
}

func groupKey(spec vocab.AttributeSpec, subject int) string {
	return spec.Type + "|" + strconv.Itoa(subject) + "|" + string(spec.Attribute)
}

func keysOf(ps []*ent.Period) map[string]bool {
	out := make(map[string]bool, 2*len(ps))
	for _, p := range ps {
		dated := periodKey(periodText(p), p.ValidFrom, p.ValidTo)
		out[dated] = true
		out[dated+"|"+p.Reason] = true
	}
	return out
}

// sameHistory reports whether the rows give exactly the periods the register has.
func sameHistory(rows []*hrow, have map[string]bool) bool {
	if 2*len(rows) != len(have) {
		return false
	}
	for _, h := range rows {
		if !have[h.key()] {
			return false
		}
	}
	return true
}

// periodsOf loads the periods of the attributes the rows give, by group.
func (im *importer) periodsOf(groups map[string]*hgroup) (map[string][]*ent.Period, error) {
	attrs := map[vocab.Attribute]bool{}
	for _, g := range groups {
		attrs[g.spec.Attribute] = true
	}
	out := map[string][]*ent.Period{}
	for a := range attrs {
		ps, err := im.c.Period.Query().Where(period.AttributeEQ(a)).All(im.sys)
		if err != nil {
			return nil, fmt.Errorf("loading the history of %s: %w", a, err)
		}
		spec := a.Spec()
		for _, p := range ps {
			gk := groupKey(spec, p.SubjectID)
			if groups[gk] != nil {
				out[gk] = append(out[gk], p)
			}
		}
	}
	return out, nil
}

// historyRow reads a row of the history sheet; nil when its record or
// attribute cannot be known.
func (im *importer) historyRow(p *parser, settingIDs map[string]int) *hrow {
	h := &hrow{r: p.r}
	code := p.enum("attribute")
	record, hasRecord := p.cell("record")
	from := p.date("from")
	h.to = p.date("to")
	if from != nil {
		h.from = *from
		if h.to != nil && !h.to.After(*from) {
			p.problem("to", "终止日期%s不晚于起始日期%s", day(*h.to), day(*from))
		}
	}
	h.reason = p.r.cells["reason"]
	if code == "" {
		return nil
	}
	h.attr = historyAttrOf(vocab.Attribute(code))
	h.spec = h.attr.attr.Spec()
	if hasRecord {
		switch h.spec.Type {
		case "Member":
			if m := im.members[record]; m != nil {
				h.subject = m.ID
			} else {
				p.problem("record", "%s", im.missing(SheetMembers, record, fmt.Sprintf("身份号码为“%s”的党员在党员表和系统中都没有", record)))
			}
		case "Organization":
			if o := im.orgRef(p, "record"); o != nil {
				h.subject = o.ID
			}
		case "Unit":
			if u := im.unitRef(p, "record"); u != nil {
				h.subject = u.ID
			}
		case "Area":
			if a, problem := im.area(record); a != nil {
				h.subject = a.ID
			} else {
				p.problem("record", "%s", problem)
			}
		case "RuleSetting":
			if id, ok := settingIDs[record]; ok {
				h.subject = id
			} else {
				p.problem("record", "规则设定“%s”在系统中没有", record)
			}
		}
	}
	v, ok := p.cell("value")
	if !ok {
		return h
	}
	spec := h.spec
	switch {
	case h.attr.labels != nil:
		for _, l := range h.attr.labels {
			if l.zh == v || strings.TrimSuffix(l.zh, "党员") == v {
				h.value, h.text = h.attr.typed(l.code), l.code
			}
		}
		if h.value == nil {
			zh := make([]string, len(h.attr.labels))
			for i, l := range h.attr.labels {
				zh[i] = l.zh
			}
			p.problem("value", "“%s”不是“%s”的可选值；请填写：%s", v, h.attr.zh, strings.Join(zh, "、"))
		}
	case h.attr.ref != "":
		var id int
		switch h.attr.ref {
		case "unit":
			if u := im.unitRef(p, "value"); u != nil {
				id = u.ID
			}
		case "area":
			if a, problem := im.area(v); a != nil {
				id = a.ID
			} else {
				p.problem("value", "%s", problem)
			}
		case "member":
			if m := im.memberRef(p, "value"); m != nil {
				id = m.ID
			}
		case "group":
			if g, problem := im.keys.organization(v, true); g != nil {
				id = g.ID
			} else {
				p.problem("value", "%s", problem)
			}
		default:
			if o := im.orgRef(p, "value"); o != nil {
				id = o.ID
			}
		}
		if id != 0 {
			h.value, h.text = id, strconv.Itoa(id)
		}
	case spec.Bool:
		if b := p.yesNo("value"); b != nil {
			h.value = b
			h.text = "0"
			if b.(bool) {
				h.text = "1"
			}
		}
	case spec.Value == vocab.NumberValue:
		f, err := strconv.ParseFloat(strings.ReplaceAll(v, ",", ""), 64)
		if err != nil || f < 0 || math.IsInf(f, 0) {
			p.problem("value", "“%s”不是0或正数", v)
			break
		}
		h.text = strconv.FormatFloat(f, 'f', -1, 64)
		if spec.Attribute == vocab.SettingValue {
			h.value = f
		} else if f != math.Trunc(f) {
			p.problem("value", "“%s”不是整数", v)
		} else {
			h.value = int(f)
		}
	default:
		h.value, h.text = v, v
	}
	return h
}

// restore writes a record's history: the periods of each attribute that
// differs become the rows', through the register's restore (which checks
// them and audits the record's update), in a savepoint: a group the
// register refuses is reported at its first row, and none of the record's
// history is kept.
func (im *importer) restore(groups []*hgroup) error {
	if _, err := im.c.ExecContext(im.ctx, "SAVEPOINT ledger_history"); err != nil {
		return fmt.Errorf("ledger: savepoint: %w", err)
	}
	for _, g := range groups {
		ps := make([]register.PeriodValue, len(g.rows))
		for i, h := range g.rows {
			ps[i] = register.PeriodValue{Value: h.value, From: h.from, To: h.to, Reason: h.reason}
		}
		err := register.RestoreHistory(im.ctx, im.c, g.spec.Attribute, g.rows[0].subject, ps)
		if err == nil {
			continue
		}
		if _, rerr := im.c.ExecContext(im.ctx, "ROLLBACK TO SAVEPOINT ledger_history"); rerr != nil {
			return errors.Join(err, fmt.Errorf("ledger: rolling back the history: %w", rerr))
		}
		at := g.rows[0]
		if d, ok := register.AsError(err); ok && d.Field == "value" {
			for _, h := range g.rows {
				if h.to == nil {
					at = h
				}
			}
		}
		p, ok := im.problemOf(at.r, err)
		if !ok {
			return err
		}
		im.res.Problems = append(im.res.Problems, p)
		im.markFailed(at.r)
		return nil
	}
	if _, err := im.c.ExecContext(im.ctx, "RELEASE SAVEPOINT ledger_history"); err != nil {
		return fmt.Errorf("ledger: releasing the savepoint: %w", err)
	}
	return nil
}

// markFailed turns a row's outcome into a failure.
func (im *importer) markFailed(r *row) {
	for i := range im.res.Rows {
		o := &im.res.Rows[i]
		if o.Sheet == r.sheet.name && o.Row == r.n && o.Action != Failed {
			switch o.Action {
			case Created:
				im.res.Created--
			case Updated:
				im.res.Updated--
			case Unchanged:
				im.res.Unchanged--
			}
			o.Action = Failed
			im.res.Failed++
			return
		}
	}
}
