package demo

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"jiceng/check"
	"jiceng/database"
	"jiceng/database/dbtest"
	"jiceng/ent"
	"jiceng/ent/area"
	"jiceng/graph/graphtest"
	"jiceng/policy"
	"jiceng/register"
)

// loaded is a register holding the demo as of the reference day, and the
// GraphQL API over it.
type loaded struct {
	store *database.Store
	api   *graphtest.Client
	ref   time.Time
}

// load opens a fresh register and loads the demo as of ReferenceDate.
func load(t *testing.T) *loaded {
	t.Helper()
	st := dbtest.Open(t)
	start := time.Now()
	if err := Load(policy.System(context.Background()), st.Client, Reference()); err != nil {
		t.Fatalf("loading the demo: %v", err)
	}
	t.Logf("loaded the demo in %v", time.Since(start).Round(time.Millisecond))
	return &loaded{store: st, api: graphtest.New(t, st), ref: Reference()}
}

// count returns the totalCount of a root connection filtered by where;
// input names its where type, e.g. MemberWhereInput.
func (d *loaded) count(root, input string, where map[string]any) int {
	var out struct {
		R struct {
			TotalCount int `json:"totalCount"`
		} `json:"r"`
	}
	d.api.Do(&out, fmt.Sprintf(`query($w: %s) { r: %s(where: $w) { totalCount } }`, input, root), "w", where)
	return out.R.TotalCount
}

// date writes a day as the API's Date scalar.
func date(t time.Time) string { return t.Format(check.DateLayout) }

// parse reads a Date the API returned.
func parse(t *testing.T, s string) time.Time {
	t.Helper()
	d, err := check.ParseDate(s)
	if err != nil {
		t.Fatalf("reading date %q: %v", s, err)
	}
	return d
}

func TestLoadIfEmptyLoadsAnEmptyRegisterOnce(t *testing.T) {
	st := dbtest.Open(t)
	ctx := policy.System(context.Background())
	loadedNow, err := LoadIfEmpty(ctx, st.Client)
	if err != nil || !loadedNow {
		t.Fatalf("first LoadIfEmpty: got %v, %v; want true, nil", loadedNow, err)
	}
	again, err := LoadIfEmpty(ctx, st.Client)
	if err != nil || again {
		t.Fatalf("second LoadIfEmpty: got %v, %v; want false, nil", again, err)
	}
	if n := st.Member.Query().CountX(ctx); n != 812 {
		t.Errorf("members after loading twice: got %d, want 812", n)
	}
}

func TestLoadIfEmptyLeavesANonEmptyRegisterAlone(t *testing.T) {
	st := dbtest.Open(t)
	ctx := policy.System(context.Background())
	err := register.InTx(ctx, st.Client, func(tx *ent.Client) error {
		_, err := tx.Area.Create().SetName("某街道").SetKind(area.KindSUBDISTRICT).Save(ctx)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	did, err := LoadIfEmpty(ctx, st.Client)
	if err != nil || did {
		t.Fatalf("LoadIfEmpty: got %v, %v; want false, nil", did, err)
	}
	if n := st.Area.Query().CountX(ctx); n != 1 {
		t.Errorf("areas: got %d, want the 1 there was", n)
	}
	if n := st.Organization.Query().CountX(ctx) + st.Member.Query().CountX(ctx); n != 0 {
		t.Errorf("organisations and members: got %d, want none", n)
	}
	if err := Load(ctx, st.Client, Reference()); err != ErrNotEmpty {
		t.Errorf("Load into a non-empty register: got %v, want ErrNotEmpty", err)
	}
}

// fingerprint sums up a loaded register in a text that changes when
// anything a reader sees changes.
func fingerprint(t *testing.T, c *ent.Client) string {
	t.Helper()
	ctx := policy.System(context.Background())
	var s string
	for _, m := range c.Member.Query().Order(ent.Asc("id")).AllX(ctx) {
		s += fmt.Sprintf("%s %s %s %s %v %v %v;", m.Name, m.IDNumber, date(m.JoinedPartyOn), m.Status,
			value(m.ResidenceGridID), value(m.PartyGroupID), value(m.WorkUnitID))
	}
	for _, m := range c.Meeting.Query().Order(ent.Asc("id")).AllX(ctx) {
		s += fmt.Sprintf("%d %s %s %d/%d;", m.OrganizationID, m.Type, date(m.HeldOn), m.Attendance, m.ExpectedAttendance)
	}
	for _, a := range c.Area.Query().Order(ent.Asc("id")).AllX(ctx) {
		s += fmt.Sprintf("%s %d %s;", a.Name, a.Residents, a.Boundary.Coordinates)
	}
	return s
}

// value returns what an optional ID points to, or 0.
func value(id *int) int {
	if id == nil {
		return 0
	}
	return *id
}

func TestTheSameReferenceDayGivesTheSameRegister(t *testing.T) {
	var prints [2]string
	var wg sync.WaitGroup
	for i := range prints {
		st := dbtest.Open(t)
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := Load(policy.System(context.Background()), st.Client, Reference()); err != nil {
				t.Errorf("loading: %v", err)
				return
			}
			prints[i] = fingerprint(t, st.Client)
		}()
	}
	wg.Wait()
	if prints[0] != prints[1] {
		a, b := strings.Split(prints[0], ";"), strings.Split(prints[1], ";")
		for i := range min(len(a), len(b)) {
			if a[i] != b[i] {
				t.Fatalf("two loads at the same reference day differ: %q and %q", a[i], b[i])
			}
		}
		t.Error("two loads at the same reference day differ")
	}
}

func TestTheDemoLoadsAtAwkwardReferenceDays(t *testing.T) {
	if dbtest.Postgres() {
		t.Skip("the dates are worked out in Go, whatever the store; four more loads would only slow the PostgreSQL run")
	}
	for _, ref := range []string{"2024-02-29", "2025-01-31", "2025-12-01", "2026-03-31"} {
		t.Run(ref, func(t *testing.T) {
			st := dbtest.Open(t)
			day, _ := check.ParseDate(ref)
			if err := Load(policy.System(context.Background()), st.Client, day); err != nil {
				t.Fatalf("loading at %s: %v", ref, err)
			}
			if n := st.Member.Query().CountX(policy.System(context.Background())); n != 812 {
				t.Errorf("members: got %d, want 812", n)
			}
		})
	}
}
