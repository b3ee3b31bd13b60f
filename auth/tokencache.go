package auth

import (
	"context"
	"sync"
	"time"

	"jiceng/ent"
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
// by its primary key in a statement begun after the request arrived
// (liveTokens), or false.
func (a *Accounts) cachedViewer(ctx context.Context, hash, address string) (*viewer.Viewer, bool, error) {
	now := time.Now()
	e, ok := a.tokens.get(hash, now)
	if !ok {
		return nil, false, nil
	}
	live, err := a.live.check(ctx, a.client, e.viewer.TokenID)
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

// Many requests at once each checked their token with a statement of their
// own: at 1,500 requests a second a sixth of the server's CPU, and as much
// of the database's. liveTokens checks the tokens of every request waiting
// in one statement. A request joins the next round; a round starts only
// when the one before it has finished, so the statement that checks a
// request's token always begins after the request arrived and sees every
// revocation committed before it, by this process or any other: as
// immediate as a statement of its own, and one round trip at most longer.
type liveTokens struct {
	mu      sync.Mutex
	running bool
	waiting map[int][]chan liveAnswer
}

type liveAnswer struct {
	live bool
	err  error
}

// liveRoundTimeout bounds one round's statement.
const liveRoundTimeout = 10 * time.Second

// check says whether token id is neither revoked nor expired now.
func (l *liveTokens) check(ctx context.Context, c *ent.Client, id int) (bool, error) {
	answer := make(chan liveAnswer, 1)
	l.mu.Lock()
	if l.waiting == nil {
		l.waiting = map[int][]chan liveAnswer{}
	}
	l.waiting[id] = append(l.waiting[id], answer)
	if !l.running {
		l.running = true
		go l.rounds(c)
	}
	l.mu.Unlock()
	select {
	case a := <-answer:
		return a.live, a.err
	case <-ctx.Done():
		return false, ctx.Err()
	}
}

// rounds checks the waiting tokens, round after round, until none wait.
func (l *liveTokens) rounds(c *ent.Client) {
	for {
		l.mu.Lock()
		batch := l.waiting
		l.waiting = nil
		if len(batch) == 0 {
			l.running = false
			l.mu.Unlock()
			return
		}
		l.mu.Unlock()
		ids := make([]int, 0, len(batch))
		for id := range batch {
			ids = append(ids, id)
		}
		ctx, cancel := context.WithTimeout(policy.System(context.Background()), liveRoundTimeout)
		live, err := c.APIToken.Query().
			Where(apitoken.IDIn(ids...), apitoken.RevokedAtIsNil(), apitoken.ExpiresAtGT(time.Now())).
			IDs(ctx)
		cancel()
		in := make(map[int]bool, len(live))
		for _, id := range live {
			in[id] = true
		}
		for id, answers := range batch {
			for _, a := range answers {
				a <- liveAnswer{live: in[id], err: err}
			}
		}
	}
}
