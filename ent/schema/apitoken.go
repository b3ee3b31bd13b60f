package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"

	"jiceng/check"
	"jiceng/policy"
	"jiceng/viewer"
)

// APIToken lets a reporting tool or a script call the API with
// "Authorization: Bearer <token>". Only the token's hash is kept; the token
// is shown once, when `jiceng token create` makes it.
type APIToken struct {
	ent.Schema
}

// Mixin of APIToken.
func (APIToken) Mixin() []ent.Mixin { return []ent.Mixin{Timestamps{}} }

// Fields of APIToken.
func (APIToken) Fields() []ent.Field {
	return []ent.Field{
		field.String("name").Validate(check.MaxRunes(100)).Validate(check.NotBlank),
		field.String("prefix").Immutable().
			Comment("The token's first characters, to tell tokens apart in lists and logs."),
		field.String("token_hash").Unique().Sensitive().Immutable(),
		field.Enum("role").GoType(viewer.Role("")),
		field.Int("user_id").Optional().Nillable().Immutable(),
		field.Time("expires_at").Optional().Nillable(),
		field.Time("revoked_at").Optional().Nillable(),
		field.Time("last_used_at").Optional().Nillable(),
	}
}

// Edges of APIToken.
func (APIToken) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("user", User.Type).Field("user_id").Unique().Immutable().
			Comment("The user who made the token, if a user did."),
		edge.To("areas", Area.Type).Comment("For an editor's token: the areas it may write in."),
	}
}

// Policy of APIToken: the system only.
func (APIToken) Policy() ent.Policy { return policy.Accounts() }

// Annotations of APIToken.
func (APIToken) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Skip(entgql.SkipAll)}
}
