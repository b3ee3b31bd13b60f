package ledger_test

import (
	"bytes"
	"context"
	"fmt"
	"reflect"
	"testing"
	"time"

	"jiceng/coverage"
	"jiceng/database"
	"jiceng/database/dbtest"
	"jiceng/demo"
	"jiceng/ent"
	"jiceng/ledger"
	"jiceng/policy"
	"jiceng/viewer"
)

func admin() context.Context {
	return viewer.NewContext(context.Background(), &viewer.Viewer{Name: "importer", Role: viewer.Admin})
}

// exported is the register of st written as a ledger and read back.
func exported(t *testing.T, st *database.Store) *ledger.Workbook {
	t.Helper()
	book, err := ledger.Export(context.Background(), st.Client)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := book.Write(&buf); err != nil {
		t.Fatal(err)
	}
	wb, err := ledger.Read("demo.xlsx", bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	return wb
}

func mustImport(t *testing.T, st *database.Store, wb *ledger.Workbook, opts ledger.Options) *ledger.Result {
	t.Helper()
	res, err := ledger.Import(admin(), st.Client, wb, opts)
	if err != nil {
		t.Fatal(err)
	}
	for i, p := range res.Problems {
		if i < 20 {
			t.Errorf("problem: %+v", p)
		}
	}
	return res
}

// TestTheDemoComesBack exports the demo, imports it into an empty register,
// imports it again, and compares what the register says of both.
func TestTheDemoComesBack(t *testing.T) {
	src := dbtest.Open(t)
	if err := demo.Load(policy.System(context.Background()), src.Client, demo.Reference()); err != nil {
		t.Fatal(err)
	}
	wb := exported(t, src)
	dst := dbtest.Open(t)
	start := time.Now()
	first := mustImport(t, dst, wb, ledger.Options{File: "demo.xlsx"})
	t.Logf("imported %d rows in %v", wb.Rows(), time.Since(start))
	// A record's first periods begin with it; the history sheet gives them their reasons.
	if !first.Written || first.Created+first.Updated+first.Unchanged != wb.Rows() || first.Failed != 0 {
		t.Fatalf("first import: written %v, created %d, updated %d, unchanged %d, failed %d of %d rows",
			first.Written, first.Created, first.Updated, first.Unchanged, first.Failed, wb.Rows())
	}
	again := mustImport(t, dst, wb, ledger.Options{File: "demo.xlsx"})
	if again.Created != 0 || again.Updated != 0 || again.Unchanged != wb.Rows() {
		for _, r := range again.Rows {
			if r.Action != ledger.Unchanged {
				t.Errorf("second import changed %+v", r)
				break
			}
		}
		t.Fatalf("second import: created %d, updated %d, unchanged %d of %d rows", again.Created, again.Updated, again.Unchanged, wb.Rows())
	}
	ref := demo.Reference()
	ctx := policy.System(context.Background())
	tagged := func(st *database.Store) int {
		n := 0
		for _, m := range st.Client.Member.Query().AllX(ctx) {
			if len(m.Tags) > 0 {
				n++
			}
		}
		return n
	}
	if got, want := tagged(dst), tagged(src); got != want || want == 0 {
		t.Errorf("members with tags (诚信商户): got %d, want %d", got, want)
	}
	// Every history row, of every attribute, as its natural keys name it.
	wantHistory, gotHistory := histories(t, src), histories(t, dst)
	if len(wantHistory) == 0 {
		t.Fatal("the demo has no history")
	}
	t.Logf("%d history rows", len(wantHistory))
	lost, gained := 0, 0
	for h := range wantHistory {
		if !gotHistory[h] {
			if lost++; lost <= 10 {
				t.Errorf("history row lost: %s", h)
			}
		}
	}
	for h := range gotHistory {
		if !wantHistory[h] {
			if gained++; gained <= 10 {
				t.Errorf("history row gained: %s", h)
			}
		}
	}
	if lost+gained > 0 {
		t.Errorf("history: %d rows lost, %d gained of %d", lost, gained, len(wantHistory))
	}
	if got, want := src.Client.Exemption.Query().CountX(ctx), dst.Client.Exemption.Query().CountX(ctx); got != want {
		t.Errorf("exemptions: got %d, want %d", got, want)
	}
	// The log of kind changes (升格) follows from the kinds' history.
	changes := func(st *database.Store) map[string]bool {
		out := map[string]bool{}
		for _, k := range st.Client.KindChange.Query().WithOrganization().AllX(ctx) {
			out[fmt.Sprintf("%s %s→%s %s (%s)", k.Edges.Organization.Name, k.FromKind, k.ToKind, k.ChangedOn.Format(time.DateOnly), k.Reason)] = true
		}
		return out
	}
	if got, want := changes(dst), changes(src); !reflect.DeepEqual(got, want) || len(want) == 0 {
		t.Errorf("kind changes: got %v, want %v", got, want)
	}
	yearEnd := time.Date(ref.Year()-1, time.December, 31, 0, 0, 0, 0, time.UTC)
	// One engine per register: the report and the gaps of a day share its analysis.
	srcEngine, dstEngine := coverage.New(src.Client, src.Read, src.Dialect), coverage.New(dst.Client, dst.Read, dst.Dialect)
	for _, on := range []time.Time{ref, yearEnd, ref.AddDate(-1, 0, 0)} {
		t.Run("as of "+on.Format(time.DateOnly), func(t *testing.T) { sameReport(t, srcEngine, dstEngine, on) })
	}
}

// sameReport compares the coverage report and the gaps of two registers as of a day.
func sameReport(t *testing.T, src, dst *coverage.Engine, ref time.Time) {
	ctx := policy.System(context.Background())
	want, err := src.Coverage(ctx, nil, &ref, 1)
	if err != nil {
		t.Fatal(err)
	}
	got, err := dst.Coverage(ctx, nil, &ref, 1)
	if err != nil {
		t.Fatal(err)
	}
	if *got.Members != *want.Members {
		t.Errorf("members: got %+v, want %+v", *got.Members, *want.Members)
	}
	gaps := func(en *coverage.Engine) map[string]bool {
		c, err := en.Gaps(ctx, coverage.GapFilter{AsOf: &ref, First: 1 << 30})
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]bool{}
		for _, g := range c.Nodes() {
			out[string(g.Rule)+" "+g.SubjectName+" "+g.Message.Zh] = true
		}
		return out
	}
	wantGaps, gotGaps := gaps(src), gaps(dst)
	for g := range wantGaps {
		if !gotGaps[g] {
			t.Errorf("gap lost: %s", g)
		}
	}
	for g := range gotGaps {
		if !wantGaps[g] {
			t.Errorf("gap gained: %s", g)
		}
	}
	if *got.Grids != *want.Grids {
		t.Errorf("grids: got %+v, want %+v", *got.Grids, *want.Grids)
	}
	if *got.Units != *want.Units {
		t.Errorf("units: got %+v, want %+v", *got.Units, *want.Units)
	}
	if !reflect.DeepEqual(got.Assessments, want.Assessments) {
		t.Errorf("assessments: got %+v, want %+v", got.Assessments, want.Assessments)
	}
	if len(got.Organizations) != len(want.Organizations) {
		t.Errorf("organisation kinds: got %d, want %d", len(got.Organizations), len(want.Organizations))
	}
	for i := range min(len(got.Organizations), len(want.Organizations)) {
		if *got.Organizations[i] != *want.Organizations[i] {
			t.Errorf("organisations: got %+v, want %+v", *got.Organizations[i], *want.Organizations[i])
		}
	}
	if got.GapTotal != want.GapTotal {
		t.Errorf("gaps: got %d, want %d", got.GapTotal, want.GapTotal)
	}
	t.Logf("members %+v; units %+v; gaps %d", *got.Members, *got.Units, got.GapTotal)
}

