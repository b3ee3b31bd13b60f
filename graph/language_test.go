package graph_test

import (
	"context"
	"fmt"
	"maps"
	"strings"
	"testing"

	"jiceng/ent"
	"jiceng/ent/area"
	"jiceng/policy"
	"jiceng/register"
	"jiceng/viewer"
)

// TestBadInputInEachLanguage sends each kind of bad input the forms can
// make and sees the error, with its field and reason, in English when the
// client asks for it (Accept-Language: en) and in Chinese by default, naming
// values as people read them; nothing is written.
func TestBadInputInEachLanguage(t *testing.T) {
	w := newWorld(t)
	var other *ent.Area
	ctx := policy.System(context.Background())
	if err := register.InTx(ctx, w.store.Client, func(c *ent.Client) error {
		other = c.Area.Create().SetName("二号社区").SetKind(area.KindCOMMUNITY).SetParent(w.sub).SaveX(ctx)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	member := `mutation($in: CreateMemberInput!) { createMember(input: $in) { id } }`
	newMember := func(extra map[string]any) map[string]any {
		in := map[string]any{"name": "测试党员", "gender": "MALE", "status": "FULL", "category": "IN_SERVICE", "joinedPartyOn": "2001-07-01"}
		maps.Copy(in, extra)
		return in
	}
	unitQuery := `mutation($in: CreateUnitInput!) { createUnit(input: $in) { id } }`
	cases := []struct {
		name          string
		query         string
		vars          []any
		editor        bool
		field, reason string
		zh, en        []string
	}{
		{"ID number with a wrong check character", member, []any{"in", newMember(map[string]any{"idNumber": "110105194912310021"})},
			false, "idNumber", "ID_NUMBER_CHECK_CHARACTER", []string{"身份证号：", "校验位是“1”", "应为“X”"}, []string{"idNumber: check character is '1', want 'X'"}},
		{"mobile phone too short", member, []any{"in", newMember(map[string]any{"phone": "1381234"[:5]})},
			false, "phone", "PHONE_FORMAT", []string{"电话：", "11位手机号码"}, []string{"11-digit mobile number"}},
		{"credit code with a wrong check character", unitQuery, []any{"in", map[string]any{"name": "错码公司", "kind": "MARKET", "gridID": id(w.grid.ID), "creditCode": "91652302MA00000000"}},
			false, "creditCode", "CREDIT_CODE_CHECK_CHARACTER", []string{"统一社会信用代码：", "校验位"}, []string{"check character"}},
		{"missing required field", unitQuery, []any{"in", map[string]any{"kind": "MARKET", "gridID": id(w.grid.ID)}},
			false, "name", "REQUIRED", []string{"名称：必须填写"}, []string{"name: must be given"}},
		{"more present than expected", fmt.Sprintf(`mutation { createMeeting(input: {organizationID: %d, type: MONTHLY_MEETING, heldOn: "2025-03-05", expectedAttendance: 20, attendance: 40}) { id } }`, w.gridBranch.ID), nil,
			false, "attendance", "ATTENDANCE_OVER_EXPECTED", []string{"实到人数：实到40人，多于应到的20人"}, []string{"40 present is more than the 20 expected"}},
		{"a kind under the wrong parent", fmt.Sprintf(`mutation { createOrganization(input: {name: "错位支部", kind: BRANCH, formation: STANDALONE, establishedOn: "2021-01-01", parentID: %d}) { id } }`, w.pg.ID), nil,
			false, "parentID", "PARENT_KIND", []string{"党支部的上级应为", "一号网格第一党小组（党小组）"}, []string{"a BRANCH must sit under"}},
		{"a date before the organisation existed", fmt.Sprintf(`mutation { createMeeting(input: {organizationID: %d, type: MONTHLY_MEETING, heldOn: "2019-03-05", expectedAttendance: 20, attendance: 10}) { id } }`, w.gridBranch.ID), nil,
			false, "heldOn", "ORGANIZATION_NOT_EXISTING", []string{"召开日期：2019-03-05时一号网格党支部不存在"}, []string{"did not exist on 2019-03-05"}},
		{"a date that is none", fmt.Sprintf(`mutation { createMeeting(input: {organizationID: %d, type: MONTHLY_MEETING, heldOn: "2025-13-01", expectedAttendance: 20, attendance: 10}) { id } }`, w.gridBranch.ID), nil,
			false, "heldOn", "DATE_FORMAT", []string{"召开日期：“2025-13-01”不是“年-月-日”格式的日期"}, []string{`heldOn: "2025-13-01" is not a date written YYYY-MM-DD`}},
		{"an editor outside their areas", fmt.Sprintf(`mutation { updateUnit(id: %d, input: {employees: 41}) { id } }`, w.unit.ID), nil,
			true, "", "OUTSIDE_AREAS", []string{"编辑员只能修改自己负责区域内的记录", "单位“示例驾校”", "一号网格"}, []string{"in their own areas only"}},
	}
	before := w.counts(t)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			api := w.api
			if c.editor {
				api = api.As(viewer.Editor, other.ID)
			}
			for lang, want := range map[string][]string{"en": c.en, "": c.zh, "zh-CN,zh;q=0.9,en;q=0.8": c.zh} {
				e := api.In(lang).Fail(c.query, c.vars...)
				if e.Field() != c.field || e.Reason() != c.reason {
					t.Errorf("Accept-Language %q: got field %q reason %q (%s), want %q %q", lang, e.Field(), e.Reason(), e.Message, c.field, c.reason)
				}
				for _, s := range want {
					if !strings.Contains(e.Message, s) {
						t.Errorf("Accept-Language %q: message %q does not say %q", lang, e.Message, s)
					}
				}
				if lang != "en" && strings.ContainsAny(e.Message, "abcdefghijklmnopqrstuvwxyz") && c.field != "" {
					t.Errorf("Accept-Language %q: the Chinese message %q has English words in it", lang, e.Message)
				}
			}
		})
	}
	if after := w.counts(t); !maps.Equal(before, after) {
		t.Errorf("refused writes changed the register: %v, then %v", before, after)
	}
}
