package coverage

import (
	"context"
	"slices"
	"time"
)

// A gap's global ID (the Relay Node id) packs, above the range of every
// record's ID: its rule, its subject, its detail (the meeting type of a
// LIFE_MEETINGS_BEHIND gap) and the day it was found as of. The same gap on
// the same day always has the same ID, and node(id:) finds it again.
//
//	bit 61      set: a gap
//	bits 45–60  days since 2000-01-01 (until 2089)
//	bits 41–44  detail, an index in gapDetails (0: none)
//	bits 36–40  rule, an index in gapRules
//	bits 0–35   the subject's ID (entgql's global IDs: 16 types of 2^32)
const (
	gapFlag     = 1 << 61
	subjectBits = 36
	ruleShift   = subjectBits
	detailShift = ruleShift + 5
	dayShift    = detailShift + 4
	dayBits     = 61 - dayShift
)

// gapRules and gapDetails number rules and meeting types for gap IDs. The
// numbers are part of the IDs clients keep: append, never reorder.
var (
	gapRules = []RuleCode{"WORK_GRID_UNCOVERED", "WORK_COMMUNITY_UNORGANIZED", "WORK_UNIT_UNREACHED",
		"ORG_UNIT_SHOULD_ORGANIZE", "ORG_UNIT_NEEDS_JOINT", "ORG_MEMBER_UNATTACHED", "ORG_MOBILE_REPORT_OVERDUE",
		"ORG_MEMBER_LAPSE_RISK", "LIFE_NO_SECRETARY", "LIFE_TERM_EXPIRED", "LIFE_TERM_EXPIRING",
		"LIFE_MEETINGS_BEHIND", "STRUCT_BRANCH_OVERSIZE", "STRUCT_COMMITTEE_MISSING", "STRUCT_JOINT_OVERWIDE",
		"STRUCT_TEMPORARY_STALE", "LIFE_SECRETARY_TRAINING_MISSED", "STRUCT_COMMITTEE_OVERSIZE",
		"STRUCT_UPGRADE_TO_COMMITTEE"}
	gapDetails = []string{"", "MEMBERS_ASSEMBLY", "BRANCH_COMMITTEE", "PARTY_GROUP_MEETING", "PARTY_LECTURE",
		"THEMED_PARTY_DAY", "MONTHLY_MEETING", "JOINT_MEETING", "ORGANIZATIONAL_LIFE_MEETING"}
	epoch = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
)

// IsGapID reports whether a global ID is a gap's.
func IsGapID(id int) bool { return id&gapFlag != 0 }

// gapID is the ID of a gap row on a day; 0 when it cannot have one.
func gapID(rule RuleCode, subject int, detail string, asOf time.Time) int {
	r, d := slices.Index(gapRules, rule), slices.Index(gapDetails, detail)
	days := int(asOf.Sub(epoch).Hours() / 24)
	if r < 0 || d < 0 || subject < 0 || subject >= 1<<subjectBits || days < 0 || days >= 1<<dayBits {
		return 0
	}
	return gapFlag | days<<dayShift | d<<detailShift | r<<ruleShift | subject
}

// Gap finds a gap by its ID: the gap as of its day, if it is still found
// then (a change to the register may have closed it); nil when there is none.
func (en *Engine) Gap(ctx context.Context, id int) (*Gap, error) {
	if !IsGapID(id) {
		return nil, nil
	}
	r, d := (id>>ruleShift)&(1<<5-1), (id>>detailShift)&(1<<4-1)
	if r >= len(gapRules) || d >= len(gapDetails) {
		return nil, nil
	}
	asOf := epoch.AddDate(0, 0, (id>>dayShift)&(1<<dayBits-1))
	a, err := en.analysis(ctx, asOf)
	if err != nil {
		return nil, err
	}
	key := cursor{Rule: gapRules[r], ID: id & (1<<subjectBits - 1), Detail: gapDetails[d]}
	at, found := slices.BinarySearchFunc(a.gaps, key, func(g *gapRow, c cursor) int { return -c.compare(g) })
	if !found {
		return nil, nil
	}
	gaps, err := a.hydrate(ctx, en, a.gaps[at:at+1])
	if err != nil {
		return nil, err
	}
	return gaps[0], nil
}
