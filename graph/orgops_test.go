package graph_test

import (
	"context"
	"reflect"
	"strconv"
	"testing"

	"jiceng/ent/appointment"
	"jiceng/ent/membership"
	"jiceng/ent/unitcoverage"
	"jiceng/policy"
	"jiceng/viewer"
)

const dissolveRehoming = `mutation($in: DissolveRehomingInput!) {
	dissolveOrganizationRehoming(input: $in) { id dissolvedOn dissolutionReason }
}`

const createPartyGroup = `mutation($in: CreatePartyGroupInput!) {
	createPartyGroup(input: $in) { id name kind establishedOn parent { name } groupMembers { name } }
}`

func TestDissolveOrganizationRehoming(t *testing.T) {
	t.Run("moves members, units and groups, then dissolves, in one step", func(t *testing.T) {
		w := newWorld(t)
		ctx := policy.System(context.Background())
		var link struct{ CreateUnitCoverage struct{ ID string } }
		w.api.Do(&link, `mutation($in: CreateUnitCoverageInput!) { createUnitCoverage(input: $in) { id } }`,
			"in", map[string]any{"organizationID": w.gridBranch.ID, "unitID": w.unit.ID, "startedOn": "2021-01-01"})
		var other struct{ CreateOrganization struct{ ID string } }
		w.api.Do(&other, `mutation($in: CreateOrganizationInput!) { createOrganization(input: $in) { id } }`,
			"in", map[string]any{"name": "二号网格党支部", "kind": "GRID_BRANCH", "formation": "TERRITORIAL",
				"establishedOn": "2020-01-01", "parentID": w.general.ID})
		next, _ := strconv.Atoi(other.CreateOrganization.ID)
		// The dialog lists what the dissolution then moves.
		want := rehomingNames{Members: []string{"王某001"}, Units: []string{w.unit.Name}, Children: []string{"一号网格第一党小组"}}
		if got := toRehome(w, w.gridBranch.ID); !reflect.DeepEqual(got, want) {
			t.Errorf("toRehome before: got %+v, want %+v", got, want)
		}
		var out struct {
			DissolveOrganizationRehoming struct{ DissolvedOn, DissolutionReason string }
		}
		w.api.Do(&out, dissolveRehoming, "in", map[string]any{
			"organizationID": w.gridBranch.ID, "on": "2025-06-01", "reason": "网格调整",
			"membersTo": w.general.ID, "unitsTo": w.general.ID, "childrenTo": next,
		})
		if got := out.DissolveOrganizationRehoming; got.DissolvedOn != "2025-06-01" || got.DissolutionReason != "网格调整" {
			t.Errorf("dissolved: got %+v", got)
		}
		current := w.store.Membership.Query().
			Where(membership.MemberID(w.member.ID), membership.EndedOnIsNil()).OnlyX(ctx)
		if current.OrganizationID != w.general.ID || !current.StartedOn.Equal(date("2025-06-01")) {
			t.Errorf("the member's relationship is in %d from %v, want %d from 2025-06-01", current.OrganizationID, current.StartedOn, w.general.ID)
		}
		if pg := w.store.Organization.GetX(ctx, w.pg.ID); pg.ParentID == nil || *pg.ParentID != next {
			t.Errorf("the Party group's parent is %v, want %d", pg.ParentID, next)
		}
		links := w.store.UnitCoverage.Query().Where(unitcoverage.UnitID(w.unit.ID)).AllX(ctx)
		var ended, opened bool
		for _, l := range links {
			ended = ended || (l.OrganizationID == w.gridBranch.ID && l.EndedOn != nil && l.EndedOn.Equal(date("2025-06-01")))
			opened = opened || (l.OrganizationID == w.general.ID && l.EndedOn == nil && l.StartedOn.Equal(date("2025-06-01")))
		}
		if !ended || !opened {
			t.Errorf("unit coverage: ended %v, opened %v; want both", ended, opened)
		}
		if got := toRehome(w, w.gridBranch.ID); !reflect.DeepEqual(got, rehomingNames{}) {
			t.Errorf("toRehome after: got %+v, want nothing", got)
		}
	})
	t.Run("without a home for the members says so and writes nothing", func(t *testing.T) {
		w := newWorld(t)
		before := w.counts(t)
		e := w.api.Fail(dissolveRehoming, "in", map[string]any{
			"organizationID": w.gridBranch.ID, "on": "2025-06-01", "reason": "网格调整", "childrenTo": w.general.ID,
		})
		if e.Code() != "BAD_USER_INPUT" || e.Field() != "membersTo" {
			t.Errorf("got %s at %q (%s), want BAD_USER_INPUT at membersTo", e.Code(), e.Field(), e.Message)
		}
		if after := w.counts(t); !reflect.DeepEqual(before, after) {
			t.Errorf("a refused dissolution wrote: before %v, after %v", before, after)
		}
		if w.store.Organization.GetX(policy.System(context.Background()), w.gridBranch.ID).DissolvedOn != nil {
			t.Error("the branch was dissolved")
		}
	})
	t.Run("without a home for the groups names childrenTo", func(t *testing.T) {
		w := newWorld(t)
		e := w.api.Fail(dissolveRehoming, "in", map[string]any{
			"organizationID": w.gridBranch.ID, "on": "2025-06-01", "reason": "网格调整", "membersTo": w.general.ID,
		})
		if e.Field() != "childrenTo" {
			t.Errorf("got %s at %q (%s), want childrenTo", e.Code(), e.Field(), e.Message)
		}
	})
	t.Run("an analyst may not", func(t *testing.T) {
		w := newWorld(t)
		e := w.api.As(viewer.Analyst).Fail(dissolveRehoming, "in", map[string]any{
			"organizationID": w.gridBranch.ID, "on": "2025-06-01", "reason": "网格调整",
			"membersTo": w.general.ID, "childrenTo": w.general.ID,
		})
		if e.Code() != "FORBIDDEN" {
			t.Errorf("got %s (%s), want FORBIDDEN", e.Code(), e.Message)
		}
	})
}

