// Package baseline holds the register's schema as ent auto-migration made it
// before versioned migrations (database/migrations/*/20261201000000_baseline.sql
// is the same schema). A register made by an earlier jiceng, which has no
// schema versions, is brought to this schema by ent's auto-migration once,
// the way every earlier jiceng upgraded it, and then marked as at the
// baseline; the versioned migrations take it on from there.
//
// This file is a frozen copy of ent/migrate/schema.go at the baseline. Never
// regenerate or edit it: changes to the schema go in new migrations.

package baseline

import (
	"entgo.io/ent/dialect/entsql"
	"entgo.io/ent/dialect/sql/schema"
	"entgo.io/ent/schema/field"
)

var (
	// APITokensColumns holds the columns for the "api_tokens" table.
	APITokensColumns = []*schema.Column{
		{Name: "id", Type: field.TypeInt, Increment: true},
		{Name: "created_at", Type: field.TypeTime},
		{Name: "updated_at", Type: field.TypeTime},
		{Name: "name", Type: field.TypeString},
		{Name: "prefix", Type: field.TypeString},
		{Name: "token_hash", Type: field.TypeString, Unique: true},
		{Name: "role", Type: field.TypeEnum, Enums: []string{"ADMIN", "EDITOR", "ANALYST", "REPORTER"}},
		{Name: "expires_at", Type: field.TypeTime, Nullable: true},
		{Name: "revoked_at", Type: field.TypeTime, Nullable: true},
		{Name: "last_used_at", Type: field.TypeTime, Nullable: true},
		{Name: "user_id", Type: field.TypeInt, Nullable: true},
	}
	// APITokensTable holds the schema information for the "api_tokens" table.
	APITokensTable = &schema.Table{
		Name:       "api_tokens",
		Columns:    APITokensColumns,
		PrimaryKey: []*schema.Column{APITokensColumns[0]},
		ForeignKeys: []*schema.ForeignKey{
			{
				Symbol:     "api_tokens_users_user",
				Columns:    []*schema.Column{APITokensColumns[10]},
				RefColumns: []*schema.Column{UsersColumns[0]},
				OnDelete:   schema.SetNull,
			},
		},
	}
	// AffiliatedOrganizationsColumns holds the columns for the "affiliated_organizations" table.
	AffiliatedOrganizationsColumns = []*schema.Column{
		{Name: "id", Type: field.TypeInt, Increment: true},
		{Name: "created_at", Type: field.TypeTime},
		{Name: "updated_at", Type: field.TypeTime},
		{Name: "name", Type: field.TypeString},
		{Name: "kind", Type: field.TypeEnum, Enums: []string{"UNION", "WOMENS_ORGANIZATION", "YOUTH_LEAGUE", "UNION_VOLUNTEER_TEAM"}},
		{Name: "members_count", Type: field.TypeInt, Nullable: true},
		{Name: "established_on", Type: field.TypeTime, Nullable: true, SchemaType: map[string]string{"postgres": "date", "sqlite3": "date"}},
		{Name: "dissolved_on", Type: field.TypeTime, Nullable: true, SchemaType: map[string]string{"postgres": "date", "sqlite3": "date"}},
		{Name: "unit_id", Type: field.TypeInt, Nullable: true},
		{Name: "community_id", Type: field.TypeInt, Nullable: true},
	}
	// AffiliatedOrganizationsTable holds the schema information for the "affiliated_organizations" table.
	AffiliatedOrganizationsTable = &schema.Table{
		Name:       "affiliated_organizations",
		Columns:    AffiliatedOrganizationsColumns,
		PrimaryKey: []*schema.Column{AffiliatedOrganizationsColumns[0]},
		ForeignKeys: []*schema.ForeignKey{
			{
				Symbol:     "affiliated_organizations_units_unit",
				Columns:    []*schema.Column{AffiliatedOrganizationsColumns[8]},
				RefColumns: []*schema.Column{UnitsColumns[0]},
				OnDelete:   schema.SetNull,
			},
			{
				Symbol:     "affiliated_organizations_areas_community",
				Columns:    []*schema.Column{AffiliatedOrganizationsColumns[9]},
				RefColumns: []*schema.Column{AreasColumns[0]},
				OnDelete:   schema.SetNull,
			},
		},
		Indexes: []*schema.Index{
			{
				Name:    "affiliatedorganization_unit_id",
				Unique:  false,
				Columns: []*schema.Column{AffiliatedOrganizationsColumns[8]},
			},
			{
				Name:    "affiliatedorganization_community_id",
				Unique:  false,
				Columns: []*schema.Column{AffiliatedOrganizationsColumns[9]},
			},
		},
	}
	// AppointmentsColumns holds the columns for the "appointments" table.
	AppointmentsColumns = []*schema.Column{
		{Name: "id", Type: field.TypeInt, Increment: true},
		{Name: "created_at", Type: field.TypeTime},
		{Name: "updated_at", Type: field.TypeTime},
		{Name: "role", Type: field.TypeEnum, Enums: []string{"SECRETARY", "DEPUTY_SECRETARY", "COMMITTEE_MEMBER", "GROUP_LEADER", "PART_TIME_COMMITTEE_MEMBER", "PARTY_BUILDING_INSTRUCTOR", "LIAISON"}},
		{Name: "title", Type: field.TypeString, Nullable: true},
		{Name: "holder_name", Type: field.TypeString, Nullable: true},
		{Name: "holder_affiliation", Type: field.TypeString, Nullable: true},
		{Name: "started_on", Type: field.TypeTime, SchemaType: map[string]string{"postgres": "date", "sqlite3": "date"}},
		{Name: "ended_on", Type: field.TypeTime, Nullable: true, SchemaType: map[string]string{"postgres": "date", "sqlite3": "date"}},
		{Name: "note", Type: field.TypeString, Nullable: true},
		{Name: "organization_id", Type: field.TypeInt, Nullable: true},
		{Name: "unit_id", Type: field.TypeInt, Nullable: true},
		{Name: "member_id", Type: field.TypeInt, Nullable: true},
	}
	// AppointmentsTable holds the schema information for the "appointments" table.
	AppointmentsTable = &schema.Table{
		Name:       "appointments",
		Columns:    AppointmentsColumns,
		PrimaryKey: []*schema.Column{AppointmentsColumns[0]},
		ForeignKeys: []*schema.ForeignKey{
			{
				Symbol:     "appointments_organizations_organization",
				Columns:    []*schema.Column{AppointmentsColumns[10]},
				RefColumns: []*schema.Column{OrganizationsColumns[0]},
				OnDelete:   schema.SetNull,
			},
			{
				Symbol:     "appointments_units_unit",
				Columns:    []*schema.Column{AppointmentsColumns[11]},
				RefColumns: []*schema.Column{UnitsColumns[0]},
				OnDelete:   schema.SetNull,
			},
			{
				Symbol:     "appointments_members_member",
				Columns:    []*schema.Column{AppointmentsColumns[12]},
				RefColumns: []*schema.Column{MembersColumns[0]},
				OnDelete:   schema.SetNull,
			},
		},
		Indexes: []*schema.Index{
			{
				Name:    "appointment_organization_id",
				Unique:  false,
				Columns: []*schema.Column{AppointmentsColumns[10]},
			},
			{
				Name:    "appointment_unit_id",
				Unique:  false,
				Columns: []*schema.Column{AppointmentsColumns[11]},
			},
			{
				Name:    "appointment_member_id",
				Unique:  false,
				Columns: []*schema.Column{AppointmentsColumns[12]},
			},
		},
	}
	// AreasColumns holds the columns for the "areas" table.
	AreasColumns = []*schema.Column{
		{Name: "id", Type: field.TypeInt, Increment: true},
		{Name: "created_at", Type: field.TypeTime},
		{Name: "updated_at", Type: field.TypeTime},
		{Name: "name", Type: field.TypeString},
		{Name: "code", Type: field.TypeString, Nullable: true},
		{Name: "kind", Type: field.TypeEnum, Enums: []string{"SUBDISTRICT", "COMMUNITY", "GRID", "ESTATE", "BUILDING"}},
		{Name: "boundary", Type: field.TypeJSON, Nullable: true},
		{Name: "households", Type: field.TypeInt, Default: 0},
		{Name: "residents", Type: field.TypeInt, Default: 0},
		{Name: "established_on", Type: field.TypeTime, Nullable: true, SchemaType: map[string]string{"postgres": "date", "sqlite3": "date"}},
		{Name: "dissolved_on", Type: field.TypeTime, Nullable: true, SchemaType: map[string]string{"postgres": "date", "sqlite3": "date"}},
		{Name: "parent_id", Type: field.TypeInt, Nullable: true},
	}
	// AreasTable holds the schema information for the "areas" table.
	AreasTable = &schema.Table{
		Name:       "areas",
		Columns:    AreasColumns,
		PrimaryKey: []*schema.Column{AreasColumns[0]},
		ForeignKeys: []*schema.ForeignKey{
			{
				Symbol:     "areas_areas_children",
				Columns:    []*schema.Column{AreasColumns[11]},
				RefColumns: []*schema.Column{AreasColumns[0]},
				OnDelete:   schema.SetNull,
			},
		},
		Indexes: []*schema.Index{
			{
				Name:    "area_parent_id",
				Unique:  false,
				Columns: []*schema.Column{AreasColumns[11]},
			},
			{
				Name:    "area_kind",
				Unique:  false,
				Columns: []*schema.Column{AreasColumns[5]},
			},
		},
	}
	// AssessmentsColumns holds the columns for the "assessments" table.
	AssessmentsColumns = []*schema.Column{
		{Name: "id", Type: field.TypeInt, Increment: true},
		{Name: "created_at", Type: field.TypeTime},
		{Name: "updated_at", Type: field.TypeTime},
		{Name: "year", Type: field.TypeInt},
		{Name: "score", Type: field.TypeFloat64},
		{Name: "grade", Type: field.TypeEnum, Enums: []string{"GOOD", "FAIRLY_GOOD", "AVERAGE", "POOR"}},
		{Name: "leadership_good", Type: field.TypeBool, Default: false},
		{Name: "ranks_good", Type: field.TypeBool, Default: false},
		{Name: "mechanisms_good", Type: field.TypeBool, Default: false},
		{Name: "results_good", Type: field.TypeBool, Default: false},
		{Name: "evaluation_good", Type: field.TypeBool, Default: false},
		{Name: "note", Type: field.TypeString, Nullable: true},
		{Name: "organization_id", Type: field.TypeInt, Nullable: true},
		{Name: "community_id", Type: field.TypeInt, Nullable: true},
	}
	// AssessmentsTable holds the schema information for the "assessments" table.
	AssessmentsTable = &schema.Table{
		Name:       "assessments",
		Columns:    AssessmentsColumns,
		PrimaryKey: []*schema.Column{AssessmentsColumns[0]},
		ForeignKeys: []*schema.ForeignKey{
			{
				Symbol:     "assessments_organizations_organization",
				Columns:    []*schema.Column{AssessmentsColumns[12]},
				RefColumns: []*schema.Column{OrganizationsColumns[0]},
				OnDelete:   schema.SetNull,
			},
			{
				Symbol:     "assessments_areas_community",
				Columns:    []*schema.Column{AssessmentsColumns[13]},
				RefColumns: []*schema.Column{AreasColumns[0]},
				OnDelete:   schema.SetNull,
			},
		},
		Indexes: []*schema.Index{
			{
				Name:    "assessment_organization_id_year",
				Unique:  false,
				Columns: []*schema.Column{AssessmentsColumns[12], AssessmentsColumns[3]},
			},
			{
				Name:    "assessment_community_id_year",
				Unique:  false,
				Columns: []*schema.Column{AssessmentsColumns[13], AssessmentsColumns[3]},
			},
		},
	}
	// AuditEntriesColumns holds the columns for the "audit_entries" table.
	AuditEntriesColumns = []*schema.Column{
		{Name: "id", Type: field.TypeInt, Increment: true},
		{Name: "at", Type: field.TypeTime},
		{Name: "actor", Type: field.TypeString},
		{Name: "user_id", Type: field.TypeInt, Nullable: true},
		{Name: "token_id", Type: field.TypeInt, Nullable: true},
		{Name: "address", Type: field.TypeString, Nullable: true},
		{Name: "action", Type: field.TypeEnum, Enums: []string{"CREATE", "UPDATE", "READ_PERSONAL", "SIGN_IN", "SIGN_IN_FAILED", "SIGN_OUT", "USER_CREATED", "USER_CHANGED", "TOKEN_CREATED", "TOKEN_REVOKED", "BACKUP", "RESTORE"}},
		{Name: "entity_type", Type: field.TypeString, Nullable: true},
		{Name: "entity_id", Type: field.TypeInt, Nullable: true},
		{Name: "before", Type: field.TypeJSON, Nullable: true},
		{Name: "after", Type: field.TypeJSON, Nullable: true},
		{Name: "detail", Type: field.TypeString, Nullable: true},
	}
	// AuditEntriesTable holds the schema information for the "audit_entries" table.
	AuditEntriesTable = &schema.Table{
		Name:       "audit_entries",
		Columns:    AuditEntriesColumns,
		PrimaryKey: []*schema.Column{AuditEntriesColumns[0]},
		Indexes: []*schema.Index{
			{
				Name:    "auditentry_at",
				Unique:  false,
				Columns: []*schema.Column{AuditEntriesColumns[1]},
			},
			{
				Name:    "auditentry_entity_type_entity_id",
				Unique:  false,
				Columns: []*schema.Column{AuditEntriesColumns[7], AuditEntriesColumns[8]},
			},
		},
	}
	// ExemptionsColumns holds the columns for the "exemptions" table.
	ExemptionsColumns = []*schema.Column{
		{Name: "id", Type: field.TypeInt, Increment: true},
		{Name: "created_at", Type: field.TypeTime},
		{Name: "updated_at", Type: field.TypeTime},
		{Name: "meeting_type", Type: field.TypeEnum, Enums: []string{"MEMBERS_ASSEMBLY", "BRANCH_COMMITTEE", "PARTY_GROUP_MEETING", "PARTY_LECTURE", "THEMED_PARTY_DAY", "MONTHLY_MEETING", "JOINT_MEETING", "ORGANIZATIONAL_LIFE_MEETING"}},
		{Name: "reason", Type: field.TypeString},
		{Name: "started_on", Type: field.TypeTime, SchemaType: map[string]string{"postgres": "date", "sqlite3": "date"}},
		{Name: "ended_on", Type: field.TypeTime, Nullable: true, SchemaType: map[string]string{"postgres": "date", "sqlite3": "date"}},
		{Name: "organization_id", Type: field.TypeInt},
	}
	// ExemptionsTable holds the schema information for the "exemptions" table.
	ExemptionsTable = &schema.Table{
		Name:       "exemptions",
		Columns:    ExemptionsColumns,
		PrimaryKey: []*schema.Column{ExemptionsColumns[0]},
		ForeignKeys: []*schema.ForeignKey{
			{
				Symbol:     "exemptions_organizations_organization",
				Columns:    []*schema.Column{ExemptionsColumns[7]},
				RefColumns: []*schema.Column{OrganizationsColumns[0]},
				OnDelete:   schema.NoAction,
			},
		},
		Indexes: []*schema.Index{
			{
				Name:    "exemption_organization_id",
				Unique:  false,
				Columns: []*schema.Column{ExemptionsColumns[7]},
			},
		},
	}
	// KindChangesColumns holds the columns for the "kind_changes" table.
	KindChangesColumns = []*schema.Column{
		{Name: "id", Type: field.TypeInt, Increment: true},
		{Name: "created_at", Type: field.TypeTime},
		{Name: "updated_at", Type: field.TypeTime},
		{Name: "from_kind", Type: field.TypeEnum, Enums: []string{"SUBDISTRICT_WORKING_COMMITTEE", "COMMUNITY_COMMITTEE", "COMMITTEE", "GENERAL_BRANCH", "BRANCH", "GRID_BRANCH", "PARTY_GROUP"}},
		{Name: "to_kind", Type: field.TypeEnum, Enums: []string{"SUBDISTRICT_WORKING_COMMITTEE", "COMMUNITY_COMMITTEE", "COMMITTEE", "GENERAL_BRANCH", "BRANCH", "GRID_BRANCH", "PARTY_GROUP"}},
		{Name: "changed_on", Type: field.TypeTime, SchemaType: map[string]string{"postgres": "date", "sqlite3": "date"}},
		{Name: "reason", Type: field.TypeString, Nullable: true},
		{Name: "organization_id", Type: field.TypeInt},
	}
	// KindChangesTable holds the schema information for the "kind_changes" table.
	KindChangesTable = &schema.Table{
		Name:       "kind_changes",
		Columns:    KindChangesColumns,
		PrimaryKey: []*schema.Column{KindChangesColumns[0]},
		ForeignKeys: []*schema.ForeignKey{
			{
				Symbol:     "kind_changes_organizations_organization",
				Columns:    []*schema.Column{KindChangesColumns[7]},
				RefColumns: []*schema.Column{OrganizationsColumns[0]},
				OnDelete:   schema.NoAction,
			},
		},
		Indexes: []*schema.Index{
			{
				Name:    "kindchange_organization_id_changed_on",
				Unique:  false,
				Columns: []*schema.Column{KindChangesColumns[7], KindChangesColumns[5]},
			},
		},
	}
	// MeetingsColumns holds the columns for the "meetings" table.
	MeetingsColumns = []*schema.Column{
		{Name: "id", Type: field.TypeInt, Increment: true},
		{Name: "created_at", Type: field.TypeTime},
		{Name: "updated_at", Type: field.TypeTime},
		{Name: "type", Type: field.TypeEnum, Enums: []string{"MEMBERS_ASSEMBLY", "BRANCH_COMMITTEE", "PARTY_GROUP_MEETING", "PARTY_LECTURE", "THEMED_PARTY_DAY", "MONTHLY_MEETING", "JOINT_MEETING", "ORGANIZATIONAL_LIFE_MEETING"}},
		{Name: "held_on", Type: field.TypeTime, SchemaType: map[string]string{"postgres": "date", "sqlite3": "date"}},
		{Name: "expected_attendance", Type: field.TypeInt},
		{Name: "attendance", Type: field.TypeInt},
		{Name: "topic", Type: field.TypeString, Nullable: true},
		{Name: "organization_id", Type: field.TypeInt},
	}
	// MeetingsTable holds the schema information for the "meetings" table.
	MeetingsTable = &schema.Table{
		Name:       "meetings",
		Columns:    MeetingsColumns,
		PrimaryKey: []*schema.Column{MeetingsColumns[0]},
		ForeignKeys: []*schema.ForeignKey{
			{
				Symbol:     "meetings_organizations_organization",
				Columns:    []*schema.Column{MeetingsColumns[8]},
				RefColumns: []*schema.Column{OrganizationsColumns[0]},
				OnDelete:   schema.NoAction,
			},
		},
		Indexes: []*schema.Index{
			{
				Name:    "meeting_organization_id_type_held_on",
				Unique:  false,
				Columns: []*schema.Column{MeetingsColumns[8], MeetingsColumns[3], MeetingsColumns[4]},
			},
		},
	}
	// MembersColumns holds the columns for the "members" table.
	MembersColumns = []*schema.Column{
		{Name: "id", Type: field.TypeInt, Increment: true},
		{Name: "created_at", Type: field.TypeTime},
		{Name: "updated_at", Type: field.TypeTime},
		{Name: "name", Type: field.TypeString},
		{Name: "gender", Type: field.TypeEnum, Enums: []string{"MALE", "FEMALE"}},
		{Name: "ethnicity", Type: field.TypeString, Nullable: true},
		{Name: "born_on", Type: field.TypeTime, Nullable: true, SchemaType: map[string]string{"postgres": "date", "sqlite3": "date"}},
		{Name: "status", Type: field.TypeEnum, Enums: []string{"FULL", "PROBATIONARY"}},
		{Name: "joined_party_on", Type: field.TypeTime, SchemaType: map[string]string{"postgres": "date", "sqlite3": "date"}},
		{Name: "category", Type: field.TypeEnum, Enums: []string{"IN_SERVICE", "RETIRED", "SELF_EMPLOYED", "MOBILE"}},
		{Name: "mobility", Type: field.TypeEnum, Nullable: true, Enums: []string{"OUTFLOW", "INFLOW"}},
		{Name: "mobile_place", Type: field.TypeString, Nullable: true},
		{Name: "external_organization", Type: field.TypeString, Nullable: true},
		{Name: "tags", Type: field.TypeJSON, Nullable: true},
		{Name: "phone", Type: field.TypeString, Nullable: true},
		{Name: "id_number", Type: field.TypeString, Nullable: true},
		{Name: "address", Type: field.TypeString, Nullable: true},
		{Name: "party_group_id", Type: field.TypeInt, Nullable: true},
		{Name: "residence_grid_id", Type: field.TypeInt, Nullable: true},
		{Name: "work_unit_id", Type: field.TypeInt, Nullable: true},
	}
	// MembersTable holds the schema information for the "members" table.
	MembersTable = &schema.Table{
		Name:       "members",
		Columns:    MembersColumns,
		PrimaryKey: []*schema.Column{MembersColumns[0]},
		ForeignKeys: []*schema.ForeignKey{
			{
				Symbol:     "members_organizations_party_group",
				Columns:    []*schema.Column{MembersColumns[17]},
				RefColumns: []*schema.Column{OrganizationsColumns[0]},
				OnDelete:   schema.SetNull,
			},
			{
				Symbol:     "members_areas_residence_grid",
				Columns:    []*schema.Column{MembersColumns[18]},
				RefColumns: []*schema.Column{AreasColumns[0]},
				OnDelete:   schema.SetNull,
			},
			{
				Symbol:     "members_units_work_unit",
				Columns:    []*schema.Column{MembersColumns[19]},
				RefColumns: []*schema.Column{UnitsColumns[0]},
				OnDelete:   schema.SetNull,
			},
		},
		Indexes: []*schema.Index{
			{
				Name:    "member_party_group_id",
				Unique:  false,
				Columns: []*schema.Column{MembersColumns[17]},
			},
			{
				Name:    "member_residence_grid_id",
				Unique:  false,
				Columns: []*schema.Column{MembersColumns[18]},
			},
			{
				Name:    "member_work_unit_id",
				Unique:  false,
				Columns: []*schema.Column{MembersColumns[19]},
			},
		},
	}
	// MembershipsColumns holds the columns for the "memberships" table.
	MembershipsColumns = []*schema.Column{
		{Name: "id", Type: field.TypeInt, Increment: true},
		{Name: "created_at", Type: field.TypeTime},
		{Name: "updated_at", Type: field.TypeTime},
		{Name: "started_on", Type: field.TypeTime, SchemaType: map[string]string{"postgres": "date", "sqlite3": "date"}},
		{Name: "ended_on", Type: field.TypeTime, Nullable: true, SchemaType: map[string]string{"postgres": "date", "sqlite3": "date"}},
		{Name: "start_reason", Type: field.TypeEnum, Enums: []string{"JOINED_PARTY", "TRANSFERRED_IN", "WHOLE_UNIT_TRANSFERRED"}},
		{Name: "end_reason", Type: field.TypeEnum, Nullable: true, Enums: []string{"TRANSFERRED_OUT", "WHOLE_UNIT_TRANSFERRED", "DIED", "LEFT_PARTY"}},
		{Name: "note", Type: field.TypeString, Nullable: true},
		{Name: "member_id", Type: field.TypeInt},
		{Name: "organization_id", Type: field.TypeInt},
	}
	// MembershipsTable holds the schema information for the "memberships" table.
	MembershipsTable = &schema.Table{
		Name:       "memberships",
		Columns:    MembershipsColumns,
		PrimaryKey: []*schema.Column{MembershipsColumns[0]},
		ForeignKeys: []*schema.ForeignKey{
			{
				Symbol:     "memberships_members_member",
				Columns:    []*schema.Column{MembershipsColumns[8]},
				RefColumns: []*schema.Column{MembersColumns[0]},
				OnDelete:   schema.NoAction,
			},
			{
				Symbol:     "memberships_organizations_organization",
				Columns:    []*schema.Column{MembershipsColumns[9]},
				RefColumns: []*schema.Column{OrganizationsColumns[0]},
				OnDelete:   schema.NoAction,
			},
		},
		Indexes: []*schema.Index{
			{
				Name:    "membership_member_id_started_on",
				Unique:  false,
				Columns: []*schema.Column{MembershipsColumns[8], MembershipsColumns[3]},
			},
			{
				Name:    "membership_organization_id",
				Unique:  false,
				Columns: []*schema.Column{MembershipsColumns[9]},
			},
		},
	}
	// MobileReportsColumns holds the columns for the "mobile_reports" table.
	MobileReportsColumns = []*schema.Column{
		{Name: "id", Type: field.TypeInt, Increment: true},
		{Name: "created_at", Type: field.TypeTime},
		{Name: "updated_at", Type: field.TypeTime},
		{Name: "reported_on", Type: field.TypeTime, SchemaType: map[string]string{"postgres": "date", "sqlite3": "date"}},
		{Name: "channel", Type: field.TypeEnum, Enums: []string{"PHONE", "LETTER", "ONLINE", "IN_PERSON"}, Default: "PHONE"},
		{Name: "note", Type: field.TypeString, Nullable: true},
		{Name: "member_id", Type: field.TypeInt},
	}
	// MobileReportsTable holds the schema information for the "mobile_reports" table.
	MobileReportsTable = &schema.Table{
		Name:       "mobile_reports",
		Columns:    MobileReportsColumns,
		PrimaryKey: []*schema.Column{MobileReportsColumns[0]},
		ForeignKeys: []*schema.ForeignKey{
			{
				Symbol:     "mobile_reports_members_member",
				Columns:    []*schema.Column{MobileReportsColumns[6]},
				RefColumns: []*schema.Column{MembersColumns[0]},
				OnDelete:   schema.NoAction,
			},
		},
		Indexes: []*schema.Index{
			{
				Name:    "mobilereport_member_id_reported_on",
				Unique:  false,
				Columns: []*schema.Column{MobileReportsColumns[6], MobileReportsColumns[3]},
			},
		},
	}
	// OrganizationsColumns holds the columns for the "organizations" table.
	OrganizationsColumns = []*schema.Column{
		{Name: "id", Type: field.TypeInt, Increment: true},
		{Name: "created_at", Type: field.TypeTime},
		{Name: "updated_at", Type: field.TypeTime},
		{Name: "name", Type: field.TypeString},
		{Name: "short_name", Type: field.TypeString, Nullable: true},
		{Name: "kind", Type: field.TypeEnum, Enums: []string{"SUBDISTRICT_WORKING_COMMITTEE", "COMMUNITY_COMMITTEE", "COMMITTEE", "GENERAL_BRANCH", "BRANCH", "GRID_BRANCH", "PARTY_GROUP"}},
		{Name: "formation", Type: field.TypeEnum, Enums: []string{"STANDALONE", "JOINT", "TEMPORARY", "TERRITORIAL"}},
		{Name: "established_on", Type: field.TypeTime, SchemaType: map[string]string{"postgres": "date", "sqlite3": "date"}},
		{Name: "dissolved_on", Type: field.TypeTime, Nullable: true, SchemaType: map[string]string{"postgres": "date", "sqlite3": "date"}},
		{Name: "dissolution_reason", Type: field.TypeString, Nullable: true},
		{Name: "activity_budget", Type: field.TypeInt, Nullable: true},
		{Name: "parent_id", Type: field.TypeInt, Nullable: true},
	}
	// OrganizationsTable holds the schema information for the "organizations" table.
	OrganizationsTable = &schema.Table{
		Name:       "organizations",
		Columns:    OrganizationsColumns,
		PrimaryKey: []*schema.Column{OrganizationsColumns[0]},
		ForeignKeys: []*schema.ForeignKey{
			{
				Symbol:     "organizations_organizations_children",
				Columns:    []*schema.Column{OrganizationsColumns[11]},
				RefColumns: []*schema.Column{OrganizationsColumns[0]},
				OnDelete:   schema.SetNull,
			},
		},
		Indexes: []*schema.Index{
			{
				Name:    "organization_parent_id",
				Unique:  false,
				Columns: []*schema.Column{OrganizationsColumns[11]},
			},
			{
				Name:    "organization_kind",
				Unique:  false,
				Columns: []*schema.Column{OrganizationsColumns[5]},
			},
		},
	}
	// RuleSettingsColumns holds the columns for the "rule_settings" table.
	RuleSettingsColumns = []*schema.Column{
		{Name: "id", Type: field.TypeInt, Increment: true},
		{Name: "created_at", Type: field.TypeTime},
		{Name: "updated_at", Type: field.TypeTime},
		{Name: "key", Type: field.TypeString},
		{Name: "organization_kind", Type: field.TypeEnum, Nullable: true, Enums: []string{"SUBDISTRICT_WORKING_COMMITTEE", "COMMUNITY_COMMITTEE", "COMMITTEE", "GENERAL_BRANCH", "BRANCH", "GRID_BRANCH", "PARTY_GROUP"}},
		{Name: "value", Type: field.TypeFloat64},
		{Name: "period_months", Type: field.TypeInt, Nullable: true},
		{Name: "description", Type: field.TypeString, Nullable: true},
		{Name: "source", Type: field.TypeString, Nullable: true},
	}
	// RuleSettingsTable holds the schema information for the "rule_settings" table.
	RuleSettingsTable = &schema.Table{
		Name:       "rule_settings",
		Columns:    RuleSettingsColumns,
		PrimaryKey: []*schema.Column{RuleSettingsColumns[0]},
		Indexes: []*schema.Index{
			{
				Name:    "rulesetting_key_organization_kind",
				Unique:  false,
				Columns: []*schema.Column{RuleSettingsColumns[3], RuleSettingsColumns[4]},
			},
		},
	}
	// SessionsColumns holds the columns for the "sessions" table.
	SessionsColumns = []*schema.Column{
		{Name: "id", Type: field.TypeInt, Increment: true},
		{Name: "created_at", Type: field.TypeTime},
		{Name: "updated_at", Type: field.TypeTime},
		{Name: "token_hash", Type: field.TypeString, Unique: true},
		{Name: "csrf_token", Type: field.TypeString},
		{Name: "expires_at", Type: field.TypeTime},
		{Name: "revoked_at", Type: field.TypeTime, Nullable: true},
		{Name: "address", Type: field.TypeString, Nullable: true},
		{Name: "user_id", Type: field.TypeInt},
	}
	// SessionsTable holds the schema information for the "sessions" table.
	SessionsTable = &schema.Table{
		Name:       "sessions",
		Columns:    SessionsColumns,
		PrimaryKey: []*schema.Column{SessionsColumns[0]},
		ForeignKeys: []*schema.ForeignKey{
			{
				Symbol:     "sessions_users_user",
				Columns:    []*schema.Column{SessionsColumns[8]},
				RefColumns: []*schema.Column{UsersColumns[0]},
				OnDelete:   schema.NoAction,
			},
		},
		Indexes: []*schema.Index{
			{
				Name:    "session_user_id",
				Unique:  false,
				Columns: []*schema.Column{SessionsColumns[8]},
			},
		},
	}
	// TermsColumns holds the columns for the "terms" table.
	TermsColumns = []*schema.Column{
		{Name: "id", Type: field.TypeInt, Increment: true},
		{Name: "created_at", Type: field.TypeTime},
		{Name: "updated_at", Type: field.TypeTime},
		{Name: "started_on", Type: field.TypeTime, SchemaType: map[string]string{"postgres": "date", "sqlite3": "date"}},
		{Name: "due_on", Type: field.TypeTime, SchemaType: map[string]string{"postgres": "date", "sqlite3": "date"}},
		{Name: "renewed_on", Type: field.TypeTime, Nullable: true, SchemaType: map[string]string{"postgres": "date", "sqlite3": "date"}},
		{Name: "note", Type: field.TypeString, Nullable: true},
		{Name: "organization_id", Type: field.TypeInt},
	}
	// TermsTable holds the schema information for the "terms" table.
	TermsTable = &schema.Table{
		Name:       "terms",
		Columns:    TermsColumns,
		PrimaryKey: []*schema.Column{TermsColumns[0]},
		ForeignKeys: []*schema.ForeignKey{
			{
				Symbol:     "terms_organizations_organization",
				Columns:    []*schema.Column{TermsColumns[7]},
				RefColumns: []*schema.Column{OrganizationsColumns[0]},
				OnDelete:   schema.NoAction,
			},
		},
		Indexes: []*schema.Index{
			{
				Name:    "term_organization_id_started_on",
				Unique:  false,
				Columns: []*schema.Column{TermsColumns[7], TermsColumns[3]},
			},
		},
	}
	// UnitsColumns holds the columns for the "units" table.
	UnitsColumns = []*schema.Column{
		{Name: "id", Type: field.TypeInt, Increment: true},
		{Name: "created_at", Type: field.TypeTime},
		{Name: "updated_at", Type: field.TypeTime},
		{Name: "name", Type: field.TypeString},
		{Name: "kind", Type: field.TypeEnum, Enums: []string{"NON_PUBLIC_ENTERPRISE", "SOCIAL_ORGANIZATION", "STATIONED_UNIT", "CONSTRUCTION_SITE", "MARKET", "COMMERCIAL_OUTLET"}},
		{Name: "credit_code", Type: field.TypeString, Unique: true, Nullable: true},
		{Name: "employees", Type: field.TypeInt, Default: 0},
		{Name: "above_designated_size", Type: field.TypeBool, Default: false},
		{Name: "address", Type: field.TypeString, Nullable: true},
		{Name: "opened_on", Type: field.TypeTime, Nullable: true, SchemaType: map[string]string{"postgres": "date", "sqlite3": "date"}},
		{Name: "planned_close_on", Type: field.TypeTime, Nullable: true, SchemaType: map[string]string{"postgres": "date", "sqlite3": "date"}},
		{Name: "closed_on", Type: field.TypeTime, Nullable: true, SchemaType: map[string]string{"postgres": "date", "sqlite3": "date"}},
		{Name: "grid_id", Type: field.TypeInt},
	}
	// UnitsTable holds the schema information for the "units" table.
	UnitsTable = &schema.Table{
		Name:       "units",
		Columns:    UnitsColumns,
		PrimaryKey: []*schema.Column{UnitsColumns[0]},
		ForeignKeys: []*schema.ForeignKey{
			{
				Symbol:     "units_areas_grid",
				Columns:    []*schema.Column{UnitsColumns[12]},
				RefColumns: []*schema.Column{AreasColumns[0]},
				OnDelete:   schema.NoAction,
			},
		},
		Indexes: []*schema.Index{
			{
				Name:    "unit_grid_id",
				Unique:  false,
				Columns: []*schema.Column{UnitsColumns[12]},
			},
		},
	}
	// UnitCoveragesColumns holds the columns for the "unit_coverages" table.
	UnitCoveragesColumns = []*schema.Column{
		{Name: "id", Type: field.TypeInt, Increment: true},
		{Name: "created_at", Type: field.TypeTime},
		{Name: "updated_at", Type: field.TypeTime},
		{Name: "started_on", Type: field.TypeTime, SchemaType: map[string]string{"postgres": "date", "sqlite3": "date"}},
		{Name: "ended_on", Type: field.TypeTime, Nullable: true, SchemaType: map[string]string{"postgres": "date", "sqlite3": "date"}},
		{Name: "note", Type: field.TypeString, Nullable: true},
		{Name: "organization_id", Type: field.TypeInt},
		{Name: "unit_id", Type: field.TypeInt},
	}
	// UnitCoveragesTable holds the schema information for the "unit_coverages" table.
	UnitCoveragesTable = &schema.Table{
		Name:       "unit_coverages",
		Columns:    UnitCoveragesColumns,
		PrimaryKey: []*schema.Column{UnitCoveragesColumns[0]},
		ForeignKeys: []*schema.ForeignKey{
			{
				Symbol:     "unit_coverages_organizations_organization",
				Columns:    []*schema.Column{UnitCoveragesColumns[6]},
				RefColumns: []*schema.Column{OrganizationsColumns[0]},
				OnDelete:   schema.NoAction,
			},
			{
				Symbol:     "unit_coverages_units_unit",
				Columns:    []*schema.Column{UnitCoveragesColumns[7]},
				RefColumns: []*schema.Column{UnitsColumns[0]},
				OnDelete:   schema.NoAction,
			},
		},
		Indexes: []*schema.Index{
			{
				Name:    "unitcoverage_unit_id",
				Unique:  false,
				Columns: []*schema.Column{UnitCoveragesColumns[7]},
			},
			{
				Name:    "unitcoverage_organization_id_unit_id",
				Unique:  true,
				Columns: []*schema.Column{UnitCoveragesColumns[6], UnitCoveragesColumns[7]},
			},
		},
	}
	// UsersColumns holds the columns for the "users" table.
	UsersColumns = []*schema.Column{
		{Name: "id", Type: field.TypeInt, Increment: true},
		{Name: "created_at", Type: field.TypeTime},
		{Name: "updated_at", Type: field.TypeTime},
		{Name: "username", Type: field.TypeString, Unique: true},
		{Name: "display_name", Type: field.TypeString, Nullable: true},
		{Name: "password_hash", Type: field.TypeString},
		{Name: "role", Type: field.TypeEnum, Enums: []string{"ADMIN", "EDITOR", "ANALYST", "REPORTER"}},
		{Name: "disabled", Type: field.TypeBool, Default: false},
		{Name: "last_login_at", Type: field.TypeTime, Nullable: true},
	}
	// UsersTable holds the schema information for the "users" table.
	UsersTable = &schema.Table{
		Name:       "users",
		Columns:    UsersColumns,
		PrimaryKey: []*schema.Column{UsersColumns[0]},
	}
	// APITokenAreasColumns holds the columns for the "api_token_areas" table.
	APITokenAreasColumns = []*schema.Column{
		{Name: "api_token_id", Type: field.TypeInt},
		{Name: "area_id", Type: field.TypeInt},
	}
	// APITokenAreasTable holds the schema information for the "api_token_areas" table.
	APITokenAreasTable = &schema.Table{
		Name:       "api_token_areas",
		Columns:    APITokenAreasColumns,
		PrimaryKey: []*schema.Column{APITokenAreasColumns[0], APITokenAreasColumns[1]},
		ForeignKeys: []*schema.ForeignKey{
			{
				Symbol:     "api_token_areas_api_token_id",
				Columns:    []*schema.Column{APITokenAreasColumns[0]},
				RefColumns: []*schema.Column{APITokensColumns[0]},
				OnDelete:   schema.Cascade,
			},
			{
				Symbol:     "api_token_areas_area_id",
				Columns:    []*schema.Column{APITokenAreasColumns[1]},
				RefColumns: []*schema.Column{AreasColumns[0]},
				OnDelete:   schema.Cascade,
			},
		},
	}
	// MeetingAttendeesColumns holds the columns for the "meeting_attendees" table.
	MeetingAttendeesColumns = []*schema.Column{
		{Name: "meeting_id", Type: field.TypeInt},
		{Name: "member_id", Type: field.TypeInt},
	}
	// MeetingAttendeesTable holds the schema information for the "meeting_attendees" table.
	MeetingAttendeesTable = &schema.Table{
		Name:       "meeting_attendees",
		Columns:    MeetingAttendeesColumns,
		PrimaryKey: []*schema.Column{MeetingAttendeesColumns[0], MeetingAttendeesColumns[1]},
		ForeignKeys: []*schema.ForeignKey{
			{
				Symbol:     "meeting_attendees_meeting_id",
				Columns:    []*schema.Column{MeetingAttendeesColumns[0]},
				RefColumns: []*schema.Column{MeetingsColumns[0]},
				OnDelete:   schema.Cascade,
			},
			{
				Symbol:     "meeting_attendees_member_id",
				Columns:    []*schema.Column{MeetingAttendeesColumns[1]},
				RefColumns: []*schema.Column{MembersColumns[0]},
				OnDelete:   schema.Cascade,
			},
		},
	}
	// OrganizationAreasColumns holds the columns for the "organization_areas" table.
	OrganizationAreasColumns = []*schema.Column{
		{Name: "organization_id", Type: field.TypeInt},
		{Name: "area_id", Type: field.TypeInt},
	}
	// OrganizationAreasTable holds the schema information for the "organization_areas" table.
	OrganizationAreasTable = &schema.Table{
		Name:       "organization_areas",
		Columns:    OrganizationAreasColumns,
		PrimaryKey: []*schema.Column{OrganizationAreasColumns[0], OrganizationAreasColumns[1]},
		ForeignKeys: []*schema.ForeignKey{
			{
				Symbol:     "organization_areas_organization_id",
				Columns:    []*schema.Column{OrganizationAreasColumns[0]},
				RefColumns: []*schema.Column{OrganizationsColumns[0]},
				OnDelete:   schema.Cascade,
			},
			{
				Symbol:     "organization_areas_area_id",
				Columns:    []*schema.Column{OrganizationAreasColumns[1]},
				RefColumns: []*schema.Column{AreasColumns[0]},
				OnDelete:   schema.Cascade,
			},
		},
	}
	// UserAreasColumns holds the columns for the "user_areas" table.
	UserAreasColumns = []*schema.Column{
		{Name: "user_id", Type: field.TypeInt},
		{Name: "area_id", Type: field.TypeInt},
	}
	// UserAreasTable holds the schema information for the "user_areas" table.
	UserAreasTable = &schema.Table{
		Name:       "user_areas",
		Columns:    UserAreasColumns,
		PrimaryKey: []*schema.Column{UserAreasColumns[0], UserAreasColumns[1]},
		ForeignKeys: []*schema.ForeignKey{
			{
				Symbol:     "user_areas_user_id",
				Columns:    []*schema.Column{UserAreasColumns[0]},
				RefColumns: []*schema.Column{UsersColumns[0]},
				OnDelete:   schema.Cascade,
			},
			{
				Symbol:     "user_areas_area_id",
				Columns:    []*schema.Column{UserAreasColumns[1]},
				RefColumns: []*schema.Column{AreasColumns[0]},
				OnDelete:   schema.Cascade,
			},
		},
	}
	// Tables holds all the tables in the schema.
	Tables = []*schema.Table{
		APITokensTable,
		AffiliatedOrganizationsTable,
		AppointmentsTable,
		AreasTable,
		AssessmentsTable,
		AuditEntriesTable,
		ExemptionsTable,
		KindChangesTable,
		MeetingsTable,
		MembersTable,
		MembershipsTable,
		MobileReportsTable,
		OrganizationsTable,
		RuleSettingsTable,
		SessionsTable,
		TermsTable,
		UnitsTable,
		UnitCoveragesTable,
		UsersTable,
		APITokenAreasTable,
		MeetingAttendeesTable,
		OrganizationAreasTable,
		UserAreasTable,
	}
)

