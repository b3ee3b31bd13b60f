package auth

import (
	"context"
	"errors"
	"fmt"
	"time"

	"jiceng/audit"
	"jiceng/ent"
	"jiceng/ent/apitoken"
	"jiceng/ent/auditentry"
	"jiceng/ent/session"
	"jiceng/ent/user"
	"jiceng/policy"
	"jiceng/register"
	"jiceng/viewer"
)

// SessionLength is how long a sign-in lasts.
const SessionLength = 12 * time.Hour

// ErrBadCredentials is all a failed sign-in says, whatever failed.
var ErrBadCredentials = errors.New("wrong username or password, or the user is disabled")

// ErrUnknown reports a session cookie or token that is not (or no longer) valid.
var ErrUnknown = errors.New("the session or token is not valid: it is unknown, expired or revoked")

// Signed is a new session: the cookie to set and the token the browser must
// send back with each request, against cross-site forgery.
type Signed struct {
	Cookie  string
	CSRF    string
	Expires time.Time
	Viewer  *viewer.Viewer
}

// SignIn checks a user's password and opens a session.
func (a *Accounts) SignIn(ctx context.Context, username, password, address string) (*Signed, error) {
	ctx = policy.System(ctx)
	u, err := a.client.User.Query().Where(user.Username(username)).WithAreas().Only(ctx)
	if err != nil && !ent.IsNotFound(err) {
		return nil, err
	}
	hash := dummyHash
	if u != nil {
		hash = u.PasswordHash
	}
	// The hash is checked even for an unknown user, so the time taken does
	// not tell which usernames exist.
	if ok := VerifyPassword(hash, password); !ok || u == nil || u.Disabled {
		who := viewer.NewContext(ctx, &viewer.Viewer{Name: username, Address: address})
		if err := audit.Record(who, a.client, audit.Entry{Action: auditentry.ActionSIGN_IN_FAILED, EntityType: "User", Detail: username}); err != nil {
			return nil, err
		}
		return nil, ErrBadCredentials
	}
	cookie, hashed := newSecret("")
	csrf, _ := newSecret("")
	s := &Signed{Cookie: cookie, CSRF: csrf, Expires: time.Now().Add(SessionLength)}
	err = register.InTx(ctx, a.client, func(c *ent.Client) error {
		if _, err := c.Session.Create().SetTokenHash(hashed).SetCsrfToken(csrf).SetUserID(u.ID).
			SetExpiresAt(s.Expires).SetAddress(address).Save(ctx); err != nil {
			return err
		}
		if _, err := c.User.UpdateOneID(u.ID).SetLastLoginAt(time.Now()).Save(ctx); err != nil {
			return err
		}
		if s.Viewer, err = viewerOf(ctx, c, u.ID, 0, u.Username, u.Role, areaIDs(u.Edges.Areas), address); err != nil {
			return err
		}
		return audit.Record(viewer.NewContext(ctx, s.Viewer), c, audit.Entry{Action: auditentry.ActionSIGN_IN, EntityType: "User", EntityID: u.ID})
	})
	return s, err
}

// SignOut ends a session.
func (a *Accounts) SignOut(ctx context.Context, cookie string) error {
	ctx = policy.System(ctx)
	return register.InTx(ctx, a.client, func(c *ent.Client) error {
		s, err := c.Session.Query().Where(session.TokenHash(hashSecret(cookie)), session.RevokedAtIsNil()).Only(ctx)
		if ent.IsNotFound(err) {
			return nil
		} else if err != nil {
			return err
		}
		if _, err := s.Update().SetRevokedAt(time.Now()).Save(ctx); err != nil {
			return err
		}
		return audit.Record(ctx, c, audit.Entry{Action: auditentry.ActionSIGN_OUT, EntityType: "User", EntityID: s.UserID})
	})
}

func endSessions(ctx context.Context, c *ent.Client, userID int) error {
	_, err := c.Session.Update().Where(session.UserID(userID), session.RevokedAtIsNil()).SetRevokedAt(time.Now()).Save(ctx)
	return err
}

