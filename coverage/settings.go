package coverage

import (
	"time"

	"context"
	"fmt"
	"jiceng/calendar"
	"jiceng/ent/period"
	"strings"

	"jiceng/ent"
	"jiceng/register"
	"jiceng/vocab"
)

// Settings are the rule settings in force: the register's RuleSetting rows,
// falling back to the defaults of DOMAIN.md for a key with no row.
type Settings struct {
	rows map[string]setting // by key, or key/kind
}

type setting struct {
	value  float64
	period int
}

// LoadSettings reads the rule settings in force today.
func LoadSettings(ctx context.Context, client *ent.Client) (*Settings, error) {
	return LoadSettingsOn(ctx, client, calendar.Today())
}

// LoadSettingsOn reads the rule settings in force on day: each row's value
// and period as its history gives them for that day.
func LoadSettingsOn(ctx context.Context, client *ent.Client, day time.Time) (*Settings, error) {
	h, err := loadSettingHistory(ctx, client, &day)
	if err != nil {
		return nil, err
	}
	return h.on(day), nil
}

// settingHistory is the register's rule settings and their periods (those
// in force on one day, or all of them), read once for the days of a span.
type settingHistory struct {
	rows    []*ent.RuleSetting
	periods []*ent.Period
}

// loadSettingHistory reads the settings and their periods in force on day,
// or every period when day is nil.
func loadSettingHistory(ctx context.Context, client *ent.Client, day *time.Time) (*settingHistory, error) {
	rows, err := client.RuleSetting.Query().All(ctx)
	if err != nil {
		return nil, fmt.Errorf("loading rule settings: %w", err)
	}
	q := client.Period.Query().Where(period.AttributeIn(vocab.SettingValue, vocab.SettingPeriod))
	if day != nil {
		q = q.Where(period.ValidFromLTE(*day), period.Or(period.ValidToIsNil(), period.ValidToGT(*day)))
	}
	ps, err := q.All(ctx)
	if err != nil {
		return nil, fmt.Errorf("loading the history of rule settings: %w", err)
	}
	return &settingHistory{rows: rows, periods: ps}, nil
}

// on is the settings in force on day.
func (h *settingHistory) on(day time.Time) *Settings {
	on := map[int]*ent.Period{}
	for _, p := range h.periods {
		if !calendar.Day(p.ValidFrom).After(day) && (p.ValidTo == nil || calendar.Day(*p.ValidTo).After(day)) {
			on[p.SubjectID*2+boolInt(p.Attribute == vocab.SettingPeriod)] = p
		}
	}
	rows := make([]*ent.RuleSetting, len(h.rows))
	for i, row := range h.rows {
		r := *row // the rows are shared by the days of a span
		if p, ok := on[r.ID*2]; ok && p.Number != nil {
			r.Value = *p.Number
		}
		if p, ok := on[r.ID*2+1]; ok {
			if p.Number == nil {
				r.PeriodMonths = nil
			} else {
				n := int(*p.Number)
				r.PeriodMonths = &n
			}
		}
		rows[i] = &r
	}
	s := &Settings{rows: map[string]setting{}}
	s.fill(rows)
	return s
}

// fill sets the defaults of DOMAIN.md, then the register's rows over them.
func (s *Settings) fill(rows []*ent.RuleSetting) {
	for _, d := range register.Defaults {
		s.rows[settingKey(d.Key, d.Kind)] = setting{d.Value, d.PeriodMonths}
	}
	for _, r := range rows {
		var kind vocab.OrganizationKind
		if r.OrganizationKind != nil {
			kind = *r.OrganizationKind
		}
		period := 0
		if r.PeriodMonths != nil {
			period = *r.PeriodMonths
		}
		s.rows[settingKey(r.Key, kind)] = setting{r.Value, period}
	}
}

func settingKey(key string, kind vocab.OrganizationKind) string {
	if kind == "" {
		return key
	}
	return key + "/" + string(kind)
}

func (s *Settings) lookup(key string, kind vocab.OrganizationKind) setting {
	if kind != "" {
		if v, ok := s.rows[settingKey(key, kind)]; ok {
			return v
		}
	}
	return s.rows[key]
}

// Value is the setting's value for organisations of kind (or the general
// value, for kind "").
func (s *Settings) Value(key string, kind vocab.OrganizationKind) float64 {
	return s.lookup(key, kind).value
}

// Int is Value as a whole number.
func (s *Settings) Int(key string) int { return int(s.Value(key, "")) }

// Period is a frequency's period in months for organisations of kind.
func (s *Settings) Period(key string, kind vocab.OrganizationKind) int {
	return s.lookup(key, kind).period
}

// byKind writes a setting as a SQL expression over a column holding an
// organisation kind, so one query applies each kind's value.
func (s *Settings) byKind(key, column string) string {
	var b strings.Builder
	b.WriteString("(CASE " + column)
	for _, k := range vocab.OrganizationKinds {
		b.WriteString(" WHEN '" + string(k) + "' THEN " + num(s.Value(key, k)))
	}
	b.WriteString(" ELSE " + num(s.Value(key, "")) + " END)")
	return b.String()
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// maxWindowDays bounds the days after the first recorded one whose meeting
// window HistoryCompleteFrom examines: windows of up to 40 months.
const maxWindowDays = 40 * 31

// HistoryCompleteFrom is the first day from which every day's meeting
// window — after the day MEETING_WINDOW_MONTHS (as in force on that day)
// calendar months before, as the analysis reads it — lies wholly on or
// after since, the first day of recorded organisational life: the day
// after the last whose window reaches before the record.
func HistoryCompleteFrom(ctx context.Context, client *ent.Client, since time.Time) (time.Time, error) {
	h, err := loadSettingHistory(ctx, client, nil)
	if err != nil {
		return time.Time{}, err
	}
	since = calendar.Day(since)
	eve := since.AddDate(0, 0, -1)
	complete := since
	for day := since; day.Before(since.AddDate(0, 0, maxWindowDays)); day = day.AddDate(0, 0, 1) {
		if calendar.AddMonths(day, -h.on(day).Int("MEETING_WINDOW_MONTHS")).Before(eve) {
			complete = day.AddDate(0, 0, 1)
		}
	}
	return complete, nil
}
