package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"jiceng/check"
	"jiceng/policy"
	"jiceng/register"
	"jiceng/vocab"
)

// RuleSetting is one threshold or frequency of the coverage rules (DOMAIN.md
// section 4), stored as data so that a city that counts differently changes
// a row, not the code. A row with an organisation kind overrides the row
// without one for organisations of that kind.
type RuleSetting struct {
	ent.Schema
}

// Mixin of RuleSetting.
func (RuleSetting) Mixin() []ent.Mixin { return []ent.Mixin{Timestamps{}} }

// Fields of RuleSetting.
func (RuleSetting) Fields() []ent.Field {
	return []ent.Field{
		field.String("key").Comment("Which rule the setting is for, such as UNIT_STANDALONE_THRESHOLD.").Validate(check.NotBlank).
			Annotations(entgql.OrderField("KEY")),
		field.Enum("organization_kind").Comment("The kind of organisation the setting applies to; null for every kind.").GoType(vocab.OrganizationKind("")).Optional().Nillable().Annotations(entgql.Type("OrganizationKind")),
		field.Float("value").
			Comment("The threshold, or the number of meetings required per period."),
		field.Int("period_months").Optional().Nillable().Validate(check.Positive).
			Comment("For a frequency: the period in months over which value meetings are due."),
		field.String("description").Comment("What the setting means, in words.").Validate(check.MaxRunes(1000)).Optional(),
		field.String("source").Validate(check.MaxRunes(500)).Optional().
			Comment("The regulation the value comes from."),
	}
}

// Indexes of RuleSetting.
func (RuleSetting) Indexes() []ent.Index {
	return []ent.Index{index.Fields("key", "organization_kind")}
}

// Annotations of RuleSetting.
func (RuleSetting) Annotations() []schema.Annotation {
	return []schema.Annotation{
		entgql.RelayConnection(),
		entgql.QueryField(),
		entgql.Mutations(entgql.MutationCreate(), entgql.MutationUpdate()),
		entgql.MultiOrder(),
	}
}

// Hooks of RuleSetting: the rules of the model, checked on every write.
func (RuleSetting) Hooks() []ent.Hook {
	return register.Hooks(register.CheckRuleSetting)
}

// Policy of RuleSetting: administrators change them; every viewer reads them.
func (RuleSetting) Policy() ent.Policy { return policy.AdminWrites() }
