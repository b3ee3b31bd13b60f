// Package viewer says who is asking: the user or API token a request is
// made by, their role and, for an editor, the areas they may write in. The
// data layer's privacy rules and the audit log read it from the context.
package viewer

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strconv"
)

// Role is what a viewer may do.
type Role string

// The roles, from the most to the least allowed.
const (
	// Admin is the sub-district's organisation office: everything.
	Admin Role = "ADMIN"
	// Editor is staff of given areas: writes records in those areas and
	// below, reads the rest.
	Editor Role = "EDITOR"
	// Analyst reads everything, personal data masked.
	Analyst Role = "ANALYST"
	// Reporter is a reporting tool's API token: reads, personal data masked.
	Reporter Role = "REPORTER"
)

// Roles lists the roles.
var Roles = []Role{Admin, Editor, Analyst, Reporter}

// Values lists the roles for ent's enum columns.
func (Role) Values() []string {
	out := make([]string, len(Roles))
	for i, r := range Roles {
		out[i] = string(r)
	}
	return out
}

// Valid reports whether r is one of the roles.
func (r Role) Valid() bool { return slices.Contains(Roles, r) }

// MarshalGQL writes the role as a GraphQL enum value.
func (r Role) MarshalGQL(w io.Writer) { _, _ = io.WriteString(w, strconv.Quote(string(r))) }

// UnmarshalGQL reads a role.
func (r *Role) UnmarshalGQL(v any) error {
	s, _ := v.(string)
	if !Role(s).Valid() {
		return fmt.Errorf("%q is not a role", v)
	}
	*r = Role(s)
	return nil
}

// Viewer is who a request is made by.
type Viewer struct {
	// UserID is the signed-in user, or the user an API token belongs to (0
	// for a token made by a command).
	UserID int
	// TokenID is the API token used, if one was.
	TokenID int
	// Name is the username or the token's name, for the audit log.
	Name string
	Role Role
	// Areas are the areas an editor may write in, with every area below
	// them; empty for the other roles.
	Areas []int
	// Address is where the request came from, for the audit log.
	Address string
}

// Actor writes the viewer for the audit log: "user admin", "token 报表工具".
func (v *Viewer) Actor() string {
	if v.TokenID != 0 {
		return "token " + v.Name
	}
	return "user " + v.Name
}

// SeesPersonalData reports whether the viewer reads phone numbers, ID
// numbers and addresses unmasked: only administrators do.
func (v *Viewer) SeesPersonalData() bool { return v != nil && v.Role == Admin }

// CanWrite reports whether the viewer may change records at all.
func (v *Viewer) CanWrite() bool { return v != nil && (v.Role == Admin || v.Role == Editor) }

// MayWriteIn reports whether the viewer may write a record located in area.
func (v *Viewer) MayWriteIn(area int) bool {
	switch {
	case v == nil:
		return false
	case v.Role == Admin:
		return true
	case v.Role == Editor:
		return slices.Contains(v.Areas, area)
	}
	return false
}

type key struct{}

// NewContext returns a context carrying the viewer.
func NewContext(ctx context.Context, v *Viewer) context.Context {
	return context.WithValue(ctx, key{}, v)
}

// FromContext returns the viewer of the context, or nil for none (an
// anonymous request, or the system itself).
func FromContext(ctx context.Context) *Viewer {
	v, _ := ctx.Value(key{}).(*Viewer)
	return v
}