func init() {
	APITokensTable.ForeignKeys[0].RefTable = UsersTable
	APITokensTable.Annotation = &entsql.Annotation{
		IncrementStart: func(i int) *int { return &i }(64424509440),
	}
	AffiliatedOrganizationsTable.ForeignKeys[0].RefTable = UnitsTable
	AffiliatedOrganizationsTable.ForeignKeys[1].RefTable = AreasTable
	AffiliatedOrganizationsTable.Annotation = &entsql.Annotation{
		IncrementStart: func(i int) *int { return &i }(0),
	}
	AppointmentsTable.ForeignKeys[0].RefTable = OrganizationsTable
	AppointmentsTable.ForeignKeys[1].RefTable = UnitsTable
	AppointmentsTable.ForeignKeys[2].RefTable = MembersTable
	AppointmentsTable.Annotation = &entsql.Annotation{
		IncrementStart: func(i int) *int { return &i }(4294967296),
	}
	AreasTable.ForeignKeys[0].RefTable = AreasTable
	AreasTable.Annotation = &entsql.Annotation{
		IncrementStart: func(i int) *int { return &i }(8589934592),
	}
	AssessmentsTable.ForeignKeys[0].RefTable = OrganizationsTable
	AssessmentsTable.ForeignKeys[1].RefTable = AreasTable
	AssessmentsTable.Annotation = &entsql.Annotation{
		IncrementStart: func(i int) *int { return &i }(12884901888),
	}
	AuditEntriesTable.Annotation = &entsql.Annotation{
		IncrementStart: func(i int) *int { return &i }(68719476736),
	}
	ExemptionsTable.ForeignKeys[0].RefTable = OrganizationsTable
	ExemptionsTable.Annotation = &entsql.Annotation{
		IncrementStart: func(i int) *int { return &i }(17179869184),
	}
	KindChangesTable.ForeignKeys[0].RefTable = OrganizationsTable
	KindChangesTable.Annotation = &entsql.Annotation{
		IncrementStart: func(i int) *int { return &i }(21474836480),
	}
	MeetingsTable.ForeignKeys[0].RefTable = OrganizationsTable
	MeetingsTable.Annotation = &entsql.Annotation{
		IncrementStart: func(i int) *int { return &i }(25769803776),
	}
	MembersTable.ForeignKeys[0].RefTable = OrganizationsTable
	MembersTable.ForeignKeys[1].RefTable = AreasTable
	MembersTable.ForeignKeys[2].RefTable = UnitsTable
	MembersTable.Annotation = &entsql.Annotation{
		IncrementStart: func(i int) *int { return &i }(30064771072),
	}
	MembershipsTable.ForeignKeys[0].RefTable = MembersTable
	MembershipsTable.ForeignKeys[1].RefTable = OrganizationsTable
	MembershipsTable.Annotation = &entsql.Annotation{
		IncrementStart: func(i int) *int { return &i }(34359738368),
	}
	MobileReportsTable.ForeignKeys[0].RefTable = MembersTable
	MobileReportsTable.Annotation = &entsql.Annotation{
		IncrementStart: func(i int) *int { return &i }(38654705664),
	}
	OrganizationsTable.ForeignKeys[0].RefTable = OrganizationsTable
	OrganizationsTable.Annotation = &entsql.Annotation{
		IncrementStart: func(i int) *int { return &i }(42949672960),
	}
	RuleSettingsTable.Annotation = &entsql.Annotation{
		IncrementStart: func(i int) *int { return &i }(47244640256),
	}
	SessionsTable.ForeignKeys[0].RefTable = UsersTable
	SessionsTable.Annotation = &entsql.Annotation{
		IncrementStart: func(i int) *int { return &i }(73014444032),
	}
	TermsTable.ForeignKeys[0].RefTable = OrganizationsTable
	TermsTable.Annotation = &entsql.Annotation{
		IncrementStart: func(i int) *int { return &i }(51539607552),
	}
	UnitsTable.ForeignKeys[0].RefTable = AreasTable
	UnitsTable.Annotation = &entsql.Annotation{
		IncrementStart: func(i int) *int { return &i }(55834574848),
	}
	UnitCoveragesTable.ForeignKeys[0].RefTable = OrganizationsTable
	UnitCoveragesTable.ForeignKeys[1].RefTable = UnitsTable
	UnitCoveragesTable.Annotation = &entsql.Annotation{
		IncrementStart: func(i int) *int { return &i }(60129542144),
	}
	UsersTable.Annotation = &entsql.Annotation{
		IncrementStart: func(i int) *int { return &i }(77309411328),
	}
	APITokenAreasTable.ForeignKeys[0].RefTable = APITokensTable
	APITokenAreasTable.ForeignKeys[1].RefTable = AreasTable
	MeetingAttendeesTable.ForeignKeys[0].RefTable = MeetingsTable
	MeetingAttendeesTable.ForeignKeys[1].RefTable = MembersTable
	OrganizationAreasTable.ForeignKeys[0].RefTable = OrganizationsTable
	OrganizationAreasTable.ForeignKeys[1].RefTable = AreasTable
	UserAreasTable.ForeignKeys[0].RefTable = UsersTable
	UserAreasTable.ForeignKeys[1].RefTable = AreasTable
}
