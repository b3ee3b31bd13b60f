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

// Exemption excuses an organisation from a type of meeting for a period, with
// the reason (for example a Party group whose members all work away).
type Exemption struct {
	ent.Schema
}

// Mixin of Exemption.
func (Exemption) Mixin() []ent.Mixin { return []ent.Mixin{Timestamps{}} }

// Fields of Exemption.
func (Exemption) Fields() []ent.Field {
	return []ent.Field{
		field.Int("organization_id"),
		field.Enum("meeting_type").Comment("The type of meeting the organisation is excused from.").GoType(vocab.MeetingType("")).Annotations(entgql.Type("MeetingType")),
		field.String("reason").Comment("Why the organisation is excused, and who approved it.").Validate(check.MaxRunes(1000)).Validate(check.NotBlank),
		field.Time("started_on").Comment("The first day of the exemption.").SchemaType(dateColumn).
			Annotations(dateScalar, entgql.OrderField("STARTED_ON")),
		field.Time("ended_on").Comment("The day the exemption ended; null while it holds.").Optional().Nillable().SchemaType(dateColumn).
			Annotations(dateScalar, entgql.OrderField("ENDED_ON")),
	}
}

// Edges of Exemption.
func (Exemption) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("organization", Organization.Type).Comment("The organisation excused.").Field("organization_id").Unique().Required(),
	}
}

// Indexes of Exemption.
func (Exemption) Indexes() []ent.Index {
	return []ent.Index{index.Fields("organization_id")}
}

// Annotations of Exemption.
func (Exemption) Annotations() []schema.Annotation {
	return []schema.Annotation{
		entgql.RelayConnection(),
		entgql.QueryField(),
		entgql.Mutations(entgql.MutationCreate(), entgql.MutationUpdate()),
		entgql.MultiOrder(),
	}
}

// Hooks of Exemption: the rules of the model, checked on every write.
func (Exemption) Hooks() []ent.Hook {
	return register.Hooks(register.CheckExemption)
}

// Policy of Exemption: every viewer reads; administrators write, editors in their areas.
func (Exemption) Policy() ent.Policy { return policy.Register() }
