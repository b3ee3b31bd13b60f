package coverage_test

import (
	"context"
	"sort"
	"testing"

	"jiceng/coverage"
	"jiceng/database/dbtest"
	"jiceng/demo"
	"jiceng/policy"
	"jiceng/register"
	"jiceng/vocab"
)

// TestTheFuxinStory checks that, on the demo, the roll-up and the gaps tell
// the story of the talk: the named enterprises covered as the talk says, the
// figures of the talk, and the planted gaps found, each once, and nothing else.
func TestTheFuxinStory(t *testing.T) {
	st := dbtest.Open(t)
	ctx := policy.System(context.Background())
	if err := demo.Load(ctx, st.Client, demo.Reference()); err != nil {
		t.Fatal(err)
	}
	// A bulk load derives the kept days of organisational life once, at
	// its commit (register/lifedays.go).
	var kept int
	if err := st.DB.QueryRow("SELECT COUNT(*) FROM life_days").Scan(&kept); err != nil || kept == 0 {
		t.Errorf("the demo's life days: %d rows (%v), want the days its members attended", kept, err)
	}
	if drift, err := register.LifeDaysDrift(ctx, st.DB); err != nil || drift != 0 {
		t.Errorf("the demo's kept life days are off by %d rows (%v)", drift, err)
	}
	en := coverage.New(st.Client, st.Read, st.Dialect)
	ref := demo.Reference()
	rep, err := en.Coverage(ctx, nil, &ref, 2)
	if err != nil {
		t.Fatal(err)
	}
	t.Run("the talk's figures", func(t *testing.T) {
		m := rep.Members
		if m.InService != 680 || m.Retired != 72 || m.SelfEmployed != 58 || m.Mobile != 2 || m.Outflow != 2 || m.Total != 812 {
			t.Errorf("members: got %+v, want 680 in service, 72 retired, 58 self-employed, 2 outflow", *m)
		}
		for kind, want := range map[vocab.OrganizationKind]int{vocab.GridBranch: 12, vocab.PartyGroup: 33, vocab.GeneralBranch: 3} {
			if got := kindCount(rep, kind); got != want {
				t.Errorf("%s: got %d, want %d", kind, got, want)
			}
		}
		if rep.Grids.Total != 16 || rep.Grids.Uncovered != 1 {
			t.Errorf("grids: got %+v, want 16 with 1 uncovered", *rep.Grids)
		}
		if a := rep.Assessments; a.Assessed == 0 || a.Awarded == 0 || a.Unqualified == 0 {
			t.Errorf("assessments: got %+v, want the latest year with an award and 大桥社区党支部 unqualified", *a)
		}
		if len(rep.Children) != 1 || len(rep.Children[0].Children) != 4 {
			t.Fatalf("got %d sub-districts, want 阜新街道 with its 4 communities", len(rep.Children))
		}
	})
	gaps, err := en.Gaps(ctx, coverage.GapFilter{AsOf: &ref, First: 500})
	if err != nil {
		t.Fatal(err)
	}
	found := map[coverage.RuleCode][]string{}
	for _, g := range gaps.Nodes() {
		found[g.Rule] = append(found[g.Rule], g.SubjectName)
	}
	t.Run("the named enterprises", func(t *testing.T) {
		for _, name := range []string{"亚欧运输公司", "林立网业", "荣达驾校", "华通汽修厂"} {
			for rule, subjects := range found {
				for _, s := range subjects {
					if s == name {
						t.Errorf("%s is reported by %s; the talk has it reached", name, rule)
					}
				}
			}
		}
		if rep.Units.OwnBranch < 2 {
			t.Errorf("units with a branch of their own: got %d, want at least 荣达驾校 and 华通汽修厂", rep.Units.OwnBranch)
		}
	})
	t.Run("the planted gaps and nothing else", func(t *testing.T) {
		want := map[coverage.RuleCode][]string{
			"WORK_GRID_UNCOVERED":       {demo.UncoveredGrid},
			"ORG_UNIT_SHOULD_ORGANIZE":  {demo.UnorganizedUnit},
			"ORG_UNIT_NEEDS_JOINT":      {demo.LoneUnit},
			"ORG_MEMBER_UNATTACHED":     {demo.PocketMember},
			"ORG_MOBILE_REPORT_OVERDUE": {demo.OverdueMobileMember},
			"ORG_MEMBER_LAPSE_RISK":     {demo.LapsedMember},
			"LIFE_NO_SECRETARY":         {demo.VacantOrganization},
			"LIFE_TERM_EXPIRED":         {demo.ExpiredTermOrganization},
			"LIFE_TERM_EXPIRING":        {demo.ExpiringTermOrganization},
			"LIFE_MEETINGS_BEHIND":      {demo.SilentPartyGroup},
		}
		for rule, names := range want {
			got := found[rule]
			sort.Strings(got)
			if len(got) != len(names) || got[0] != names[0] {
				t.Errorf("%s: got %v, want %v", rule, got, names)
			}
		}
		for rule, subjects := range found {
			if _, ok := want[rule]; !ok {
				t.Errorf("%s reports %v, which the demo did not plant", rule, subjects)
			}
		}
		if gaps.TotalCount != len(want) {
			t.Errorf("got %d gaps, want the %d planted", gaps.TotalCount, len(want))
		}
	})
	t.Run("the lone unit is offered the joint branch", func(t *testing.T) {
		for _, g := range gaps.Nodes() {
			if g.Rule == "ORG_UNIT_NEEDS_JOINT" {
				if len(g.Suggestions) == 0 || g.Suggestions[0].Name != demo.JointBranch {
					t.Errorf("suggestions: got %d, want %s first", len(g.Suggestions), demo.JointBranch)
				}
			}
		}
	})
}
