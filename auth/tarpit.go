package auth

import (
	"context"
	"io"
	"math"
	"net/http"
	"sync"
	"time"
)

// The tarpit. A refusal for the rate, the server time or the requests at
// once costs the server little, but a client that sends again the moment
// it is refused can send thousands a second, and then the server spends
// its cores reading requests and writing refusals. So a credential (or,
// for a sign-in, an address) refused again soon after its last refusal
// waits for its answer: the first refusal is answered at once, the next
// ones after 50 ms, 100 ms, 200 ms… up to a second, and never longer than
// the Retry-After the answer carries. A client on N connections that keeps
// sending then gets about N answers a second. Each refusal is forgiven
// after a second, so a client that waits its Retry-After before sending
// again is always answered at once.
//
// What is held is bounded: at most MaxHeld refusals at once in all, and
// MaxHeldPerCredential of one credential; beyond either, the refusal is
// answered at once. A held refusal ends at once when the server begins
// to shut down or the client goes away.

// Default bounds of the refusals held at once.
const (
	DefaultMaxHeld              = 1024
	DefaultMaxHeldPerCredential = 16
)

const (
	holdFirst = 50 * time.Millisecond // the hold of the second refusal in a row
	holdMost  = time.Second           // the longest hold
	// maxStrikes bounds a key's count of recent refusals, so that a key
	// that stops sending is forgiven within as many seconds.
	maxStrikes = 20
	// maxDiscard is the largest body a refusal reads (to discard it) so
	// that the connection can serve the client's next request; a larger
	// body, or one of unknown length, is not read and the connection is
	// closed.
	maxDiscard = 64 << 10
)

// tarpit holds the refusals of keys that keep sending.
type tarpit struct {
	mu       sync.Mutex
	maxHeld  int
	perKey   int
	held     int // refusals held now
	peak     int // the most held at once, for tests
	strikes  map[string]*strike
	swept    time.Time
	stopping <-chan struct{}
}

type strike struct {
	n    float64 // recent refusals, forgiven at one a second
	at   time.Time
	held int
}

func newTarpit(maxHeld, perKey int, stopping <-chan struct{}) *tarpit {
	return &tarpit{maxHeld: maxHeld, perKey: perKey, strikes: map[string]*strike{}, swept: time.Now(), stopping: stopping}
}

// delay counts a refusal of key and returns how long to hold it (at most
// bound), and whether it is held; a held refusal must be let go with
// release.
func (t *tarpit) delay(key string, bound time.Duration) (time.Duration, bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	now := time.Now()
	if now.Sub(t.swept) > time.Minute {
		for k, s := range t.strikes {
			if s.held == 0 && s.n-now.Sub(s.at).Seconds() <= 0 {
				delete(t.strikes, k)
			}
		}
		t.swept = now
	}
	s := t.strikes[key]
	if s == nil {
		s = &strike{at: now}
		t.strikes[key] = s
	}
	s.n = min(maxStrikes, max(0, s.n-now.Sub(s.at).Seconds())+1)
	s.at = now
	// The refusals in a row, the last one included: 1 when the one before
	// is forgiven.
	k := int(math.Round(s.n))
	if k < 2 || t.held >= t.maxHeld || s.held >= t.perKey {
		return 0, false
	}
	d := min(bound, holdMost, holdFirst<<min(k-2, 10))
	if d <= 0 {
		return 0, false
	}
	t.held++
	s.held++
	t.peak = max(t.peak, t.held)
	return d, true
}

func (t *tarpit) release(key string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.held--
	if s := t.strikes[key]; s != nil {
		s.held--
	}
}

// hold waits before a refusal of key is answered, as long as delay says,
// or until the server stops or the client goes away.
func (t *tarpit) hold(ctx context.Context, key string, bound time.Duration) {
	d, held := t.delay(key, bound)
	if !held {
		return
	}
	defer t.release(key)
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-timer.C:
	case <-ctx.Done():
	case <-t.stopping:
	}
}

// heldNow and peakHeld report the refusals held now and the most held at
// once.
func (t *tarpit) heldNow() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.held
}

func (t *tarpit) peakHeld() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.peak
}

// keepOrClose reads a small body of a refused request to its end, so that
// the connection can serve the client's next request (and the server
// notices if the client goes away while the refusal is held); a body over
// maxDiscard or of unknown length is left unread and the connection is
// closed after the answer.
func keepOrClose(w http.ResponseWriter, r *http.Request) {
	if r.ContentLength == 0 || r.Body == nil || r.Body == http.NoBody {
		return
	}
	if r.ContentLength > 0 && r.ContentLength <= maxDiscard {
		if _, err := io.Copy(io.Discard, io.LimitReader(r.Body, maxDiscard+1)); err == nil {
			return
		}
	}
	w.Header().Set("Connection", "close")
}

// refuseHeld answers 429 RATE_LIMITED with Retry-After to a request of key
// refused for a rate, a budget or its requests at once, after the tarpit's
// hold.
func (h *HTTP) refuseHeld(w http.ResponseWriter, r *http.Request, key string, wait time.Duration, reason, zh, en string) {
	keepOrClose(w, r)
	h.tarpit.hold(r.Context(), key, time.Duration(math.Ceil(wait.Seconds()))*time.Second)
	tooMany(w, r, wait, reason, zh, en)
}
