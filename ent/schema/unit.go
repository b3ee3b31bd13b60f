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

// Unit is a place where Party work is organised: an enterprise, a social
// organisation, a stationed unit, a construction site, a market or an outlet.
type Unit struct {
	ent.Schema
}

// Mixin of Unit.
func (Unit) Mixin() []ent.Mixin { return []ent.Mixin{Timestamps{}, NameKey{}} }

// Fields of Unit.
func (Unit) Fields() []ent.Field {
	return []ent.Field{
		field.String("name").Comment("The unit's name.").Validate(check.MaxRunes(100)).Validate(check.NotBlank),
		field.Enum("kind").Annotations(unitKindValues).Comment("Non-public enterprise, social organisation, stationed unit, construction site, market or commercial outlet.").Values(
			"NON_PUBLIC_ENTERPRISE", "SOCIAL_ORGANIZATION", "STATIONED_UNIT",
			"CONSTRUCTION_SITE", "MARKET", "COMMERCIAL_OUTLET",
		).Annotations(entgql.OrderField("KIND")),
		field.String("credit_code").Optional().Nillable().Unique().
			Validate(check.CreditCode).
			Comment("Unified social credit code (统一社会信用代码), GB 32100.").
			Annotations(entgql.OrderField("CREDIT_CODE")),
		field.Int("employees").Comment("How many people work in the unit.").Validate(check.NotNegative).Default(0).
			Annotations(entgql.OrderField("EMPLOYEES")),
		field.Bool("above_designated_size").Default(false).
			Comment("Above designated size (规模以上)."),
		field.String("address").Comment("The unit's address.").Validate(check.MaxRunes(200)).Optional(),
		field.Time("opened_on").Comment("The day the unit opened or the site started.").Optional().Nillable().SchemaType(dateColumn).
			Annotations(dateScalar),
		field.Time("planned_close_on").Optional().Nillable().SchemaType(dateColumn).
			Comment("For a site: when the project is planned to finish.").
			Annotations(dateScalar),
		field.Time("closed_on").Optional().Nillable().SchemaType(dateColumn).
			Comment("When the unit closed or the site was completed; the unit is kept for history.").
			Annotations(dateScalar),
		field.Int("grid_id"),
		currentSince(),
	}
}

// Edges of Unit.
func (Unit) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("grid", Area.Type).Comment("The grid the unit is located in.").Field("grid_id").Unique().Required(),
		edge.From("coverages", UnitCoverage.Type).Ref("unit").
			Comment("The organisations that have covered the unit, each link with its dates.").
			Annotations(readOnly),
		edge.From("workers", Member.Type).Ref("work_unit").
			Comment("Members whose work unit this is.").
			Annotations(readOnly),
		edge.From("affiliated_organizations", AffiliatedOrganization.Type).Comment("The unit's union, women's organisation and youth league.").Ref("unit").Annotations(readOnly),
		edge.From("appointments", Appointment.Type).Ref("unit").
			Comment("Instructors and liaisons assigned to the unit.").
			Annotations(readOnly),
		edge.From("visits", InstructorVisit.Type).Ref("unit").
			Comment("Visits of instructors and liaisons to the unit.").
			Annotations(readOnly),
	}
}

// Indexes of Unit.
func (Unit) Indexes() []ent.Index {
	return []ent.Index{index.Fields("grid_id")}
}

// Annotations of Unit.
func (Unit) Annotations() []schema.Annotation {
	return []schema.Annotation{
		entgql.RelayConnection(),
		entgql.QueryField(),
		entgql.Mutations(entgql.MutationCreate(), entgql.MutationUpdate()),
		entgql.MultiOrder(),
	}
}

// Hooks of Unit: the rules of the model, checked on every write.
func (Unit) Hooks() []ent.Hook {
	return append(register.Hooks(register.CheckUnit), register.UniqueCreditCode)
}

// Policy of Unit: every viewer reads; administrators write, editors in their areas.
func (Unit) Policy() ent.Policy { return policy.Register() }
