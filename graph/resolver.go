// Package graph serves the register over GraphQL: the schema (ent.graphqls
// generated from ent/schema, the rest written here), thin resolvers that
// call ent or the register package, and the HTTP handler with its limits
// and error mapping.
package graph

import (
	"jiceng/ent"
)

// Resolver holds what the resolvers need; each resolver is one call into
// ent or into the register package.
type Resolver struct {
	client *ent.Client
}
