package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"jiceng/policy"
)

// Session is a signed-in browser: the hash of the cookie it holds, the
// token it must echo against cross-site requests, and when it ends.
type Session struct {
	ent.Schema
}

// Mixin of Session.
func (Session) Mixin() []ent.Mixin { return []ent.Mixin{Timestamps{}} }

// Fields of Session.
func (Session) Fields() []ent.Field {
	return []ent.Field{
		field.String("token_hash").Unique().Sensitive().Immutable(),
		field.String("csrf_token").Sensitive().Immutable(),
		field.Int("user_id").Immutable(),
		field.Time("expires_at"),
		field.Time("revoked_at").Optional().Nillable(),
		field.String("address").Optional(),
	}
}

// Edges of Session.
func (Session) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("user", User.Type).Field("user_id").Unique().Required().Immutable(),
	}
}

// Indexes of Session.
func (Session) Indexes() []ent.Index { return []ent.Index{index.Fields("user_id")} }

// Policy of Session: the system only.
func (Session) Policy() ent.Policy { return policy.Accounts() }

// Annotations of Session.
func (Session) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Skip(entgql.SkipAll)}
}
