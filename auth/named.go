package auth

import (
	"context"
	"fmt"

	"jiceng/ent"
	"jiceng/ent/user"
	"jiceng/policy"
	"jiceng/viewer"
)

// ViewerNamed returns the viewer of an enabled user, as a command acting
// for that user (an import) writes: the user's role and areas, and the
// name the audit log gives.
func (a *Accounts) ViewerNamed(ctx context.Context, username, address string) (*viewer.Viewer, error) {
	ctx = policy.System(ctx)
	u, err := a.client.User.Query().Where(user.Username(username)).WithAreas().Only(ctx)
	if ent.IsNotFound(err) {
		return nil, fmt.Errorf("no user is called %q (jiceng user list shows them)", username)
	} else if err != nil {
		return nil, err
	}
	if u.Disabled {
		return nil, fmt.Errorf("user %s is disabled", username)
	}
	return viewerOf(ctx, a.client, u.ID, 0, u.Username, u.Role, areaIDs(u.Edges.Areas), address)
}
