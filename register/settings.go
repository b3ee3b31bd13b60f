package register

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"jiceng/calendar"
	"jiceng/ent"
	"jiceng/ent/rulesetting"
	"jiceng/vocab"
)

// Setting is the default of one rule setting (DOMAIN.md section 4). Kind,
// when set, limits the row to organisations of that kind and overrides the
// row without a kind.
type Setting struct {
	Key          string
	Kind         vocab.OrganizationKind
	Value        float64
	PeriodMonths int
	Description  string
	Source       string
}

const (
	srcConstitution30 = "Party Constitution (2022) Art. 30; 支部工作条例 Art. 4"
	srcBranchArt4     = "中国共产党支部工作条例（试行） Art. 4"
	srcBranchArt5     = "中国共产党支部工作条例（试行） Art. 5"
	srcBranchCh5      = "中国共产党支部工作条例（试行） ch. 5"
	srcBranchCh6      = "中国共产党支部工作条例（试行） ch. 6"
	srcOrgans         = "中国共产党党和国家机关基层组织工作条例 Arts. 5–6"
	srcTerms          = "Party Constitution Art. 31; 中办《关于党的基层组织任期的意见》(2018)"
	srcLapse          = "Party Constitution Art. 9"
	srcFuxin          = "阜新街道 practice (the talk)"
)

// every kind of branch that holds the three meetings and a lecture.
var branchKinds = []vocab.OrganizationKind{vocab.Branch, vocab.GridBranch}

// Defaults are the rule settings a new register starts with.
var Defaults = defaults()

