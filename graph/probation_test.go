package graph_test

import "testing"

// The dialog's latest day of an extended probation is the server's, by the
// register's calendar (Member.probationExtendableTo), and the mutation
// holds to it: a member who joined on 29 February may be extended to the
// last day of February two years on, not a day later.
func TestProbationExtendableToIsTheMutationsLimit(t *testing.T) {
	w := newWorld(t)
	var made struct {
		CreateMember struct{ ID, ProbationExtendableTo string }
	}
	w.api.Do(&made, `mutation($in: CreateMemberInput!) { createMember(input: $in) { id probationExtendableTo } }`,
		"in", map[string]any{"name": "预备党员", "gender": "FEMALE", "status": "PROBATIONARY", "category": "IN_SERVICE", "joinedPartyOn": "2024-02-29"})
	m := made.CreateMember
	if m.ProbationExtendableTo != "2026-02-28" {
		t.Fatalf("probationExtendableTo: got %s, want 2026-02-28", m.ProbationExtendableTo)
	}
	const extend = `mutation($in: ExtendProbationInput!) { extendProbation(input: $in) { id } }`
	e := w.api.Fail(extend, "in", map[string]any{"memberID": m.ID, "until": "2026-03-01", "reason": "考察"})
	if e.Field() != "until" {
		t.Errorf("a day after probationExtendableTo: got %s at %q (%s), want until refused", e.Code(), e.Field(), e.Message)
	}
	var ok map[string]any
	w.api.Do(&ok, extend, "in", map[string]any{"memberID": m.ID, "until": m.ProbationExtendableTo, "reason": "考察"})
}
