package vocab

import (
	"io"
	"strconv"
)

// Attribute names an attribute of a register record that has history: each
// change of it takes effect from a day, and the value in force on any day is
// kept as a Period. Every attribute that a coverage rule or a report reads
// is one of these; adding one is a line in Attributes.
type Attribute string

// The attributes with history.
const (
	MemberStatus           Attribute = "MEMBER_STATUS"
	MemberCategory         Attribute = "MEMBER_CATEGORY"
	MemberMobility         Attribute = "MEMBER_MOBILITY"
	MemberMobilePlace      Attribute = "MEMBER_MOBILE_PLACE"
	MemberWorkUnit         Attribute = "MEMBER_WORK_UNIT"
	MemberResidenceGrid    Attribute = "MEMBER_RESIDENCE_GRID"
	MemberPartyGroup       Attribute = "MEMBER_PARTY_GROUP"
	MemberExternalOrg      Attribute = "MEMBER_EXTERNAL_ORGANIZATION"
	OrganizationName       Attribute = "ORGANIZATION_NAME"
	OrganizationKindAttr   Attribute = "ORGANIZATION_KIND"
	OrganizationFormation  Attribute = "ORGANIZATION_FORMATION"
	OrganizationParent     Attribute = "ORGANIZATION_PARENT"
	OrganizationArea       Attribute = "ORGANIZATION_AREA"
	OrganizationSiteMember Attribute = "ORGANIZATION_SITE_MEMBER"
	UnitGrid               Attribute = "UNIT_GRID"
	UnitEmployees          Attribute = "UNIT_EMPLOYEES"
	UnitAboveSize          Attribute = "UNIT_ABOVE_DESIGNATED_SIZE"
	AreaParent             Attribute = "AREA_PARENT"
	AreaResidents          Attribute = "AREA_RESIDENTS"
	AreaHouseholds         Attribute = "AREA_HOUSEHOLDS"
	SettingValue           Attribute = "RULE_SETTING_VALUE"
	SettingPeriod          Attribute = "RULE_SETTING_PERIOD_MONTHS"
)

// ValueColumn says which column of a period holds an attribute's value.
type ValueColumn string

// The value columns of a period.
const (
	RefValue    ValueColumn = "ref_id" // a record of the register, by ID
	NumberValue ValueColumn = "number" // a count or a threshold
	TextValue   ValueColumn = "text"   // an enum value or a name
)

// AttributeSpec says where an attribute lives: the record type and table,
// the column (or, for a set, the edge and its join table) that holds its
// value today, the period column its history is kept in, and the column of
// the record's known start, from which the value first holds.
type AttributeSpec struct {
	Attribute Attribute
	Type      string // the ent type: Member, Organization, Unit, Area, RuleSetting
	Table     string
	// Field is the ent field (and column) holding today's value; for a set,
	// the ent edge whose links are the values.
	Field string
	Value ValueColumn
	// Set is true for an attribute with several values at once (an
	// organisation's areas): JoinTable links Table's records (JoinOwner) to
	// the values (JoinValue).
	Set                             bool
	JoinTable, JoinOwner, JoinValue string
	// Start is the column of the record's known start (its first period
	// begins there); "" means the record's creation day.
	Start string
	// Bool marks a boolean column kept as 0 or 1.
	Bool bool
	// RefTable and RefStart name, for a value that is a record, that
	// record's table and the column of its known start: a period of such a
	// value begins no earlier than the record it names (a member who joined
	// in 2010 belongs to a Party group set up in 2024 from 2024).
	RefTable, RefStart string
}

