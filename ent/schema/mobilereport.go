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

// MobileReport is a mobile member's monthly report to their organisation
// (the talk's "四个一": a phone call, a letter, a visit, a report).
type MobileReport struct {
	ent.Schema
}

// Mixin of MobileReport.
func (MobileReport) Mixin() []ent.Mixin { return []ent.Mixin{Timestamps{}} }

// Fields of MobileReport.
func (MobileReport) Fields() []ent.Field {
	return []ent.Field{
		field.Int("member_id"),
		field.Time("reported_on").Comment("The day the mobile member reported.").SchemaType(dateColumn).
			Annotations(dateScalar, entgql.OrderField("REPORTED_ON")),
		field.Enum("channel").Annotations(channelValues).Comment("How the member reported: phone, letter, online or in person.").Values("PHONE", "LETTER", "ONLINE", "IN_PERSON").Default("PHONE"),
		field.String("note").Comment("What the member reported.").Validate(check.MaxRunes(1000)).Optional(),
	}
}

// Edges of MobileReport.
func (MobileReport) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("member", Member.Type).Comment("The mobile member who reported.").Field("member_id").Unique().Required(),
	}
}

// Indexes of MobileReport.
func (MobileReport) Indexes() []ent.Index {
	return []ent.Index{index.Fields("member_id", "reported_on")}
}

// Annotations of MobileReport.
func (MobileReport) Annotations() []schema.Annotation {
	return []schema.Annotation{
		entgql.RelayConnection(),
		entgql.QueryField(),
		entgql.Mutations(entgql.MutationCreate(), entgql.MutationUpdate()),
		entgql.MultiOrder(),
	}
}

// Hooks of MobileReport: the rules of the model, checked on every write.
func (MobileReport) Hooks() []ent.Hook {
	return register.Hooks(register.CheckMobileReport)
}

// Policy of MobileReport: every viewer reads; administrators write, editors in their areas.
func (MobileReport) Policy() ent.Policy { return policy.Register() }
