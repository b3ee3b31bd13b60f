package main

import "testing"

// The check that both servers answer alike maps one shape onto the other,
// and still tells a different answer apart.
func TestCanonicalMatchesTheTwoShapes(t *testing.T) {
	jiceng := `{"data":{"areas":{"edges":[{"node":{"id":"7","name":"b","children":[
		{"id":"12","units":[{"id":"31","employees":5,"creditCode":null}]},
		{"id":"11","units":[]}]}}]}}}`
	peer := `{"data":{"allAreas":{"nodes":[{"id":"7","name":"b","areasByParentIdList":[
		{"id":"11","unitsByGridIdList":[]},
		{"id":"12","unitsByGridIdList":[{"id":"31","employees":5,"creditCode":null}]}]}]}}}`
	a, err := canonical([]byte(jiceng))
	if err != nil {
		t.Fatal(err)
	}
	b, err := canonical([]byte(peer))
	if err != nil {
		t.Fatal(err)
	}
	if a != b {
		t.Errorf("the same answer in two shapes differs:\n%s\n%s", a, b)
	}
	for _, other := range []string{
		`{"data":{"allAreas":{"nodes":[{"id":"7","name":"c","areasByParentIdList":[{"id":"11","unitsByGridIdList":[]},{"id":"12","unitsByGridIdList":[{"id":"31","employees":5,"creditCode":null}]}]}]}}}`,
		`{"data":{"allAreas":{"nodes":[{"id":"7","name":"b","areasByParentIdList":[{"id":"11","unitsByGridIdList":[]},{"id":"12","unitsByGridIdList":[{"id":"31","employees":5,"creditCode":""}]}]}]}}}`,
		`{"data":{"allAreas":{"nodes":[{"id":"7","name":"b","areasByParentIdList":[{"id":"12","unitsByGridIdList":[{"id":"31","employees":5,"creditCode":null}]}]}]}}}`,
	} {
		c, err := canonical([]byte(other))
		if err != nil {
			t.Fatal(err)
		}
		if c == a {
			t.Errorf("a different answer compares equal: %s", other)
		}
	}
}
