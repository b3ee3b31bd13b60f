package auth

import (
	"context"
	"sync"
	"time"

	"jiceng/ent/apitoken"
	"jiceng/policy"
	"jiceng/viewer"
)

// A reporting tool polls with one API token, many requests a second. Each
// request used to find the token by its hash, load its areas and, for an
// editor's token, widen them to every area below: three statements before
// the request's own. The viewer a token gives is kept here for a short
// while, and each request only checks, by the token's ID, that it is
// neither revoked nor expired: a revocation, by this server or by the
// command line in another process, is honoured by the very next request.

// tokenViewerTTL is how long a token's viewer is reused before it is built
// afresh (an editor token's areas widen to areas added below them).
const tokenViewerTTL = time.Minute

// tokenCacheSize bounds the tokens kept; beyond it, the cache starts over.
const tokenCacheSize = 1024

type cachedToken struct {
	viewer   viewer.Viewer
	expires  time.Time // the token's own expiry
	built    time.Time
	lastUsed time.Time // as recorded in the token's row
}

// tokenCache keeps the viewers of tokens by their hash.
type tokenCache struct {
	mu      sync.Mutex
	entries map[string]*cachedToken
}

func (c *tokenCache) get(hash string, now time.Time) (cachedToken, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[hash]
	if !ok || now.Sub(e.built) > tokenViewerTTL || !now.Before(e.expires) {
		return cachedToken{}, false
	}
	return *e, true
}

func (c *tokenCache) put(hash string, e cachedToken) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.entries == nil || len(c.entries) >= tokenCacheSize {
		c.entries = map[string]*cachedToken{}
	}
	c.entries[hash] = &e
}

// used records when a cached token's use was last written down.
func (c *tokenCache) used(hash string, at time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.entries[hash]; ok {
		e.lastUsed = at
	}
}

// forget drops every token's viewer: accounts changed.
func (c *tokenCache) forget() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.entries = nil
}

// cachedViewer returns the kept viewer of a token still in force, checked
// with one statement by its primary key, or false.
func (a *Accounts) cachedViewer(ctx context.Context, hash, address string) (*viewer.Viewer, bool, error) {
	now := time.Now()
	e, ok := a.tokens.get(hash, now)
	if !ok {
		return nil, false, nil
	}
	live, err := a.client.APIToken.Query().
		Where(apitoken.ID(e.viewer.TokenID), apitoken.RevokedAtIsNil(), apitoken.ExpiresAtGT(now)).
		Exist(policy.System(ctx))
	if err != nil {
		return nil, false, err
	}
	if !live {
		a.tokens.forget()
		return nil, false, ErrUnknown
	}
	if now.Sub(e.lastUsed) > time.Minute {
		a.touch(ctx, e.viewer.TokenID)
		a.tokens.used(hash, now)
	}
	v := e.viewer
	v.Address = address
	return &v, true, nil
}
