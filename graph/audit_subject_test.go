package graph_test

import "testing"

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