func defaults() []Setting {
	s := []Setting{
		{Key: "ORG_REQUIRED_FULL_MEMBERS", Value: 3, Source: srcConstitution30,
			Description: "A unit with this many full members or more must set up its own organisation."},
		{Key: "BRANCH_MAX_MEMBERS", Value: 50, Source: srcBranchArt4,
			Description: "A branch generally has at most this many members; beyond it, split or upgrade."},
		{Key: "JOINT_MAX_UNITS", Value: 5, Source: srcBranchArt5,
			Description: "A joint branch covers at most this many units."},
		{Key: "SITE_BRANCH_MIN_MONTHS", Value: 6, Source: srcBranchArt5,
			Description: "A site whose project lasts this many months or more sets up a temporary branch; a temporary branch for a shorter project is reported (STRUCT_TEMPORARY_STALE)."},
		{Key: "GENERAL_BRANCH_MIN_MEMBERS", Value: 50, Source: srcOrgans,
			Description: "From this many members a branch is usually upgraded to a general branch (said by STRUCT_BRANCH_OVERSIZE)."},
		{Key: "COMMITTEE_MIN_MEMBERS", Value: 100, Source: srcOrgans,
			Description: "From this many members a general branch may become a committee (STRUCT_UPGRADE_TO_COMMITTEE)."},
		{Key: "BRANCH_COMMITTEE_REQUIRED_FULL_MEMBERS", Value: 7, Source: srcBranchCh6,
			Description: "A branch with this many full members or more elects a branch committee."},
		{Key: "BRANCH_COMMITTEE_MIN_SIZE", Value: 3, Source: srcBranchCh6,
			Description: "A branch committee has at least this many office holders."},
		{Key: "BRANCH_COMMITTEE_MAX_SIZE", Value: 7, Source: srcBranchCh6,
			Description: "A branch committee has at most this many office holders (STRUCT_COMMITTEE_OVERSIZE)."},
		{Key: "TERM_YEARS", Value: 3, Source: srcTerms,
			Description: "Years in the term of a branch or general branch that is not a community organisation; Party groups and temporary branches have none."},
		{Key: "TERM_YEARS", Kind: vocab.CommunityCommittee, Value: 5, Source: srcTerms,
			Description: "Years in a community committee's term when it is not territorial (a territorial one serves TERM_YEARS_COMMUNITY)."},
		{Key: "TERM_YEARS", Kind: vocab.Committee, Value: 5, Source: srcTerms,
			Description: "Years in a primary-level committee's term."},
		{Key: "TERM_YEARS", Kind: vocab.WorkingCommittee, Value: 0, Source: srcTerms,
			Description: "The working committee is appointed and has no term."},
		{Key: "TERM_YEARS_COMMUNITY", Value: 5, Source: srcTerms,
			Description: "Years in the term of a community organisation: a territorial committee, general branch or branch of a community or its grids."},
		{Key: "TERM_MAX_POSTPONE_MONTHS", Value: 12, Source: srcTerms,
			Description: "A renewal may be brought forward or postponed by at most this many months."},
		{Key: "TERM_EXPIRING_MONTHS", Value: 3, Source: srcFuxin,
			Description: "A term ending within this many months is reported as expiring."},
		{Key: "LAPSE_MONTHS", Value: 6, Source: srcLapse,
			Description: "Consecutive months without organisational life after which a member is at risk of lapsing."},
		{Key: "SECRETARY_TRAINING_MONTHS", Value: 1, Source: srcFuxin,
			Description: "A grid branch's secretary attends the sub-district's monthly meeting (以会代训) held in this many months before the date examined."},
		{Key: "INSTRUCTOR_VISIT_MONTHS", Value: 12, Source: srcFuxin,
			Description: "A unit counts as contacted by an instructor when visited (InstructorVisit) in this many months before the date examined."},
		{Key: "MOBILE_REPORT_MONTHS", Value: 1, Source: srcFuxin,
			Description: "A mobile member reports at least once in this many months."},
		{Key: "MEETING_WINDOW_MONTHS", Value: 12, Source: srcFuxin,
			Description: "The months before the date examined over which meeting frequencies are checked."},
		{Key: "ASSESSMENT_AWARD_SCORE", Value: 90, Source: srcFuxin,
			Description: "A yearly score at or above this earns the award."},
		{Key: "ASSESSMENT_UNQUALIFIED_SCORE", Value: 70, Source: srcFuxin,
			Description: "A yearly score below this is unqualified (不称职)."},
	}
	meetings := []struct {
		typ    vocab.MeetingType
		count  float64
		months int
		kinds  []vocab.OrganizationKind
		source string
	}{
		{vocab.MembersAssembly, 1, 3, branchKinds, "中国共产党支部工作条例（试行） Art. 11"},
		{vocab.BranchCommittee, 1, 1, branchKinds, "中国共产党支部工作条例（试行） Art. 12"},
		{vocab.PartyGroupMeeting, 1, 1, []vocab.OrganizationKind{vocab.PartyGroup}, "中国共产党支部工作条例（试行） Art. 13"},
		{vocab.PartyLecture, 1, 12, branchKinds, "中国共产党支部工作条例（试行） Art. 16"},
		{vocab.ThemedPartyDay, 1, 1, branchKinds, srcBranchCh5},
		{vocab.OrganizationalLifeMeeting, 1, 12, append([]vocab.OrganizationKind{vocab.GeneralBranch}, branchKinds...), srcBranchCh5},
		// The monthly meeting (网格月例会) trains the grid secretaries: the
		// working committee holds it and LIFE_SECRETARY_TRAINING_MISSED reads
		// its roll; no organisation is required to hold it.
		{vocab.MonthlyMeeting, 1, 1, nil, srcFuxin},
	}
	for _, m := range meetings {
		key := "MEETING_" + string(m.typ)
		s = append(s, Setting{Key: key, Value: 0, PeriodMonths: m.months, Source: m.source,
			Description: fmt.Sprintf("%s meetings required per period, for kinds without a row of their own.", m.typ)})
		for _, k := range m.kinds {
			s = append(s, Setting{Key: key, Kind: k, Value: m.count, PeriodMonths: m.months, Source: m.source,
				Description: fmt.Sprintf("A %s holds %s at least %g time(s) every %d month(s).", k, m.typ, m.count, m.months)})
		}
	}
	return s
}

// SettingKeys lists the keys a rule setting may have, sorted.
func SettingKeys() []string {
	seen := map[string]bool{}
	var keys []string
	for _, s := range Defaults {
		if !seen[s.Key] {
			seen[s.Key] = true
			keys = append(keys, s.Key)
		}
	}
	sort.Strings(keys)
	return keys
}

// CheckRuleSetting checks a rule setting: a known key, a value not below
// zero, a period for meeting frequencies, and one row per key and kind.
func CheckRuleSetting(ctx context.Context, c *ent.Client, r *ent.RuleSetting) error {
	keys := SettingKeys()
	if i := sort.SearchStrings(keys, r.Key); i == len(keys) || keys[i] != r.Key {
		return invalid("key", "UNKNOWN_SETTING", "“%[1]s”不是规则设定；可用的有：%[2]s", "%q is not a rule setting; known keys are %s", r.Key, strings.Join(keys, ", "))
	}
	if r.Value < 0 {
		return invalid("value", "NEGATIVE", "不能为负数", "must not be negative")
	}
	if strings.HasPrefix(r.Key, "MEETING_") && r.Key != "MEETING_WINDOW_MONTHS" && r.PeriodMonths == nil {
		return invalid("periodMonths", "PERIOD_REQUIRED", "组织生活频次须填写统计周期", "a meeting frequency needs the period it counts over")
	}
	q := c.RuleSetting.Query().Where(rulesetting.Key(r.Key), rulesetting.IDNEQ(r.ID))
	if r.OrganizationKind == nil {
		q = q.Where(rulesetting.OrganizationKindIsNil())
	} else {
		q = q.Where(rulesetting.OrganizationKindEQ(*r.OrganizationKind))
	}
	n, err := q.Count(ctx)
	if err != nil {
		return fmt.Errorf("counting rule settings: %w", err)
	}
	if n > 0 {
		return conflict("key", "SETTING_EXISTS", "%[1]s对该组织类别已有设定，请修改该设定", "%s already has a row for this organisation kind; update it instead", r.Key)
	}
	return nil
}

