package graph

import (
	"fmt"
	"strconv"

	"github.com/99designs/gqlgen/graphql"

	"jiceng/register"
)

// Bounds of a field's arguments, so that no filter reaches the database as
// more terms than it accepts (SQLite's "too many SQL variables", "too many
// terms in ORDER BY clause"): a list holds at most MaxListInput values, an
// orderBy at most MaxOrderTerms.
const (
	MaxListInput  = 1000
	MaxOrderTerms = 5
)

// checkInputs refuses a field whose arguments hold a longer list than
// allowed, naming the argument.
func checkInputs(oc *graphql.OperationContext, fc *graphql.FieldContext) error {
	if fc.Field.Field == nil || len(fc.Field.Arguments) == 0 {
		return nil
	}
	args := fc.Field.ArgumentMap(oc.Variables)
	if order, ok := args["orderBy"].([]any); ok && len(order) > MaxOrderTerms {
		return register.Fail(register.Invalid, "orderBy", "TOO_MANY_ORDER_TERMS",
			fmt.Sprintf("排序条件有%d个，最多%d个", len(order), MaxOrderTerms),
			fmt.Sprintf("%d terms; at most %d are allowed", len(order), MaxOrderTerms))
	}
	for name, v := range args {
		if path, n := longInput(name, v); path != "" {
			return register.Fail(register.Invalid, path, "LIST_TOO_LONG",
				fmt.Sprintf("列表有%d项，一次最多%d项，请分几次提交", n, MaxListInput),
				fmt.Sprintf("%d values; at most %d are allowed in one list, ask in several requests", n, MaxListInput))
		}
	}
	return nil
}

// longInput finds a list longer than MaxListInput in an argument's value.
func longInput(path string, v any) (string, int) {
	switch v := v.(type) {
	case []any:
		if len(v) > MaxListInput {
			return path, len(v)
		}
		for i, item := range v {
			if p, n := longInput(path+"."+strconv.Itoa(i), item); p != "" {
				return p, n
			}
		}
	case map[string]any:
		for k, item := range v {
			if p, n := longInput(path+"."+k, item); p != "" {
				return p, n
			}
		}
	}
	return "", 0
}
