package ledger

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"jiceng/ent"
	"jiceng/vocab"
)

// keys find the records of the register by their natural keys: an area by
// its path, an organisation by its name under its parent, a unit by its
// credit code (or its name in its grid when it has none), a member by ID
// number, a membership by member, organisation and start.
type keys struct {
	areas       map[string]*ent.Area
	areaPaths   map[int]string
	orgs        map[string]*ent.Organization
	orgsByName  map[string][]*ent.Organization
	units       map[string]*ent.Unit
	unitsByName map[string][]*ent.Unit
	members     map[string]*ent.Member
	memberships map[string]*ent.Membership
	ofMember    map[int][]*ent.Membership
	// seen is the row each key was first written at, per sheet, so that a
	// record written twice in a workbook is reported, not merged.
	seen map[string]int
	// failed is the row of each record of the workbook that has problems,
	// by sheet and key, so a row referring to it says so.
	failed map[string]int
}

// failedRow records the keys of a row that has problems.
func (k *keys) failedRow(r *row) {
	for _, key := range []string{"path", "name", "creditCode", "idNumber"} {
		if v := r.cells[key]; v != "" {
			if key == "path" {
				v = cleanPath(v)
			}
			if _, ok := k.failed[r.sheet.name+"|"+v]; !ok {
				k.failed[r.sheet.name+"|"+v] = r.n
			}
		}
	}
}

// missing says that a record referred to is nowhere, or is on a row that
// has problems of its own.
func (k *keys) missing(sheet, key, nowhere string) string {
	if n, ok := k.failed[sheet+"|"+key]; ok {
		return fmt.Sprintf("“%s”在%s表第%d行，该行有错误；改正该行后本行才能导入", key, sheet, n)
	}
	return nowhere
}

// load reads the register's keys, unmasked: matching a member by ID number
// needs the number, whoever imports.
func (im *importer) load() error {
	k := keys{areas: map[string]*ent.Area{}, areaPaths: map[int]string{}, orgs: map[string]*ent.Organization{},
		orgsByName: map[string][]*ent.Organization{}, units: map[string]*ent.Unit{}, unitsByName: map[string][]*ent.Unit{},
		members: map[string]*ent.Member{}, memberships: map[string]*ent.Membership{}, ofMember: map[int][]*ent.Membership{}, seen: map[string]int{}, failed: map[string]int{}}
	areas, err := im.c.Area.Query().All(im.sys)
	if err != nil {
		return fmt.Errorf("loading areas: %w", err)
	}
	byID := map[int]*ent.Area{}
	for _, a := range areas {
		byID[a.ID] = a
	}
	var path func(a *ent.Area, depth int) string
	path = func(a *ent.Area, depth int) string {
		if a.ParentID == nil || depth > 20 || byID[*a.ParentID] == nil {
			return a.Name
		}
		return path(byID[*a.ParentID], depth+1) + pathSeparator + a.Name
	}
	for _, a := range areas {
		k.addArea(a, path(a, 0))
	}
	orgs, err := im.c.Organization.Query().WithAreas().All(im.sys)
	if err != nil {
		return fmt.Errorf("loading organisations: %w", err)
	}
	for _, o := range orgs {
		k.addOrganization(o)
	}
	units, err := im.c.Unit.Query().All(im.sys)
	if err != nil {
		return fmt.Errorf("loading units: %w", err)
	}
	for _, u := range units {
		k.addUnit(u)
	}
	members, err := im.c.Member.Query().All(im.sys)
	if err != nil {
		return fmt.Errorf("loading members: %w", err)
	}
	for _, m := range members {
		k.addMember(m)
	}
	memberships, err := im.c.Membership.Query().All(im.sys)
	if err != nil {
		return fmt.Errorf("loading memberships: %w", err)
	}
	for _, ms := range memberships {
		k.addMembership(ms)
	}
	im.keys = k
	return nil
}

func (k *keys) addArea(a *ent.Area, path string) {
	k.areas[path] = a
	k.areaPaths[a.ID] = path
}

func orgKey(parent *int, name string) string {
	p := 0
	if parent != nil {
		p = *parent
	}
	return strconv.Itoa(p) + "|" + name
}

