package graph_test

import (
	"context"
	"fmt"
	"testing"

	"jiceng/ent"
	"jiceng/ent/member"
	"jiceng/policy"
	"jiceng/register"
)

// addMembers adds n retired members living in the test grid.
func (w *world) addMembers(t *testing.T, n int) {
	t.Helper()
	ctx := policy.System(context.Background())
	if err := register.InTx(ctx, w.store.Client, func(c *ent.Client) error {
		for i := 0; i < n; i++ {
			if _, err := c.Member.Create().SetName(fmt.Sprintf("陈某%03d", i)).SetGender(member.GenderFEMALE).
				SetStatus(member.StatusFULL).SetCategory(member.CategoryRETIRED).
				SetJoinedPartyOn(date("1985-07-01")).SetResidenceGridID(w.grid.ID).Save(ctx); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
}

type memberPage struct {
	Members struct {
		TotalCount int
		Nodes      []struct{ ID, Name string }
		Edges      []struct{ Node struct{ ID string } }
		PageInfo   struct {
			HasNextPage bool
			EndCursor   *string
		}
	}
}

const pageQuery = `query($first: Int, $after: Cursor) {
	members(first: $first, after: $after) {
		totalCount nodes { id name } edges { node { id } }
		pageInfo { hasNextPage endCursor }
	}
}`

func TestPaging(t *testing.T) {
	w := newWorld(t)
	w.addMembers(t, 120)
	t.Run("without first or last a page has the default size", func(t *testing.T) {
		var out memberPage
		w.api.Do(&out, `{ members { totalCount nodes { id } pageInfo { hasNextPage } } }`)
		if len(out.Members.Nodes) != 50 || out.Members.TotalCount != 121 || !out.Members.PageInfo.HasNextPage {
			t.Errorf("got %d nodes of %d (next %v), want 50 of 121 with a next page",
				len(out.Members.Nodes), out.Members.TotalCount, out.Members.PageInfo.HasNextPage)
		}
	})
	t.Run("a client pages through everything with after", func(t *testing.T) {
		seen := map[string]bool{}
		var after any
		for pages := 0; ; pages++ {
			if pages > 10 {
				t.Fatal("paging does not end")
			}
			var out memberPage
			w.api.Do(&out, pageQuery, "first", 40, "after", after)
			for i, n := range out.Members.Nodes {
				if out.Members.Edges[i].Node.ID != n.ID {
					t.Fatalf("nodes[%d] is %s but edges[%d].node is %s", i, n.ID, i, out.Members.Edges[i].Node.ID)
				}
				if seen[n.ID] {
					t.Fatalf("member %s appears on two pages", n.ID)
				}
				seen[n.ID] = true
			}
			if !out.Members.PageInfo.HasNextPage {
				break
			}
			after = *out.Members.PageInfo.EndCursor
		}
		if len(seen) != 121 {
			t.Errorf("paged through %d members, want 121", len(seen))
		}
	})
	t.Run("the last page from the end", func(t *testing.T) {
		var out struct {
			Members struct{ Nodes []struct{ Name string } }
		}
		w.api.Do(&out, `{ members(last: 3, orderBy: {field: NAME}) { nodes { name } } }`)
		if len(out.Members.Nodes) != 3 || out.Members.Nodes[2].Name != "陈某119" {
			t.Errorf("got %+v, want the last three by name ending with 陈某119", out.Members.Nodes)
		}
	})
	t.Run("the largest page is allowed", func(t *testing.T) {
		var out memberPage
		w.api.Do(&out, pageQuery, "first", 500)
		if len(out.Members.Nodes) != 121 {
			t.Errorf("got %d nodes, want all 121", len(out.Members.Nodes))
		}
	})
	for _, arg := range []string{"first", "last"} {
		t.Run(arg+" beyond the largest page is refused", func(t *testing.T) {
			e := w.api.Fail(fmt.Sprintf(`{ members(%s: 501) { totalCount } }`, arg))
			if e.Code() != "BAD_USER_INPUT" || e.Field() != arg {
				t.Errorf("got %s on %q (%s), want BAD_USER_INPUT on %s", e.Code(), e.Field(), e.Message, arg)
			}
		})
	}
	t.Run("filters and orders combine with paging", func(t *testing.T) {
		var out struct {
			Members struct {
				TotalCount int
				Nodes      []struct{ Name string }
			}
		}
		w.api.Do(&out, `{ members(first: 2, where: {category: RETIRED, nameHasPrefix: "陈某1"}, orderBy: {field: NAME, direction: DESC}) { totalCount nodes { name } } }`)
		if out.Members.TotalCount != 20 || len(out.Members.Nodes) != 2 || out.Members.Nodes[0].Name != "陈某119" {
			t.Errorf("got %+v, want 20 matches starting 陈某119", out.Members)
		}
	})
}

func TestNodeRoundTrips(t *testing.T) {
	w := newWorld(t)
	records := map[string]int{
		"Area": w.grid.ID, "Organization": w.gridBranch.ID, "Unit": w.unit.ID,
		"Member": w.member.ID, "Membership": w.membership.ID,
	}
	var ids []int
	for typ, n := range records {
		ids = append(ids, n)
		t.Run(typ, func(t *testing.T) {
			var out struct{ Node struct{ Typename, ID string } }
			w.api.Do(&out, `query($id: ID!) { node(id: $id) { typename: __typename id } }`, "id", n)
			if out.Node.Typename != typ || out.Node.ID != id(n) {
				t.Errorf("node(%d): got %+v, want a %s with the same ID", n, out.Node, typ)
			}
		})
	}
	t.Run("nodes returns each ID in order", func(t *testing.T) {
		var out struct{ Nodes []struct{ ID string } }
		w.api.Do(&out, `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, "ids", ids)
		for i, n := range ids {
			if out.Nodes[i].ID != id(n) {
				t.Errorf("nodes[%d]: got %s, want %d", i, out.Nodes[i].ID, n)
			}
		}
	})
	t.Run("IDs are unique across types", func(t *testing.T) {
		seen := map[int]bool{}
		for _, n := range ids {
			if seen[n] {
				t.Errorf("ID %d is used twice", n)
			}
			seen[n] = true
		}
	})
	t.Run("an unknown ID is NOT_FOUND", func(t *testing.T) {
		e := w.api.Fail(`{ node(id: 77) { id } }`)
		if e.Code() != "NOT_FOUND" {
			t.Errorf("got %s (%s), want NOT_FOUND", e.Code(), e.Message)
		}
	})
}
