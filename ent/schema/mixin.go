// Package schema is the register's data model: one ent schema per record
// kind of DOMAIN.md section 3. Nothing here is ever deleted; records that
// end get an end date, so the register can answer "as of" any day.
package schema

import (
	"time"

	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/dialect"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/mixin"
)

// dateColumn stores a calendar date as SQL DATE rather than a timestamp, so
// that "as of" comparisons work on days on both SQLite and PostgreSQL.
var dateColumn = map[string]string{dialect.SQLite: "date", dialect.Postgres: "date"}

// dateScalar exposes a calendar date as the GraphQL Date scalar (YYYY-MM-DD).
var dateScalar = entgql.Type("Date")

// readOnly keeps an edge out of the generated mutation inputs. Edges are
// written from the side that holds the foreign key, whose hooks check the
// rules of the model; writing them from the other side would bypass those.
var readOnly = entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)

// Timestamps records when a row was created and last changed.
type Timestamps struct {
	mixin.Schema
}

// Fields of the Timestamps mixin.
func (Timestamps) Fields() []ent.Field {
	return []ent.Field{
		field.Time("created_at").Comment("When the record was created in the register.").
			Default(time.Now).
			Immutable().
			Annotations(entgql.OrderField("CREATED_AT"), readOnly),
		field.Time("updated_at").Comment("When the record was last changed in the register.").
			Default(time.Now).
			UpdateDefault(time.Now).
			Annotations(entgql.OrderField("UPDATED_AT"), readOnly),
	}
}

// currentSince is the first day from which every attribute with history of
// the record holds the value it has today. The register keeps it with the
// periods (see register/history.go), so that a reading as of a later day
// takes today's columns and only a reading of an earlier day looks up the
// periods. It is not part of the API.
func currentSince() ent.Field {
	return field.Time("current_since").Optional().Nillable().SchemaType(dateColumn).
		Annotations(entgql.Skip(entgql.SkipAll))
}
