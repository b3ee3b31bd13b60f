package coverage

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"entgo.io/ent/dialect"

	"jiceng/calendar"
	"jiceng/vocab"
)

// env is what one analysis reads the register with: the day, the rule
// settings and the SQL parameters derived from them.
type env struct {
	asOf     time.Time
	settings *Settings
	// root is the SQL literal of the area that records with no location
	// belong to: the only top-level area when there is one, else NULL.
	root  string
	query *query
	// scope is, for an analysis scoped to an area, what it reads (see
	// scope.go); nil for the whole register.
	scope *scope
	// lean is set for an analysis read for its counts and its gaps' keys
	// alone (a trend's day, a day of a walk back through history): its
	// gaps carry no subject's name and no figures.
	lean bool
}

func newEnv(dialect string, asOf time.Time, settings *Settings, root int) *env {
	e := &env{asOf: asOf, settings: settings, root: "NULL"}
	if root != 0 {
		e.root = strconv.Itoa(root)
	}
	months := func(key string) time.Time { return calendar.AddMonths(asOf, -settings.Int(key)) }
	p := map[string]any{
		"d":              asOf,
		"lapse_start":    months("LAPSE_MONTHS"),
		"report_start":   months("MOBILE_REPORT_MONTHS"),
		"window_start":   months("MEETING_WINDOW_MONTHS"),
		"training_start": months("SECRETARY_TRAINING_MONTHS"),
		"visit_start":    months("INSTRUCTOR_VISIT_MONTHS"),
		"expiring_end":   calendar.AddMonths(asOf, settings.Int("TERM_EXPIRING_MONTHS")),
		"org_min":        settings.Int("ORG_REQUIRED_FULL_MEMBERS"),
		"site_min":       settings.Int("SITE_BRANCH_MIN_MONTHS"),
	}
	for k := 1; k <= e.windowMonths(); k++ {
		p["m"+strconv.Itoa(k)] = calendar.AddMonths(asOf, -k)
	}
	for _, years := range e.termLengths() {
		p["term_cut_"+strconv.Itoa(years)] = calendar.AddYears(asOf, -years)
	}
	e.query = &query{dialect: dialect, params: p}
	return e
}

// char writes a character by its code, as each dialect does.
func (e *env) char(code int) string {
	if e.query.dialect == dialect.Postgres {
		return fmt.Sprintf("chr(%d)", code)
	}
	return fmt.Sprintf("char(%d)", code)
}

// listAgg writes the aggregate that joins the non-null texts of a group.
func (e *env) listAgg(expr, sep string) string {
	if e.query.dialect == dialect.Postgres {
		return "string_agg(" + expr + ", " + sep + ")"
	}
	return "group_concat(" + expr + ", " + sep + ")"
}

func (e *env) windowMonths() int { return e.settings.Int("MEETING_WINDOW_MONTHS") }

// monthsExisted is the number of whole months of the meeting window in
// which the organisation established on col existed.
func (e *env) monthsExisted(col string) string {
	terms := make([]string, e.windowMonths())
	for k := range terms {
		terms[k] = fmt.Sprintf("CASE WHEN %s <= {m%d} THEN 1 ELSE 0 END", col, k+1)
	}
	if len(terms) == 0 {
		return "0"
	}
	return "(" + strings.Join(terms, " + ") + ")"
}

// requirements is a table of the meeting frequencies in force: for each
// organisation kind and meeting type, cnt meetings every period months.
func (e *env) requirements() string {
	var rows []string
	for _, kind := range vocab.OrganizationKinds {
		for _, typ := range vocab.MeetingTypes {
			key := "MEETING_" + string(typ)
			cnt, period := e.settings.Value(key, kind), e.settings.Period(key, kind)
			if cnt <= 0 || period <= 0 {
				continue
			}
			rows = append(rows, fmt.Sprintf("SELECT '%s' AS kind, '%s' AS type, %d AS cnt, %d AS period", kind, typ, int(cnt), period))
		}
	}
	if len(rows) == 0 {
		return "SELECT '' AS kind, '' AS type, 0 AS cnt, 1 AS period WHERE 1 = 0"
	}
	return strings.Join(rows, " UNION ALL ")
}

// termYears is a SQL expression: the years of the term of an organisation
// of the kind and formation in the columns. A community organisation (a
// territorial committee, general branch or branch under the community)
// serves TERM_YEARS_COMMUNITY years; the others TERM_YEARS for their kind.
// Party groups (their leader is designated) and temporary branches (they
// hold no elections) have no term: 0.
func (e *env) termYears(kind, formation string) string {
	return "(CASE WHEN " + kind + " = '" + string(vocab.PartyGroup) + "' OR " + formation + " = 'TEMPORARY' THEN 0" +
		" WHEN " + formation + " = 'TERRITORIAL' AND " + kind + " IN " + communityKinds +
		" THEN " + num(e.settings.Value("TERM_YEARS_COMMUNITY", "")) +
		" ELSE " + e.settings.byKind("TERM_YEARS", kind) + " END)"
}

// communityKinds are the kinds a community organisation may have.
var communityKinds = quoteList(string(vocab.CommunityCommittee), string(vocab.GeneralBranch), string(vocab.Branch), string(vocab.GridBranch))

// termLengths are the distinct positive term lengths in force.
func (e *env) termLengths() []int {
	seen := map[int]bool{}
	var out []int
	add := func(y int) {
		if y > 0 && !seen[y] {
			seen[y] = true
			out = append(out, y)
		}
	}
	add(e.settings.Int("TERM_YEARS_COMMUNITY"))
	for _, k := range vocab.OrganizationKinds {
		add(int(e.settings.Value("TERM_YEARS", k)))
	}
	add(e.settings.Int("TERM_YEARS"))
	return out
}

// termCut is a SQL expression: the establishment date before which an
// organisation whose term lasts the years in column has outlived one full
// term.
func (e *env) termCut(column string) string {
	var b strings.Builder
	b.WriteString("(CASE " + column)
	for _, y := range e.termLengths() {
		b.WriteString(" WHEN " + strconv.Itoa(y) + " THEN {term_cut_" + strconv.Itoa(y) + "}")
	}
	b.WriteString(" END)")
	return b.String()
}

// monthsFrom is a SQL expression: the whole calendar months from the date in
// column a to the later date in column b, as calendar.MonthsBetween counts
// them (a day short of the day of the month is a month short, unless b is
// the last day of its month).
func (e *env) monthsFrom(a, b string) string {
	part := func(f, col string) string {
		if e.query.dialect == dialect.Postgres {
			return "CAST(EXTRACT(" + map[string]string{"%Y": "YEAR", "%m": "MONTH", "%d": "DAY"}[f] + " FROM " + col + ") AS INTEGER)"
		}
		return "CAST(strftime('" + f + "', " + col + ") AS INTEGER)"
	}
	lastDay := "CAST(strftime('%d', " + b + ", '+1 day') AS INTEGER) = 1"
	if e.query.dialect == dialect.Postgres {
		lastDay = "EXTRACT(DAY FROM " + b + " + 1) = 1"
	}
	return "((" + part("%Y", b) + " - " + part("%Y", a) + ") * 12 + " + part("%m", b) + " - " + part("%m", a) +
		" - CASE WHEN " + part("%d", b) + " < " + part("%d", a) + " AND NOT (" + lastDay + ") THEN 1 ELSE 0 END)"
}
