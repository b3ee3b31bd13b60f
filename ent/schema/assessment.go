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

// Assessment is a yearly score out of 100 and grade of an organisation or a
// community, with the five-good criteria (五个好) each met or not.
type Assessment struct {
	ent.Schema
}

// Mixin of Assessment.
func (Assessment) Mixin() []ent.Mixin { return []ent.Mixin{Timestamps{}} }

// Fields of Assessment.
func (Assessment) Fields() []ent.Field {
	return []ent.Field{
		field.Int("year").Comment("The year assessed.").Validate(check.Year).
			Annotations(entgql.OrderField("YEAR")),
		field.Float("score").Validate(check.Score).
			Comment("Score out of 100 (百分制): 90 or more earns the award, below 70 is unqualified.").
			Annotations(entgql.OrderField("SCORE")),
		field.Enum("grade").Annotations(gradeValues).Comment("The grade (等次): good, fairly good, average or poor.").Values("GOOD", "FAIRLY_GOOD", "AVERAGE", "POOR").
			Annotations(entgql.OrderField("GRADE")),
		field.Bool("leadership_good").Default(false).Comment("领导班子好"),
		field.Bool("ranks_good").Default(false).Comment("党员干部队伍好"),
		field.Bool("mechanisms_good").Default(false).Comment("工作机制好"),
		field.Bool("results_good").Default(false).Comment("工作业绩好"),
		field.Bool("evaluation_good").Default(false).Comment("居民群众评价好"),
		field.String("note").Comment("A free note on the assessment.").Validate(check.MaxRunes(1000)).Optional(),
		field.Int("organization_id").Optional().Nillable(),
		field.Int("community_id").Optional().Nillable(),
	}
}

// Edges of Assessment.
func (Assessment) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("organization", Organization.Type).Comment("The organisation assessed, when an organisation is.").Field("organization_id").Unique(),
		edge.To("community", Area.Type).Comment("The community assessed, when a community is.").Field("community_id").Unique(),
	}
}

// Indexes of Assessment.
func (Assessment) Indexes() []ent.Index {
	return []ent.Index{
		index.Fields("organization_id", "year"),
		index.Fields("community_id", "year"),
	}
}

// Annotations of Assessment.
func (Assessment) Annotations() []schema.Annotation {
	return []schema.Annotation{
		entgql.RelayConnection(),
		entgql.QueryField(),
		entgql.Mutations(entgql.MutationCreate(), entgql.MutationUpdate()),
		entgql.MultiOrder(),
	}
}

// Hooks of Assessment: the rules of the model, checked on every write.
func (Assessment) Hooks() []ent.Hook {
	return register.Hooks(register.CheckAssessment)
}

// Policy of Assessment: every viewer reads; administrators write, editors in their areas.
func (Assessment) Policy() ent.Policy { return policy.Register() }
