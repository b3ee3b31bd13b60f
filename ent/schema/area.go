package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"jiceng/check"
	"jiceng/geo"
	"jiceng/policy"
	"jiceng/register"
)

// Area is a piece of territory: the sub-district, a community, a grid, an
// estate or a building, in a tree.
type Area struct {
	ent.Schema
}

// Mixin of Area.
func (Area) Mixin() []ent.Mixin { return []ent.Mixin{Timestamps{}} }

// Fields of Area.
func (Area) Fields() []ent.Field {
	return []ent.Field{
		field.String("name").Comment("The area's name, such as 一号社区 or 第3网格.").Validate(check.MaxRunes(100)).Validate(check.NotBlank).
			Annotations(entgql.OrderField("NAME")),
		field.String("code").Validate(check.MaxRunes(50)).Optional().
			Comment("Administrative or local code of the area.").
			Annotations(entgql.OrderField("CODE")),
		field.Enum("kind").Annotations(areaKindValues).Comment("Sub-district, community, grid, estate or building.").Values("SUBDISTRICT", "COMMUNITY", "GRID", "ESTATE", "BUILDING").
			Annotations(entgql.OrderField("KIND")),
		field.JSON("boundary", &geo.Geometry{}).Optional().
			Comment("GeoJSON Polygon or MultiPolygon in WGS-84, drawn on the grid map.").
			Annotations(entgql.Type("GeoJSON")),
		field.Int("households").Comment("How many households live in the area.").Validate(check.NotNegative).Default(0).
			Annotations(entgql.OrderField("HOUSEHOLDS")),
		field.Int("residents").Comment("How many residents live in the area; a grid with residents needs an organisation responsible for it.").Validate(check.NotNegative).Default(0).
			Annotations(entgql.OrderField("RESIDENTS")),
		field.Time("established_on").Comment("The day the area was drawn.").Optional().Nillable().SchemaType(dateColumn).
			Annotations(dateScalar),
		field.Time("dissolved_on").Optional().Nillable().SchemaType(dateColumn).
			Comment("Set when the area was merged or redrawn; the area is kept for history.").
			Annotations(dateScalar),
		field.Int("parent_id").Optional().Nillable(),
		currentSince(),
	}
}

// Edges of Area.
func (Area) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("children", Area.Type).Comment("The areas inside this one (the communities of the sub-district, the grids of a community).").
			Annotations(readOnly).
			From("parent").Comment("The area this one lies in; null for the sub-district.").Field("parent_id").Unique(),
		edge.From("organizations", Organization.Type).Ref("areas").
			Comment("Organisations responsible for this area.").
			Annotations(readOnly),
		edge.From("units", Unit.Type).Comment("The units located in this grid.").Ref("grid").
			Annotations(readOnly),
		edge.From("resident_members", Member.Type).Comment("The members who live in this grid.").Ref("residence_grid").
			Annotations(readOnly),
		edge.From("affiliated_organizations", AffiliatedOrganization.Type).Comment("The union, women's organisation and youth league of this community.").Ref("community").
			Annotations(readOnly),
		edge.From("assessments", Assessment.Type).Comment("The yearly assessments of this community.").Ref("community").
			Annotations(readOnly),
		edge.From("editors", User.Type).Ref("areas").
			Comment("Users who edit this area.").
			Annotations(entgql.Skip(entgql.SkipAll)),
		edge.From("editor_tokens", APIToken.Type).Ref("areas").
			Annotations(entgql.Skip(entgql.SkipAll)),
	}
}

// Indexes of Area.
func (Area) Indexes() []ent.Index {
	return []ent.Index{index.Fields("parent_id"), index.Fields("kind")}
}

// Annotations of Area.
func (Area) Annotations() []schema.Annotation {
	return []schema.Annotation{
		entgql.RelayConnection(),
		entgql.QueryField(),
		entgql.Mutations(entgql.MutationCreate(), entgql.MutationUpdate()),
		entgql.MultiOrder(),
	}
}

// Hooks of Area: the rules of the model, checked on every write.
func (Area) Hooks() []ent.Hook {
	return register.Hooks(register.CheckArea)
}

// Policy of Area: every viewer reads; administrators write, editors in their areas.
func (Area) Policy() ent.Policy { return policy.Register() }
