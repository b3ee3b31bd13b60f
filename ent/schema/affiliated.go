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

// AffiliatedOrganization is a mass organisation (工青妇: union, women's
// organisation, youth league) of a unit or a community, set up alongside a
// Party branch or where there is none yet.
type AffiliatedOrganization struct {
	ent.Schema
}

// Mixin of AffiliatedOrganization.
func (AffiliatedOrganization) Mixin() []ent.Mixin { return []ent.Mixin{Timestamps{}} }

// Fields of AffiliatedOrganization.
func (AffiliatedOrganization) Fields() []ent.Field {
	return []ent.Field{
		field.String("name").Comment("The organisation's name, such as 某某公司工会.").Validate(check.MaxRunes(100)).Validate(check.NotBlank).
			Annotations(entgql.OrderField("NAME")),
		field.Enum("kind").Annotations(affiliatedKindValues).Comment("Union (工会), women's organisation (妇联), youth league (共青团) or union volunteer team.").Values("UNION", "WOMENS_ORGANIZATION", "YOUTH_LEAGUE", "UNION_VOLUNTEER_TEAM").
			Annotations(entgql.OrderField("KIND")),
		field.Int("unit_id").Optional().Nillable(),
		field.Int("community_id").Optional().Nillable(),
		field.Int("members_count").Comment("How many people the organisation has, where known.").Optional().Nillable().Validate(check.NotNegative),
		field.Time("established_on").Comment("The day the organisation was set up.").Optional().Nillable().SchemaType(dateColumn).
			Annotations(dateScalar),
		field.Time("dissolved_on").Comment("The day the organisation was dissolved; it is kept for history.").Optional().Nillable().SchemaType(dateColumn).
			Annotations(dateScalar),
	}
}

// Edges of AffiliatedOrganization.
func (AffiliatedOrganization) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("unit", Unit.Type).Comment("The unit the organisation belongs to, when it is a unit's.").Field("unit_id").Unique(),
		edge.To("community", Area.Type).Comment("The community the organisation belongs to, when it is a community's.").Field("community_id").Unique(),
	}
}

// Indexes of AffiliatedOrganization.
func (AffiliatedOrganization) Indexes() []ent.Index {
	return []ent.Index{index.Fields("unit_id"), index.Fields("community_id")}
}

// Annotations of AffiliatedOrganization.
func (AffiliatedOrganization) Annotations() []schema.Annotation {
	return []schema.Annotation{
		entgql.RelayConnection(),
		entgql.QueryField(),
		entgql.Mutations(entgql.MutationCreate(), entgql.MutationUpdate()),
		entgql.MultiOrder(),
	}
}

// Hooks of AffiliatedOrganization: the rules of the model, checked on every write.
func (AffiliatedOrganization) Hooks() []ent.Hook {
	return register.Hooks(register.CheckAffiliatedOrganization)
}

// Policy of AffiliatedOrganization: every viewer reads; administrators write, editors in their areas.
func (AffiliatedOrganization) Policy() ent.Policy { return policy.Register() }
