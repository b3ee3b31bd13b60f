package vocab

import "testing"

// Every kind and meeting type has its Chinese name, copied from the
// dashboard's words (go generate ./vocab after changing enums.ts).
func TestEveryValueHasItsChineseName(t *testing.T) {
	for _, k := range OrganizationKinds {
		if k.Chinese() == string(k) {
			t.Errorf("%s has no Chinese name in words_gen.go", k)
		}
	}
	for _, m := range MeetingTypes {
		if m.Chinese() == string(m) {
			t.Errorf("%s has no Chinese name in words_gen.go", m)
		}
	}
	if got := Zh("UnitKind", "NON_PUBLIC_ENTERPRISE"); got != "非公有制企业" {
		t.Errorf("NON_PUBLIC_ENTERPRISE is %q", got)
	}
	if got := En("OrganizationKind", "BRANCH"); got != "Branch" {
		t.Errorf("BRANCH in English is %q", got)
	}
	if got := FieldZh("gridID"); got != "所在网格" {
		t.Errorf("gridID is labelled %q", got)
	}
	if got := Zh("UnitKind", "NO_SUCH"); got != "NO_SUCH" {
		t.Errorf("an unknown value is named %q", got)
	}
}
