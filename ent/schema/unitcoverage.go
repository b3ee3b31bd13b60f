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

// UnitCoverage links an organisation to a unit it covers, from one date to
// another. How the unit is covered (own, joint, affiliated) follows from the
// organisation's formation. It is the edge schema of Organization.units, so
// an organisation has one link to a unit: if coverage lapses and resumes,
// the link's dates and note record it.
type UnitCoverage struct {
	ent.Schema
}

// Mixin of UnitCoverage.
func (UnitCoverage) Mixin() []ent.Mixin { return []ent.Mixin{Timestamps{}} }

// Fields of UnitCoverage.
func (UnitCoverage) Fields() []ent.Field {
	return []ent.Field{
		field.Int("organization_id"),
		field.Int("unit_id"),
		field.Time("started_on").Comment("The first day the organisation covers the unit.").SchemaType(dateColumn).
			Annotations(dateScalar, entgql.OrderField("STARTED_ON")),
		field.Time("ended_on").Comment("The day the coverage ended; null while it holds.").Optional().Nillable().SchemaType(dateColumn).
			Annotations(dateScalar, entgql.OrderField("ENDED_ON")),
		field.String("note").Comment("A free note on the link.").Validate(check.MaxRunes(1000)).Optional(),
	}
}

// Edges of UnitCoverage.
func (UnitCoverage) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("organization", Organization.Type).Comment("The organisation that covers the unit.").Field("organization_id").Unique().Required(),
		edge.To("unit", Unit.Type).Comment("The unit covered.").Field("unit_id").Unique().Required(),
	}
}

// Indexes of UnitCoverage.
func (UnitCoverage) Indexes() []ent.Index {
	return []ent.Index{
		index.Fields("unit_id"),
		index.Fields("organization_id"),
	}
}

// Annotations of UnitCoverage.
func (UnitCoverage) Annotations() []schema.Annotation {
	return []schema.Annotation{
		entgql.RelayConnection(),
		entgql.QueryField(),
		entgql.Mutations(entgql.MutationCreate(), entgql.MutationUpdate()),
		entgql.MultiOrder(),
	}
}

// Hooks of UnitCoverage: the rules of the model, checked on every write.
func (UnitCoverage) Hooks() []ent.Hook {
	return register.Hooks(register.CheckUnitCoverage)
}

// Policy of UnitCoverage: every viewer reads; administrators write, editors in their areas.
func (UnitCoverage) Policy() ent.Policy { return policy.Register() }
