package register

import (
	"fmt"
	"reflect"
	"strings"
	"time"

	"jiceng/vocab"
)

// bilingual is a piece of a message written in each language, for the
// args of invalid, conflict and notFound.
type bilingual struct{ zh, en string }

// String is the English text, for fmt.
func (b bilingual) String() string { return b.en }

// inEnglish returns args as the English message writes them.
func inEnglish(args []any) []any {
	out := make([]any, len(args))
	for i, a := range args {
		if b, ok := a.(bilingual); ok {
			a = b.en
		}
		out[i] = a
	}
	return out
}

// inChinese returns args as the Chinese message writes them: bilingual
// texts in Chinese, the schema's enum values by their Chinese names.
func inChinese(args []any) []any {
	out := make([]any, len(args))
	for i, a := range args {
		out[i] = chineseOf(a)
	}
	return out
}

func chineseOf(a any) any {
	switch v := a.(type) {
	case bilingual:
		return v.zh
	case interface{ Chinese() string }:
		return v.Chinese()
	case nil:
		return a
	}
	t := reflect.TypeOf(a)
	if t.Kind() != reflect.String || !strings.HasPrefix(t.PkgPath(), "jiceng/ent/") {
		return a
	}
	// An ent enum: member.Category is the schema's MemberCategory.
	pkg := t.PkgPath()[strings.LastIndexByte(t.PkgPath(), '/')+1:]
	return vocab.Zh(typeName(pkg)+t.Name(), reflect.ValueOf(a).String())
}

// typeName is the ent type of a generated package's name ("unitcoverage"
// → "UnitCoverage"), for the enums the register's messages name.
func typeName(pkg string) string {
	switch pkg {
	case "unitcoverage":
		return "UnitCoverage"
	case "affiliatedorganization":
		return "AffiliatedOrganization"
	case "membership":
		return "Membership"
	}
	return strings.ToUpper(pkg[:1]) + pkg[1:]
}

// records names the register's record types in Chinese.
var records = map[string]string{
	"Member": "党员", "Organization": "党组织", "Unit": "单位", "Area": "区域", "Membership": "组织关系",
	"Appointment": "任职", "Term": "任期", "Meeting": "组织生活记录", "UnitCoverage": "覆盖关系",
	"AffiliatedOrganization": "群团组织", "Assessment": "考核", "Exemption": "豁免", "RuleSetting": "规则设定",
	"InstructorVisit": "指导员走访", "MobileReport": "流动党员报告", "KindChange": "组织类别变更", "Period": "历史记录",
	"User": "用户", "APIToken": "令牌", "AuditEntry": "审计记录",
}

// TypeZh names a record type in Chinese ("Member" → 党员), or "记录" (a
// record) for a type it does not know.
func TypeZh(typ string) string {
	if zh, ok := records[typ]; ok {
		return zh
	}
	return "记录"
}

// recordType names a record type in both languages.
func recordType(typ string) bilingual {
	if zh, ok := records[typ]; ok {
		return bilingual{zh: zh, en: typ}
	}
	return bilingual{zh: typ, en: typ}
}

// kindList names kinds joined by "or" (或).
func kindList[K ~string](kinds []K) bilingual {
	zh := make([]string, len(kinds))
	en := make([]string, len(kinds))
	for i, k := range kinds {
		zh[i] = fmt.Sprint(chineseOf(k))
		en[i] = string(k)
	}
	return bilingual{zh: strings.Join(zh, "或"), en: strings.Join(en, " or ")}
}

// endText is the end of a period after its start: " to 2025-06-30", " with no end".
func endText(end *time.Time) bilingual {
	if end == nil {
		return bilingual{zh: "起，未结束", en: " with no end"}
	}
	return bilingual{zh: "至" + day(*end), en: " to " + day(*end)}
}

// dayOrUnknown is a day, or says it was not recorded.
func dayOrUnknown(t *time.Time) bilingual {
	if t == nil {
		return bilingual{zh: "未记录的日期", en: "a day not recorded"}
	}
	return bilingual{zh: day(*t), en: day(*t)}
}

// fieldName names an input field: by its label in Chinese, by its GraphQL
// name in English.
func fieldName(field string) bilingual {
	if zh := vocab.FieldZh(field); zh != "" {
		return bilingual{zh: zh, en: field}
	}
	return bilingual{zh: field, en: field}
}
