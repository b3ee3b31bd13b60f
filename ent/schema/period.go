package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"jiceng/check"
	"jiceng/policy"
	"jiceng/vocab"
)

// Period is the value one attribute of one record had from a day (validFrom,
// inclusive) until another (validTo, exclusive; null while it holds): the
// register's history. Periods are written by the register itself whenever an
// attribute with history changes, with the day the change takes effect, and
// are never written directly by a client. Its createdAt is when the register
// learned of the change; the audit log says who made it.
type Period struct {
	ent.Schema
}

// Mixin of Period.
func (Period) Mixin() []ent.Mixin { return []ent.Mixin{Timestamps{}} }

// Fields of Period.
func (Period) Fields() []ent.Field {
	return []ent.Field{
		field.Int("subject_id").Immutable().
			Comment("The ID of the record (member, organisation, unit, area or rule setting) whose attribute this is."),
		field.Enum("attribute").Annotations(attributeValues).GoType(vocab.Attribute("")).Immutable().
			Comment("Which attribute of the record the period gives the value of.").
			Annotations(entgql.Type("Attribute"), entgql.OrderField("ATTRIBUTE")),
		field.Int("ref_id").Optional().Nillable().
			Comment("The value, when it is a record of the register (a grid, a unit, an organisation, a member)."),
		field.Float("number").Optional().Nillable().
			Comment("The value, when it is a number (employees, residents, a threshold; 1 or 0 for yes or no)."),
		field.String("text").Optional().Nillable().
			Comment("The value, when it is an enum value or a name."),
		field.Time("valid_from").SchemaType(dateColumn).
			Comment("The first day the value holds.").
			Annotations(dateScalar, entgql.OrderField("VALID_FROM")),
		field.Time("valid_to").Optional().Nillable().SchemaType(dateColumn).
			Comment("The first day the value no longer holds; null while it holds.").
			Annotations(dateScalar, entgql.OrderField("VALID_TO")),
		field.String("reason").Validate(check.MaxRunes(1000)).Optional().
			Comment("Why the value changed, as recorded with the change."),
	}
}

// Indexes of Period: a record's history of an attribute, and the records
// with a value (the members living in a grid) on a day.
func (Period) Indexes() []ent.Index {
	return []ent.Index{
		index.Fields("subject_id", "attribute", "valid_from"),
		index.Fields("attribute", "ref_id", "valid_from"),
	}
}

// Annotations of Period: read-only in the API.
func (Period) Annotations() []schema.Annotation {
	return []schema.Annotation{
		entgql.RelayConnection(),
		entgql.QueryField(),
		entgql.MultiOrder(),
	}
}

// Policy of Period: every viewer reads; only the register writes.
func (Period) Policy() ent.Policy { return policy.History() }
