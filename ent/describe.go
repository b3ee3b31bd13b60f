//go:build ignore

package main

import (
	"fmt"
	"strings"
	"unicode"

	"entgo.io/ent/entc/gen"
	"github.com/vektah/gqlparser/v2/ast"
)

// describeGenerated writes a description for every part of the generated
// schema that follows from its shape (connections, edges, orders, filters,
// inputs, connection arguments), where ent/schema gave none. Fields of the
// records themselves are described by their Comment in ent/schema; inputs
// take the description of the record's field of the same name.
func describeGenerated(_ *gen.Graph, s *ast.Schema) error {
	for name, def := range s.Types {
		if def.BuiltIn || strings.HasPrefix(name, "__") {
			continue
		}
		switch {
		case strings.HasSuffix(name, "Connection"):
			node := strings.TrimSuffix(name, "Connection")
			describe(&def.Description, "A page of %s records, a Relay connection.", node)
			describeFields(def, map[string]string{
				"edges":      "The records of the page with their cursors.",
				"pageInfo":   "Whether more records come before or after the page, and its first and last cursors.",
				"totalCount": "How many records the filter selects in all, on every page.",
			})
		case strings.HasSuffix(name, "Edge"):
			describe(&def.Description, "A %s in a page, with its cursor.", strings.TrimSuffix(name, "Edge"))
			describeFields(def, map[string]string{"node": "The record.", "cursor": "Where the record is in the list, to pass as after or before."})
		case strings.HasSuffix(name, "OrderField") && def.Kind == ast.Enum:
			node := strings.TrimSuffix(name, "OrderField")
			describe(&def.Description, "What %s records can be ordered by.", node)
			for _, v := range def.EnumValues {
				describe(&v.Description, "By %s.", words(v.Name))
			}
		case strings.HasSuffix(name, "Order") && def.Kind == ast.InputObject:
			describe(&def.Description, "An order of %s records.", strings.TrimSuffix(name, "Order"))
			describeFields(def, map[string]string{"direction": "Ascending or descending.", "field": "What to order by."})
		case strings.HasSuffix(name, "WhereInput"):
			describeWhere(s, def, strings.TrimSuffix(name, "WhereInput"))
		case strings.HasPrefix(name, "Create") && strings.HasSuffix(name, "Input"),
			strings.HasPrefix(name, "Update") && strings.HasSuffix(name, "Input"):
			describeInput(s, def)
		}
	}
	if q := s.Types["Query"]; q != nil {
		for _, f := range q.Fields {
			if !strings.HasSuffix(f.Type.Name(), "Connection") {
				continue
			}
			node := strings.TrimSuffix(f.Type.Name(), "Connection")
			describe(&f.Description, "The %s records, a page at a time (50 by default, at most 500), filtered by where and ordered by orderBy.", node)
			for _, a := range f.Arguments {
				describe(&a.Description, map[string]string{
					"after":   "The cursor of the record the page follows.",
					"first":   "The page's size, from the start or from after.",
					"before":  "The cursor of the record the page precedes.",
					"last":    "The page's size, from the end or from before.",
					"orderBy": "The order, by one field and then the next (at most 5); by id when left out.",
					"where":   "Only the records for which every condition holds.",
				}[a.Name])
			}
		}
	}
	return nil
}

func describe(d *string, format string, args ...any) {
	if *d == "" && format != "" {
		*d = fmt.Sprintf(format, args...)
	}
}

func describeFields(def *ast.Definition, texts map[string]string) {
	for _, f := range def.Fields {
		describe(&f.Description, texts[f.Name])
	}
}

