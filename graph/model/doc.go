// Package model holds the Go types gqlgen generates for GraphQL types that
// are not ent records (models_gen.go).
package model
