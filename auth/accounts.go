package auth

import (
	"context"
	"fmt"
	"time"

	"jiceng/audit"
	"jiceng/ent"
	"jiceng/ent/apitoken"
	"jiceng/ent/area"
	"jiceng/ent/auditentry"
	"jiceng/ent/user"
	"jiceng/policy"
	"jiceng/register"
	"jiceng/viewer"
)

// Accounts makes and changes users and API tokens. Its methods act as the
// system; the commands that call them run on the server's machine, with
// access to its data.
type Accounts struct {
	client *ent.Client
	// tokens keeps the viewers of API tokens in use (tokencache.go).
	tokens tokenCache
	// live checks that kept tokens are still in force (tokencache.go).
	live liveTokens
}

// NewAccounts returns the accounts of a register.
func NewAccounts(client *ent.Client) *Accounts { return &Accounts{client: client} }

// NewUser is a user to make.
type NewUser struct {
	Username, DisplayName, Password string
	Role                            viewer.Role
	// AreaIDs are an editor's areas.
	AreaIDs []int
}

// CreateUser makes a user.
func (a *Accounts) CreateUser(ctx context.Context, n NewUser) (*ent.User, error) {
	ctx = policy.System(ctx)
	if err := checkRole(n.Role, n.AreaIDs); err != nil {
		return nil, err
	}
	hash, err := HashPassword(n.Password)
	if err != nil {
		return nil, err
	}
	var u *ent.User
	err = register.InTx(ctx, a.client, func(c *ent.Client) error {
		if taken, err := c.User.Query().Where(user.Username(n.Username)).Exist(ctx); err != nil {
			return err
		} else if taken {
			return fmt.Errorf("username: %q is taken", n.Username)
		}
		if err := checkAreas(ctx, c, n.AreaIDs); err != nil {
			return err
		}
		u, err = c.User.Create().SetUsername(n.Username).SetDisplayName(n.DisplayName).
			SetPasswordHash(hash).SetRole(n.Role).AddAreaIDs(n.AreaIDs...).Save(ctx)
		if err != nil {
			return err
		}
		return audit.Record(ctx, c, audit.Entry{Action: auditentry.ActionUSER_CREATED, EntityType: "User", EntityID: u.ID,
			After: map[string]any{"username": u.Username, "role": u.Role, "areas": n.AreaIDs}})
	})
	return u, err
}

func checkRole(role viewer.Role, areas []int) error {
	switch {
	case !role.Valid():
		return fmt.Errorf("role: %q is not one of %v", role, viewer.Roles)
	case role == viewer.Editor && len(areas) == 0:
		return fmt.Errorf("area: an editor needs at least one area to write in")
	case role != viewer.Editor && len(areas) > 0:
		return fmt.Errorf("area: only an editor is given areas")
	}
	return nil
}

func checkAreas(ctx context.Context, c *ent.Client, ids []int) error {
	for _, id := range ids {
		if ok, err := c.Area.Query().Where(area.ID(id)).Exist(ctx); err != nil {
			return err
		} else if !ok {
			return fmt.Errorf("area: no Area has ID %d", id)
		}
	}
	return nil
}

// EnsureAdmin makes the first administrator, "admin" with a random
// password, when the register has no user at all, and returns the password
// (empty when there were users already).
func (a *Accounts) EnsureAdmin(ctx context.Context) (string, error) {
	n, err := a.client.User.Query().Count(policy.System(ctx))
	if err != nil || n > 0 {
		return "", err
	}
	password := RandomPassword()
	_, err = a.CreateUser(ctx, NewUser{Username: "admin", DisplayName: "管理员", Password: password, Role: viewer.Admin})
	return password, err
}

// SetPassword changes a user's password and ends their sessions.
func (a *Accounts) SetPassword(ctx context.Context, username, password string) error {
	ctx = policy.System(ctx)
	hash, err := HashPassword(password)
	if err != nil {
		return err
	}
	return a.changeUser(ctx, username, "password changed", func(u *ent.UserUpdateOne) { u.SetPasswordHash(hash) })
}

// SetDisabled stops a user from signing in (and ends their sessions), or
// lets them again.
func (a *Accounts) SetDisabled(ctx context.Context, username string, disabled bool) error {
	detail := "enabled"
	if disabled {
		detail = "disabled"
	}
	return a.changeUser(policy.System(ctx), username, detail, func(u *ent.UserUpdateOne) { u.SetDisabled(disabled) })
}

