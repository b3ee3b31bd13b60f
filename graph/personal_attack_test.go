package graph_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"jiceng/check"
	"jiceng/viewer"
)

// idNumber is a valid ID number of region 652302, born on day, with seq.
func idNumber(day string, seq int) string {
	first := "652302" + strings.ReplaceAll(day, "-", "") + fmt.Sprintf("%03d", seq)
	c, err := check.IDNumberCheck(first)
	if err != nil {
		panic(err)
	}
	return first + string(c)
}

type readMember struct {
	ID, Name, Gender, BornOn, IDNumber, Phone, Address string
}

// TestMaskedIDsCannotBeRebuilt tries, as every role but ADMIN, what the
// attack on the demo did: from the masked ID number, the day of birth, the
// gender and the sub-district's public region code, list every ID number
// that fits what the role reads. More than one must fit for every member
// (thousands do); with the day of birth and four characters shown, one did.
func TestMaskedIDsCannotBeRebuilt(t *testing.T) {
	w := newWorld(t)
	days := []string{"1975-03-14", "1988-11-02", "1960-07-30", "1999-01-01", "1954-12-31"}
	for i, day := range days {
		gender := "MALE"
		seq := 101 + 2*i // odd: male
		if i%2 == 1 {
			gender, seq = "FEMALE", 100+2*i
		}
		w.api.Do(nil, `mutation($n: String!, $g: MemberGender!, $b: Date!, $id: String!) {
			createMember(input: {name: $n, gender: $g, bornOn: $b, idNumber: $id, status: FULL, category: IN_SERVICE, joinedPartyOn: "2001-07-01", phone: "13800000010"}) { id } }`,
			"n", fmt.Sprintf("王某%03d", 100+i), "g", gender, "b", day, "id", idNumber(day, seq))
	}
	const q = `{ members(first: 500, where: {nameHasPrefix: "王某1"}) { nodes { id name gender bornOn idNumber phone address } } }`
	var truth struct{ Members struct{ Nodes []readMember } }
	w.api.Do(&truth, q)
	if len(truth.Members.Nodes) != len(days) {
		t.Fatalf("the administrator reads %d members, want %d", len(truth.Members.Nodes), len(days))
	}
	for _, role := range []viewer.Role{viewer.Reporter, viewer.Analyst, viewer.Editor} {
		var areas []int
		if role == viewer.Editor {
			areas = []int{w.sub.ID}
		}
		var seen struct{ Members struct{ Nodes []readMember } }
		w.api.As(role, areas...).Do(&seen, q)
		for i, m := range seen.Members.Nodes {
			want := truth.Members.Nodes[i].IDNumber
			if m.IDNumber == want {
				t.Fatalf("%s reads the ID number %s unmasked", role, want)
			}
			fits := rebuild(m)
			found := false
			for _, c := range fits {
				found = found || c == want
			}
			if len(fits) < 1000 || !found && len(fits) > 0 {
				t.Errorf("%s: %d ID numbers fit %+v (the true one among them: %v); want thousands", role, len(fits), m, found)
			}
		}
	}
}

// rebuild lists the ID numbers of region 652302 that fit what a role reads
// of a member: the masked ID's visible characters, the day (or the year)
// of birth and the gender.
func rebuild(m readMember) []string {
	var out []string
	mask := []rune(m.IDNumber)
	if len(mask) != 18 || len(m.BornOn) != 10 {
		return nil
	}
	year := m.BornOn[:4]
	var days []string
	if m.BornOn[5:] == "01-01" {
		// Perhaps coarsened to the year: any day of it.
		first, _ := time.Parse("2006", year)
		for d := first; d.Year() == first.Year(); d = d.AddDate(0, 0, 1) {
			days = append(days, d.Format("20060102"))
		}
	} else {
		days = []string{strings.ReplaceAll(m.BornOn, "-", "")}
	}
	for _, day := range days {
		for seq := 0; seq < 1000; seq++ {
			if (seq%2 == 1) != (m.Gender == "MALE") {
				continue
			}
			first := "652302" + day + fmt.Sprintf("%03d", seq)
			c, err := check.IDNumberCheck(first)
			if err != nil {
				continue
			}
			id := first + string(c)
			if fitsMask(id, mask) {
				out = append(out, id)
			}
		}
	}
	return out
}

func fitsMask(id string, mask []rune) bool {
	for i, r := range mask {
		if r != '*' && byte(r) != id[i] {
			return false
		}
	}
	return true
}

// TestTheAuditLogKeepsTrueValues: an editor, who reads phone numbers
// masked, changes one; the log holds the true number before and after,
// and an administrator reading them out of the log is a personal read.
func TestTheAuditLogKeepsTrueValues(t *testing.T) {
	w := newWorld(t)
	w.api.Do(nil, `mutation($id: ID!) { updateMember(id: $id, input: {phone: "13800000010"}) { id } }`, "id", id(w.member.ID))
	editor := w.api.As(viewer.Editor, w.sub.ID)
	var seen struct{ Node struct{ Phone string } }
	editor.Do(&seen, `query($id: ID!) { node(id: $id) { ... on Member { phone } } }`, "id", id(w.member.ID))
	if seen.Node.Phone == "13800000010" {
		t.Fatalf("the editor reads the phone unmasked")
	}
	editor.Do(nil, `mutation($id: ID!) { updateMember(id: $id, input: {phone: "13900000020"}) { id } }`, "id", id(w.member.ID))
	reads := func() int {
		var out struct{ AuditEntries struct{ TotalCount int } }
		w.api.Do(&out, `query($id: ID!) { auditEntries(where: {action: READ_PERSONAL, entityID: $id}) { totalCount } }`, "id", id(w.member.ID))
		return out.AuditEntries.TotalCount
	}
	before := reads()
	var log struct {
		AuditEntries struct {
			Nodes []struct {
				Actor         string
				Before, After map[string]any
			}
		}
	}
	w.api.Do(&log, `query($id: ID!) { auditEntries(last: 1, where: {action: UPDATE, entityType: "Member", entityID: $id}) { nodes { actor before after } } }`, "id", id(w.member.ID))
	if len(log.AuditEntries.Nodes) != 1 {
		t.Fatalf("got %d entries, want the editor's change", len(log.AuditEntries.Nodes))
	}
	e := log.AuditEntries.Nodes[0]
	if e.Before["phone"] != "13800000010" || e.After["phone"] != "13900000020" {
		t.Errorf("got before %v, after %v; want the true numbers 13800000010 and 13900000020", e.Before["phone"], e.After["phone"])
	}
	if got := reads(); got != before+1 {
		t.Errorf("reading the log's personal values recorded %d READ_PERSONAL entries, want 1", got-before)
	}
}
