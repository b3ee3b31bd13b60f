package graph_test

import (
	"testing"
)

// How units are covered on a day: the unit's mode and links, and how each
// organisation would cover one, as the analysis reads them.

func TestHowAUnitIsCoveredAsOfADay(t *testing.T) {
	w := newTown(t)
	joint := w.create("Organization", map[string]any{"name": "联合党支部", "kind": "BRANCH",
		"formation": "JOINT", "establishedOn": "2010-01-01", "parentID": w.general})
	w.create("UnitCoverage", map[string]any{"organizationID": joint, "unitID": w.unit, "startedOn": "2020-01-01"})
	var out map[string]any
	w.api.Do(&out, `mutation($id: ID!) { updateOrganization(id: $id, input: {formation: TERRITORIAL}, on: "`+on+`") { id } }`, "id", joint)
	var read struct {
		Org struct {
			Before, On *string
		}
		Unit struct {
			Early, Before, On *string
		}
	}
	w.api.Do(&read, `query($o: ID!, $u: ID!) {
		org: node(id: $o) { ... on Organization { before: coversAs(asOf: "`+dayBefore+`") on: coversAs(asOf: "`+on+`") } }
		unit: node(id: $u) { ... on Unit { early: coverageMode(asOf: "2019-12-31") before: coverageMode(asOf: "`+dayBefore+`") on: coverageMode(asOf: "`+on+`") } } }`,
		"o", joint, "u", w.unit)
	str := func(p *string) string {
		if p == nil {
			return ""
		}
		return *p
	}
	if str(read.Org.Before) != "JOINT" || str(read.Org.On) != "AFFILIATED" {
		t.Errorf("coversAs: before %q, on %q", str(read.Org.Before), str(read.Org.On))
	}
	if str(read.Unit.Early) != "NONE" || str(read.Unit.Before) != "JOINT" || str(read.Unit.On) != "AFFILIATED" {
		t.Errorf("coverageMode: %q, %q, %q", str(read.Unit.Early), str(read.Unit.Before), str(read.Unit.On))
	}
	var group struct{ Node struct{ CoversAs *string } }
	g := w.create("Organization", map[string]any{"name": "党小组", "kind": "PARTY_GROUP", "formation": "TERRITORIAL",
		"establishedOn": "2010-01-01", "parentID": w.eastOrg})
	w.api.Do(&group, `query($id: ID!) { node(id: $id) { ... on Organization { coversAs } } }`, "id", g)
	if group.Node.CoversAs != nil {
		t.Errorf("a Party group covers as %q", *group.Node.CoversAs)
	}
}

// The grid panel reads how each unit of a grid is covered from
// Unit.coverageMode, the expression the gaps read: a unit a union reaches
// (a union volunteer team) is reached in both, from the union's day.
func TestTheGridPanelAndTheGapsAgreeOnAUnitAUnionReaches(t *testing.T) {
	w := newTown(t)
	w.create("AffiliatedOrganization", map[string]any{"name": "企业工会志愿服务队", "kind": "UNION", "unitID": w.unit, "establishedOn": on})
	panel := func(day string) (mode string, unreached int) {
		t.Helper()
		var out struct {
			Node struct {
				Units []struct {
					ID           string
					CoverageMode string
				}
			}
			CoverageGaps struct {
				Nodes []struct{ Subject struct{ ID string } }
			}
		}
		w.api.Do(&out, `query($g: ID!, $d: Date) {
			node(id: $g) { ... on Area { units { id coverageMode(asOf: $d) } } }
			coverageGaps(areaId: $g, asOf: $d, rules: [WORK_UNIT_UNREACHED], first: 50) { nodes { subject { id } } } }`, "g", w.east, "d", day)
		for _, u := range out.Node.Units {
			if u.ID == w.unit {
				mode = u.CoverageMode
			}
		}
		for _, g := range out.CoverageGaps.Nodes {
			if g.Subject.ID == w.unit {
				unreached++
			}
		}
		return mode, unreached
	}
	if mode, gaps := panel(dayBefore); mode != "NONE" || gaps != 1 {
		t.Errorf("the day before the union: panel %s, %d unreached gaps; want NONE and 1", mode, gaps)
	}
	if mode, gaps := panel(on); mode != "MASS_ORGANIZATION_ONLY" || gaps != 0 {
		t.Errorf("on the union's day: panel %s, %d unreached gaps; want MASS_ORGANIZATION_ONLY and 0", mode, gaps)
	}
}

// The unit's cover dialog offers the organisations by how each would cover
// the unit on the dialog's day (the organisations list's coversAs(asOf)):
// one that became territorial on a day covers jointly the day before and
// by attachment on the day.
func TestTheCoverDialogReadsHowOrganizationsCoverOnItsDay(t *testing.T) {
	w := newTown(t)
	joint := w.create("Organization", map[string]any{"name": "联合党支部", "kind": "BRANCH",
		"formation": "JOINT", "establishedOn": "2010-01-01", "parentID": w.general})
	var out map[string]any
	w.api.Do(&out, `mutation($id: ID!) { updateOrganization(id: $id, input: {formation: TERRITORIAL}, on: "`+on+`") { id } }`, "id", joint)
	mode := func(day string) string {
		t.Helper()
		var list struct {
			Organizations struct {
				Nodes []struct {
					ID       string
					CoversAs *string
				}
			}
		}
		w.api.Do(&list, `query($d: Date) { organizations(first: 500, where: { dissolvedOnIsNil: true }) { nodes { id coversAs(asOf: $d) } } }`, "d", day)
		for _, n := range list.Organizations.Nodes {
			if n.ID == joint && n.CoversAs != nil {
				return *n.CoversAs
			}
		}
		return ""
	}
	if b, a := mode(dayBefore), mode(on); b != "JOINT" || a != "AFFILIATED" {
		t.Errorf("coversAs in the list: the day before %q, on the day %q; want JOINT, AFFILIATED", b, a)
	}
}