func (a *Accounts) changeUser(ctx context.Context, username, detail string, change func(*ent.UserUpdateOne)) error {
	defer a.tokens.forget()
	return register.InTx(ctx, a.client, func(c *ent.Client) error {
		u, err := c.User.Query().Where(user.Username(username)).Only(ctx)
		if ent.IsNotFound(err) {
			return fmt.Errorf("username: no user %q", username)
		} else if err != nil {
			return err
		}
		upd := u.Update()
		change(upd)
		if _, err := upd.Save(ctx); err != nil {
			return err
		}
		if err := endSessions(ctx, c, u.ID); err != nil {
			return err
		}
		return audit.Record(ctx, c, audit.Entry{Action: auditentry.ActionUSER_CHANGED, EntityType: "User", EntityID: u.ID, Detail: detail})
	})
}

// Users lists the users.
func (a *Accounts) Users(ctx context.Context) ([]*ent.User, error) {
	return a.client.User.Query().WithAreas().Order(ent.Asc(user.FieldUsername)).All(policy.System(ctx))
}

// NewToken is an API token to make.
type NewToken struct {
	Name    string
	Role    viewer.Role
	AreaIDs []int
	// ValidFor is how long the token works; it must end.
	ValidFor time.Duration
}

// MaxTokenLifetime is the longest a token may be valid: a year, so that a
// forgotten token ends by itself.
const MaxTokenLifetime = 366 * 24 * time.Hour

// CreateToken makes an API token and returns it: the only time it is
// shown, for only its hash is kept.
func (a *Accounts) CreateToken(ctx context.Context, n NewToken) (string, *ent.APIToken, error) {
	ctx = policy.System(ctx)
	if err := checkRole(n.Role, n.AreaIDs); err != nil {
		return "", nil, err
	}
	if n.ValidFor <= 0 {
		return "", nil, fmt.Errorf("expires: a token must expire; give how long it is valid, such as 90d")
	}
	if n.ValidFor > MaxTokenLifetime {
		return "", nil, fmt.Errorf("expires: a token may be valid for at most %d days; make a new one when it ends", int(MaxTokenLifetime/(24*time.Hour)))
	}
	plain, hash := newSecret(TokenPrefix)
	var t *ent.APIToken
	err := register.InTx(ctx, a.client, func(c *ent.Client) error {
		if err := checkAreas(ctx, c, n.AreaIDs); err != nil {
			return err
		}
		var err error
		t, err = c.APIToken.Create().SetName(n.Name).SetPrefix(plain[:len(TokenPrefix)+8]).SetTokenHash(hash).
			SetRole(n.Role).SetExpiresAt(time.Now().Add(n.ValidFor)).AddAreaIDs(n.AreaIDs...).Save(ctx)
		if err != nil {
			return err
		}
		return audit.Record(ctx, c, audit.Entry{Action: auditentry.ActionTOKEN_CREATED, EntityType: "APIToken", EntityID: t.ID,
			After: map[string]any{"name": t.Name, "role": t.Role, "prefix": t.Prefix, "expiresAt": t.ExpiresAt}})
	})
	return plain, t, err
}

// RevokeToken stops a token working.
func (a *Accounts) RevokeToken(ctx context.Context, id int) error {
	ctx = policy.System(ctx)
	defer a.tokens.forget()
	return register.InTx(ctx, a.client, func(c *ent.Client) error {
		n, err := c.APIToken.Update().Where(apitoken.ID(id), apitoken.RevokedAtIsNil()).SetRevokedAt(time.Now()).Save(ctx)
		if err != nil {
			return err
		}
		if n == 0 {
			return fmt.Errorf("id: no token %d in use", id)
		}
		return audit.Record(ctx, c, audit.Entry{Action: auditentry.ActionTOKEN_REVOKED, EntityType: "APIToken", EntityID: id})
	})
}

// Tokens lists the API tokens.
func (a *Accounts) Tokens(ctx context.Context) ([]*ent.APIToken, error) {
	return a.client.APIToken.Query().Order(ent.Asc(apitoken.FieldID)).All(policy.System(ctx))
}
