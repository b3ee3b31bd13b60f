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

// User is a person who signs in to Jiceng. Users are managed with the
// `jiceng user` commands, not through the GraphQL API.
type User struct {
	ent.Schema
}

// Mixin of User.
func (User) Mixin() []ent.Mixin { return []ent.Mixin{Timestamps{}} }

// Fields of User.
func (User) Fields() []ent.Field {
	return []ent.Field{
		field.String("username").Unique().Validate(check.Username),
		field.String("display_name").Validate(check.MaxRunes(50)).Optional(),
		field.String("password_hash").Sensitive(),
		field.Enum("role").GoType(viewer.Role("")),
		field.Bool("disabled").Default(false),
		field.Time("last_login_at").Optional().Nillable(),
	}
}

// Edges of User.
func (User) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("areas", Area.Type).Comment("For an editor: the areas they may write in, with the areas below them."),
		edge.From("sessions", Session.Type).Ref("user"),
		edge.From("tokens", APIToken.Type).Ref("user"),
	}
}

// Policy of User: only the system (the commands, sign-in) and administrators
// read users; only the system writes them.
func (User) Policy() ent.Policy { return policy.Accounts() }

// Annotations of User.
func (User) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Skip(entgql.SkipAll)}
}
