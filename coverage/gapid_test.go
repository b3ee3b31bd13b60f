package coverage

import (
	"slices"
	"testing"
	"time"
)

// TestEveryGapHasAnID: each rule and meeting type has its number in gap IDs,
// and an ID reads back as it was written.
func TestEveryGapHasAnID(t *testing.T) {
	day := time.Date(2025, 6, 30, 0, 0, 0, 0, time.UTC)
	for _, r := range rules {
		if !slices.Contains(gapRules, r.Code) {
			t.Errorf("rule %s has no number in gapRules: append it", r.Code)
		}
	}
	for typ := range meetingNameZh {
		if !slices.Contains(gapDetails, typ) {
			t.Errorf("meeting type %s has no number in gapDetails: append it", typ)
		}
	}
	id := gapID("LIFE_MEETINGS_BEHIND", 12884901890, "PARTY_LECTURE", day)
	if !IsGapID(id) || id&(1<<subjectBits-1) != 12884901890 || gapRules[(id>>ruleShift)&31] != "LIFE_MEETINGS_BEHIND" ||
		gapDetails[(id>>detailShift)&15] != "PARTY_LECTURE" || !epoch.AddDate(0, 0, (id>>dayShift)&(1<<dayBits-1)).Equal(day) {
		t.Errorf("gap ID %d does not read back as written", id)
	}
	if IsGapID(12884901890) {
		t.Error("a record's ID reads as a gap's")
	}
}
