package graph_test

import (
	"context"
	"fmt"
	"sync/atomic"
	"testing"

	"entgo.io/ent/dialect"

	"jiceng/database"
	"jiceng/ent"
	"jiceng/ent/member"
	"jiceng/ent/membership"
	"jiceng/policy"
	"jiceng/register"
	"jiceng/vocab"
)

// counter counts the statements sent to the database.
type counter struct {
	dialect.Driver
	n *atomic.Int64
}

func (c counter) Query(ctx context.Context, query string, args, v any) error {
	c.n.Add(1)
	return c.Driver.Query(ctx, query, args, v)
}

func (c counter) Exec(ctx context.Context, query string, args, v any) error {
	c.n.Add(1)
	return c.Driver.Exec(ctx, query, args, v)
}

// addBranches adds n branches under the general branch, each with a Party
// group, a member with a current membership, and a meeting.
func (w *world) addBranches(t *testing.T, n int) {
	t.Helper()
	ctx := policy.System(context.Background())
	if err := register.InTx(ctx, w.store.Client, func(c *ent.Client) error {
		for i := 0; i < n; i++ {
			b := c.Organization.Create().SetName(fmt.Sprintf("楼栋党支部%02d", i)).SetKind(vocab.Branch).
				SetFormation("TERRITORIAL").SetEstablishedOn(date("2018-01-01")).SetParentID(w.general.ID).
				AddAreaIDs(w.grid.ID).SaveX(ctx)
			c.Organization.Create().SetName(fmt.Sprintf("楼栋党小组%02d", i)).SetKind(vocab.PartyGroup).
				SetFormation("TERRITORIAL").SetEstablishedOn(date("2018-02-01")).SetParentID(b.ID).SaveX(ctx)
			m := c.Member.Create().SetName(fmt.Sprintf("林某%02d", i)).SetGender(member.GenderMALE).
				SetStatus(member.StatusFULL).SetCategory(member.CategoryRETIRED).
				SetJoinedPartyOn(date("1990-01-01")).SaveX(ctx)
			c.Membership.Create().SetMemberID(m.ID).SetOrganizationID(b.ID).SetStartedOn(date("2018-03-01")).
				SetStartReason(membership.StartReasonTRANSFERRED_IN).SaveX(ctx)
			c.Meeting.Create().SetOrganizationID(b.ID).SetType(vocab.MembersAssembly).SetHeldOn(date("2025-01-10")).
				SetExpectedAttendance(1).SetAttendance(1).AddAttendeeIDs(m.ID).SaveX(ctx)
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
}

// TestNestedQueriesAreEagerLoaded proves there is no N+1: a nested query
// sends as many statements for 30 organisations as for 3.
func TestNestedQueriesAreEagerLoaded(t *testing.T) {
	queries := map[string]string{
		"edges": `{ organizations(where: {kind: BRANCH}) { totalCount edges { node {
			name parent { name } children { name } areas { name parent { name } }
			memberships { startedOn member { name residenceGrid { name } } }
			meetings { heldOn attendees { name } }
		} } } }`,
		"nodes": `{ organizations(where: {kind: BRANCH}) { nodes {
			name parent { name } children { name } areas { name }
			memberships { member { name } } meetings { attendees { name } }
		} } }`,
		"node": fmt.Sprintf(`{ node(id: %%d) { ... on Organization { children { name children { name memberships { member { name } } } } } } }`),
	}
	for name, query := range queries {
		t.Run(name, func(t *testing.T) {
			var n atomic.Int64
			w := newWorld(t, database.WithDriver(func(d dialect.Driver) dialect.Driver { return counter{d, &n} }))
			if name == "node" {
				query = fmt.Sprintf(query, w.general.ID)
			}
			statements := func(want int) int64 {
				n.Store(0)
				var out struct {
					Organizations struct {
						Edges []struct {
							Node struct {
								Memberships []struct{ Member struct{ Name string } }
							}
						}
						Nodes []struct {
							Memberships []struct{ Member struct{ Name string } }
						}
					}
					Node struct {
						Children []struct{ Children []struct{ Name string } }
					}
				}
				w.api.Do(&out, query)
				got := len(out.Organizations.Edges) + len(out.Organizations.Nodes)
				if name == "node" {
					got = len(out.Node.Children) - 1 // the grid branch is a child too
				} else {
					members := 0
					for _, e := range out.Organizations.Edges {
						members += len(e.Node.Memberships)
					}
					for _, e := range out.Organizations.Nodes {
						members += len(e.Memberships)
					}
					if members != want {
						t.Errorf("got %d members through the nested edge, want %d", members, want)
					}
				}
				if got != want {
					t.Errorf("got %d organisations, want %d", got, want)
				}
				return n.Load()
			}
			w.addBranches(t, 3)
			statements(3) // the token's first request also builds its viewer (auth/tokencache.go)
			few := statements(3)
			w.addBranches(t, 27)
			statements(30) // the first request after a write counts again (ent/template/kept_count.tmpl)
			many := statements(30)
			if many != few {
				t.Errorf("got %d statements for 30 organisations and %d for 3; want the same", many, few)
			}
			if few > 12 {
				t.Errorf("got %d statements, want one per level of the query (at most 12)", few)
			}
			t.Logf("%d statements for 3 and for 30 organisations", few)
		})
	}
}
