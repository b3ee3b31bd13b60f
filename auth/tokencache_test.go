package auth

import (
	"context"
	"errors"
	"testing"
	"time"

	"jiceng/database/dbtest"
	"jiceng/viewer"
)

// TestTokenViewersAreKeptAndRevocationIsImmediate checks that a token's
// viewer is reused by the requests after the first, and that a token
// revoked, by this server or by another process sharing the database (a
// second Accounts), is refused by the very next request.
func TestTokenViewersAreKeptAndRevocationIsImmediate(t *testing.T) {
	st := dbtest.Open(t)
	ctx := context.Background()
	server, other := NewAccounts(st.Client), NewAccounts(st.Client)
	for _, revoker := range []*Accounts{server, other} {
		token, made, err := server.CreateToken(ctx, NewToken{Name: "tool", Role: viewer.Reporter, ValidFor: time.Hour})
		if err != nil {
			t.Fatal(err)
		}
		first, err := server.ByToken(ctx, token, "10.0.0.1")
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := server.tokens.get(hashSecret(token), time.Now()); !ok {
			t.Fatal("the token's viewer is not kept")
		}
		again, err := server.ByToken(ctx, token, "10.0.0.2")
		if err != nil {
			t.Fatal(err)
		}
		if again.TokenID != made.ID || again.Role != first.Role || again.Name != first.Name || again.Address != "10.0.0.2" {
			t.Errorf("kept viewer %+v, want %+v from 10.0.0.2", *again, *first)
		}
		if err := revoker.RevokeToken(ctx, made.ID); err != nil {
			t.Fatal(err)
		}
		if v, err := server.ByToken(ctx, token, "10.0.0.1"); !errors.Is(err, ErrUnknown) {
			t.Errorf("after revocation got %+v, %v; want ErrUnknown", v, err)
		}
	}
}