// histories are the periods of a register, each written with the natural
// keys of its record and value: type, record, attribute, value, from, to
// and reason.
func histories(t *testing.T, st *database.Store) map[string]bool {
	t.Helper()
	ctx := policy.System(context.Background())
	c := st.Client
	keys := map[string]map[int]string{"Member": {}, "Organization": {}, "Unit": {}, "Area": {}, "RuleSetting": {}}
	areas := c.Area.Query().AllX(ctx)
	byID := map[int]*ent.Area{}
	for _, a := range areas {
		byID[a.ID] = a
	}
	var path func(a *ent.Area) string
	path = func(a *ent.Area) string {
		if a.ParentID == nil {
			return a.Name
		}
		return path(byID[*a.ParentID]) + "/" + a.Name
	}
	for _, a := range areas {
		keys["Area"][a.ID] = path(a)
	}
	orgs := c.Organization.Query().AllX(ctx)
	orgByID := map[int]*ent.Organization{}
	for _, o := range orgs {
		orgByID[o.ID] = o
	}
	var orgPath func(o *ent.Organization) string
	orgPath = func(o *ent.Organization) string {
		if o.ParentID == nil {
			return o.Name
		}
		return orgPath(orgByID[*o.ParentID]) + "/" + o.Name
	}
	for _, o := range orgs {
		keys["Organization"][o.ID] = orgPath(o)
	}
	for _, u := range c.Unit.Query().AllX(ctx) {
		keys["Unit"][u.ID] = u.Name
		if u.CreditCode != nil {
			keys["Unit"][u.ID] = *u.CreditCode
		}
	}
	for _, m := range c.Member.Query().AllX(ctx) {
		keys["Member"][m.ID] = m.IDNumber
	}
	for _, r := range c.RuleSetting.Query().AllX(ctx) {
		keys["RuleSetting"][r.ID] = r.Key + "/" + fmt.Sprint(deref(r.OrganizationKind))
	}
	refs := map[string]string{"units": "Unit", "areas": "Area", "organizations": "Organization", "members": "Member"}
	out := map[string]bool{}
	for _, p := range c.Period.Query().AllX(ctx) {
		spec := p.Attribute.Spec()
		v := ""
		switch {
		case p.RefID != nil:
			v = keys[refs[spec.RefTable]][*p.RefID]
		case p.Number != nil:
			v = fmt.Sprint(*p.Number)
		case p.Text != nil:
			v = *p.Text
		}
		to := ""
		if p.ValidTo != nil {
			to = p.ValidTo.Format(time.DateOnly)
		}
		subject, ok := keys[spec.Type][p.SubjectID]
		if !ok {
			t.Fatalf("period %d of %s names no record", p.ID, p.Attribute)
		}
		out[fmt.Sprintf("%s %s %s=%q %s..%s (%s)", spec.Type, subject, p.Attribute, v, p.ValidFrom.Format(time.DateOnly), to, p.Reason)] = true
	}
	return out
}

func deref[T any](p *T) any {
	if p == nil {
		return nil
	}
	return *p
}
