package graph_test

import (
	"sort"
	"strings"
	"testing"
)

// introspected is the part of the standard introspection answer the
// description count reads.
type introspected struct {
	Schema struct {
		Types []struct {
			Name        string
			Kind        string
			Description *string
			Fields      []struct {
				Name        string
				Description *string
				Args        []struct {
					Name        string
					Description *string
				}
			}
			InputFields []struct {
				Name        string
				Description *string
			}
			EnumValues []struct {
				Name        string
				Description *string
			}
		}
		Directives []struct {
			Name string
		}
	} `json:"__schema"`
}

const describedQuery = `{ __schema {
  types { name kind description
    fields(includeDeprecated: true) { name description args { name description } }
    inputFields { name description }
    enumValues(includeDeprecated: true) { name description } }
  directives { name } } }`

// TestEverythingIsDescribed reads the public schema by introspection, as a
// reporting tool does, and requires a description on every type, field,
// argument, input field and enum value; it logs the counts and names what
// has none.
func TestEverythingIsDescribed(t *testing.T) {
	w := newWorld(t)
	var got introspected
	w.api.Do(&got, describedQuery)
	type count struct{ described, all int }
	counts := map[string]*count{}
	var missing []string
	tally := func(kind, name string, d *string) {
		c := counts[kind]
		if c == nil {
			c = &count{}
			counts[kind] = c
		}
		c.all++
		if d != nil && strings.TrimSpace(*d) != "" {
			c.described++
			return
		}
		missing = append(missing, kind+" "+name)
	}
	for _, ty := range got.Schema.Types {
		if strings.HasPrefix(ty.Name, "__") || builtinScalars[ty.Name] {
			continue
		}
		tally("type", ty.Name, ty.Description)
		for _, f := range ty.Fields {
			tally("field", ty.Name+"."+f.Name, f.Description)
			for _, a := range f.Args {
				tally("argument", ty.Name+"."+f.Name+"("+a.Name+")", a.Description)
			}
		}
		for _, f := range ty.InputFields {
			tally("input field", ty.Name+"."+f.Name, f.Description)
		}
		for _, v := range ty.EnumValues {
			tally("enum value", ty.Name+"."+v.Name, v.Description)
		}
	}
	kinds := make([]string, 0, len(counts))
	for k := range counts {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	for _, k := range kinds {
		t.Logf("%-12s %4d of %4d described", k, counts[k].described, counts[k].all)
	}
	if len(missing) > 0 {
		sort.Strings(missing)
		t.Errorf("%d parts of the schema have no description:\n%s", len(missing), strings.Join(missing, "\n"))
	}
	for _, d := range got.Schema.Directives {
		if d.Name == "goField" || d.Name == "goModel" || d.Name == "goTag" || d.Name == "goExtraField" {
			t.Errorf("internal directive @%s is exposed", d.Name)
		}
	}
}

// builtinScalars are the specification's scalars, described by it.
var builtinScalars = map[string]bool{"String": true, "Int": true, "Float": true, "Boolean": true, "ID": true}
