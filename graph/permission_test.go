package graph_test

import (
	"strconv"
	"testing"

	"jiceng/viewer"
)

// TestViewerMayEdit checks that what the dashboard is told it may offer
// agrees with what the server lets each role write.
func TestViewerMayEdit(t *testing.T) {
	f := newFrontier(t)
	west, _ := strconv.Atoi(f.west)
	cases := []struct {
		name, who, id, typ string
		allowed            bool
		refusal            any
	}{
		{"an editor on a member of their grid", "editor", f.eastMember, "Member", true, nil},
		{"an editor on a member of another grid", "editor", f.westMem, "Member", false, "OUTSIDE_AREAS"},
		{"an editor on a unit of another grid", "editor", f.westUnit, "Unit", false, "OUTSIDE_AREAS"},
		{"an editor on their grid", "editor", f.east, "Area", true, nil},
		{"an editor on the community above their grid", "editor", f.community, "Area", false, "OUTSIDE_AREAS"},
		{"an editor on the working committee (placed in the sub-district)", "editor", f.committee, "Organization", false, "OUTSIDE_AREAS"},
		{"an editor of the west grid on its unit", "westEditor", f.westUnit, "Unit", true, nil},
		{"an administrator on the working committee", "admin", f.committee, "Organization", true, nil},
		{"an analyst on a member", "analyst", f.eastMember, "Member", false, "READ_ONLY_ROLE"},
		{"a reporter on a unit", "reporter", f.westUnit, "Unit", false, "READ_ONLY_ROLE"},
	}
	clients := map[string]interface {
		Do(out any, query string, vars ...any)
	}{
		"editor": f.editor, "westEditor": f.api.As(viewer.Editor, west), "admin": f.api,
		"analyst": f.api.As(viewer.Analyst), "reporter": f.api.As(viewer.Reporter),
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var out struct {
				Node struct {
					ViewerMayEdit struct {
						Allowed bool
						Refusal any
						Area    *struct{ ID string }
					}
				}
			}
			clients[c.who].Do(&out, `query($id: ID!) { node(id: $id) { ... on `+c.typ+` { viewerMayEdit { allowed refusal area { id } } } } }`, "id", c.id)
			got := out.Node.ViewerMayEdit
			if got.Allowed != c.allowed || got.Refusal != c.refusal {
				t.Fatalf("viewerMayEdit = %+v, want allowed %v refusal %v", got, c.allowed, c.refusal)
			}
		})
	}
	// What the editor is told matches what the server does.
	if code := f.attempt(`mutation($id: ID!) { updateMember(id: $id, input: {ethnicity: "汉族"}) { id } }`, "id", f.westMem); code != "FORBIDDEN" {
		t.Fatalf("the editor changed a member they were told they may not: %q", code)
	}
}
