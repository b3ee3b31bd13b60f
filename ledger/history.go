package ledger

import (
	"context"
	"fmt"

	"jiceng/ent"
	"jiceng/ent/member"
	"jiceng/ent/organization"
	"jiceng/ent/period"
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
