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

// Organization is a Party organisation: the working committee, a community
// committee or general branch, a branch, a grid branch or a Party group.
type Organization struct {
	ent.Schema
}

// Mixin of Organization.
func (Organization) Mixin() []ent.Mixin { return []ent.Mixin{Timestamps{}, NameKey{}} }

// Fields of Organization.
func (Organization) Fields() []ent.Field {
	return []ent.Field{
		field.String("name").Comment("The organisation's full name, such as 一号社区党总支.").Validate(check.MaxRunes(100)).Validate(check.NotBlank),
		field.String("short_name").Comment("A shorter name for maps and tables.").Validate(check.MaxRunes(50)).Optional(),
		field.Enum("kind").Annotations(organizationKindValues).GoType(vocab.OrganizationKind("")).Annotations(entgql.Type("OrganizationKind")).
			Comment("The kind today; earlier kinds are in kindChanges. Changed only by upgradeOrganization.").
			Annotations(entgql.OrderField("KIND"), entgql.Skip(entgql.SkipMutationUpdateInput)),
		field.Enum("formation").Annotations(formationValues).Values("STANDALONE", "JOINT", "TEMPORARY", "TERRITORIAL").
			Comment("How the organisation was formed: in one unit, across units, for a time-bound site, or on a territory.").
			Annotations(entgql.OrderField("FORMATION")),
		field.Time("established_on").Comment("The day the organisation was set up.").SchemaType(dateColumn).
			Annotations(dateScalar, entgql.OrderField("ESTABLISHED_ON")),
		field.Time("dissolved_on").Optional().Nillable().SchemaType(dateColumn).
			Comment("Set by dissolveOrganization; the organisation is kept for history.").
			Annotations(dateScalar, entgql.OrderField("DISSOLVED_ON"), entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
		field.String("dissolution_reason").Comment("Why the organisation was dissolved.").Validate(check.MaxRunes(1000)).Optional().
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
		field.Int("activity_budget").Optional().Nillable().Validate(check.NotNegative).
			Comment("Yearly activity budget in yuan, as grid branches have."),
		field.Int("parent_id").Optional().Nillable(),
		currentSince(),
	}
}

// Edges of Organization.
func (Organization) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("children", Organization.Type).Comment("The organisations directly under this one.").
			Annotations(readOnly).
			From("parent").Comment("The organisation this one is under; null for the working committee.").Field("parent_id").Unique(),
		edge.To("areas", Area.Type).
			Comment("Areas the organisation is responsible for today (community, grid, estate); earlier ones are in its history."),
		edge.To("site_members", Member.Type).
			Comment("For a temporary branch: the members taking part in its life on the site, whose relationship stays where it is (支部工作条例 Art. 5)."),
		edge.From("unit_coverages", UnitCoverage.Type).Ref("organization").
			Comment("Every unit the organisation has covered, each link with its dates; a unit may leave and rejoin.").
			Annotations(readOnly),
		edge.From("memberships", Membership.Type).Comment("The organisational relationships that sit or have sat here, each with its dates.").Ref("organization").Annotations(readOnly),
		edge.From("appointments", Appointment.Type).Comment("The offices of the organisation, held now or before.").Ref("organization").Annotations(readOnly),
		edge.From("terms", Term.Type).Comment("The terms of the organisation's elected committee.").Ref("organization").Annotations(readOnly),
		edge.From("meetings", Meeting.Type).Comment("The organisational life the organisation has held.").Ref("organization").Annotations(readOnly),
		edge.From("exemptions", Exemption.Type).Comment("The meeting types the organisation is or was excused from.").Ref("organization").Annotations(readOnly),
		edge.From("assessments", Assessment.Type).Comment("The yearly assessments of the organisation.").Ref("organization").Annotations(readOnly),
		edge.From("kind_changes", KindChange.Type).Comment("The changes of the organisation's kind, such as an upgrade to a general branch.").Ref("organization").Annotations(readOnly),
		edge.From("group_members", Member.Type).Ref("party_group").
			Comment("For a Party group: the members placed in it.").
			Annotations(readOnly),
	}
}

// Indexes of Organization. The analysis finds the organisations of a kind
// on a day (the working committees) by kind and, for the few whose values
// changed after the day, by current_since.
func (Organization) Indexes() []ent.Index {
	return []ent.Index{index.Fields("parent_id"), index.Fields("kind"), index.Fields("current_since")}
}

// Annotations of Organization.
func (Organization) Annotations() []schema.Annotation {
	return []schema.Annotation{
		entgql.RelayConnection(),
		entgql.QueryField(),
		entgql.Mutations(entgql.MutationCreate(), entgql.MutationUpdate()),
		entgql.MultiOrder(),
	}
}

// Hooks of Organization: the rules of the model, checked on every write.
func (Organization) Hooks() []ent.Hook {
	return register.Hooks(register.CheckOrganization)
}

// Policy of Organization: every viewer reads; administrators write, editors in their areas.
func (Organization) Policy() ent.Policy { return policy.Register() }
