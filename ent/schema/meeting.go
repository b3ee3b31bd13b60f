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

// Meeting is a meeting of organisational life held by an organisation.
type Meeting struct {
	ent.Schema
}

// Mixin of Meeting.
func (Meeting) Mixin() []ent.Mixin { return []ent.Mixin{Timestamps{}} }

// Fields of Meeting.
func (Meeting) Fields() []ent.Field {
	return []ent.Field{
		field.Int("organization_id"),
		field.Enum("type").Annotations(meetingTypeValues).Comment("The type of organisational life held (三会一课 and the rest).").GoType(vocab.MeetingType("")).Annotations(entgql.Type("MeetingType")).
			Annotations(entgql.OrderField("TYPE")),
		field.Time("held_on").Comment("The day the meeting was held.").SchemaType(dateColumn).
			Annotations(dateScalar, entgql.OrderField("HELD_ON")),
		field.Int("expected_attendance").Comment("How many members were due to attend.").Validate(check.NotNegative),
		field.Int("attendance").Comment("How many members attended.").Validate(check.NotNegative),
		field.String("topic").Comment("The meeting's topic.").Validate(check.MaxRunes(200)).Optional(),
	}
}

// Edges of Meeting.
func (Meeting) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("organization", Organization.Type).Comment("The organisation that held the meeting.").Field("organization_id").Unique().Required(),
		edge.To("attendees", Member.Type).
			Comment("Members recorded as present, where the organisation keeps a roll."),
	}
}

// Indexes of Meeting.
func (Meeting) Indexes() []ent.Index {
	return []ent.Index{index.Fields("organization_id", "type", "held_on")}
}

// Annotations of Meeting.
func (Meeting) Annotations() []schema.Annotation {
	return []schema.Annotation{
		entgql.RelayConnection(),
		entgql.QueryField(),
		entgql.Mutations(entgql.MutationCreate(), entgql.MutationUpdate()),
		entgql.MultiOrder(),
	}
}

// Hooks of Meeting: the rules of the model, checked on every write.
func (Meeting) Hooks() []ent.Hook {
	return register.Hooks(register.CheckMeeting)
}

// Policy of Meeting: every viewer reads; administrators write, editors in their areas.
func (Meeting) Policy() ent.Policy { return policy.Register() }
