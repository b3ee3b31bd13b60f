// Package ledger brings a sub-district's ledgers (台账) in and out of the
// register: an Excel workbook with a sheet per record type, Chinese headers
// as the ledgers name them, read row by row and written through the
// register's hooks, so that every row passes the same checks, keeps the
// same history and is audited as every other write.
package ledger

import (
	"strings"

	"jiceng/ent/area"
	"jiceng/ent/member"
	"jiceng/ent/membership"
	"jiceng/ent/organization"
	"jiceng/ent/unit"
	"jiceng/spreadsheet"
	"jiceng/vocab"
)

// The sheets of a ledger workbook, in the order they are imported: each
// sheet's records may refer to the ones before.
const (
	SheetAreas         = "区域"
	SheetOrganizations = "党组织"
	SheetUnits         = "单位"
	SheetMembers       = "党员"
	SheetMemberships   = "组织关系"
	SheetCoverages     = "覆盖单位"
	SheetAppointments  = "任职"
	SheetTerms         = "换届"
	SheetMeetings      = "会议"
	SheetAffiliated    = "群团组织"
	SheetReports       = "流动党员报告"
	SheetVisits        = "指导员走访"
	SheetSiteMembers   = "临时党支部成员"
	SheetAssessments   = "年度考核"
	SheetExemptions    = "免开会议"
	SheetHistory       = "历史变更"
)

// label is an enumeration's value and the Chinese a ledger writes it in.
type label struct{ code, zh string }

// column is a column of a sheet: what the reader calls it (key), the
// GraphQL field whose errors are reported at it, and its values.
type column struct {
	spreadsheet.LedgerColumn
	key   string
	field string
	enum  []label
	kind  cellKind
}

type cellKind int

const (
	textCell cellKind = iota
	dateCell
	intCell
	boolCell
	enumCell
)

type sheet struct {
	name, title string
	columns     []column
}

func (s *sheet) column(key string) *column {
	for i := range s.columns {
		if s.columns[i].key == key {
			return &s.columns[i]
		}
	}
	return nil
}

// byField is the column a GraphQL input field's errors belong to.
func (s *sheet) byField(field string) *column {
	for i := range s.columns {
		if s.columns[i].field == field || s.columns[i].key == field {
			return &s.columns[i]
		}
	}
	return nil
}

func text(key, field, header, note string, required bool) column {
	return column{LedgerColumn: spreadsheet.LedgerColumn{Header: header, Note: note, Required: required}, key: key, field: field}
}

func code(key, field, header, note string, required bool) column {
	c := text(key, field, header, note, required)
	c.Text = true
	return c
}

func date(key, field, header, note string, required bool) column {
	c := text(key, field, header, note, required)
	c.Date, c.kind = true, dateCell
	return c
}

func number(key, field, header, note string) column {
	c := text(key, field, header, note, false)
	c.kind = intCell
	return c
}

func yesNo(key, field, header, note string) column {
	c := text(key, field, header, note, false)
	c.kind, c.Allowed = boolCell, []string{"是", "否"}
	return c
}

func enum(key, field, header, note string, required bool, labels ...label) column {
	c := text(key, field, header, note, required)
	c.kind, c.enum = enumCell, labels
	for _, l := range labels {
		c.Allowed = append(c.Allowed, l.zh)
	}
	return c
}

// effectiveColumn is every sheet's last column: the day a change in the row
// takes effect, so a corrected ledger keeps the register's history.
func effectiveColumn() column {
	return date("effective", "", "变更日期", "本行的修改从哪天起生效；不填为导入当天。新建记录不用填", false)
}

// pathSeparator joins the names of an area's path: 阜新街道/大桥社区/第一网格.
const pathSeparator = "/"

