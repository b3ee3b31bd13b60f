package graph_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"jiceng/auth"
	"jiceng/check"
	"jiceng/ent"
	"jiceng/ent/area"
	"jiceng/ent/auditentry"
	"jiceng/ent/member"
	"jiceng/graph/graphtest"
	"jiceng/policy"
	"jiceng/register"
	"jiceng/viewer"
)

// elsewhere adds a second community with a grid, a unit and a member who
// lives there, and gives the world's member personal data.
func (w *world) elsewhere(t *testing.T) (community, grid *ent.Area, u *ent.Unit, m *ent.Member) {
	t.Helper()
	ctx := policy.System(context.Background())
	err := register.InTx(ctx, w.store.Client, func(c *ent.Client) error {
		community = c.Area.Create().SetName("二号社区").SetKind(area.KindCOMMUNITY).SetParentID(w.sub.ID).SaveX(ctx)
		grid = c.Area.Create().SetName("二号社区一网格").SetKind(area.KindGRID).SetParentID(community.ID).SaveX(ctx)
		u = c.Unit.Create().SetName("外区商店").SetKind("COMMERCIAL_OUTLET").SetGridID(grid.ID).SaveX(ctx)
		m = c.Member.Create().SetName("外区党员").SetGender(member.GenderFEMALE).SetStatus(member.StatusFULL).
			SetCategory(member.CategoryRETIRED).SetJoinedPartyOn(date("1990-01-01")).SetResidenceGridID(grid.ID).SaveX(ctx)
		c.Member.UpdateOneID(w.member.ID).SetPhone("13812345678").SetIDNumber(validID()).SetAddress("阜康市博峰街道某小区3号楼").SaveX(ctx)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return community, grid, u, m
}

func validID() string {
	first := "65230219800101123"
	c, _ := check.IDNumberCheck(first)
	return first + string(c)
}

// TestRolesOperationsAndAreas walks the matrix of role × operation × area:
// each refusal is a clear error and writes nothing.
func TestRolesOperationsAndAreas(t *testing.T) {
	w := newWorld(t)
	_, gridB, unitB, memberB := w.elsewhere(t)
	clients := map[viewer.Role]*graphtest.Client{
		viewer.Admin: w.api, viewer.Editor: w.api.As(viewer.Editor, w.community.ID),
		viewer.Analyst: w.api.As(viewer.Analyst), viewer.Reporter: w.api.As(viewer.Reporter),
	}
	anonymous := w.api.Anonymous()
	unitIn := func(grid int) string {
		return fmt.Sprintf(`mutation { createUnit(input: {name: "新单位", kind: MARKET, gridID: %d}) { id } }`, grid)
	}
	type outcome string
	const ok, forbidden outcome = "", "FORBIDDEN"
	cases := []struct {
		name  string
		query string
		want  map[viewer.Role]outcome
	}{
		{"read the register", `{ areas { totalCount } }`,
			map[viewer.Role]outcome{viewer.Admin: ok, viewer.Editor: ok, viewer.Analyst: ok, viewer.Reporter: ok}},
		{"write in the editor's community", unitIn(w.grid.ID),
			map[viewer.Role]outcome{viewer.Admin: ok, viewer.Editor: ok, viewer.Analyst: forbidden, viewer.Reporter: forbidden}},
		{"write in another community", unitIn(gridB.ID),
			map[viewer.Role]outcome{viewer.Admin: ok, viewer.Editor: forbidden, viewer.Analyst: forbidden, viewer.Reporter: forbidden}},
		{"change a member of another community", fmt.Sprintf(`mutation { updateMember(id: %d, input: {ethnicity: "回族"}) { id } }`, memberB.ID),
			map[viewer.Role]outcome{viewer.Admin: ok, viewer.Editor: forbidden, viewer.Analyst: forbidden, viewer.Reporter: forbidden}},
		{"move a unit into another community", fmt.Sprintf(`mutation { updateUnit(id: %d, input: {gridID: %d}) { id } }`, w.unit.ID, gridB.ID),
			map[viewer.Role]outcome{viewer.Editor: forbidden, viewer.Analyst: forbidden}},
		{"take a unit from another community", fmt.Sprintf(`mutation { updateUnit(id: %d, input: {gridID: %d}) { id } }`, unitB.ID, w.grid.ID),
			map[viewer.Role]outcome{viewer.Editor: forbidden}},
		{"change a rule setting", `mutation { createRuleSetting(input: {key: "BRANCH_MAX_MEMBERS", organizationKind: BRANCH, value: 40}) { id } }`,
			map[viewer.Role]outcome{viewer.Editor: forbidden, viewer.Analyst: forbidden, viewer.Admin: ok}},
		{"read the audit log", `{ auditEntries { totalCount } }`,
			map[viewer.Role]outcome{viewer.Admin: ok, viewer.Editor: forbidden, viewer.Analyst: forbidden, viewer.Reporter: forbidden}},
	}
	for _, tc := range cases {
		for _, role := range viewer.Roles {
			want, asked := tc.want[role]
			if !asked {
				continue
			}
			t.Run(tc.name+" as "+string(role), func(t *testing.T) {
				if want == ok {
					clients[role].Do(nil, tc.query)
					return
				}
				e := w.refusedTo(t, clients[role], string(want), "", tc.query)
				if e.Message == "" {
					t.Error("a refusal without a message")
				}
			})
		}
		t.Run(tc.name+" anonymously", func(t *testing.T) {
			before := w.counts(t)
			e := anonymous.Fail(tc.query)
			if e.Code() != "UNAUTHENTICATED" {
				t.Errorf("got %s (%s), want UNAUTHENTICATED", e.Code(), e.Message)
			}
			if after := w.counts(t); fmt.Sprint(after) != fmt.Sprint(before) {
				t.Errorf("an anonymous request changed the register: %v → %v", before, after)
			}
		})
	}
}

// TestPersonalData: an administrator reads phone, ID number and address,
// and each read is in the audit log; every other role reads them masked,
// however it reaches the member.
func TestPersonalData(t *testing.T) {
	w := newWorld(t)
	w.elsewhere(t)
	ways := map[string]string{
		"a list":         `{ members(where: {name: "王某001"}) { nodes { phone idNumber address } } }`,
		"a nested edge":  fmt.Sprintf(`{ organizations(where: {id: %d}) { nodes { memberships { member { phone idNumber address } } } } }`, w.gridBranch.ID),
		"node":           fmt.Sprintf(`{ node(id: %d) { ... on Member { phone idNumber address } } }`, w.member.ID),
		"a coverage gap": `{ coverageGaps(rules: [ORG_MEMBER_LAPSE_RISK]) { nodes { subject { ... on Member { phone idNumber address } } } } }`,
	}
	read := func(api *graphtest.Client, query string) string {
		t.Helper()
		var out map[string]any
		api.Do(&out, query)
		b, _ := json.Marshal(out)
		return string(b)
	}
	for way, query := range ways {
		for _, role := range []viewer.Role{viewer.Editor, viewer.Analyst, viewer.Reporter} {
			t.Run(string(role)+" through "+way, func(t *testing.T) {
				var api *graphtest.Client
				if role == viewer.Editor {
					api = w.api.As(role, w.community.ID)
				} else {
					api = w.api.As(role)
				}
				got := read(api, query)
				if strings.Contains(got, "13812345678") || strings.Contains(got, validID()) || strings.Contains(got, "3号楼") {
					t.Errorf("unmasked personal data: %s", got)
				}
				if !strings.Contains(got, "138****5678") {
					t.Errorf("no masked phone in %s", got)
				}
			})
		}
		t.Run("ADMIN through "+way, func(t *testing.T) {
			ctx := policy.System(context.Background())
			before := w.store.AuditEntry.Query().Where(auditentry.ActionEQ(auditentry.ActionREAD_PERSONAL), auditentry.EntityID(w.member.ID)).CountX(ctx)
			if got := read(w.api, query); !strings.Contains(got, "13812345678") || !strings.Contains(got, validID()) {
				t.Errorf("the administrator reads masked data: %s", got)
			}
			after := w.store.AuditEntry.Query().Where(auditentry.ActionEQ(auditentry.ActionREAD_PERSONAL), auditentry.EntityID(w.member.ID)).CountX(ctx)
			if after <= before {
				t.Errorf("the read is not in the audit log: %d entries before, %d after", before, after)
			}
		})
	}
	t.Run("an administrator's read without personal data is not in the audit log", func(t *testing.T) {
		ctx := policy.System(context.Background())
		count := func() int {
			return w.store.AuditEntry.Query().Where(auditentry.ActionEQ(auditentry.ActionREAD_PERSONAL)).CountX(ctx)
		}
		before := count()
		read(w.api, `{ members { nodes { name status } } coverageGaps { nodes { subject { ... on Member { name } } } } }`)
		if after := count(); after != before {
			t.Errorf("got %d more personal reads in the audit log, want none", after-before)
		}
	})
	t.Run("an administrator's change that returns personal data is in the audit log", func(t *testing.T) {
		ctx := policy.System(context.Background())
		count := func() int {
			return w.store.AuditEntry.Query().Where(auditentry.ActionEQ(auditentry.ActionREAD_PERSONAL), auditentry.EntityID(w.member.ID)).CountX(ctx)
		}
		before := count()
		var out struct{ UpdateMember struct{ Phone string } }
		w.api.Do(&out, fmt.Sprintf(`mutation { updateMember(id: %d, input: {ethnicity: "汉族"}) { phone idNumber } }`, w.member.ID))
		if out.UpdateMember.Phone != "13812345678" {
			t.Errorf("got %q, want the unmasked 13812345678", out.UpdateMember.Phone)
		}
		if after := count(); after != before+1 {
			t.Errorf("got %d more personal reads of the member in the audit log, want 1 (one per member and response)", after-before)
		}
	})
	t.Run("an editor's change returns the member masked", func(t *testing.T) {
		var out struct{ UpdateMember struct{ Phone string } }
		w.api.As(viewer.Editor, w.community.ID).Do(&out, fmt.Sprintf(`mutation { updateMember(id: %d, input: {ethnicity: "汉族"}) { phone } }`, w.member.ID))
		if out.UpdateMember.Phone != "138****5678" {
			t.Errorf("got %q, want 138****5678", out.UpdateMember.Phone)
		}
	})
	t.Run("personal data cannot be filtered on", func(t *testing.T) {
		e := w.api.As(viewer.Analyst).Fail(`{ members(where: {phoneHasPrefix: "138"}) { totalCount } }`)
		if e.Code() != "GRAPHQL_VALIDATION_FAILED" {
			t.Errorf("got %s (%s), want GRAPHQL_VALIDATION_FAILED", e.Code(), e.Message)
		}
	})
}

// TestAuditLog: every change says who made it, with the fields before and
// after, and nobody can change an entry.
func TestAuditLog(t *testing.T) {
	w := newWorld(t)
	editor := w.api.As(viewer.Editor, w.community.ID)
	editor.Do(nil, fmt.Sprintf(`mutation { updateUnit(id: %d, input: {employees: 77}) { id } }`, w.unit.ID))
	var out struct {
		AuditEntries struct {
			Nodes []struct {
				Actor, Action, EntityType string
				EntityID                  string
				Before, After             map[string]any
			}
		}
	}
	w.api.Do(&out, `{ auditEntries(where: {action: UPDATE, entityType: "Unit"}) { nodes { actor action entityType entityID before after } } }`)
	if len(out.AuditEntries.Nodes) != 1 {
		t.Fatalf("got %d entries, want the editor's change", len(out.AuditEntries.Nodes))
	}
	e := out.AuditEntries.Nodes[0]
	if e.Actor != "token test EDITOR" || e.EntityID != id(w.unit.ID) || e.Before["employees"] != float64(40) || e.After["employees"] != float64(77) {
		t.Errorf("got %+v, want the editor changing employees from 40 to 77", e)
	}
	ctx := policy.System(context.Background())
	entry := w.store.AuditEntry.Query().FirstX(ctx)
	if err := w.store.AuditEntry.UpdateOne(entry).Exec(ctx); err == nil {
		t.Error("an audit entry was changed")
	}
	if err := w.store.AuditEntry.DeleteOne(entry).Exec(ctx); err == nil {
		t.Error("an audit entry was deleted")
	}
}

func TestTokens(t *testing.T) {
	w := newWorld(t)
	accounts := auth.NewAccounts(w.store.Client)
	ctx := context.Background()
	t.Run("a revoked token is refused", func(t *testing.T) {
		token, made, err := accounts.CreateToken(ctx, auth.NewToken{Name: "old tool", Role: viewer.Reporter, ValidFor: time.Hour})
		if err != nil {
			t.Fatal(err)
		}
		api := w.api.Anonymous()
		api.Token = token
		api.Do(nil, `{ areas { totalCount } }`)
		if err := accounts.RevokeToken(ctx, made.ID); err != nil {
			t.Fatal(err)
		}
		if e := api.Fail(`{ areas { totalCount } }`); e.Code() != "UNAUTHENTICATED" {
			t.Errorf("got %s (%s), want UNAUTHENTICATED", e.Code(), e.Message)
		}
	})
	t.Run("an expired token is refused", func(t *testing.T) {
		token, _, err := accounts.CreateToken(ctx, auth.NewToken{Name: "brief", Role: viewer.Reporter, ValidFor: time.Millisecond})
		if err != nil {
			t.Fatal(err)
		}
		time.Sleep(10 * time.Millisecond)
		api := w.api.Anonymous()
		api.Token = token
		if e := api.Fail(`{ areas { totalCount } }`); e.Code() != "UNAUTHENTICATED" {
			t.Errorf("got %s (%s), want UNAUTHENTICATED", e.Code(), e.Message)
		}
	})
	t.Run("a made-up token is refused", func(t *testing.T) {
		api := w.api.Anonymous()
		api.Token = auth.TokenPrefix + "made-up"
		if e := api.Fail(`{ areas { totalCount } }`); e.Code() != "UNAUTHENTICATED" {
			t.Errorf("got %s (%s), want UNAUTHENTICATED", e.Code(), e.Message)
		}
	})
	t.Run("only the hash is kept", func(t *testing.T) {
		token, made, _ := accounts.CreateToken(ctx, auth.NewToken{Name: "kept", Role: viewer.Reporter, ValidFor: time.Hour})
		if strings.Contains(made.TokenHash, token) || len(made.TokenHash) != 64 {
			t.Errorf("the token is kept as %q", made.TokenHash)
		}
	})
}

// TestSessions: a browser signs in with a password and gets an HttpOnly,
// SameSite cookie; requests with the cookie must carry the session's
// token, which a form of another site cannot send.
func TestSessions(t *testing.T) {
	w := newWorld(t)
	accounts := auth.NewAccounts(w.store.Client)
	if _, err := accounts.CreateUser(context.Background(), auth.NewUser{Username: "clerk", Password: "a long password", Role: viewer.Analyst}); err != nil {
		t.Fatal(err)
	}
	signIn := func(password string) *http.Response {
		res, err := http.Post(w.api.Base+"/auth/signin", "application/json", strings.NewReader(`{"username":"clerk","password":"`+password+`"}`))
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	t.Run("a wrong password is refused and logged", func(t *testing.T) {
		res := signIn("not the password")
		res.Body.Close()
		if res.StatusCode != http.StatusUnauthorized {
			t.Errorf("got %d, want 401", res.StatusCode)
		}
		n := w.store.AuditEntry.Query().Where(auditentry.ActionEQ(auditentry.ActionSIGN_IN_FAILED)).CountX(policy.System(context.Background()))
		if n != 1 {
			t.Errorf("got %d failed sign-ins in the audit log, want 1", n)
		}
	})
	res := signIn("a long password")
	var body struct{ CSRFToken string }
	_ = json.NewDecoder(res.Body).Decode(&body)
	res.Body.Close()
	var cookie *http.Cookie
	for _, c := range res.Cookies() {
		if c.Name == auth.CookieName {
			cookie = c
		}
	}
	if res.StatusCode != http.StatusOK || cookie == nil || !cookie.HttpOnly || cookie.SameSite != http.SameSiteStrictMode || body.CSRFToken == "" {
		t.Fatalf("sign-in: got %d, cookie %+v, csrf %q; want 200, an HttpOnly SameSite=Strict cookie and a token", res.StatusCode, cookie, body.CSRFToken)
	}
	post := func(contentType, payload, csrf string) int {
		req, _ := http.NewRequest(http.MethodPost, w.api.URL, strings.NewReader(payload))
		req.Header.Set("Content-Type", contentType)
		req.AddCookie(cookie)
		if csrf != "" {
			req.Header.Set(auth.CSRFHeader, csrf)
		}
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, res.Body)
		res.Body.Close()
		return res.StatusCode
	}
	query := `{"query":"{ areas { totalCount } }"}`
	if got := post("application/json", query, body.CSRFToken); got != http.StatusOK {
		t.Errorf("with the cookie and the token: got %d, want 200", got)
	}
	if got := post("application/json", query, ""); got != http.StatusForbidden {
		t.Errorf("with the cookie alone: got %d, want 403", got)
	}
	form := url.Values{"query": {`mutation { createArea(input: {name: "伪造", kind: SUBDISTRICT}) { id } }`}}.Encode()
	before := w.counts(t)
	if got := post("application/x-www-form-urlencoded", form, ""); got != http.StatusForbidden {
		t.Errorf("a cross-site form post: got %d, want 403", got)
	}
	if after := w.counts(t); fmt.Sprint(after) != fmt.Sprint(before) {
		t.Errorf("a cross-site form post changed the register")
	}
	req, _ := http.NewRequest(http.MethodPost, w.api.Base+"/auth/signout", nil)
	req.AddCookie(cookie)
	req.Header.Set(auth.CSRFHeader, body.CSRFToken)
	if res, err := http.DefaultClient.Do(req); err != nil || res.StatusCode != http.StatusNoContent {
		t.Fatalf("sign-out: %v %v", res, err)
	}
	if got := post("application/json", query, body.CSRFToken); got != http.StatusUnauthorized {
		t.Errorf("after signing out: got %d, want 401", got)
	}
}

func TestWhoAmI(t *testing.T) {
	w := newWorld(t)
	res, err := http.Get(w.api.Base + "/auth/me")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var body map[string]any
	_ = json.NewDecoder(res.Body).Decode(&body)
	if res.StatusCode != http.StatusOK || body["user"] != nil {
		t.Errorf("nobody signed in: got %d %v, want 200 and a null user", res.StatusCode, body)
	}
}

func TestViewer(t *testing.T) {
	w := newWorld(t)
	var out struct {
		Viewer struct {
			Name, Role string
			Token      bool
			AreaIDs    []string
		}
	}
	w.api.As(viewer.Editor, w.community.ID).Do(&out, `{ viewer { name role token areaIDs } }`)
	if out.Viewer.Role != "EDITOR" || !out.Viewer.Token || len(out.Viewer.AreaIDs) != 2 {
		t.Errorf("got %+v, want an editor's token with the community and its grid", out.Viewer)
	}
}
