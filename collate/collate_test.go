package collate

import (
	"sort"
	"testing"
)

func TestKeyOrdersNumeralsByValue(t *testing.T) {
	names := []string{"第十一网格", "第三网格", "第十网格", "第二网格", "第一网格", "10号楼党小组", "2号楼党小组", "第一百零五支部", "第二十网格", "文化路社区"}
	want := []string{"2号楼党小组", "10号楼党小组", "文化路社区", "第一网格", "第二网格", "第三网格", "第十网格", "第十一网格", "第二十网格", "第一百零五支部"}
	sort.Slice(names, func(i, j int) bool { return Key(names[i]) < Key(names[j]) })
	for i := range want {
		if names[i] != want[i] {
			t.Fatalf("got %v, want %v", names, want)
		}
	}
}

func TestChineseNumber(t *testing.T) {
	cases := map[string]int{"一": 1, "十": 10, "十二": 12, "二十": 20, "三十五": 35, "一百零五": 105, "二〇二六": 2026, "两百": 200}
	for in, want := range cases {
		if got := chineseNumber([]rune(in)); got != want {
			t.Errorf("chineseNumber(%q): got %d, want %d", in, got, want)
		}
	}
}

func TestKeyKeepsOtherText(t *testing.T) {
	if got, want := Key("市三中"), "市00000003中"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got, want := Key("007"), "00000007"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
