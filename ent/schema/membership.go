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
)

// Membership is where a member's organisational relationship (组织关系)
// sits, from one date to another. A transfer closes one and opens the next.
type Membership struct {
	ent.Schema
}

// Mixin of Membership.
func (Membership) Mixin() []ent.Mixin { return []ent.Mixin{Timestamps{}} }

// Fields of Membership.
func (Membership) Fields() []ent.Field {
	return []ent.Field{
		field.Int("member_id"),
		field.Int("organization_id"),
		field.Time("started_on").Comment("The first day the relationship sits in the organisation.").SchemaType(dateColumn).
			Annotations(dateScalar, entgql.OrderField("STARTED_ON")),
		field.Time("ended_on").Comment("The day the relationship left the organisation; null while it sits there.").Optional().Nillable().SchemaType(dateColumn).
			Annotations(dateScalar, entgql.OrderField("ENDED_ON")),
		field.Enum("start_reason").Annotations(startReasonValues).Comment("Why the relationship began here: joined the Party, transferred in, or the whole unit transferred.").Values("JOINED_PARTY", "TRANSFERRED_IN", "WHOLE_UNIT_TRANSFERRED"),
		field.Enum("end_reason").Annotations(endReasonValues).Comment("Why it ended: transferred out, the whole unit transferred, died, or left the Party.").Values("TRANSFERRED_OUT", "WHOLE_UNIT_TRANSFERRED", "DIED", "LEFT_PARTY").
			Optional().Nillable(),
		field.String("note").Comment("A free note on the membership.").Validate(check.MaxRunes(1000)).Optional(),
	}
}

// Edges of Membership.
func (Membership) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("member", Member.Type).Comment("The member.").Field("member_id").Unique().Required(),
		edge.To("organization", Organization.Type).Comment("The organisation where the relationship sits.").Field("organization_id").Unique().Required(),
	}
}

// Indexes of Membership.
func (Membership) Indexes() []ent.Index {
	return []ent.Index{index.Fields("member_id", "started_on"), index.Fields("organization_id")}
}

// Annotations of Membership.
func (Membership) Annotations() []schema.Annotation {
	return []schema.Annotation{
		entgql.RelayConnection(),
		entgql.QueryField(),
		entgql.Mutations(entgql.MutationCreate(), entgql.MutationUpdate()),
		entgql.MultiOrder(),
	}
}

// Hooks of Membership: the rules of the model, checked on every write.
func (Membership) Hooks() []ent.Hook {
	return register.Hooks(register.CheckMembership)
}

// Policy of Membership: every viewer reads; administrators write, editors in their areas.
func (Membership) Policy() ent.Policy { return policy.Register() }
