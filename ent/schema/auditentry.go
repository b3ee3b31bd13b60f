package schema

import (
	"time"

	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"jiceng/policy"
)

// AuditEntry records who did what and when: every change to the register
// (with the fields before and after), every read of unmasked personal data,
// every sign-in and every change to users and tokens. Entries are only ever
// added; administrators read them with auditEntries.
type AuditEntry struct {
	ent.Schema
}

// Fields of AuditEntry.
func (AuditEntry) Fields() []ent.Field {
	return []ent.Field{
		field.Time("at").Comment("When the action was taken.").Default(time.Now).Immutable().
			Annotations(entgql.OrderField("AT")),
		field.String("actor").Immutable().
			Comment(`Who: "user admin", "token 报表工具", or "system" for a command.`),
		field.Int("user_id").Comment("The ID of the user who acted, when a user did.").Optional().Nillable().Immutable().Annotations(entgql.Type("ID")),
		field.Int("token_id").Comment("The ID of the API token that acted, when a token did.").Optional().Nillable().Immutable().Annotations(entgql.Type("ID")),
		field.String("address").Optional().Immutable().
			Comment("Where the request came from."),
		field.Enum("action").Annotations(auditActionValues).Comment("What was done: a record created or changed, personal data read, a sign-in, a user or token changed, a backup or a restore.").Values(
			"CREATE", "UPDATE", "READ_PERSONAL", "SIGN_IN", "SIGN_IN_FAILED", "SIGN_OUT",
			"USER_CREATED", "USER_CHANGED", "TOKEN_CREATED", "TOKEN_REVOKED", "BACKUP", "RESTORE",
		).Immutable().Annotations(entgql.OrderField("ACTION")),
		field.String("entity_type").Comment("The kind of record acted on, such as Member.").Optional().Immutable(),
		field.Int("entity_id").Comment("The ID of the record acted on.").Optional().Nillable().Immutable().Annotations(entgql.Type("ID")),
		field.JSON("before", map[string]any{}).Comment("The record's changed values before the action, unmasked (read by administrators only).").Optional().Immutable().Annotations(entgql.Type("JSON")),
		field.JSON("after", map[string]any{}).Comment("The record's changed values after the action, unmasked (read by administrators only).").Optional().Immutable().Annotations(entgql.Type("JSON")),
		field.String("detail").Comment("What else is worth knowing of the action, such as the filter of an export.").Optional().Immutable(),
	}
}

// Indexes of AuditEntry.
func (AuditEntry) Indexes() []ent.Index {
	return []ent.Index{index.Fields("at"), index.Fields("entity_type", "entity_id")}
}

// Policy of AuditEntry: administrators read it; only the system adds to it.
func (AuditEntry) Policy() ent.Policy { return policy.Audit() }

// Hooks of AuditEntry: entries are never changed or deleted.
func (AuditEntry) Hooks() []ent.Hook { return []ent.Hook{policy.AppendOnly} }

// Annotations of AuditEntry.
func (AuditEntry) Annotations() []schema.Annotation {
	return []schema.Annotation{
		entgql.RelayConnection(),
		entgql.QueryField(),
		entgql.MultiOrder(),
	}
}
