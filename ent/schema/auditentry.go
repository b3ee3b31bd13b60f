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
		field.Time("at").Default(time.Now).Immutable().
			Annotations(entgql.OrderField("AT")),
		field.String("actor").Immutable().
			Comment(`Who: "user admin", "token 报表工具", or "system" for a command.`),
		field.Int("user_id").Optional().Nillable().Immutable().Annotations(entgql.Type("ID")),
		field.Int("token_id").Optional().Nillable().Immutable().Annotations(entgql.Type("ID")),
		field.String("address").Optional().Immutable().
			Comment("Where the request came from."),
		field.Enum("action").Values(
			"CREATE", "UPDATE", "READ_PERSONAL", "SIGN_IN", "SIGN_IN_FAILED", "SIGN_OUT",
			"USER_CREATED", "USER_CHANGED", "TOKEN_CREATED", "TOKEN_REVOKED", "BACKUP", "RESTORE",
		).Immutable().Annotations(entgql.OrderField("ACTION")),
		field.String("entity_type").Optional().Immutable(),
		field.Int("entity_id").Optional().Nillable().Immutable().Annotations(entgql.Type("ID")),
		field.JSON("before", map[string]any{}).Optional().Immutable().Annotations(entgql.Type("JSON")),
		field.JSON("after", map[string]any{}).Optional().Immutable().Annotations(entgql.Type("JSON")),
		field.String("detail").Optional().Immutable(),
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