// Attributes lists every attribute with history.
var Attributes = []AttributeSpec{
	{Attribute: MemberStatus, Type: "Member", Table: "members", Field: "status", Value: TextValue, Start: "joined_party_on"},
	{Attribute: MemberCategory, Type: "Member", Table: "members", Field: "category", Value: TextValue, Start: "joined_party_on"},
	{Attribute: MemberMobility, Type: "Member", Table: "members", Field: "mobility", Value: TextValue, Start: "joined_party_on"},
	{Attribute: MemberMobilePlace, Type: "Member", Table: "members", Field: "mobile_place", Value: TextValue, Start: "joined_party_on"},
	{Attribute: MemberWorkUnit, Type: "Member", Table: "members", Field: "work_unit_id", Value: RefValue, Start: "joined_party_on", RefTable: "units", RefStart: "opened_on"},
	{Attribute: MemberResidenceGrid, Type: "Member", Table: "members", Field: "residence_grid_id", Value: RefValue, Start: "joined_party_on", RefTable: "areas", RefStart: "established_on"},
	{Attribute: MemberPartyGroup, Type: "Member", Table: "members", Field: "party_group_id", Value: RefValue, Start: "joined_party_on", RefTable: "organizations", RefStart: "established_on"},
	{Attribute: MemberExternalOrg, Type: "Member", Table: "members", Field: "external_organization", Value: TextValue, Start: "joined_party_on"},
	{Attribute: OrganizationName, Type: "Organization", Table: "organizations", Field: "name", Value: TextValue, Start: "established_on"},
	{Attribute: OrganizationKindAttr, Type: "Organization", Table: "organizations", Field: "kind", Value: TextValue, Start: "established_on"},
	{Attribute: OrganizationFormation, Type: "Organization", Table: "organizations", Field: "formation", Value: TextValue, Start: "established_on"},
	{Attribute: OrganizationParent, Type: "Organization", Table: "organizations", Field: "parent_id", Value: RefValue, Start: "established_on", RefTable: "organizations", RefStart: "established_on"},
	{Attribute: OrganizationArea, Type: "Organization", Table: "organizations", Field: "areas", Value: RefValue, Start: "established_on",
		Set: true, JoinTable: "organization_areas", JoinOwner: "organization_id", JoinValue: "area_id", RefTable: "areas", RefStart: "established_on"},
	{Attribute: OrganizationSiteMember, Type: "Organization", Table: "organizations", Field: "site_members", Value: RefValue, Start: "established_on",
		Set: true, JoinTable: "organization_site_members", JoinOwner: "organization_id", JoinValue: "member_id", RefTable: "members", RefStart: "joined_party_on"},
	{Attribute: UnitGrid, Type: "Unit", Table: "units", Field: "grid_id", Value: RefValue, Start: "opened_on", RefTable: "areas", RefStart: "established_on"},
	{Attribute: UnitEmployees, Type: "Unit", Table: "units", Field: "employees", Value: NumberValue, Start: "opened_on"},
	{Attribute: UnitAboveSize, Type: "Unit", Table: "units", Field: "above_designated_size", Value: NumberValue, Start: "opened_on", Bool: true},
	{Attribute: AreaParent, Type: "Area", Table: "areas", Field: "parent_id", Value: RefValue, Start: "established_on", RefTable: "areas", RefStart: "established_on"},
	{Attribute: AreaResidents, Type: "Area", Table: "areas", Field: "residents", Value: NumberValue, Start: "established_on"},
	{Attribute: AreaHouseholds, Type: "Area", Table: "areas", Field: "households", Value: NumberValue, Start: "established_on"},
	{Attribute: SettingValue, Type: "RuleSetting", Table: "rule_settings", Field: "value", Value: NumberValue},
	{Attribute: SettingPeriod, Type: "RuleSetting", Table: "rule_settings", Field: "period_months", Value: NumberValue},
}

// Spec returns the spec of an attribute.
func (a Attribute) Spec() AttributeSpec {
	for _, s := range Attributes {
		if s.Attribute == a {
			return s
		}
	}
	panic("vocab: unknown attribute " + string(a))
}

// AttributesOf lists the specs of a record type's attributes.
func AttributesOf(typ string) []AttributeSpec {
	var out []AttributeSpec
	for _, s := range Attributes {
		if s.Type == typ {
			out = append(out, s)
		}
	}
	return out
}

func attributeValues() []Attribute {
	out := make([]Attribute, len(Attributes))
	for i, s := range Attributes {
		out[i] = s.Attribute
	}
	return out
}

// Values lists the attributes for ent's enum column.
func (Attribute) Values() []string { return stringsOf(attributeValues()) }

// MarshalGQL writes the attribute as a GraphQL enum value.
func (a Attribute) MarshalGQL(w io.Writer) { _, _ = io.WriteString(w, strconv.Quote(string(a))) }

// UnmarshalGQL reads the attribute from a GraphQL enum value.
func (a *Attribute) UnmarshalGQL(v any) error { return unmarshalEnum(a, v, attributeValues()) }
