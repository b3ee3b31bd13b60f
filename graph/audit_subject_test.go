package graph_test

import (
	"fmt"
	"testing"
)

// TestAuditEntriesNameTheirRecord: the audit log names the record acted on
// through AuditEntry.subject, and answers null where no record is left.
func TestAuditEntriesNameTheirRecord(t *testing.T) {
	w := newTown(t)
	var out struct {
		AuditEntries struct {
			Nodes []struct {
				EntityType *string
				Subject    *struct {
					Typename string `json:"__typename"`
					Name     string
				}
			}
		}
	}
	w.api.Do(&out, `{ auditEntries(first: 100) { nodes { entityType subject { __typename ... on Unit { name } ... on Area { name } ... on Organization { name } } } } }`)
	named := map[string]string{}
	for _, n := range out.AuditEntries.Nodes {
		if n.Subject != nil {
			named[n.Subject.Name] = n.Subject.Typename
			if n.EntityType == nil || *n.EntityType != n.Subject.Typename {
				t.Errorf("an entry on a %v names a %s", n.EntityType, n.Subject.Typename)
			}
		}
	}
	for name, typ := range map[string]string{"东网格": "Area", "历史社区党总支": "Organization"} {
		if named[name] != typ {
			t.Errorf("the log does not name the %s %s: %v", typ, name, named)
		}
	}
}

// TestAuditEntriesNameTheRecordsTheirValuesName: the page of the log gives
// the records its entries' values name (a unit's grid, an area's parent, an
// organisation's parent and areas), each once, so the log shows them by
// name without reading every organisation and unit.
func TestAuditEntriesNameTheRecordsTheirValuesName(t *testing.T) {
	w := newTown(t)
	var out struct {
		AuditEntries struct {
			Nodes []struct {
				EntityType string
				After      map[string]any
			}
			References []struct {
				Typename string `json:"__typename"`
				ID, Name string
			}
		}
	}
	w.api.Do(&out, `{ auditEntries(first: 100) { nodes { entityType after } references { __typename
		... on Area { id name } ... on Organization { id name } ... on Unit { id name } ... on Member { id name } } } }`)
	named := map[string]string{}
	for _, r := range out.AuditEntries.References {
		if _, twice := named[r.ID]; twice {
			t.Errorf("%s %s is given twice", r.Typename, r.Name)
		}
		named[r.ID] = r.Typename + " " + r.Name
	}
	// The IDs the entries' values hold, as the log writes them.
	valued := map[string]bool{}
	for _, n := range out.AuditEntries.Nodes {
		for _, key := range []string{"grid", "parent", "areas"} {
			switch v := n.After[key].(type) {
			case []any:
				for _, id := range v {
					valued[fmt.Sprint(int64(id.(float64)))] = true
				}
			case float64:
				valued[fmt.Sprint(int64(v))] = true
			}
		}
	}
	for id, name := range named {
		if !valued[id] {
			t.Errorf("%s (%s) is named though no entry's value holds it", name, id)
		}
	}
	for id, name := range map[string]string{w.east: "Area 东网格", w.sub: "Area 历史街道", w.community: "Area 历史社区",
		w.general: "Organization 历史社区党总支", w.committee: "Organization 历史街道党工委"} {
		if named[id] != name {
			t.Errorf("%s (%s) is not named: %v", name, id, named)
		}
	}
}
