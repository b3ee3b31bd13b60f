package demo

import (
	"slices"
	"testing"
)

// TestDemo loads the demo once at the reference day and checks, through
// the GraphQL API, every figure the talk gives, the structure around them,
// the dated history and the planted gaps.
func TestDemo(t *testing.T) {
	d := load(t)
	t.Run("members are counted by category as in the talk", d.memberFigures)
	t.Run("twelve self-employed members are honest merchants", d.honestMerchants)
	t.Run("the working committee leads four communities", d.communities)
	t.Run("three community branches were upgraded to general branches", d.upgrades)
	t.Run("大桥社区 keeps a branch whose secretary was replaced after grading", d.daqiao)
	t.Run("twelve grid branches with a budget of 500 and 33 grid Party groups", d.grids)
	t.Run("grid boundaries tile the sub-district", d.boundaries)
	t.Run("six stationed units send part-time committee members", d.stationed)
	t.Run("the non-public enterprises are covered as the talk says", d.enterprises)
	t.Run("four instructors and liaisons serve six above-size enterprises", d.instructors)
	t.Run("a temporary branch serves the 市三中 site", d.site)
	t.Run("unions and volunteer teams are counted as in the talk", d.unions)
	t.Run("three young reserve cadres are deputy secretaries", d.deputies)
	t.Run("organisations have leaders and terms", d.leadersAndTerms)
	t.Run("branches stay within 50 members", d.branchSizes)
	t.Run("the last year of meetings follows the default frequencies", d.meetings)
	t.Run("yearly assessments reach both thresholds", d.assessments)
	t.Run("people are visibly synthetic", d.synthetic)
	t.Run("history is dated and kept", d.history)
	t.Run("the planted gaps are there", d.plantedGaps)
}

func (d *loaded) memberFigures(t *testing.T) {
	for _, f := range []struct {
		where map[string]any
		want  int
	}{
		{map[string]any{"category": "IN_SERVICE"}, 680},
		{map[string]any{"category": "RETIRED"}, 72},
		{map[string]any{"category": "SELF_EMPLOYED"}, 58},
		{map[string]any{"category": "MOBILE"}, 2},
		{map[string]any{"category": "MOBILE", "mobility": "OUTFLOW"}, 2},
		{map[string]any{}, 812},
	} {
		if got := d.count("members", "MemberWhereInput", f.where); got != f.want {
			t.Errorf("members where %v: got %d, want %d", f.where, got, f.want)
		}
	}
	full := d.count("members", "MemberWhereInput", map[string]any{"status": "FULL"})
	prob := d.count("members", "MemberWhereInput", map[string]any{"status": "PROBATIONARY"})
	if prob == 0 || full < 10*prob {
		t.Errorf("got %d full and %d probationary members; want most full and some probationary", full, prob)
	}
}

func (d *loaded) honestMerchants(t *testing.T) {
	var out struct {
		Members struct {
			Nodes []struct {
				Tags []string `json:"tags"`
			} `json:"nodes"`
		} `json:"members"`
	}
	d.api.Do(&out, `{ members(first: 500, where: {category: SELF_EMPLOYED}) { nodes { tags } } }`)
	n := 0
	for _, m := range out.Members.Nodes {
		if slices.Contains(m.Tags, "诚信商户") {
			n++
		}
	}
	if n != 12 {
		t.Errorf("self-employed members tagged 诚信商户: got %d, want 12", n)
	}
}

func (d *loaded) communities(t *testing.T) {
	var out struct {
		Areas struct {
			Nodes []struct {
				Name     string `json:"name"`
				Parent   struct{ Kind string }
				Children []struct{ Kind string }
			} `json:"nodes"`
		} `json:"areas"`
		WC struct {
			Nodes []struct {
				Name     string
				ParentID *string
				Terms    []struct{ ID string }
				Areas    []struct{ Kind string }
			}
		} `json:"wc"`
	}
	d.api.Do(&out, `{
		areas(where: {kind: COMMUNITY}) { nodes { name parent { kind } children { kind } } }
		wc: organizations(where: {kind: SUBDISTRICT_WORKING_COMMITTEE}) { nodes { name parentID terms { id } areas { kind } } }
	}`)
	var names []string
	for _, a := range out.Areas.Nodes {
		names = append(names, a.Name)
		if a.Parent.Kind != "SUBDISTRICT" || len(a.Children) != 4 {
			t.Errorf("%s: got parent %s and %d grids, want the sub-district and 4", a.Name, a.Parent.Kind, len(a.Children))
		}
	}
	slices.Sort(names)
	want := []string{"大桥社区", "文化路社区", "百合村社区", "阜兴苑社区"}
	slices.Sort(want)
	if !slices.Equal(names, want) {
		t.Errorf("communities: got %v, want %v", names, want)
	}
	if len(out.WC.Nodes) != 1 {
		t.Fatalf("working committees: got %d, want 1", len(out.WC.Nodes))
	}
	wc := out.WC.Nodes[0]
	if wc.Name != "阜新街道党工委" || wc.ParentID != nil || len(wc.Terms) != 0 || len(wc.Areas) != 1 || wc.Areas[0].Kind != "SUBDISTRICT" {
		t.Errorf("working committee: got %+v, want 阜新街道党工委 with no parent, no term, responsible for the sub-district", wc)
	}
}