var (
	areaKinds = []label{{string(area.KindSUBDISTRICT), "街道"}, {string(area.KindCOMMUNITY), "社区"},
		{string(area.KindGRID), "网格"}, {string(area.KindESTATE), "小区"}, {string(area.KindBUILDING), "楼栋"}}
	organizationKinds = []label{{string(vocab.WorkingCommittee), "街道党工委"}, {string(vocab.CommunityCommittee), "社区党委"},
		{string(vocab.Committee), "党委"}, {string(vocab.GeneralBranch), "党总支"}, {string(vocab.Branch), "党支部"},
		{string(vocab.GridBranch), "网格党支部"}, {string(vocab.PartyGroup), "党小组"}}
	formations = []label{{string(organization.FormationSTANDALONE), "单独组建"}, {string(organization.FormationJOINT), "联合组建"},
		{string(organization.FormationTEMPORARY), "临时组建"}, {string(organization.FormationTERRITORIAL), "按区域组建"}}
	unitKinds = []label{{string(unit.KindNON_PUBLIC_ENTERPRISE), "非公有制企业"}, {string(unit.KindSOCIAL_ORGANIZATION), "社会组织"},
		{string(unit.KindSTATIONED_UNIT), "驻区单位"}, {string(unit.KindCONSTRUCTION_SITE), "工地"},
		{string(unit.KindMARKET), "市场"}, {string(unit.KindCOMMERCIAL_OUTLET), "商业网点"}}
	genders    = []label{{string(member.GenderMALE), "男"}, {string(member.GenderFEMALE), "女"}}
	statuses   = []label{{string(member.StatusFULL), "正式党员"}, {string(member.StatusPROBATIONARY), "预备党员"}}
	categories = []label{{string(member.CategoryIN_SERVICE), "在职党员"}, {string(member.CategoryRETIRED), "离退休党员"},
		{string(member.CategorySELF_EMPLOYED), "个体党员"}, {string(member.CategoryMOBILE), "流动党员"}}
	mobilities   = []label{{string(member.MobilityOUTFLOW), "流出"}, {string(member.MobilityINFLOW), "流入"}}
	startReasons = []label{{string(membership.StartReasonJOINED_PARTY), "入党"}, {string(membership.StartReasonTRANSFERRED_IN), "转入"},
		{string(membership.StartReasonWHOLE_UNIT_TRANSFERRED), "整建制转入"}}
	roles = []label{{"SECRETARY", "书记"}, {"DEPUTY_SECRETARY", "副书记"}, {"COMMITTEE_MEMBER", "委员"}, {"GROUP_LEADER", "党小组组长"},
		{"PART_TIME_COMMITTEE_MEMBER", "兼职委员"}, {"PARTY_BUILDING_INSTRUCTOR", "党建指导员"}, {"LIAISON", "党建联络员"}}
	meetingTypes = []label{{string(vocab.MembersAssembly), "支部党员大会"}, {string(vocab.BranchCommittee), "支委会"},
		{string(vocab.PartyGroupMeeting), "党小组会"}, {string(vocab.PartyLecture), "党课"}, {string(vocab.ThemedPartyDay), "主题党日"},
		{string(vocab.MonthlyMeeting), "月例会"}, {string(vocab.JointMeeting), "联席会议"}, {string(vocab.OrganizationalLifeMeeting), "组织生活会"}}
	affiliatedKinds = []label{{"UNION", "工会"}, {"WOMENS_ORGANIZATION", "妇女组织"}, {"YOUTH_LEAGUE", "共青团"}, {"UNION_VOLUNTEER_TEAM", "工会志愿服务队"}}
	grades          = []label{{"GOOD", "好"}, {"FAIRLY_GOOD", "较好"}, {"AVERAGE", "一般"}, {"POOR", "差"}}
	channels        = []label{{"PHONE", "电话"}, {"LETTER", "书信"}, {"ONLINE", "网络"}, {"IN_PERSON", "当面"}}
	endReasons      = []label{{string(membership.EndReasonTRANSFERRED_OUT), "转出"}, {string(membership.EndReasonWHOLE_UNIT_TRANSFERRED), "整建制转出"},
		{string(membership.EndReasonDIED), "去世"}, {string(membership.EndReasonLEFT_PARTY), "出党"}}
)

