package auth

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
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

// Requests at once share their tokens' checks (liveTokens); each check still
// begins after its request arrived, so every request that starts after a
// revocation returns is refused, and the other tokens' requests go on.
func TestSharedTokenChecksHonourRevocationAtOnce(t *testing.T) {
	st := dbtest.Open(t)
	ctx := context.Background()
	server, other := NewAccounts(st.Client), NewAccounts(st.Client)
	newToken := func(name string) (string, int) {
		token, made, err := server.CreateToken(ctx, NewToken{Name: name, Role: viewer.Reporter, ValidFor: time.Hour})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := server.ByToken(ctx, token, "10.0.0.1"); err != nil {
			t.Fatal(err)
		}
		return token, made.ID
	}
	kept, _ := newToken("kept")
	revoked, revokedID := newToken("revoked")
	var (
		wg      sync.WaitGroup
		mu      sync.Mutex
		revoke  = make(chan struct{})
		done    atomic.Bool
		after   int // checks begun after the revocation returned
		refused int
	)
	for g := 0; g < 16; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; !done.Load() || i < 20; i++ {
				token := kept
				if (g+i)%2 == 0 {
					token = revoked
				}
				began := false
				select {
				case <-revoke:
					began = true
				default:
				}
				_, err := server.ByToken(ctx, token, "10.0.0.2")
				switch {
				case token == kept && err != nil:
					t.Errorf("the kept token was refused: %v", err)
					return
				case token == revoked && began:
					mu.Lock()
					after++
					if errors.Is(err, ErrUnknown) {
						refused++
					}
					mu.Unlock()
				case err != nil && !errors.Is(err, ErrUnknown):
					t.Errorf("checking: %v", err)
					return
				}
			}
		}(g)
	}
	time.Sleep(50 * time.Millisecond)
	if err := other.RevokeToken(ctx, revokedID); err != nil {
		t.Fatal(err)
	}
	close(revoke)
	time.Sleep(50 * time.Millisecond)
	done.Store(true)
	wg.Wait()
	if after == 0 || refused != after {
		t.Errorf("%d of %d requests begun after the revocation were refused, want all (and some)", refused, after)
	}
}
