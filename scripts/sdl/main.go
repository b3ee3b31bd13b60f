// Command sdl prints the public GraphQL schema as SDL, as GET
// /schema.graphql serves it, for the schema lint and the conformance tools
// that read a schema from a file (scripts/schema-lint.mjs).
package main

import (
	"fmt"

	"jiceng/graph"
)

func main() { fmt.Print(graph.SDL()) }
