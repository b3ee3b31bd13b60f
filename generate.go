package main

// Generated code is committed. Regenerate with `go generate ./...`: ent and
// the GraphQL schema of the register first, then the next versioned
// migration of the schema when it changed (database/gendiff.go; it needs
// PostgreSQL running), then gqlgen's executor.

//go:generate go run -mod=mod ./ent/entc.go ./ent/describe.go ./ent/describe_types.go
//go:generate go run -mod=mod ./database/gendiff.go
//go:generate go run -mod=mod github.com/99designs/gqlgen generate
