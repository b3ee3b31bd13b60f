package auth

import (
	"context"
	"math"
	"sync"
	"time"
)

// ShareOfServer is the use of the server's time (in seconds of request
// handling a second, summed over a viewer's requests at once) from which a
// token or user counts as a hog: its queries then give way to the other
// viewers' (see graph's gate), however cheap each one looks. A client that
// sends one request after another never uses more than 1 (a dashboard
// reading ten times a second at 25 ms a read uses a quarter); only one
// keeping several requests running at once all the time goes over.
const ShareOfServer = 1.5

// serverTimeWindow is how far back a viewer's use of the server counts: its
// sum decays with this time constant.
const serverTimeWindow = 2 * time.Second

// serverTime keeps, for each viewer, a decaying sum of the time its
// requests held the server, and its requests in flight.
type serverTime struct {
	mu  sync.Mutex
	use map[string]*timeUse
}

type timeUse struct {
	sum     float64   // seconds, decayed to at
	at      time.Time // when sum was last brought up to date
	running map[*int]time.Time
}

func newServerTime() *serverTime { return &serverTime{use: map[string]*timeUse{}} }

// start notes a request of key beginning; the returned func ends it.
func (s *serverTime) start(key string) func() {
	began := time.Now()
	id := new(int)
	s.mu.Lock()
	u := s.use[key]
	if u == nil {
		u = &timeUse{at: began, running: map[*int]time.Time{}}
		s.use[key] = u
	}
	u.running[id] = began
	s.mu.Unlock()
	return func() {
		now := time.Now()
		s.mu.Lock()
		defer s.mu.Unlock()
		u.decay(now)
		u.sum += now.Sub(began).Seconds()
		delete(u.running, id)
		if len(u.running) == 0 && u.sum < 0.001 {
			delete(s.use, key)
		}
	}
}

func (u *timeUse) decay(now time.Time) {
	if dt := now.Sub(u.at); dt > 0 {
		u.sum *= math.Exp(-dt.Seconds() / serverTimeWindow.Seconds())
		u.at = now
	}
}

// share is key's recent use of the server, in seconds a second: the
// decayed sum of its finished requests and the time its running ones have
// held so far, over the window.
func (s *serverTime) share(key string) float64 {
	now := time.Now()
	s.mu.Lock()
	defer s.mu.Unlock()
	u := s.use[key]
	if u == nil {
		return 0
	}
	u.decay(now)
	sum := u.sum
	for _, began := range u.running {
		sum += now.Sub(began).Seconds()
	}
	return sum / serverTimeWindow.Seconds()
}

// Hog reports whether the token or user making the request in ctx has
// recently held the server for more than ShareOfServer, counting the
// request itself so far.
func Hog(ctx context.Context) bool {
	b, _ := ctx.Value(budgetKey{}).(*budget)
	return b != nil && b.h.serverTime.share(b.key) > ShareOfServer
}