func TestCreatePartyGroup(t *testing.T) {
	t.Run("sets up the group with its members and leader", func(t *testing.T) {
		w := newWorld(t)
		var out struct {
			CreatePartyGroup struct {
				ID, Name, Kind, EstablishedOn string
				Parent                        struct{ Name string }
				GroupMembers                  []struct{ Name string }
			}
		}
		w.api.Do(&out, createPartyGroup, "in", map[string]any{
			"parentID": w.gridBranch.ID, "name": "一号网格第二党小组", "on": "2025-05-01",
			"memberIDs": []int{w.member.ID}, "leaderID": w.member.ID,
		})
		g := out.CreatePartyGroup
		if g.Kind != "PARTY_GROUP" || g.EstablishedOn != "2025-05-01" || g.Parent.Name != "一号网格党支部" {
			t.Errorf("group: got %+v", g)
		}
		if len(g.GroupMembers) != 1 || g.GroupMembers[0].Name != "王某001" {
			t.Errorf("group members: got %+v, want 王某001", g.GroupMembers)
		}
		ctx := policy.System(context.Background())
		leaders := w.store.Appointment.Query().Where(appointment.RoleEQ(appointment.RoleGROUP_LEADER),
			appointment.MemberID(w.member.ID), appointment.EndedOnIsNil()).CountX(ctx)
		if leaders != 1 {
			t.Errorf("got %d group leader appointments, want 1", leaders)
		}
	})
	t.Run("refuses a member of another organisation and writes nothing", func(t *testing.T) {
		w := newWorld(t)
		before := w.counts(t)
		e := w.api.Fail(createPartyGroup, "in", map[string]any{
			"parentID": w.general.ID, "name": "第三党小组", "on": "2025-05-01", "memberIDs": []int{w.member.ID},
		})
		if e.Code() != "BAD_USER_INPUT" || e.Field() != "memberIDs" {
			t.Errorf("got %s at %q (%s), want BAD_USER_INPUT at memberIDs", e.Code(), e.Field(), e.Message)
		}
		if after := w.counts(t); !reflect.DeepEqual(before, after) {
			t.Errorf("a refused group wrote: before %v, after %v", before, after)
		}
	})
	t.Run("the leader must be one of the members", func(t *testing.T) {
		w := newWorld(t)
		e := w.api.Fail(createPartyGroup, "in", map[string]any{
			"parentID": w.gridBranch.ID, "name": "第三党小组", "on": "2025-05-01", "memberIDs": []int{}, "leaderID": w.member.ID,
		})
		if e.Field() != "leaderID" {
			t.Errorf("got %s at %q (%s), want leaderID", e.Code(), e.Field(), e.Message)
		}
	})
}

