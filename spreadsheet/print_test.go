package spreadsheet

import (
	"os"
	"regexp"
	"testing"

	"jiceng/coverage"
)

// The printed report names each rule as the dashboard does: the names are
// read from the dashboard's enums (frontend/src/i18n/enums.ts) for every
// rule the schema lists.
func TestPrintedRuleNamesAreTheScreens(t *testing.T) {
	schema, err := os.ReadFile("../graph/coverage.graphqls")
	if err != nil {
		t.Fatal(err)
	}
	enums, err := os.ReadFile("../frontend/src/i18n/enums.ts")
	if err != nil {
		t.Fatal(err)
	}
	block := regexp.MustCompile(`(?s)enum RuleCode \{(.*?)\n\}`).FindSubmatch(schema)
	screen := regexp.MustCompile(`(?s)const RuleCode: Names<RuleCode> = \{(.*?)\n\}`).FindSubmatch(enums)
	if block == nil || screen == nil {
		t.Fatal("the schema's RuleCode enum or the dashboard's RuleCode names are not found")
	}
	names := map[string]string{}
	for _, m := range regexp.MustCompile(`(?m)^\s*([A-Z_]+): \['([^']*)'`).FindAllSubmatch(screen[1], -1) {
		names[string(m[1])] = string(m[2])
	}
	codes := regexp.MustCompile(`(?m)^\s*([A-Z][A-Z0-9_]+)\s*$`).FindAllSubmatch(block[1], -1)
	if len(codes) < 15 {
		t.Fatalf("read %d rule codes from the schema", len(codes))
	}
	for _, m := range codes {
		code := string(m[1])
		want, ok := names[code]
		if !ok {
			t.Errorf("%s has no name on the screen", code)
			continue
		}
		if got := ruleName(coverage.RuleCode(code)); got != want {
			t.Errorf("%s prints as %q, the screen shows %q", code, got, want)
		}
	}
}
