// Package vocab holds the controlled vocabularies that more than one record
// of the register shares: the kinds of Party organisation and the types of
// organisational life (三会一课 and the rest).
//
// Enums used by a single field are declared on that field in ent/schema;
// these are Go types so that ent, GraphQL and the coverage engine agree on
// one set of values.
package vocab

import (
	"fmt"
	"io"
	"strconv"
)

// OrganizationKind is the kind of a Party organisation.
type OrganizationKind string

// The kinds of Party organisation, from the root of the tree down.
const (
	// WorkingCommittee is the sub-district's Party working committee (街道党工委).
	WorkingCommittee OrganizationKind = "SUBDISTRICT_WORKING_COMMITTEE"
	// CommunityCommittee is a community's Party committee (社区党委).
	CommunityCommittee OrganizationKind = "COMMUNITY_COMMITTEE"
	// Committee is a primary-level Party committee of a unit (基层党委).
	Committee OrganizationKind = "COMMITTEE"
	// GeneralBranch is a general Party branch (党总支).
	GeneralBranch OrganizationKind = "GENERAL_BRANCH"
	// Branch is a Party branch (党支部).
	Branch OrganizationKind = "BRANCH"
	// GridBranch is a branch responsible for one grid (网格党支部).
	GridBranch OrganizationKind = "GRID_BRANCH"
	// PartyGroup is a Party group inside a branch (党小组).
	PartyGroup OrganizationKind = "PARTY_GROUP"
)

// OrganizationKinds lists every kind, from the root of the tree down.
var OrganizationKinds = []OrganizationKind{
	WorkingCommittee, CommunityCommittee, Committee, GeneralBranch, Branch, GridBranch, PartyGroup,
}

// Values lists the kinds for ent's enum column.
func (OrganizationKind) Values() []string { return stringsOf(OrganizationKinds) }

// IsBranch reports whether the kind is a Party branch of any sort, the level
// at which Party groups are formed and the three meetings and a lecture held.
func (k OrganizationKind) IsBranch() bool { return k == Branch || k == GridBranch }

// Valid reports whether k is one of the kinds.
func (k OrganizationKind) Valid() bool { return contains(OrganizationKinds, k) }

// MarshalGQL writes the kind as a GraphQL enum value.
func (k OrganizationKind) MarshalGQL(w io.Writer) { _, _ = io.WriteString(w, strconv.Quote(string(k))) }

// UnmarshalGQL reads the kind from a GraphQL enum value.
func (k *OrganizationKind) UnmarshalGQL(v any) error { return unmarshalEnum(k, v, OrganizationKinds) }

// MeetingType is a type of organisational life.
type MeetingType string

// The types of meeting: 三会一课 first, then the others the talk names.
const (
	// MembersAssembly is the branch members' assembly (支部党员大会).
	MembersAssembly MeetingType = "MEMBERS_ASSEMBLY"
	// BranchCommittee is the branch committee meeting (支委会).
	BranchCommittee MeetingType = "BRANCH_COMMITTEE"
	// PartyGroupMeeting is the Party group meeting (党小组会).
	PartyGroupMeeting MeetingType = "PARTY_GROUP_MEETING"
	// PartyLecture is a Party lecture (党课).
	PartyLecture MeetingType = "PARTY_LECTURE"
	// ThemedPartyDay is the monthly themed Party day (主题党日).
	ThemedPartyDay MeetingType = "THEMED_PARTY_DAY"
	// MonthlyMeeting is a grid branch's monthly meeting (月例会), Fuxin's own rule.
	MonthlyMeeting MeetingType = "MONTHLY_MEETING"
	// JointMeeting is a joint meeting with stationed units (联席会议).
	JointMeeting MeetingType = "JOINT_MEETING"
	// OrganizationalLifeMeeting is the yearly organisational life meeting (组织生活会).
	OrganizationalLifeMeeting MeetingType = "ORGANIZATIONAL_LIFE_MEETING"
)

// MeetingTypes lists every meeting type.
var MeetingTypes = []MeetingType{
	MembersAssembly, BranchCommittee, PartyGroupMeeting, PartyLecture,
	ThemedPartyDay, MonthlyMeeting, JointMeeting, OrganizationalLifeMeeting,
}

// Values lists the meeting types for ent's enum column.
func (MeetingType) Values() []string { return stringsOf(MeetingTypes) }

// Valid reports whether t is one of the meeting types.
func (t MeetingType) Valid() bool { return contains(MeetingTypes, t) }

// MarshalGQL writes the type as a GraphQL enum value.
func (t MeetingType) MarshalGQL(w io.Writer) { _, _ = io.WriteString(w, strconv.Quote(string(t))) }

// UnmarshalGQL reads the type from a GraphQL enum value.
func (t *MeetingType) UnmarshalGQL(v any) error { return unmarshalEnum(t, v, MeetingTypes) }

func stringsOf[T ~string](values []T) []string {
	out := make([]string, len(values))
	for i, v := range values {
		out[i] = string(v)
	}
	return out
}

func contains[T comparable](values []T, v T) bool {
	for _, x := range values {
		if x == v {
			return true
		}
	}
	return false
}

func unmarshalEnum[T ~string](dst *T, v any, values []T) error {
	s, ok := v.(string)
	if !ok {
		return fmt.Errorf("enum value must be a string, got %T", v)
	}
	if !contains(values, T(s)) {
		return fmt.Errorf("%q is not one of %v", s, values)
	}
	*dst = T(s)
	return nil
}
