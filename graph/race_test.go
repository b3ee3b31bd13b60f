package graph_test

import (
	"fmt"
	"sync"
	"testing"

	"jiceng/graph/graphtest"
)

// racers is how many writers race for each "one at a time" rule, and
// rounds how often.
const racers, rounds = 4, 20

// race sends query from racers writers at once and returns how many
// succeeded; each refused one must be a CONFLICT (or a BAD_USER_INPUT of
// the same rule), not an internal error.
func race(t *testing.T, c *graphtest.Client, query string, vars func(i int) []any) int {
	t.Helper()
	var wg sync.WaitGroup
	results := make([]graphtest.Response, racers)
	start := make(chan struct{})
	for i := range racers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			results[i] = c.Post(query, vars(i)...)
		}()
	}
	close(start)
	wg.Wait()
	ok := 0
	for _, r := range results {
		switch {
		case len(r.Errors) == 0:
			ok++
		case r.Errors[0].Code() != "CONFLICT" && r.Errors[0].Code() != "BAD_USER_INPUT":
			t.Errorf("a racing writer got %s: %s", r.Errors[0].Code(), r.Errors[0].Message)
		}
	}
	return ok
}

// TestOneAtATimeRulesHoldUnderConcurrency races writers against each rule
// that allows one record at a time, on the test's database (PostgreSQL
// when JICENG_TEST_POSTGRES is set): exactly one of them wins each round.
func TestOneAtATimeRulesHoldUnderConcurrency(t *testing.T) {
	w := newWorld(t)
	newOrg := func(round int) string {
		var out struct{ CreateOrganization struct{ ID string } }
		w.api.Do(&out, `mutation($p: ID!, $n: String!) { createOrganization(input: {name: $n, kind: BRANCH, formation: STANDALONE, establishedOn: "2020-01-01", parentID: $p}) { id } }`,
			"p", id(w.general.ID), "n", fmt.Sprintf("竞争支部%02d", round))
		return out.CreateOrganization.ID
	}
	t.Run("one secretary", func(t *testing.T) {
		for round := range rounds {
			org := newOrg(round)
			won := race(t, w.api, `mutation($o: ID!, $n: String!) { createAppointment(input: {role: SECRETARY, organizationID: $o, holderName: $n, startedOn: "2024-01-01"}) { id } }`,
				func(i int) []any { return []any{"o", org, "n", fmt.Sprintf("书记%d", i)} })
			if won != 1 {
				t.Fatalf("round %d: %d secretaries appointed at once, want 1", round, won)
			}
		}
	})
	t.Run("one open term", func(t *testing.T) {
		for round := range rounds {
			org := newOrg(100 + round)
			won := race(t, w.api, `mutation($o: ID!, $s: Date!) { createTerm(input: {organizationID: $o, startedOn: $s, dueOn: "2029-01-01"}) { id } }`,
				func(i int) []any { return []any{"o", org, "s", fmt.Sprintf("2024-01-%02d", i+1)} })
			if won != 1 {
				t.Fatalf("round %d: %d open terms, want 1", round, won)
			}
		}
	})
	t.Run("one current membership", func(t *testing.T) {
		orgs := make([]string, racers)
		for i := range orgs {
			orgs[i] = newOrg(200 + i)
		}
		for round := range rounds {
			var m struct{ CreateMember struct{ ID string } }
			w.api.Do(&m, `mutation($n: String!) { createMember(input: {name: $n, gender: MALE, status: FULL, category: IN_SERVICE, joinedPartyOn: "2001-07-01"}) { id } }`,
				"n", fmt.Sprintf("赵某%03d", round))
			won := race(t, w.api, `mutation($m: ID!, $o: ID!) { createMembership(input: {memberID: $m, organizationID: $o, startedOn: "2024-01-01", startReason: TRANSFERRED_IN}) { id } }`,
				func(i int) []any { return []any{"m", m.CreateMember.ID, "o", orgs[i]} })
			if won != 1 {
				t.Fatalf("round %d: %d current memberships, want 1", round, won)
			}
		}
	})
}
