package auth

import (
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// limiter keeps a token bucket per key (a token, a user, an address) and
// forgets buckets idle for ten minutes.
type limiter struct {
	mu      sync.Mutex
	every   rate.Limit
	burst   int
	buckets map[string]*bucket
	swept   time.Time
}

type bucket struct {
	*rate.Limiter
	seen time.Time
}

// newLimiter allows perSecond requests a second on average per key, and
// bursts of burst.
func newLimiter(perSecond float64, burst int) *limiter {
	return &limiter{every: rate.Limit(perSecond), burst: burst, buckets: map[string]*bucket{}, swept: time.Now()}
}

// allow reports whether key may make a request now, and if not, how long
// until it may.
func (l *limiter) allow(key string) (bool, time.Duration) { return l.allowN(key, 1) }

// allowN takes n from key's bucket if it holds them, and otherwise reports
// how long until it will; n larger than the burst waits for a full bucket
// and is refused.
func (l *limiter) allowN(key string, n int) (bool, time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := time.Now()
	b := l.bucket(key, now)
	if n > l.burst {
		return false, time.Duration(float64(l.burst) / float64(l.every) * float64(time.Second))
	}
	r := b.ReserveN(now, n)
	if d := r.DelayFrom(now); d > 0 {
		r.CancelAt(now)
		return false, d
	}
	return true, 0
}

// blocked reports whether key's bucket is empty, without taking from it,
// and if so how long until it is not.
func (l *limiter) blocked(key string) (bool, time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := time.Now()
	b := l.bucket(key, now)
	if b.TokensAt(now) >= 1 {
		return false, 0
	}
	r := b.ReserveN(now, 1)
	d := r.DelayFrom(now)
	r.CancelAt(now)
	return true, max(d, time.Second)
}

// take takes one from key's bucket, whether or not it holds one.
func (l *limiter) take(key string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := time.Now()
	l.bucket(key, now).ReserveN(now, 1)
}

// bucket is key's bucket, made on first use; buckets idle for ten minutes
// are forgotten.
func (l *limiter) bucket(key string, now time.Time) *bucket {
	if now.Sub(l.swept) > time.Minute {
		for k, b := range l.buckets {
			if now.Sub(b.seen) > 10*time.Minute {
				delete(l.buckets, k)
			}
		}
		l.swept = now
	}
	b, ok := l.buckets[key]
	if !ok {
		b = &bucket{Limiter: rate.NewLimiter(l.every, l.burst)}
		l.buckets[key] = b
	}
	b.seen = now
	return b
}
