package graph_test

import "testing"

// TestSuccessionIsOneTransaction: the dashboard appoints a successor by
// ending the office and creating the next in one request; when the second
// half is refused the first is not saved either, so an organisation is
// never left without its secretary.
func TestSuccessionIsOneTransaction(t *testing.T) {
	f := newFrontier(t)
	succeed := `mutation($id: ID!, $in: CreateAppointmentInput!) {
		ended: updateAppointment(id: $id, input: {endedOn: "2024-06-01"}) { id }
		createAppointment(input: $in) { id } }`
	resp := f.api.Post(succeed, "id", f.eastSecOff, "in", map[string]any{"role": "SECRETARY", "organizationID": f.general, "startedOn": "2024-06-01"})
	if len(resp.Errors) == 0 {
		t.Fatal("a successor with no holder was appointed")
	}
	var out struct {
		Node struct{ EndedOn *string }
	}
	f.api.Do(&out, `query($id: ID!) { node(id: $id) { ... on Appointment { endedOn } } }`, "id", f.eastSecOff)
	if out.Node.EndedOn != nil {
		t.Fatalf("the office ended (%s) although its successor was refused", *out.Node.EndedOn)
	}
	resp = f.api.Post(succeed, "id", f.eastSecOff, "in", map[string]any{"role": "SECRETARY", "organizationID": f.general, "holderName": "新书记", "startedOn": "2024-06-01"})
	if len(resp.Errors) != 0 {
		t.Fatalf("the succession was refused: %v", resp.Errors)
	}
	f.api.Do(&out, `query($id: ID!) { node(id: $id) { ... on Appointment { endedOn } } }`, "id", f.eastSecOff)
	if out.Node.EndedOn == nil || *out.Node.EndedOn != "2024-06-01" {
		t.Fatalf("the office did not end on the successor's first day: %v", out.Node.EndedOn)
	}
}
