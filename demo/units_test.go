package demo

import (
	"encoding/json"
	"testing"

	"jiceng/geo"
)

// unitNode is a unit as the tests read it: its workers, the organisations
// that cover it, its mass organisations and instructors.
type unitNode struct {
	Name, Kind          string
	AboveDesignatedSize bool
	OpenedOn            *string
	PlannedCloseOn      *string
	ClosedOn            *string
	Workers             []struct{ Name, Status string }
	Coverages           []struct {
		StartedOn    string
		EndedOn      *string
		Organization struct{ Name, Kind, Formation string }
	}
	AffiliatedOrganizations []struct{ Kind string }
	Appointments            []struct{ Role string }
}

const unitFields = `name kind aboveDesignatedSize openedOn plannedCloseOn closedOn workers { name status }
	coverages { startedOn endedOn organization { name kind formation } }
	affiliatedOrganizations { kind } appointments { role }`

// unit reads one unit by name.
func (d *loaded) unit(t *testing.T, name string) unitNode {
	t.Helper()
	var out struct {
		Units struct{ Nodes []unitNode }
	}
	d.api.Do(&out, `query($n: String!) { units(where: {name: $n}) { nodes { `+unitFields+` } } }`, "n", name)
	if len(out.Units.Nodes) != 1 {
		t.Fatalf("units named %s: got %d, want 1", name, len(out.Units.Nodes))
	}
	return out.Units.Nodes[0]
}

// fullWorkers counts a unit's full members.
func (u unitNode) fullWorkers() int {
	n := 0
	for _, w := range u.Workers {
		if w.Status == "FULL" {
			n++
		}
	}
	return n
}

// coveredBy returns the formations of the organisations covering the unit now.
func (u unitNode) coveredBy() []string {
	var out []string
	for _, c := range u.Coverages {
		if c.EndedOn == nil {
			out = append(out, c.Organization.Formation)
		}
	}
	return out
}

// has reports whether the unit has a mass organisation of a kind.
func (u unitNode) has(kind string) bool {
	for _, a := range u.AffiliatedOrganizations {
		if a.Kind == kind {
			return true
		}
	}
	return false
}

func (d *loaded) enterprises(t *testing.T) {
	for _, name := range []string{"荣达驾校", "华通汽修厂"} {
		u := d.unit(t, name)
		if got := u.coveredBy(); len(got) != 1 || got[0] != "STANDALONE" || u.fullWorkers() < 3 {
			t.Errorf("%s: covered by %v with %d full members; want its own branch", name, got, u.fullWorkers())
		}
	}
	for _, name := range []string{"亚欧运输公司", "林立网业"} {
		u := d.unit(t, name)
		if len(u.Coverages) != 0 || len(u.Workers) != 0 || !u.has("UNION") || !u.has("WOMENS_ORGANIZATION") {
			t.Errorf("%s: got %d coverages, %d members, mass organisations %v; want a union and a women's organisation only",
				name, len(u.Coverages), len(u.Workers), u.AffiliatedOrganizations)
		}
	}
}

func (d *loaded) instructors(t *testing.T) {
	var out struct {
		Units struct{ Nodes []unitNode }
	}
	d.api.Do(&out, `{ units(where: {kind: NON_PUBLIC_ENTERPRISE, aboveDesignatedSize: true}) { nodes { `+unitFields+` } } }`)
	if len(out.Units.Nodes) != 6 {
		t.Fatalf("above-size enterprises: got %d, want 6", len(out.Units.Nodes))
	}
	assigned, with := 0, 0
	for _, u := range out.Units.Nodes {
		if len(u.Appointments) > 0 {
			with++
		}
		assigned += len(u.Appointments)
	}
	if assigned != 4 || with != 4 {
		t.Errorf("instructors and liaisons: got %d in %d enterprises, want 4 in 4 (2 with none)", assigned, with)
	}
	if n := d.count("appointments", "AppointmentWhereInput", map[string]any{"roleIn": []any{"PARTY_BUILDING_INSTRUCTOR", "LIAISON"}}); n != 4 {
		t.Errorf("instructors and liaisons in all: got %d, want 4", n)
	}
}

