package graph

import (
	"context"

	"jiceng/policy"
)

// mayEdit answers viewerMayEdit for a record of type typ.
func (r *Resolver) mayEdit(ctx context.Context, typ string, id int) (*policy.Permission, error) {
	p, err := policy.MayEdit(ctx, r.client, typ, id)
	if err != nil {
		return nil, err
	}
	return &p, nil
}