func (k *keys) addOrganization(o *ent.Organization) {
	key := orgKey(o.ParentID, o.Name)
	if _, known := k.orgs[key]; !known {
		k.orgsByName[o.Name] = append(k.orgsByName[o.Name], o)
	} else {
		for i, x := range k.orgsByName[o.Name] {
			if x.ID == o.ID {
				k.orgsByName[o.Name][i] = o
			}
		}
	}
	k.orgs[key] = o
}

func (k *keys) addUnit(u *ent.Unit) {
	if u.CreditCode != nil {
		k.units[*u.CreditCode] = u
	}
	list := k.unitsByName[u.Name]
	for i, x := range list {
		if x.ID == u.ID {
			list[i] = u
			return
		}
	}
	k.unitsByName[u.Name] = append(list, u)
}

// unitIn finds a unit without a credit code by its name in its grid.
func (k *keys) unitIn(name string, grid int) *ent.Unit {
	for _, u := range k.unitsByName[name] {
		if u.GridID == grid {
			return u
		}
	}
	return nil
}

func (k *keys) addMember(m *ent.Member) {
	if m.IDNumber != "" {
		k.members[m.IDNumber] = m
	}
}

func membershipKey(member, org int, started time.Time) string {
	return fmt.Sprintf("%d|%d|%s", member, org, started.Format(time.DateOnly))
}

func (k *keys) addMembership(ms *ent.Membership) {
	key := membershipKey(ms.MemberID, ms.OrganizationID, ms.StartedOn)
	if _, known := k.memberships[key]; !known {
		k.ofMember[ms.MemberID] = append(k.ofMember[ms.MemberID], ms)
	} else {
		for i, x := range k.ofMember[ms.MemberID] {
			if x.ID == ms.ID {
				k.ofMember[ms.MemberID][i] = ms
			}
		}
	}
	k.memberships[key] = ms
}

// overlapping is another membership of the member in force on a day of
// [start, end), if there is one.
func (k *keys) overlapping(member, except int, start time.Time, end *time.Time) *ent.Membership {
	for _, o := range k.ofMember[member] {
		if o.ID != except && (end == nil || o.StartedOn.Before(*end)) && (o.EndedOn == nil || start.Before(*o.EndedOn)) {
			return o
		}
	}
	return nil
}

// once reports the earlier row a key of a sheet was written at, or records it.
func (k *keys) once(sheet, key string, row int) (int, bool) {
	full := sheet + "\x00" + key
	if at, ok := k.seen[full]; ok {
		return at, true
	}
	k.seen[full] = row
	return 0, false
}

// organization finds an organisation by its name, for a reference: unique
// among those that are (or are not) Party groups as wanted.
func (k *keys) organization(name string, group bool) (*ent.Organization, string) {
	var found []*ent.Organization
	for _, o := range k.orgsByName[name] {
		if (o.Kind == vocab.PartyGroup) == group {
			found = append(found, o)
		}
	}
	switch len(found) {
	case 1:
		return found[0], ""
	case 0:
		what := "党组织"
		if group {
			what = "党小组"
		}
		if len(k.orgsByName[name]) > 0 {
			return nil, fmt.Sprintf("“%s”不是%s", name, what)
		}
		return nil, k.missing(SheetOrganizations, name, fmt.Sprintf("%s“%s”在党组织表和系统中都没有", what, name))
	}
	return nil, fmt.Sprintf("有%d个党组织都叫“%s”，无法确定是哪一个；请写全称", len(found), name)
}

// unit finds a unit by credit code, or by a name only one unit has.
func (k *keys) unit(s string) (*ent.Unit, string) {
	if u := k.units[s]; u != nil {
		return u, ""
	}
	switch list := k.unitsByName[s]; len(list) {
	case 1:
		return list[0], ""
	case 0:
		return nil, k.missing(SheetUnits, s, fmt.Sprintf("单位“%s”在单位表和系统中都没有", s))
	}
	return nil, fmt.Sprintf("有多个单位都叫“%s”；请填写其统一社会信用代码", s)
}

// area finds an area by its path.
func (k *keys) area(path string) (*ent.Area, string) {
	path = cleanPath(path)
	if a := k.areas[path]; a != nil {
		return a, ""
	}
	return nil, k.missing(SheetAreas, path, fmt.Sprintf("区域“%s”在区域表和系统中都没有（请写从街道起的完整路径，用“/”分隔）", path))
}

func cleanPath(path string) string {
	parts := strings.FieldsFunc(path, func(r rune) bool { return r == '/' || r == '／' || r == '\\' })
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	return strings.Join(parts, pathSeparator)
}