func (d *loaded) site(t *testing.T) {
	u := d.unit(t, "市三中建筑工地")
	if u.Kind != "CONSTRUCTION_SITE" || u.OpenedOn == nil || u.PlannedCloseOn == nil || u.ClosedOn != nil {
		t.Errorf("site: got %+v; want an open construction site with its planned end", u)
	}
	if got := u.coveredBy(); len(got) != 1 || got[0] != "TEMPORARY" {
		t.Errorf("site covered by %v, want a TEMPORARY branch", got)
	}
	if n := d.count("organizations", "OrganizationWhereInput", map[string]any{"formation": "TEMPORARY"}); n != 1 {
		t.Errorf("temporary branches: got %d, want 1", n)
	}
	// Relationships are not transferred into a temporary branch (支部工作条例
	// Art. 5): its participants are site members, their memberships elsewhere.
	var out struct {
		Organizations struct {
			Nodes []struct {
				Memberships []struct{ ID string }
				SiteMembers []struct {
					Name        string
					WorkUnit    struct{ Name string }
					Memberships []struct {
						EndedOn      *string
						Organization struct{ Formation string }
					}
				}
				Meetings []struct{ Attendees []struct{ Name string } }
			}
		}
	}
	d.api.Do(&out, `{ organizations(where: {formation: TEMPORARY}) { nodes { memberships { id }
		siteMembers { name workUnit { name } memberships { endedOn organization { formation } } }
		meetings { attendees { name } } } } }`)
	o := out.Organizations.Nodes[0]
	if len(o.Memberships) != 0 || len(o.SiteMembers) != 5 || len(o.Meetings) == 0 {
		t.Fatalf("temporary branch: got %d memberships, %d site members, %d meetings; want none, 5 and its meetings",
			len(o.Memberships), len(o.SiteMembers), len(o.Meetings))
	}
	names := map[string]bool{}
	for _, m := range o.SiteMembers {
		names[m.Name] = true
		current := 0
		for _, ms := range m.Memberships {
			if ms.EndedOn == nil && ms.Organization.Formation != "TEMPORARY" {
				current++
			}
		}
		if m.WorkUnit.Name != "市三中建筑工地" || current != 1 {
			t.Errorf("site member %s works at %q with %d current memberships; want the site and one membership elsewhere",
				m.Name, m.WorkUnit.Name, current)
		}
	}
	for _, m := range o.Meetings {
		for _, a := range m.Attendees {
			if !names[a.Name] {
				t.Errorf("temporary branch meeting attended by %s, not a site member", a.Name)
			}
		}
	}
}

func (d *loaded) unions(t *testing.T) {
	for _, f := range []struct {
		what  string
		where map[string]any
		want  int
	}{
		{"enterprise unions", map[string]any{"kind": "UNION", "hasUnitWith": []any{map[string]any{"kind": "NON_PUBLIC_ENTERPRISE"}}}, 15},
		{"community unions", map[string]any{"kind": "UNION", "hasCommunityWith": []any{map[string]any{"kind": "COMMUNITY"}}}, 4},
		{"unions in all", map[string]any{"kind": "UNION"}, 19},
		{"union volunteer teams", map[string]any{"kind": "UNION_VOLUNTEER_TEAM"}, 4},
	} {
		if got := d.count("affiliatedOrganizations", "AffiliatedOrganizationWhereInput", f.where); got != f.want {
			t.Errorf("%s: got %d, want %d", f.what, got, f.want)
		}
	}
	var out struct {
		Areas struct {
			Nodes []struct {
				Name                    string
				AffiliatedOrganizations []struct{ Kind string }
			}
		}
	}
	d.api.Do(&out, `{ areas(where: {kind: COMMUNITY}) { nodes { name affiliatedOrganizations { kind } } } }`)
	for _, c := range out.Areas.Nodes {
		if len(c.AffiliatedOrganizations) != 2 {
			t.Errorf("%s has %v; want its union and volunteer team", c.Name, c.AffiliatedOrganizations)
		}
	}
}

func (d *loaded) boundaries(t *testing.T) {
	var out struct {
		Areas struct {
			Nodes []struct {
				Name                  string
				Residents, Households int
				Boundary              json.RawMessage
			}
		}
	}
	d.api.Do(&out, `{ areas(where: {kind: GRID}) { nodes { name residents households boundary } } }`)
	if len(out.Areas.Nodes) != 16 {
		t.Fatalf("grids: got %d, want 16", len(out.Areas.Nodes))
	}
	rings := make([][]geo.Position, len(out.Areas.Nodes))
	centres := make([]geo.Position, len(out.Areas.Nodes))
	for i, a := range out.Areas.Nodes {
		g, err := geo.Parse(a.Boundary)
		if err != nil {
			t.Fatalf("%s boundary: %v", a.Name, err)
		}
		polys, _ := g.Polygons()
		rings[i] = polys[0][0]
		centres[i], _ = g.Center()
		for _, p := range rings[i] {
			if p[0] < 87.95 || p[0] > 88.03 || p[1] < 44.13 || p[1] > 44.19 {
				t.Errorf("%s: %v lies outside Fukang's centre", a.Name, p)
			}
		}
		if a.Residents <= 0 || a.Households <= 0 || a.Households >= a.Residents {
			t.Errorf("%s: %d residents in %d households", a.Name, a.Residents, a.Households)
		}
	}
	for i, c := range centres {
		for j, ring := range rings {
			if inside(c, ring) != (i == j) {
				t.Errorf("centre of %s inside %s: %v", out.Areas.Nodes[i].Name, out.Areas.Nodes[j].Name, i != j)
			}
		}
	}
}

// inside reports whether p lies inside a closed ring (ray casting).
func inside(p geo.Position, ring []geo.Position) bool {
	in := false
	for i, j := 0, len(ring)-2; i < len(ring)-1; j, i = i, i+1 {
		a, b := ring[i], ring[j]
		if (a[1] > p[1]) != (b[1] > p[1]) && p[0] < (b[0]-a[0])*(p[1]-a[1])/(b[1]-a[1])+a[0] {
			in = !in
		}
	}
	return in
}
