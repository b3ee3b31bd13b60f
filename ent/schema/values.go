package schema

// EnumValues describes each value of an enum field in the GraphQL schema,
// by its Chinese name as the register writes it and its meaning in English.
// entgql gives enum values no description of their own, so
// ent/describe.go reads this annotation from the field that declares the
// enum and writes the descriptions into graph/ent.graphqls.
type EnumValues map[string]string

// Name of the annotation.
func (EnumValues) Name() string { return "EnumValues" }

var affiliatedKindValues = EnumValues{
	"UNION":                "工会: a trade union.",
	"WOMENS_ORGANIZATION":  "妇联: a women's federation or committee.",
	"YOUTH_LEAGUE":         "共青团: a Communist Youth League organisation.",
	"UNION_VOLUNTEER_TEAM": "工会志愿服务队: a union's volunteer team.",
}

var appointmentRoleValues = EnumValues{
	"SECRETARY":                  "书记: the secretary of the organisation.",
	"DEPUTY_SECRETARY":           "副书记: a deputy secretary.",
	"COMMITTEE_MEMBER":           "委员: a member of the organisation's committee.",
	"GROUP_LEADER":               "党小组长: the leader of a Party group.",
	"PART_TIME_COMMITTEE_MEMBER": "兼职委员: a leader of a stationed unit who sits on a community organisation's committee.",
	"PARTY_BUILDING_INSTRUCTOR":  "党建指导员: staff sent to guide a unit's Party work.",
	"LIAISON":                    "党建联络员: staff who keep in touch with a unit that has no Party organisation.",
}

var areaKindValues = EnumValues{
	"SUBDISTRICT": "街道: the sub-district, the territory at the top.",
	"COMMUNITY":   "社区: a residents' community.",
	"GRID":        "网格: a block of a community, the unit of the grid map.",
	"ESTATE":      "小区: a residential estate inside a grid.",
	"BUILDING":    "楼栋: a building.",
}

var gradeValues = EnumValues{
	"GOOD":        "好: good.",
	"FAIRLY_GOOD": "较好: fairly good.",
	"AVERAGE":     "一般: average.",
	"POOR":        "差: poor.",
}

var attributeValues = EnumValues{
	"MEMBER_STATUS":                "党员状态: a member's status, full or probationary.",
	"MEMBER_CATEGORY":              "党员类别: a member's category (in service, retired, self-employed, mobile).",
	"MEMBER_MOBILITY":              "流动方向: a mobile member's direction, outflow or inflow.",
	"MEMBER_MOBILE_PLACE":          "流动去向: where a mobile member went, or came from.",
	"MEMBER_WORK_UNIT":             "工作单位: the unit a member works in.",
	"MEMBER_RESIDENCE_GRID":        "居住网格: the grid a member lives in.",
	"MEMBER_PARTY_GROUP":           "所在党小组: the Party group a member is placed in.",
	"MEMBER_EXTERNAL_ORGANIZATION": "外部组织关系: the organisation outside the sub-district that holds a member's relationship.",
	"ORGANIZATION_NAME":            "组织名称: an organisation's name.",
	"ORGANIZATION_KIND":            "组织类别: an organisation's kind.",
	"ORGANIZATION_FORMATION":       "组建方式: how an organisation was formed.",
	"ORGANIZATION_PARENT":          "上级组织: the organisation an organisation is under.",
	"ORGANIZATION_AREA":            "负责区域: an area an organisation is responsible for.",
	"ORGANIZATION_SITE_MEMBER":     "工地党员: a member taking part in a temporary branch's life on its site.",
	"UNIT_GRID":                    "所在网格: the grid a unit is located in.",
	"UNIT_EMPLOYEES":               "从业人员: how many people work in a unit.",
	"UNIT_ABOVE_DESIGNATED_SIZE":   "规模以上: whether a unit is above designated size.",
	"AREA_PARENT":                  "上级区域: the area an area lies in.",
	"AREA_RESIDENTS":               "居民人数: how many residents live in an area.",
	"AREA_HOUSEHOLDS":              "户数: how many households live in an area.",
	"RULE_SETTING_VALUE":           "规则取值: a rule setting's threshold or number of meetings.",
	"RULE_SETTING_PERIOD_MONTHS":   "规则周期: a rule setting's period in months.",
}

var auditActionValues = EnumValues{
	"CREATE":         "新增: a record was created.",
	"UPDATE":         "修改: a record was changed.",
	"READ_PERSONAL":  "查看个人信息: unmasked personal data was read.",
	"SIGN_IN":        "登录: a user signed in.",
	"SIGN_IN_FAILED": "登录失败: a sign-in was refused.",
	"SIGN_OUT":       "退出: a user signed out.",
	"USER_CREATED":   "新建用户: a user account was created.",
	"USER_CHANGED":   "修改用户: a user account was changed.",
	"TOKEN_CREATED":  "新建令牌: an API token was made.",
	"TOKEN_REVOKED":  "吊销令牌: an API token was revoked.",
	"BACKUP":         "备份: the register was backed up.",
	"RESTORE":        "恢复: the register was restored from a backup.",
}

