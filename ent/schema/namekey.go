package schema

import (
	"context"

	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/mixin"

	"jiceng/collate"
)

// NameKey keeps beside a record's name the key it is sorted by (see package
// collate), so that the API's NAME order is the natural order of Chinese
// names (第一, 第二 … 第十) on every database and across pages. The key is
// written whenever the name is; it is not part of the API.
type NameKey struct {
	mixin.Schema
}

// Fields of the NameKey mixin.
func (NameKey) Fields() []ent.Field {
	return []ent.Field{
		field.String("name_key").Optional().
			Comment("The name with its numerals written as padded numbers; the NAME order sorts by it.").
			Annotations(entgql.OrderField("NAME"),
				entgql.Skip(entgql.SkipType, entgql.SkipWhereInput, entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
	}
}

// namer is a mutation of a record with a name and its key.
type namer interface {
	ent.Mutation
	Name() (string, bool)
	SetNameKey(string)
}

// Hooks of the NameKey mixin: the key follows the name.
func (NameKey) Hooks() []ent.Hook {
	return []ent.Hook{func(next ent.Mutator) ent.Mutator {
		return ent.MutateFunc(func(ctx context.Context, m ent.Mutation) (ent.Value, error) {
			if n, ok := m.(namer); ok {
				if name, set := n.Name(); set {
					n.SetNameKey(collate.Key(name))
				}
			}
			return next.Mutate(ctx, m)
		})
	}}
}
