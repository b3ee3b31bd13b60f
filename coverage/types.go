package coverage

import (
	"fmt"
	"io"
	"strconv"
	"time"

	"jiceng/ent"
	"jiceng/ent/assessment"
	"jiceng/vocab"
)

// RuleCode is the stable code of a coverage rule.
type RuleCode string

// RuleFamily is the clause of 全覆盖 a rule belongs to.
type RuleFamily string

// The rule families.
const (
	Work         RuleFamily = "WORK"
	Organization RuleFamily = "ORGANIZATION"
	Life         RuleFamily = "LIFE"
	Structure    RuleFamily = "STRUCTURE"
)

// Severity says how urgent a gap is.
type Severity string

// The severities, most urgent first.
const (
	Critical Severity = "CRITICAL"
	High     Severity = "HIGH"
	Medium   Severity = "MEDIUM"
	Low      Severity = "LOW"
)

// Severities lists the severities, most urgent first.
var Severities = []Severity{Critical, High, Medium, Low}

func (s Severity) rank() int {
	for i, x := range Severities {
		if x == s {
			return i
		}
	}
	return len(Severities)
}

// GridStatus is how well a grid is covered.
type GridStatus string

// The grid statuses.
const (
	Covered   GridStatus = "COVERED"
	Partial   GridStatus = "PARTIAL"
	Uncovered GridStatus = "UNCOVERED"
)

// LocalizedText is a text in Chinese and English.
type LocalizedText struct {
	Zh string `json:"zh"`
	En string `json:"en"`
}

// Figure is a figure that made a rule fire, with the threshold it was
// compared with, where it has one.
type Figure struct {
	Name      string   `json:"name"`
	Value     float64  `json:"value"`
	Threshold *float64 `json:"threshold,omitempty"`
}

// Gap is a place where coverage is missing, explained.
type Gap struct {
	// ID is the gap's global ID (see gapid.go).
	ID          int
	Key         string
	Rule        RuleCode
	Family      RuleFamily
	Severity    Severity
	Subject     ent.Noder
	SubjectName string
	Grid        *ent.Area
	Community   *ent.Area
	Figures     []*Figure
	Message     *LocalizedText
	Remedy      *LocalizedText
	Suggestions []*ent.Organization

	subjectID, areaID int
	detail            string
}

// IsNode makes a gap a Relay Node.
func (*Gap) IsNode() {}

// GapEdge is a gap in a page, with its cursor.
type GapEdge struct {
	Node   *Gap
	Cursor string
}

// GapPageInfo says whether more gaps follow or precede a page.
type GapPageInfo struct {
	HasNextPage     bool
	HasPreviousPage bool
	StartCursor     *string
	EndCursor       *string
}

// GapConnection is a page of gaps.
type GapConnection struct {
	Edges      []*GapEdge
	PageInfo   *GapPageInfo
	TotalCount int
}

// Nodes lists the page's gaps without cursors.
func (c *GapConnection) Nodes() []*Gap {
	out := make([]*Gap, len(c.Edges))
	for i, e := range c.Edges {
		out[i] = e.Node
	}
	return out
}

// UnitRollup classifies units as the official coverage table does.
type UnitRollup struct {
	Total, OwnCommittee, OwnGeneralBranch, OwnBranch                   int
	InJointBranch, InJointBranchWithEnoughMembers, JointBranches       int
	WithoutOrganization, ShouldOrganize, ShouldOrganizeWithPartyGroup  int
	WithOneOrTwoMembers, WithNoMembers, Affiliated, InstructorAssigned int
	// InstructorContacted counts units an instructor visited (InstructorVisit)
	// in the INSTRUCTOR_VISIT_MONTHS before the day.
	InstructorContacted                         int
	Employees, Members, MembersNotTransferredIn int
}

// add adds the counts of o.
func (u *UnitRollup) add(o *UnitRollup) {
	for i, p := range u.fields() {
		*p += *o.fields()[i]
	}
}

// fields are the counts in the order the unit table reads them.
func (u *UnitRollup) fields() []*int {
	return []*int{&u.Total, &u.OwnCommittee, &u.OwnGeneralBranch, &u.OwnBranch,
		&u.InJointBranch, &u.InJointBranchWithEnoughMembers, &u.WithoutOrganization, &u.ShouldOrganize,
		&u.ShouldOrganizeWithPartyGroup, &u.WithOneOrTwoMembers, &u.WithNoMembers, &u.Affiliated,
		&u.InstructorAssigned, &u.InstructorContacted, &u.Employees, &u.Members, &u.MembersNotTransferredIn}
}

