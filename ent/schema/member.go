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

// personal marks a field as personal data: never filtered or sorted on, so
// that neither can be used to guess a value a role may not read.
var personal = entgql.Skip(entgql.SkipWhereInput, entgql.SkipOrderField)

// Member is a Party member known to the sub-district.
type Member struct {
	ent.Schema
}

// Mixin of Member.
func (Member) Mixin() []ent.Mixin { return []ent.Mixin{Timestamps{}, NameKey{}} }

// Fields of Member.
func (Member) Fields() []ent.Field {
	return []ent.Field{
		field.String("name").Comment("The member's name.").Validate(check.MaxRunes(50)).Validate(check.NotBlank),
		field.Enum("gender").Annotations(genderValues).Comment("Male or female.").Values("MALE", "FEMALE"),
		field.String("ethnicity").Validate(check.MaxRunes(20)).Optional().
			Comment("Ethnic group (民族), as written on the register."),
		field.Time("born_on").Optional().Nillable().SchemaType(dateColumn).Comment("The day of birth; for every role but ADMIN the first of January of its year, so that no role but ADMIN can rebuild an ID number.").
			Annotations(dateScalar, personal),
		field.Enum("status").Annotations(statusValues).Values("FULL", "PROBATIONARY").
			Comment("Full (正式) or probationary (预备) member; only full members count towards thresholds.").
			Annotations(entgql.OrderField("STATUS")),
		field.Time("joined_party_on").Comment("The day the member joined the Party (入党).").SchemaType(dateColumn).
			Annotations(dateScalar, entgql.OrderField("JOINED_PARTY_ON")),
		field.Time("confirmed_on").Optional().Nillable().SchemaType(dateColumn).
			Comment("When the member was confirmed (转正) and became a full member; a year after joining unless recorded otherwise.").
			Annotations(dateScalar, entgql.OrderField("CONFIRMED_ON")),
		field.Time("probation_extended_to").Optional().Nillable().SchemaType(dateColumn).
			Comment("For a probationary member whose probation was extended (at most one more year): the day it now ends.").
			Annotations(dateScalar, entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
		field.Enum("category").Annotations(categoryValues).Values("IN_SERVICE", "RETIRED", "SELF_EMPLOYED", "MOBILE").
			Comment("One of the four categories of members (四类党员).").
			Annotations(entgql.OrderField("CATEGORY")),
		field.Enum("mobility").Annotations(mobilityValues).Values("OUTFLOW", "INFLOW").Optional().Nillable().
			Comment("For a mobile member: left to work elsewhere, or arrived here."),
		field.String("mobile_place").Validate(check.MaxRunes(100)).Optional().
			Comment("For a mobile member: where they went, or came from."),
		field.String("external_organization").Validate(check.MaxRunes(100)).Optional().
			Comment("The organisation outside the sub-district that still holds the member's relationship (not transferred in)."),
		field.Strings("tags").Optional().
			Comment("Free labels such as 诚信商户 (honest merchant)."),
		field.String("phone").Comment("Mobile phone number; masked for every role but ADMIN.").Optional().Validate(check.Phone).
			Annotations(personal),
		field.String("id_number").Optional().Validate(check.IDNumber).
			Comment("Resident identity number, GB 11643.").
			Annotations(personal),
		field.String("address").Comment("Home address; masked for every role but ADMIN.").Validate(check.MaxRunes(200)).Optional().
			Annotations(personal),
		field.Int("party_group_id").Optional().Nillable(),
		field.Int("residence_grid_id").Optional().Nillable(),
		field.Int("work_unit_id").Optional().Nillable(),
		currentSince(),
	}
}

// Edges of Member.
func (Member) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("party_group", Organization.Type).Comment("The Party group the member is placed in, if any.").Field("party_group_id").Unique(),
		edge.To("residence_grid", Area.Type).Comment("The grid the member lives in, if known.").Field("residence_grid_id").Unique(),
		edge.To("work_unit", Unit.Type).Comment("The unit the member works in, if it is in the register.").Field("work_unit_id").Unique(),
		edge.From("memberships", Membership.Type).Comment("Where the member's organisational relationship has sat, each with its dates; the current one has no end.").Ref("member").Annotations(readOnly),
		edge.From("appointments", Appointment.Type).Comment("The offices the member holds or has held.").Ref("member").Annotations(readOnly),
		edge.From("mobile_reports", MobileReport.Type).Comment("For a mobile member: the monthly reports the member made.").Ref("member").Annotations(readOnly),
		edge.From("attended_meetings", Meeting.Type).Comment("The meetings the member is recorded as present at.").Ref("attendees").Annotations(readOnly),
		edge.From("site_branches", Organization.Type).Ref("site_members").
			Comment("Temporary branches whose life the member takes part in on a site; the relationship stays where it is.").
			Annotations(readOnly),
	}
}

// Indexes of Member.
func (Member) Indexes() []ent.Index {
	return []ent.Index{
		index.Fields("party_group_id"), index.Fields("residence_grid_id"), index.Fields("work_unit_id"),
	}
}

// Annotations of Member.
func (Member) Annotations() []schema.Annotation {
	return []schema.Annotation{
		entgql.RelayConnection(),
		entgql.QueryField(),
		entgql.Mutations(entgql.MutationCreate(), entgql.MutationUpdate()),
		entgql.MultiOrder(),
	}
}

// Hooks of Member: the rules of the model, checked on every write.
func (Member) Hooks() []ent.Hook {
	return append([]ent.Hook{policy.MaskResult, register.Confirmation}, register.Hooks(register.CheckMember)...)
}

// Policy of Member: every viewer reads; administrators write, editors in their areas.
func (Member) Policy() ent.Policy { return policy.Register() }

// Interceptors of Member: personal data masked for every role but the administrator.
func (Member) Interceptors() []ent.Interceptor { return []ent.Interceptor{policy.Personal()} }