// SeedSettings adds every default rule setting that has no row yet, so a
// new register starts with the defaults and an upgraded one gains new keys
// without losing the values its users changed.
func SeedSettings(ctx context.Context, client *ent.Client) error {
	return InTx(ctx, client, func(tx *ent.Client) error {
		rows, err := tx.RuleSetting.Query().All(ctx)
		if err != nil {
			return fmt.Errorf("loading rule settings: %w", err)
		}
		have := map[string]bool{}
		for _, r := range rows {
			have[settingID(r.Key, r.OrganizationKind)] = true
			if err := upgradeSetting(ctx, tx, r); err != nil {
				return err
			}
		}
		for _, d := range Defaults {
			var kind *vocab.OrganizationKind
			if d.Kind != "" {
				kind = &d.Kind
			}
			if have[settingID(d.Key, kind)] {
				continue
			}
			create := tx.RuleSetting.Create().
				SetKey(d.Key).SetNillableOrganizationKind(kind).SetValue(d.Value).
				SetDescription(d.Description).SetSource(d.Source)
			if d.PeriodMonths > 0 {
				create.SetPeriodMonths(d.PeriodMonths)
			}
			if _, err := create.Save(ctx); err != nil {
				return fmt.Errorf("adding rule setting %s: %w", d.Key, err)
			}
		}
		return nil
	})
}

func settingID(key string, kind *vocab.OrganizationKind) string {
	if kind == nil {
		return key
	}
	return key + "/" + string(*kind)
}

// SettingValue is the value of a rule setting for every organisation kind:
// the register's row without a kind, else the default.
func SettingValue(ctx context.Context, c *ent.Client, key string) (float64, error) {
	r, err := c.RuleSetting.Query().Where(rulesetting.Key(key), rulesetting.OrganizationKindIsNil()).Only(ctx)
	switch {
	case err == nil:
		return r.Value, nil
	case !ent.IsNotFound(err):
		return 0, fmt.Errorf("loading rule setting %s: %w", key, err)
	}
	for _, d := range Defaults {
		if d.Key == key && d.Kind == "" {
			return d.Value, nil
		}
	}
	return 0, fmt.Errorf("rule setting %s has no default", key)
}

// upgradeSetting brings a row seeded by an earlier version up to date: a
// description that said no rule reads the setting gets today's, and the
// monthly meeting once required of grid branches (it is the sub-district's
// meeting that trains their secretaries) is required no more from today.
func upgradeSetting(ctx context.Context, tx *ent.Client, r *ent.RuleSetting) error {
	var kind vocab.OrganizationKind
	if r.OrganizationKind != nil {
		kind = *r.OrganizationKind
	}
	if r.Key == "MEETING_"+string(vocab.MonthlyMeeting) && kind == vocab.GridBranch && strings.HasPrefix(r.Description, "A GRID_BRANCH holds MONTHLY_MEETING") {
		_, err := tx.RuleSetting.UpdateOne(r).SetValue(0).
			SetDescription("Grid branches do not hold the monthly meeting: it is the sub-district's, training their secretaries (LIFE_SECRETARY_TRAINING_MISSED).").
			Save(On(ctx, calendar.Today(), "网格月例会是街道对网格党支部书记的以会代训"))
		if err != nil {
			return fmt.Errorf("upgrading rule setting %s: %w", r.Key, err)
		}
		return nil
	}
	if !strings.Contains(r.Description, "no coverage rule reads it yet") {
		return nil
	}
	for _, d := range Defaults {
		if d.Key == r.Key && d.Kind == kind {
			if _, err := tx.RuleSetting.UpdateOne(r).SetDescription(d.Description).Save(ctx); err != nil {
				return fmt.Errorf("upgrading rule setting %s: %w", r.Key, err)
			}
		}
	}
	return nil
}