const renewTerm = `mutation($in: RenewTermInput!) {
	renewTerm(input: $in) { ended { startedOn renewedOn } next { startedOn dueOn renewedOn } }
}`

func TestRenewTerm(t *testing.T) {
	t.Run("ends the current term on the election day and opens the next", func(t *testing.T) {
		w := newWorld(t)
		w.api.Do(nil, `mutation($in: CreateTermInput!) { createTerm(input: $in) { id } }`, "in",
			map[string]any{"organizationID": w.gridBranch.ID, "startedOn": "2020-01-01", "dueOn": "2025-01-01"})
		var out struct {
			RenewTerm struct {
				Ended *struct{ StartedOn, RenewedOn string }
				Next  struct {
					StartedOn, DueOn string
					RenewedOn        *string
				}
			}
		}
		w.api.Do(&out, renewTerm, "in", map[string]any{"organizationID": w.gridBranch.ID, "on": "2025-03-01", "dueOn": "2030-03-01"})
		got := out.RenewTerm
		if got.Ended == nil || got.Ended.StartedOn != "2020-01-01" || got.Ended.RenewedOn != "2025-03-01" {
			t.Errorf("ended: got %+v", got.Ended)
		}
		if got.Next.StartedOn != "2025-03-01" || got.Next.DueOn != "2030-03-01" || got.Next.RenewedOn != nil {
			t.Errorf("next: got %+v", got.Next)
		}
	})
	t.Run("refuses an election before the current term began, writing nothing", func(t *testing.T) {
		w := newWorld(t)
		w.api.Do(nil, `mutation($in: CreateTermInput!) { createTerm(input: $in) { id } }`, "in",
			map[string]any{"organizationID": w.gridBranch.ID, "startedOn": "2020-01-01", "dueOn": "2025-01-01"})
		before := w.counts(t)
		e := w.api.Fail(renewTerm, "in", map[string]any{"organizationID": w.gridBranch.ID, "on": "2019-03-01", "dueOn": "2024-03-01"})
		if e.Code() != "BAD_USER_INPUT" || e.Field() != "on" {
			t.Errorf("got %s at %q (%s), want BAD_USER_INPUT at on", e.Code(), e.Field(), e.Message)
		}
		if after := w.counts(t); !reflect.DeepEqual(before, after) {
			t.Errorf("a refused renewal wrote: before %v, after %v", before, after)
		}
	})
	t.Run("refuses a due day before the election", func(t *testing.T) {
		w := newWorld(t)
		e := w.api.Fail(renewTerm, "in", map[string]any{"organizationID": w.gridBranch.ID, "on": "2025-03-01", "dueOn": "2025-02-01"})
		if e.Field() != "dueOn" {
			t.Errorf("got %s at %q (%s), want dueOn", e.Code(), e.Field(), e.Message)
		}
	})
}

// rehomingNames are the names Organization.toRehome lists.
type rehomingNames struct{ Members, Units, Children []string }

func toRehome(w *world, orgID int) rehomingNames {
	var out struct {
		Node struct {
			ToRehome struct {
				Memberships   []struct{ Member struct{ Name string } }
				UnitCoverages []struct{ Unit struct{ Name string } }
				Children      []struct{ Name string }
			}
		}
	}
	w.api.Do(&out, `query($id: ID!) { node(id: $id) { ... on Organization { toRehome {
		memberships { member { name } } unitCoverages { unit { name } } children { name } } } } }`, "id", orgID)
	var n rehomingNames
	for _, m := range out.Node.ToRehome.Memberships {
		n.Members = append(n.Members, m.Member.Name)
	}
	for _, u := range out.Node.ToRehome.UnitCoverages {
		n.Units = append(n.Units, u.Unit.Name)
	}
	for _, c := range out.Node.ToRehome.Children {
		n.Children = append(n.Children, c.Name)
	}
	return n
}
