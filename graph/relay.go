package graph

import (
	"fmt"
	"strings"

	"github.com/99designs/gqlgen/graphql"

	"jiceng/register"
)

// Page sizes of every connection: a request that gives neither first nor
// last gets DefaultPageSize items; one that asks for more than MaxPageSize
// is refused rather than silently cut short.
const (
	DefaultPageSize = 50
	MaxPageSize     = 500
)

// checkPage applies the page sizes to a field that returns a connection. What
// a page loads, from "edges { node }" and "nodes" alike, is decided by
// Paginate (ent/template/gql_paginate.tmpl).
func checkPage(fc *graphql.FieldContext) error {
	if fc.Field.Field == nil || fc.Field.Definition == nil ||
		!strings.HasSuffix(fc.Field.Definition.Type.Name(), "Connection") {
		return nil
	}
	first, _ := fc.Args["first"].(*int)
	last, _ := fc.Args["last"].(*int)
	for name, n := range map[string]*int{"first": first, "last": last} {
		if n != nil && *n > MaxPageSize {
			return register.Fail(register.Invalid, name, "PAGE_TOO_LARGE",
				fmt.Sprintf("每页%d条超过上限%d条，请翻页查看", *n, MaxPageSize),
				fmt.Sprintf("%d is more than the largest page, %d; page through with after/before", *n, MaxPageSize))
		}
	}
	if first == nil && last == nil && fc.Args != nil {
		if _, ok := fc.Args["first"]; ok {
			size := DefaultPageSize
			fc.Args["first"] = &size
		}
	}
	return nil
}