// predicates are the suffixes of entgql's filter fields, longest first.
var predicates = []struct{ suffix, text string }{
	{"ContainsFold", "%s contains this, whatever the case"}, {"EqualFold", "%s is this, whatever the case"},
	{"HasPrefix", "%s starts with this"}, {"HasSuffix", "%s ends with this"}, {"Contains", "%s contains this"},
	{"NotIn", "%s is none of these"}, {"NotNil", "%s is set"}, {"IsNil", "%s is not set"},
	{"NEQ", "%s is not this"}, {"GTE", "%s is this or more"}, {"LTE", "%s is this or less"},
	{"GT", "%s is more than this"}, {"LT", "%s is less than this"}, {"In", "%s is one of these"},
}

func describeWhere(s *ast.Schema, def *ast.Definition, node string) {
	describe(&def.Description, "Conditions on %s records; every condition given must hold.", node)
	for _, f := range def.Fields {
		switch {
		case f.Name == "not":
			describe(&f.Description, "The condition does not hold.")
		case f.Name == "and":
			describe(&f.Description, "Every one of these conditions holds.")
		case f.Name == "or":
			describe(&f.Description, "At least one of these conditions holds.")
		case strings.HasPrefix(f.Name, "has") && strings.HasSuffix(f.Name, "With"):
			describe(&f.Description, "Some %s meets these conditions.", words(strings.TrimSuffix(strings.TrimPrefix(f.Name, "has"), "With")))
		case strings.HasPrefix(f.Name, "has") && f.Type.Name() == "Boolean":
			describe(&f.Description, "Whether there is a %s.", words(strings.TrimPrefix(f.Name, "has")))
		default:
			text := "%s is this"
			base := f.Name
			for _, p := range predicates {
				if b, ok := strings.CutSuffix(f.Name, p.suffix); ok && b != "" {
					text, base = p.text, b
					break
				}
			}
			describe(&f.Description, "Only where "+text+".", base)
		}
	}
}

// describeInput takes the descriptions of the record's fields for the
// fields of its create and update inputs.
func describeInput(s *ast.Schema, def *ast.Definition) {
	node := strings.TrimSuffix(strings.TrimPrefix(strings.TrimPrefix(def.Name, "Create"), "Update"), "Input")
	describe(&def.Description, "The fields of a %s to write.", node)
	record := s.Types[node]
	for _, f := range def.Fields {
		name := f.Name
		switch {
		case strings.HasPrefix(name, "clear"):
			describe(&f.Description, "Clear %s.", lowerFirst(strings.TrimPrefix(name, "clear")))
			continue
		case strings.HasPrefix(name, "add") && strings.HasSuffix(name, "IDs"):
			describe(&f.Description, "Add these records to %s.", lowerFirst(strings.TrimSuffix(strings.TrimPrefix(name, "add"), "IDs")))
			continue
		case strings.HasPrefix(name, "remove") && strings.HasSuffix(name, "IDs"):
			describe(&f.Description, "Remove these records from %s.", lowerFirst(strings.TrimSuffix(strings.TrimPrefix(name, "remove"), "IDs")))
			continue
		case strings.HasPrefix(name, "append"):
			describe(&f.Description, "Append these to %s.", lowerFirst(strings.TrimPrefix(name, "append")))
			continue
		}
		if record != nil {
			if rf := record.Fields.ForName(name); rf != nil && rf.Description != "" {
				describe(&f.Description, "%s", rf.Description)
				continue
			}
			if edge, ok := strings.CutSuffix(name, "IDs"); ok {
				describe(&f.Description, "The IDs of the %s.", words(edge))
				continue
			}
			if edge, ok := strings.CutSuffix(name, "ID"); ok {
				describe(&f.Description, "The ID of the %s.", words(edge))
			}
		}
	}
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	r[0] = unicode.ToLower(r[0])
	return string(r)
}

// words writes an identifier (residenceGrid, ESTABLISHED_ON) as words.
func words(name string) string {
	if strings.ToUpper(name) == name {
		return strings.ToLower(strings.ReplaceAll(name, "_", " "))
	}
	var b strings.Builder
	for i, r := range name {
		if unicode.IsUpper(r) && i > 0 {
			b.WriteByte(' ')
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}
