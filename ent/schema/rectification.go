package schema

import (
	"time"

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

// Rectification is an item of the rectification ledger (整改台账): a gap
// handed over to a community with a person responsible and a deadline
// (转办各社区、限期整改). Its status is kept by the ledger's reconciler,
// not taken on trust: an item whose gap no longer fires is verified on the
// day the change that closed it was made, and reopens if the gap comes back.
type Rectification struct {
	ent.Schema
}

// Mixin of Rectification.
func (Rectification) Mixin() []ent.Mixin { return []ent.Mixin{Timestamps{}} }

// Fields of Rectification.
func (Rectification) Fields() []ent.Field {
	return []ent.Field{
		field.String("rule").Immutable().
			Comment("The rule of the gap (a RuleCode).").
			Annotations(entgql.Skip(entgql.SkipAll)),
		field.Int("subject_id").Immutable().
			Comment("The global ID of the record the gap is about.").
			Annotations(entgql.Skip(entgql.SkipAll)),
		field.String("detail").Optional().Immutable().
			Comment("The gap's detail (the meeting type of a meetings gap).").
			Annotations(entgql.Skip(entgql.SkipAll)),
		field.Int("gap_id").Immutable().
			Comment("The gap's global ID on the day it was handed over.").
			Annotations(entgql.Type("ID"), entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
		field.String("subject_name").Immutable().
			Comment("The subject's name when the gap was handed over.").
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
		field.Int("area_id").
			Comment("The community (or other area) responsible."),
		field.Int("organization_id").Optional().Nillable().
			Comment("The organisation responsible, where one is."),
		field.String("responsible").Validate(check.MaxRunes(100)).Optional().
			Comment("The person responsible (负责人)."),
		field.Time("deadline").SchemaType(dateColumn).
			Comment("The day by which the gap is to be closed (整改时限).").
			Annotations(dateScalar, entgql.OrderField("DEADLINE")),
		field.String("plan").Validate(check.MaxRunes(2000)).Optional().
			Comment("What will be done (整改措施)."),
		field.Enum("status").Values("OPEN", "IN_PROGRESS", "DONE", "VERIFIED", "OVERDUE", "WAIVED").Default("OPEN").
			Comment("Where the item stands; VERIFIED, OVERDUE and reopening are set by the register from its gaps, not by hand.").
			Annotations(rectificationStatusValues, entgql.OrderField("STATUS"), entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
		field.String("waive_reason").Validate(check.MaxRunes(1000)).Optional().
			Comment("Why the item was waived (免于整改), by the working committee.").
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
		field.Time("waived_on").Optional().Nillable().SchemaType(dateColumn).
			Comment("The day the working committee waived the item (免于整改); before it the item counts as still open.").
			Annotations(dateScalar, entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
		field.Time("handed_over_on").SchemaType(dateColumn).Immutable().
			Comment("The day the gap was handed over.").
			Annotations(dateScalar, entgql.OrderField("HANDED_OVER_ON"), entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
		field.Time("gap_since").Optional().Nillable().SchemaType(dateColumn).Immutable().
			Comment("The first day the gap fired, continuously, before it was handed over.").
			Annotations(dateScalar, entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
		field.Time("verified_on").Optional().Nillable().SchemaType(dateColumn).
			Comment("The day the reconciler found the gap gone.").
			Annotations(dateScalar, entgql.OrderField("VERIFIED_ON"), entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
		field.Int64("verified_revision").Optional().Nillable().
			Comment("The register's revision in which the gap was found gone.").
			Annotations(entgql.Skip(entgql.SkipAll)),
		field.Int("verified_by_entry_id").Optional().Nillable().
			Comment("The audit entry of the last change to the register before the gap was found gone: the change that closed it.").
			Annotations(entgql.Type("ID"), entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
		field.Int("reopened").Default(0).
			Comment("How many times the gap came back after the item was verified.").
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
	}
}

// Edges of Rectification.
func (Rectification) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("area", Area.Type).Field("area_id").Unique().Required().
			Comment("The community (or other area) responsible for the item."),
		edge.To("organization", Organization.Type).Field("organization_id").Unique().
			Comment("The organisation responsible, where one is."),
		edge.To("notes", RectificationNote.Type).Annotations(readOnly).
			Comment("The item's notes over time, the register's own among them (verified, reopened, overdue)."),
	}
}

// Indexes of Rectification.
func (Rectification) Indexes() []ent.Index {
	return []ent.Index{index.Fields("rule", "subject_id", "detail"), index.Fields("area_id"),
		index.Fields("status"), index.Fields("deadline")}
}

// Annotations of Rectification.
func (Rectification) Annotations() []schema.Annotation {
	return []schema.Annotation{
		entgql.RelayConnection(),
		entgql.MultiOrder(),
	}
}

// Hooks of Rectification: every write in a transaction, in the audit log.
func (Rectification) Hooks() []ent.Hook { return register.LedgerHooks() }

// Policy of Rectification: editors see and work on the items of their
// areas; administrators hand over, assign and waive.
func (Rectification) Policy() ent.Policy { return policy.Ledger() }

// RectificationNote is a note on a rectification item: progress, an
// attachment's description, a status the reconciler set.
type RectificationNote struct {
	ent.Schema
}

// Fields of RectificationNote.
func (RectificationNote) Fields() []ent.Field {
	return []ent.Field{
		field.Int("rectification_id").Immutable(),
		field.Time("at").Default(time.Now).Immutable().
			Comment("When the note was written.").
			Annotations(entgql.OrderField("AT")),
		field.String("author").Immutable().
			Comment(`Who wrote it: "user 张三", or "system" for the reconciler.`),
		field.String("text").Validate(check.MaxRunes(2000)).Validate(check.NotBlank).Immutable().
			Comment("What was done or found."),
		field.String("attachment").Validate(check.MaxRunes(500)).Optional().Immutable().
			Comment("What is attached (a file's description: 会议记录、照片…)."),
	}
}

// Edges of RectificationNote.
func (RectificationNote) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("rectification", Rectification.Type).Ref("notes").Field("rectification_id").Unique().Required().Immutable().
			Comment("The item the note is about."),
	}
}

// Hooks of RectificationNote: every write in a transaction, in the audit log.
func (RectificationNote) Hooks() []ent.Hook { return register.LedgerHooks() }

// Policy of RectificationNote: as its item's.
func (RectificationNote) Policy() ent.Policy { return policy.LedgerNotes() }