// MemberRollup counts members by status and category.
type MemberRollup struct {
	Total, Full, Probationary, InService, Retired, SelfEmployed   int
	Mobile, Outflow, Inflow, Unattached, ReportOverdue, LapseRisk int
}

// GridRollup counts grids by coverage status.
type GridRollup struct {
	Total, Covered, Partial, Uncovered int
}

// OrganizationKindCount counts organisations of one kind and how sound their life is.
type OrganizationKindCount struct {
	Kind                                              vocab.OrganizationKind
	Count, WithSecretary, TermExpired, MeetingsBehind int
}

// AssessmentRollup summarises the latest yearly assessments (百分制) up to
// the day: how many were assessed, awarded (at or above the award score),
// unqualified (below the pass score), and unqualified two years running,
// which leads to reassignment (调岗).
type AssessmentRollup struct {
	// Year is the latest year assessed up to the day; 0 when none was.
	Year                                             int
	Assessed, Awarded, Unqualified, UnqualifiedTwice int
	Grades                                           []*GradeCount
	// AverageScore is nil when nothing was assessed.
	AverageScore *float64
	sum          float64
	grades       map[assessment.Grade]int
}

// GradeCount counts the assessments of one grade.
type GradeCount struct {
	Grade assessment.Grade
	Count int
}

// GapCount counts the gaps of one rule.
type GapCount struct {
	Rule     RuleCode
	Severity Severity
	Count    int
}

// Report is the coverage of an area on a day.
type Report struct {
	// Area is nil for the whole register.
	Area          *ent.Area
	AsOf          time.Time
	Units         *UnitRollup
	Members       *MemberRollup
	Grids         *GridRollup
	Organizations []*OrganizationKindCount
	Gaps          []*GapCount
	GapTotal      int
	Assessments   *AssessmentRollup
	Status        *GridStatus
	Children      []*Report
}

// MarshalGQL writes the code as a GraphQL enum value.
func (c RuleCode) MarshalGQL(w io.Writer) { _, _ = io.WriteString(w, strconv.Quote(string(c))) }

// UnmarshalGQL reads a rule code, refusing unknown ones.
func (c *RuleCode) UnmarshalGQL(v any) error {
	s, _ := v.(string)
	if _, ok := ruleByCode[RuleCode(s)]; !ok {
		return fmt.Errorf("%q is not a rule code", v)
	}
	*c = RuleCode(s)
	return nil
}

// MarshalGQL writes the family as a GraphQL enum value.
func (f RuleFamily) MarshalGQL(w io.Writer) { _, _ = io.WriteString(w, strconv.Quote(string(f))) }

// UnmarshalGQL reads a rule family.
func (f *RuleFamily) UnmarshalGQL(v any) error {
	s, _ := v.(string)
	switch RuleFamily(s) {
	case Work, Organization, Life, Structure:
		*f = RuleFamily(s)
		return nil
	}
	return fmt.Errorf("%q is not a rule family", v)
}

// MarshalGQL writes the severity as a GraphQL enum value.
func (s Severity) MarshalGQL(w io.Writer) { _, _ = io.WriteString(w, strconv.Quote(string(s))) }

// UnmarshalGQL reads a severity.
func (s *Severity) UnmarshalGQL(v any) error {
	str, _ := v.(string)
	if Severity(str).rank() == len(Severities) {
		return fmt.Errorf("%q is not a severity", v)
	}
	*s = Severity(str)
	return nil
}

// MarshalGQL writes the status as a GraphQL enum value.
func (g GridStatus) MarshalGQL(w io.Writer) { _, _ = io.WriteString(w, strconv.Quote(string(g))) }

// UnmarshalGQL reads a grid status.
func (g *GridStatus) UnmarshalGQL(v any) error {
	s, _ := v.(string)
	switch GridStatus(s) {
	case Covered, Partial, Uncovered:
		*g = GridStatus(s)
		return nil
	}
	return fmt.Errorf("%q is not a grid status", v)
}