// BySession returns the viewer of a session cookie and the session's
// cross-site token.
func (a *Accounts) BySession(ctx context.Context, cookie, address string) (*viewer.Viewer, string, error) {
	ctx = policy.System(ctx)
	s, err := a.client.Session.Query().
		Where(session.TokenHash(hashSecret(cookie)), session.RevokedAtIsNil(), session.ExpiresAtGT(time.Now())).
		WithUser(func(q *ent.UserQuery) { q.WithAreas() }).
		Only(ctx)
	if ent.IsNotFound(err) {
		return nil, "", ErrUnknown
	} else if err != nil {
		return nil, "", err
	}
	u := s.Edges.User
	if u.Disabled {
		return nil, "", ErrUnknown
	}
	v, err := viewerOf(ctx, a.client, u.ID, 0, u.Username, u.Role, areaIDs(u.Edges.Areas), address)
	return v, s.CsrfToken, err
}

// ByToken returns the viewer of an API token.
func (a *Accounts) ByToken(ctx context.Context, token, address string) (*viewer.Viewer, error) {
	ctx = policy.System(ctx)
	hash := hashSecret(token)
	if v, ok, err := a.cachedViewer(ctx, hash, address); ok || err != nil {
		return v, err
	}
	t, err := a.client.APIToken.Query().
		Where(apitoken.TokenHash(hash), apitoken.RevokedAtIsNil(), apitoken.ExpiresAtGT(time.Now())).
		WithAreas().
		Only(ctx)
	if ent.IsNotFound(err) {
		return nil, ErrUnknown
	} else if err != nil {
		return nil, err
	}
	// When a token was last used is worth knowing to the minute, not more:
	// most requests need no write.
	lastUsed := time.Time{}
	if t.LastUsedAt != nil {
		lastUsed = *t.LastUsedAt
	}
	if time.Since(lastUsed) > time.Minute {
		a.touch(ctx, t.ID)
		lastUsed = time.Now()
	}
	uid := 0
	if t.UserID != nil {
		uid = *t.UserID
	}
	built := time.Now()
	v, err := viewerOf(ctx, a.client, uid, t.ID, t.Name, t.Role, areaIDs(t.Edges.Areas), address)
	if err == nil && t.ExpiresAt != nil {
		a.tokens.put(hash, cachedToken{viewer: *v, expires: *t.ExpiresAt, built: built, lastUsed: lastUsed})
	}
	return v, err
}

// touch records that a token was used now.
func (a *Accounts) touch(ctx context.Context, id int) {
	_ = register.InTx(ctx, a.client, func(c *ent.Client) error {
		return c.APIToken.UpdateOneID(id).SetLastUsedAt(time.Now()).Exec(ctx)
	})
}

// viewerOf builds a viewer, widening an editor's areas to every area below them.
func viewerOf(ctx context.Context, c *ent.Client, userID, tokenID int, name string, role viewer.Role, areas []int, address string) (*viewer.Viewer, error) {
	v := &viewer.Viewer{UserID: userID, TokenID: tokenID, Name: name, Role: role, Address: address}
	if role != viewer.Editor {
		return v, nil
	}
	all, err := c.Area.Query().Select("id", "parent_id").All(ctx)
	if err != nil {
		return nil, fmt.Errorf("loading areas: %w", err)
	}
	children := map[int][]int{}
	for _, ar := range all {
		if ar.ParentID != nil {
			children[*ar.ParentID] = append(children[*ar.ParentID], ar.ID)
		}
	}
	v.Areas = append(v.Areas, areas...)
	for i := 0; i < len(v.Areas); i++ {
		v.Areas = append(v.Areas, children[v.Areas[i]]...)
	}
	return v, nil
}

func areaIDs(areas []*ent.Area) []int {
	out := make([]int, len(areas))
	for i, a := range areas {
		out[i] = a.ID
	}
	return out
}
