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

// Term is the term of an organisation's elected committee (换届): when it
// started, when it is due to end, and when it was renewed by an election.
type Term struct {
	ent.Schema
}

// Mixin of Term.
func (Term) Mixin() []ent.Mixin { return []ent.Mixin{Timestamps{}} }

// Fields of Term.
func (Term) Fields() []ent.Field {
	return []ent.Field{
		field.Int("organization_id"),
		field.Time("started_on").Comment("The day the committee was elected.").SchemaType(dateColumn).
			Annotations(dateScalar, entgql.OrderField("STARTED_ON")),
		field.Time("due_on").SchemaType(dateColumn).
			Comment("When the term is due to end.").
			Annotations(dateScalar, entgql.OrderField("DUE_ON")),
		field.Time("renewed_on").Optional().Nillable().SchemaType(dateColumn).
			Comment("When the committee was re-elected, ending this term.").
			Annotations(dateScalar, entgql.OrderField("RENEWED_ON")),
		field.Time("postponed_to").Optional().Nillable().SchemaType(dateColumn).
			Comment("An approved postponement of the renewal (at most a year after dueOn): the day the term is now due.").
			Annotations(dateScalar),
		field.String("postponement_reason").Validate(check.MaxRunes(1000)).Optional().
			Comment("Why the renewal was postponed, and who approved it."),
		field.String("note").Comment("A free note on the term.").Validate(check.MaxRunes(1000)).Optional(),
	}
}

// Edges of Term.
func (Term) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("organization", Organization.Type).Comment("The organisation whose committee this is.").Field("organization_id").Unique().Required(),
	}
}

// Indexes of Term.
func (Term) Indexes() []ent.Index {
	return []ent.Index{index.Fields("organization_id", "started_on")}
}

// Annotations of Term.
func (Term) Annotations() []schema.Annotation {
	return []schema.Annotation{
		entgql.RelayConnection(),
		entgql.QueryField(),
		entgql.Mutations(entgql.MutationCreate(), entgql.MutationUpdate()),
		entgql.MultiOrder(),
	}
}

// Hooks of Term: the rules of the model, checked on every write.
func (Term) Hooks() []ent.Hook {
	return register.Hooks(register.CheckTerm)
}

// Policy of Term: every viewer reads; administrators write, editors in their areas.
func (Term) Policy() ent.Policy { return policy.Register() }
