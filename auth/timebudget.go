package auth

import (
	"sync"
	"time"
)

// The server's time each token or user may spend. The cost of a query is
// estimated before it runs, and the rows it loads are counted as they are
// loaded; but what a request really costs the server is the time it holds
// it: its SQL, its marshalling, its garbage, waiting for its turn. So each
// credential has a budget of server time, in seconds, refilled at
// TimePerSecond up to TimeBurst. A request is let in while the budget is
// above zero, and its time (from being let in to its response written,
// less its waits in queues others hold: a write's turn, a connection to
// begin it, the tarpit) is taken from it when it ends, so a request that ran long
// leaves its credential in debt; until the debt is paid back, the
// credential's requests get 429 with Retry-After, at the cost of a hash.

// Default server-time budget: a client sending one request after another
// holds the server for at most a second a second, so it is never refused;
// one that keeps DefaultConcurrent heavy requests running at once spends
// four times that, and after its burst gets about one.
const (
	DefaultTimePerSecond = 1.0
	DefaultTimeBurst     = 10 * time.Second
)

// timeBudget keeps each credential's budget of server time.
type timeBudget struct {
	mu      sync.Mutex
	rate    float64 // seconds a second
	burst   float64 // seconds
	buckets map[string]*timeBucket
	swept   time.Time
}

type timeBucket struct {
	left float64 // seconds; below zero, in debt
	at   time.Time
}

func newTimeBudget(perSecond float64, burst time.Duration) *timeBudget {
	return &timeBudget{rate: perSecond, burst: burst.Seconds(), buckets: map[string]*timeBucket{}, swept: time.Now()}
}

// refill brings key's budget up to now; the caller holds mu.
func (t *timeBudget) refill(key string, now time.Time) *timeBucket {
	if now.Sub(t.swept) > time.Minute {
		for k, b := range t.buckets {
			if b.left+now.Sub(b.at).Seconds()*t.rate >= t.burst {
				delete(t.buckets, k)
			}
		}
		t.swept = now
	}
	b := t.buckets[key]
	if b == nil {
		b = &timeBucket{left: t.burst, at: now}
		t.buckets[key] = b
	}
	b.left = min(t.burst, b.left+now.Sub(b.at).Seconds()*t.rate)
	b.at = now
	return b
}

// admit reports whether key has server time left, and if not, how long
// until it has.
func (t *timeBudget) admit(key string) (bool, time.Duration) {
	t.mu.Lock()
	defer t.mu.Unlock()
	b := t.refill(key, time.Now())
	if b.left > 0 {
		return true, 0
	}
	wait := time.Duration((-b.left + 0.001) / t.rate * float64(time.Second))
	return false, max(wait, time.Second)
}

// spend takes d from key's budget.
func (t *timeBudget) spend(key string, d time.Duration) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.refill(key, time.Now()).left -= d.Seconds()
}
