//go:build ignore

package main

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strings"

	"entgo.io/contrib/entgql"
	"entgo.io/ent/entc/gen"
	gql "github.com/vektah/gqlparser/v2/ast"
)

// describeRecords describes what entgql leaves bare on the records: each
// record type by the doc comment of its schema in ent/schema, the values of
// each enum by the EnumValues annotation of the field that declares it
// (ent/schema/values.go), and the id and the foreign-key ID fields by their
// shape.
func describeRecords(g *gen.Graph, s *gql.Schema) error {
	docs, err := schemaDocs("ent/schema")
	if err != nil {
		return err
	}
	if q := s.Types["Query"]; q != nil {
		describe(&q.Description, "Reads of the register. Every list is a Relay connection; node and nodes read any record by its ID.")
	}
	for _, n := range g.Nodes {
		def := s.Types[n.Name]
		if def == nil {
			continue
		}
		describe(&def.Description, "%s", docs[n.Name])
		for _, f := range def.Fields {
			switch {
			case f.Name == "id":
				describe(&f.Description, "The record's ID, the same in every query; node(id:) reads the record by it.")
			case strings.HasSuffix(f.Name, "ID") && def.Fields.ForName(strings.TrimSuffix(f.Name, "ID")) != nil:
				describe(&f.Description, "The ID of the %s, without reading it.", words(strings.TrimSuffix(f.Name, "ID")))
			}
		}
		for _, f := range n.Fields {
			if err := describeValues(s, n, f); err != nil {
				return err
			}
		}
	}
	return nil
}

// describeValues writes the descriptions of an enum field's EnumValues
// annotation into its GraphQL enum.
func describeValues(s *gql.Schema, n *gen.Type, f *gen.Field) error {
	texts, ok := f.Annotations["EnumValues"].(map[string]any)
	if !ok || !f.IsEnum() {
		return nil
	}
	name := n.Name + f.StructField()
	if f.HasGoType() && f.Type.RType != nil {
		name = f.Type.RType.Name
	}
	if ant, ok := f.Annotations[entgql.Annotation{}.Name()].(map[string]any); ok {
		if t, ok := ant["Type"].(string); ok && t != "" {
			name = t
		}
	}
	def := s.Types[name]
	if def == nil || def.Kind != gql.Enum {
		return fmt.Errorf("%s.%s: no GraphQL enum %s to describe", n.Name, f.Name, name)
	}
	for value, text := range texts {
		v := def.EnumValues.ForName(value)
		if v == nil {
			return fmt.Errorf("%s.%s: EnumValues describes %s, which %s does not have", n.Name, f.Name, value, name)
		}
		describe(&v.Description, "%s", text)
	}
	return nil
}

// schemaDocs reads the doc comments of the schema types in dir, by type name.
func schemaDocs(dir string) (map[string]string, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		return nil, err
	}
	docs := map[string]string{}
	fset := token.NewFileSet()
	for _, file := range files {
		f, err := parser.ParseFile(fset, file, nil, parser.ParseComments)
		if err != nil {
			return nil, fmt.Errorf("reading the doc comments of %s: %w", file, err)
		}
		for _, decl := range f.Decls {
			d, ok := decl.(*ast.GenDecl)
			if !ok || d.Tok != token.TYPE || len(d.Specs) != 1 || d.Doc == nil {
				continue
			}
			if t, ok := d.Specs[0].(*ast.TypeSpec); ok {
				docs[t.Name.Name] = strings.Join(strings.Fields(d.Doc.Text()), " ")
			}
		}
	}
	return docs, nil
}