// sheets are the record types a ledger holds, in import order.
var sheets = []*sheet{
	{name: SheetAreas, title: "区域（街道、社区、网格）台账", columns: []column{
		text("path", "name", "区域路径", "从街道起的各级名称，用“/”分隔，如 阜新街道/大桥社区/第一网格；上级须在本表前面的行或系统中已有", true),
		enum("kind", "kind", "区域类型", "街道、社区、网格、小区或楼栋", true, areaKinds...),
		text("code", "code", "区域编码", "行政区划或本地编码", false),
		number("households", "households", "户数", "区域内的户数"),
		number("residents", "residents", "常住人口", "区域内的居民人数"),
		date("established", "establishedOn", "设立日期", "区域设立的日期", false),
		effectiveColumn(),
	}},
	{name: SheetOrganizations, title: "基层党组织台账", columns: []column{
		text("name", "name", "党组织名称", "党组织全称；同一上级下名称不重复", true),
		text("parent", "parentID", "上级党组织", "上级党组织的全称；只有街道党工委不填", false),
		enum("kind", "kind", "组织类别", "党组织的类别", true, organizationKinds...),
		enum("formation", "formation", "组建方式", "单独组建（一个单位内）、联合组建（几个单位）、临时组建（工地等）或按区域组建（社区、网格）", true, formations...),
		date("established", "establishedOn", "成立日期", "党组织成立的日期", true),
		text("shortName", "shortName", "简称", "党组织的简称", false),
		text("areas", "areaIDs", "负责区域", "党组织负责的区域路径，多个用“；”分隔，如 阜新街道/大桥社区/第一网格", false),
		number("budget", "activityBudget", "年度活动经费（元）", "如网格党支部的年度活动经费"),
		date("dissolved", "dissolvedOn", "撤销日期", "已撤销的党组织，撤销的日期", false),
		text("dissolution", "dissolutionReason", "撤销原因", "已撤销的党组织，撤销的原因", false),
		effectiveColumn(),
	}},
	{name: SheetUnits, title: "两新组织和驻区单位摸底台账", columns: []column{
		text("name", "name", "单位名称", "单位全称", true),
		code("creditCode", "creditCode", "统一社会信用代码", "18位统一社会信用代码；有代码的单位按代码对应，没有的按名称和所在网格对应", false),
		enum("kind", "kind", "单位类型", "单位的类型", true, unitKinds...),
		text("grid", "gridID", "所在网格", "单位所在网格的区域路径，如 阜新街道/大桥社区/第一网格", true),
		number("employees", "employees", "职工人数", "单位的职工人数"),
		yesNo("aboveSize", "aboveDesignatedSize", "规模以上", "是否为规模以上企业"),
		text("address", "address", "地址", "单位地址", false),
		date("opened", "openedOn", "成立日期", "单位成立或工地开工的日期", false),
		date("plannedClose", "plannedCloseOn", "计划完工日期", "工地项目计划完工的日期", false),
		date("closed", "closedOn", "关闭日期", "单位关闭或工地完工的日期", false),
		effectiveColumn(),
	}},
	{name: SheetMembers, title: "党员花名册", columns: []column{
		text("name", "name", "姓名", "党员姓名", true),
		enum("gender", "gender", "性别", "男或女", true, genders...),
		text("ethnicity", "ethnicity", "民族", "如 汉族", false),
		date("born", "bornOn", "出生日期", "出生日期", false),
		code("idNumber", "idNumber", "公民身份号码", "18位公民身份号码；党员按身份号码对应，必填", true),
		enum("status", "status", "党员状态", "正式党员或预备党员", true, statuses...),
		date("joined", "joinedPartyOn", "入党日期", "入党（接收为预备党员）的日期", true),
		date("confirmed", "confirmedOn", "转正日期", "正式党员转正的日期；预备党员不填", false),
		enum("category", "category", "党员类别", "在职、离退休、个体或流动党员", true, categories...),
		enum("mobility", "mobility", "流动方向", "流动党员填流出或流入；其他党员不填", false, mobilities...),
		text("mobilePlace", "mobilePlace", "流出地或流入地", "流动党员去了哪里或从哪里来", false),
		text("external", "externalOrganization", "组织关系所在单位（街道外）", "组织关系仍在街道外党组织的，填该党组织名称", false),
		code("phone", "phone", "联系电话", "手机号码或固定电话", false),
		text("grid", "residenceGridID", "居住网格", "居住地所在网格的区域路径", false),
		text("workUnit", "workUnitID", "工作单位", "工作单位的统一社会信用代码或名称（须在单位表或系统中已有）", false),
		text("group", "partyGroupID", "所在党小组", "所在党小组的名称", false),
		text("address", "address", "家庭住址", "家庭住址", false),
		text("tags", "tags", "标签", "如 诚信商户；多个用“；”分隔", false),
		effectiveColumn(),
	}},
	{name: SheetMemberships, title: "党员组织关系台账", columns: []column{
		code("idNumber", "memberID", "公民身份号码", "党员的公民身份号码（须在党员表或系统中已有）", true),
		text("name", "", "姓名", "党员姓名，仅供核对", false),
		text("organization", "organizationID", "所在党组织", "组织关系所在的党组织全称（党支部、党总支等，不是党小组）", true),
		date("started", "startedOn", "转入日期", "组织关系转入或入党的日期", true),
		enum("startReason", "startReason", "转入原因", "入党、转入或整建制转入", true, startReasons...),
		date("ended", "endedOn", "转出日期", "组织关系转出的日期；现在仍在此的不填", false),
		enum("endReason", "endReason", "转出原因", "转出、整建制转出、去世或出党；有转出日期时必填", false, endReasons...),
		text("note", "note", "备注", "", false),
	}},
	{name: SheetCoverages, title: "党组织覆盖单位台账", columns: []column{
		text("organization", "organizationID", "党组织", "覆盖该单位的党组织全称（单独组建的本单位党组织、联合党支部，或挂靠的社区、网格党组织）", true),
		text("unit", "unitID", "单位", "单位的统一社会信用代码或名称", true),
		date("started", "startedOn", "开始日期", "开始覆盖的日期", true),
		date("ended", "endedOn", "结束日期", "不再覆盖的日期；仍在覆盖的不填", false),
		text("note", "note", "备注", "", false),
	}},
	{name: SheetAppointments, title: "党组织书记、委员和党建指导员任职台账", columns: []column{
		enum("role", "role", "职务", "书记、副书记、委员、党小组组长、兼职委员、党建指导员或党建联络员", true, roles...),
		text("organization", "organizationID", "党组织", "任职的党组织全称；党建指导员、联络员填所派驻的单位", false),
		text("unit", "unitID", "派驻单位", "党建指导员、联络员派驻单位的统一社会信用代码或名称", false),
		code("idNumber", "memberID", "公民身份号码", "任职者是本街道党员的，填其身份号码", false),
		text("holder", "holderName", "姓名", "任职者不是本街道党员的（如兼职委员），填姓名", false),
		text("affiliation", "holderAffiliation", "所在单位", "任职者不是本街道党员的，其所在单位", false),
		text("title", "title", "职务名称", "如 组织委员、宣传委员", false),
		date("started", "startedOn", "任职日期", "开始任职的日期", true),
		date("ended", "endedOn", "离任日期", "离任的日期；仍在任的不填", false),
		text("note", "note", "备注", "", false),
	}},
	{name: SheetTerms, title: "党组织换届台账", columns: []column{
		text("organization", "organizationID", "党组织", "党组织全称", true),
		date("started", "startedOn", "本届开始日期", "本届委员会选举产生的日期", true),
		date("due", "dueOn", "应换届日期", "任期届满的日期", true),
		date("renewed", "renewedOn", "换届日期", "实际换届的日期；尚未换届的不填", false),
		date("postponed", "postponedTo", "延期至", "经批准延期换届的，延至的日期", false),
		text("postponement", "postponementReason", "延期原因", "", false),
		text("note", "note", "备注", "", false),
	}},
	{name: SheetMeetings, title: "“三会一课”等组织生活记录", columns: []column{
		text("organization", "organizationID", "党组织", "召开会议的党组织全称", true),
		enum("type", "type", "会议类型", "支部党员大会、支委会、党小组会、党课等", true, meetingTypes...),
		date("held", "heldOn", "召开日期", "会议召开的日期", true),
		number("expected", "expectedAttendance", "应到人数", "应参加的人数"),
		number("attendance", "attendance", "实到人数", "实际参加的人数"),
		text("topic", "topic", "主题", "会议主题", false),
		text("attendees", "attendeeIDs", "参会党员", "参会党员的身份号码，多个用“；”分隔", false),
	}},
	{name: SheetExemptions, title: "经批准免于召开某类会议的党组织（如党员均外出务工的党小组）", columns: []column{
		text("organization", "organizationID", "党组织", "免于召开会议的党组织全称", true),
		enum("type", "meetingType", "会议类型", "免于召开的会议类型", true, meetingTypes...),
		date("started", "startedOn", "开始日期", "免于召开的第一天", true),
		date("ended", "endedOn", "结束日期", "恢复召开的日期；仍免于召开的不填", false),
		text("reason", "reason", "原因和批准", "为什么免于召开，由谁批准", true),
	}},
	{name: SheetAffiliated, title: "工会、妇女组织、共青团等群团组织台账", columns: []column{
		text("name", "name", "组织名称", "群团组织全称", true),
		enum("kind", "kind", "组织类型", "工会、妇女组织、共青团或工会志愿服务队", true, affiliatedKinds...),
		text("unit", "unitID", "所在单位", "建在单位的，填单位的统一社会信用代码或名称", false),
		text("community", "communityID", "所在社区", "建在社区的，填社区的区域路径", false),
		number("members", "membersCount", "会员人数", "会员或成员人数"),
		date("established", "establishedOn", "成立日期", "", false),
		date("dissolved", "dissolvedOn", "撤销日期", "", false),
	}},
	{name: SheetReports, title: "流动党员“四个一”月报告记录", columns: []column{
		code("idNumber", "memberID", "公民身份号码", "流动党员的身份号码", true),
		text("name", "", "姓名", "党员姓名，仅供核对", false),
		date("reported", "reportedOn", "报告日期", "流动党员报告的日期", true),
		enum("channel", "channel", "报告方式", "电话、书信、网络或当面", false, channels...),
		text("note", "note", "备注", "", false),
	}},
	{name: SheetVisits, title: "党建指导员走访单位记录", columns: []column{
		text("unit", "unitID", "单位", "走访单位的统一社会信用代码或名称", true),
		date("visited", "visitedOn", "走访日期", "走访的日期", true),
		code("idNumber", "appointmentID", "指导员身份号码", "走访的党建指导员或联络员的身份号码（是本街道党员的）", false),
		text("holder", "appointmentID", "指导员姓名", "走访的党建指导员或联络员的姓名", false),
		text("note", "note", "备注", "", false),
	}},
	{name: SheetSiteMembers, title: "临时党支部参加现场组织生活的党员", columns: []column{
		text("organization", "siteMemberIDs", "临时党支部", "临时党支部全称（组织关系不转入，党员在现场参加组织生活）", true),
		code("idNumber", "siteMemberIDs", "公民身份号码", "党员的身份号码", true),
		text("name", "", "姓名", "党员姓名，仅供核对", false),
	}},
	{name: SheetAssessments, title: "党组织和社区年度考核（百分制）", columns: []column{
		number("year", "year", "考核年度", "如 2025"),
		text("organization", "organizationID", "党组织", "考核的党组织全称；考核社区的不填", false),
		text("community", "communityID", "社区", "考核社区的，填社区的区域路径", false),
		text("score", "score", "得分", "0–100分", true),
		enum("grade", "grade", "等次", "好、较好、一般或差", true, grades...),
		yesNo("leadership", "leadershipGood", "领导班子好", "“五个好”之一"),
		yesNo("ranks", "ranksGood", "党员干部队伍好", "“五个好”之一"),
		yesNo("mechanisms", "mechanismsGood", "工作机制好", "“五个好”之一"),
		yesNo("results", "resultsGood", "工作业绩好", "“五个好”之一"),
		yesNo("evaluation", "evaluationGood", "居民群众评价好", "“五个好”之一"),
		text("note", "note", "备注", "", false),
	}},
	historySheet,
}

func sheetNamed(name string) *sheet {
	for _, s := range sheets {
		if s.name == name {
			return s
		}
	}
	return nil
}

// ledgerSheets are the sheets as the spreadsheet writer takes them.
func ledgerSheets(rows map[string][][]any) []spreadsheet.LedgerSheet {
	out := make([]spreadsheet.LedgerSheet, len(sheets))
	for i, s := range sheets {
		out[i] = spreadsheet.LedgerSheet{Name: s.name, Title: s.title, Rows: rows[s.name]}
		for _, c := range s.columns {
			out[i].Columns = append(out[i].Columns, c.LedgerColumn)
		}
	}
	return out
}

// zhOf is the Chinese of an enumeration's value.
func zhOf(labels []label, code string) string {
	for _, l := range labels {
		if l.code == code {
			return l.zh
		}
	}
	return code
}

func allowedText(c *column) string { return strings.Join(c.Allowed, "、") }
