// Package demo loads the Fuxin sub-district as the talk describes it.
package demo

import (
	"context"
	"errors"

	"jiceng/ent"
)

// LoadIfEmpty loads the demo into an empty register and reports whether it did.
func LoadIfEmpty(ctx context.Context, client *ent.Client) (bool, error) {
	return false, errors.New("demo: not written yet")
}
