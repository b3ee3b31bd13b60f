package policy

import (
	"context"

	"jiceng/calendar"
	"jiceng/ent"
	"jiceng/viewer"
)

// Refusal says why a viewer may not change a record.
type Refusal string

// The reasons a viewer may not change a record.
const (
	// ReadOnlyRole: the viewer's role reads only (ANALYST, REPORTER) or nobody is signed in.
	ReadOnlyRole Refusal = "READ_ONLY_ROLE"
	// OutsideAreas: the record sits outside the editor's areas.
	OutsideAreas Refusal = "OUTSIDE_AREAS"
	// NotPlaced: the record sits in no area (the sub-district's own
	// organisations), so only an administrator may change it.
	NotPlaced Refusal = "NOT_PLACED"
)

// Permission is whether the viewer may change a record today, and if not
// why not; AreaID is where the record sits today (0 for nowhere).
type Permission struct {
	Allowed bool
	Refusal *Refusal // nil when allowed
	AreaID  int
}

// MayEdit tells the viewer in ctx whether they may change the record typ
// id (a Member, Unit, Organization or Area) and what hangs off it, judged
// as editors' writes are: by where the record sits today. It answers
// what the dashboard may offer; every write is still judged on its own.
func MayEdit(ctx context.Context, c *ent.Client, typ string, id int) (Permission, error) {
	v := viewer.FromContext(ctx)
	var p Placement
	if Place != nil {
		var err error
		if p, err = Place(System(ctx), c, typ, id, calendar.Today()); err != nil {
			return Permission{}, err
		}
	}
	refuse := func(r Refusal) (Permission, error) { return Permission{Refusal: &r, AreaID: p.AreaID}, nil }
	switch {
	case v == nil || (v.Role != viewer.Admin && v.Role != viewer.Editor):
		return refuse(ReadOnlyRole)
	case v.Role == viewer.Editor && p.AreaID == 0:
		return refuse(NotPlaced)
	case !v.MayWriteIn(p.AreaID) && v.Role != viewer.Admin:
		return refuse(OutsideAreas)
	}
	return Permission{Allowed: true, AreaID: p.AreaID}, nil
}