var meetingTypeValues = EnumValues{
	"MEMBERS_ASSEMBLY":            "支部党员大会: the branch's assembly of members (三会一课).",
	"BRANCH_COMMITTEE":            "支委会: a meeting of the branch committee (三会一课).",
	"PARTY_GROUP_MEETING":         "党小组会: a Party group's meeting (三会一课).",
	"PARTY_LECTURE":               "党课: a Party lecture (三会一课).",
	"THEMED_PARTY_DAY":            "主题党日: a themed Party day.",
	"MONTHLY_MEETING":             "月例会: a monthly meeting.",
	"JOINT_MEETING":               "联席会议: a joint meeting of several organisations.",
	"ORGANIZATIONAL_LIFE_MEETING": "组织生活会: the yearly organisational life meeting.",
}

var categoryValues = EnumValues{
	"IN_SERVICE":    "在职党员: a member in work.",
	"RETIRED":       "离退休党员: a retired member.",
	"SELF_EMPLOYED": "个体党员: a self-employed member.",
	"MOBILE":        "流动党员: a mobile member, working away from where the relationship sits or arrived from elsewhere.",
}

var genderValues = EnumValues{"MALE": "男: male.", "FEMALE": "女: female."}

var mobilityValues = EnumValues{
	"OUTFLOW": "流出: left to work elsewhere.",
	"INFLOW":  "流入: arrived here from elsewhere.",
}

var statusValues = EnumValues{
	"FULL":         "正式党员: a full member, counted towards the thresholds.",
	"PROBATIONARY": "预备党员: a probationary member.",
}

var endReasonValues = EnumValues{
	"TRANSFERRED_OUT":        "转出: the relationship was transferred out.",
	"WHOLE_UNIT_TRANSFERRED": "整建制转接: the whole unit's relationships were transferred.",
	"DIED":                   "去世: the member died.",
	"LEFT_PARTY":             "出党: the member left the Party.",
}

var startReasonValues = EnumValues{
	"JOINED_PARTY":           "入党: the member joined the Party here.",
	"TRANSFERRED_IN":         "转入: the relationship was transferred in.",
	"WHOLE_UNIT_TRANSFERRED": "整建制转接: the whole unit's relationships were transferred in.",
}

var channelValues = EnumValues{
	"PHONE":     "电话: by phone.",
	"LETTER":    "信函: by letter.",
	"ONLINE":    "网络: online.",
	"IN_PERSON": "当面: in person.",
}

var formationValues = EnumValues{
	"STANDALONE":  "单独组建: formed in one unit.",
	"JOINT":       "联合组建: formed across several units.",
	"TEMPORARY":   "临时组建: formed for a time-bound site.",
	"TERRITORIAL": "按区域组建: formed on a territory (community, grid, estate).",
}

var organizationKindValues = EnumValues{
	"SUBDISTRICT_WORKING_COMMITTEE": "街道党工委: the sub-district's Party working committee, the root of the tree.",
	"COMMUNITY_COMMITTEE":           "社区党委: a community's Party committee.",
	"COMMITTEE":                     "基层党委: a primary-level Party committee of a unit.",
	"GENERAL_BRANCH":                "党总支: a general Party branch.",
	"BRANCH":                        "党支部: a Party branch.",
	"GRID_BRANCH":                   "网格党支部: a branch responsible for one grid.",
	"PARTY_GROUP":                   "党小组: a Party group inside a branch.",
}

var rectificationStatusValues = EnumValues{
	"OPEN":        "待整改: handed over, not yet worked on.",
	"IN_PROGRESS": "整改中: the responsible community is working on it.",
	"DONE":        "已整改: the community says it is done; the register has not yet seen the gap close.",
	"VERIFIED":    "已核验: the register found the gap closed, on verifiedOn.",
	"OVERDUE":     "已逾期: the deadline passed while the gap was open.",
	"WAIVED":      "免于整改: the working committee waived it, with a reason.",
}

var unitKindValues = EnumValues{
	"NON_PUBLIC_ENTERPRISE": "非公企业: a non-public enterprise (两新组织).",
	"SOCIAL_ORGANIZATION":   "社会组织: a social organisation (两新组织).",
	"STATIONED_UNIT":        "驻区单位: a government body or institution stationed in the area.",
	"CONSTRUCTION_SITE":     "工地: a construction site.",
	"MARKET":                "市场: a market.",
	"COMMERCIAL_OUTLET":     "商业网点: a commercial outlet.",
}
