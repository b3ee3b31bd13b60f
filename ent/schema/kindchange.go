package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"jiceng/check"
	"jiceng/policy"
	"jiceng/register"
	"jiceng/vocab"
)

// KindChange records that an organisation changed kind from a date on, as
// when a branch is upgraded to a general branch (升格). It is written by the
// upgradeOrganization operation and never edited.
type KindChange struct {
	ent.Schema
}

// Mixin of KindChange.
func (KindChange) Mixin() []ent.Mixin { return []ent.Mixin{Timestamps{}} }

// Fields of KindChange.
func (KindChange) Fields() []ent.Field {
	return []ent.Field{
		field.Int("organization_id").Immutable(),
		field.Enum("from_kind").Comment("The kind before the change.").GoType(vocab.OrganizationKind("")).Immutable().Annotations(entgql.Type("OrganizationKind")),
		field.Enum("to_kind").Comment("The kind from the day of the change on.").GoType(vocab.OrganizationKind("")).Immutable().Annotations(entgql.Type("OrganizationKind")),
		field.Time("changed_on").Comment("The day the new kind takes effect.").SchemaType(dateColumn).Immutable().
			Annotations(dateScalar, entgql.OrderField("CHANGED_ON")),
		field.String("reason").Comment("Why the kind changed, such as an upgrade (升格) approved by the working committee.").Validate(check.MaxRunes(1000)).Optional().Immutable(),
	}
}

// Edges of KindChange.
func (KindChange) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("organization", Organization.Type).Comment("The organisation whose kind changed.").Field("organization_id").
			Unique().Required().Immutable(),
	}
}

// Indexes of KindChange.
func (KindChange) Indexes() []ent.Index {
	return []ent.Index{index.Fields("organization_id", "changed_on")}
}

// Annotations of KindChange.
func (KindChange) Annotations() []schema.Annotation {
	return []schema.Annotation{
		entgql.RelayConnection(),
		entgql.QueryField(),
		entgql.MultiOrder(),
	}
}

// Hooks of KindChange: the rules of the model, checked on every write.
func (KindChange) Hooks() []ent.Hook {
	return register.Hooks(register.CheckKindChange)
}

// Policy of KindChange: every viewer reads; administrators write, editors in their areas.
func (KindChange) Policy() ent.Policy { return policy.Register() }
