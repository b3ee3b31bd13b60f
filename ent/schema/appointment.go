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

// Appointment records who holds an office in an organisation, or which
// instructor or liaison is assigned to a unit, from one date to another.
// The holder is a member of the register or, for part-time committee members
// from stationed units, a person named by holderName.
type Appointment struct {
	ent.Schema
}

// Mixin of Appointment.
func (Appointment) Mixin() []ent.Mixin { return []ent.Mixin{Timestamps{}} }

// Fields of Appointment.
func (Appointment) Fields() []ent.Field {
	return []ent.Field{
		field.Enum("role").Annotations(appointmentRoleValues).Comment("The office held: secretary, deputy secretary, committee member, part-time committee member, instructor or liaison.").Values(
			"SECRETARY", "DEPUTY_SECRETARY", "COMMITTEE_MEMBER", "GROUP_LEADER",
			"PART_TIME_COMMITTEE_MEMBER", "PARTY_BUILDING_INSTRUCTOR", "LIAISON",
		).Annotations(entgql.OrderField("ROLE")),
		field.String("title").Validate(check.MaxRunes(50)).Optional().
			Comment("The office as written, e.g. 组织委员, when the role is too coarse."),
		field.Int("organization_id").Optional().Nillable(),
		field.Int("unit_id").Optional().Nillable(),
		field.Int("member_id").Optional().Nillable(),
		field.String("holder_name").Validate(check.MaxRunes(50)).Optional().
			Comment("The holder's name when they are not a member of this register."),
		field.String("holder_affiliation").Validate(check.MaxRunes(100)).Optional().
			Comment("Where the holder comes from, e.g. the stationed unit of a part-time committee member."),
		field.Time("started_on").Comment("The first day of the office.").SchemaType(dateColumn).
			Annotations(dateScalar, entgql.OrderField("STARTED_ON")),
		field.Time("ended_on").Comment("The day the office ended; null while it is held.").Optional().Nillable().SchemaType(dateColumn).
			Annotations(dateScalar, entgql.OrderField("ENDED_ON")),
		field.String("note").Comment("A free note on the appointment.").Validate(check.MaxRunes(1000)).Optional(),
	}
}

// Edges of Appointment.
func (Appointment) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("organization", Organization.Type).Comment("The organisation whose office this is (for the offices of a committee).").Field("organization_id").Unique(),
		edge.To("unit", Unit.Type).Comment("The unit an instructor or liaison is assigned to.").Field("unit_id").Unique(),
		edge.To("member", Member.Type).Comment("The holder, when they are a member of this register.").Field("member_id").Unique(),
	}
}

// Indexes of Appointment.
func (Appointment) Indexes() []ent.Index {
	return []ent.Index{index.Fields("organization_id"), index.Fields("unit_id"), index.Fields("member_id")}
}

// Annotations of Appointment.
func (Appointment) Annotations() []schema.Annotation {
	return []schema.Annotation{
		entgql.RelayConnection(),
		entgql.QueryField(),
		entgql.Mutations(entgql.MutationCreate(), entgql.MutationUpdate()),
		entgql.MultiOrder(),
	}
}

// Hooks of Appointment: the rules of the model, checked on every write.
func (Appointment) Hooks() []ent.Hook {
	return register.Hooks(register.CheckAppointment)
}

// Policy of Appointment: every viewer reads; administrators write, editors in their areas.
func (Appointment) Policy() ent.Policy { return policy.Register() }
