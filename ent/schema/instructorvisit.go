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

// InstructorVisit is a visit of a Party-building instructor or liaison to a
// unit: what the official table counts as "contacted by an instructor".
type InstructorVisit struct {
	ent.Schema
}

// Mixin of InstructorVisit.
func (InstructorVisit) Mixin() []ent.Mixin { return []ent.Mixin{Timestamps{}} }

// Fields of InstructorVisit.
func (InstructorVisit) Fields() []ent.Field {
	return []ent.Field{
		field.Int("unit_id"),
		field.Int("appointment_id").Optional().Nillable().
			Comment("The instructor's or liaison's assignment the visit was made under."),
		field.Time("visited_on").Comment("The day of the visit.").SchemaType(dateColumn).
			Annotations(dateScalar, entgql.OrderField("VISITED_ON")),
		field.String("note").Validate(check.MaxRunes(1000)).Optional().
			Comment("What was done or found on the visit."),
	}
}

// Edges of InstructorVisit.
func (InstructorVisit) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("unit", Unit.Type).Comment("The unit visited.").Field("unit_id").Unique().Required(),
		edge.To("appointment", Appointment.Type).Comment("The instructor's or liaison's assignment the visit was made under.").Field("appointment_id").Unique(),
	}
}

// Indexes of InstructorVisit.
func (InstructorVisit) Indexes() []ent.Index {
	return []ent.Index{index.Fields("unit_id", "visited_on")}
}

// Annotations of InstructorVisit.
func (InstructorVisit) Annotations() []schema.Annotation {
	return []schema.Annotation{
		entgql.RelayConnection(),
		entgql.QueryField(),
		entgql.Mutations(entgql.MutationCreate(), entgql.MutationUpdate()),
		entgql.MultiOrder(),
	}
}

// Hooks of InstructorVisit: the rules of the model, checked on every write.
func (InstructorVisit) Hooks() []ent.Hook {
	return register.Hooks(register.CheckInstructorVisit)
}

// Policy of InstructorVisit: every viewer reads; administrators write, editors in their areas.
func (InstructorVisit) Policy() ent.Policy { return policy.Register() }
