package auth

import (
	"context"
	"math"
	"net"
	"net/http"
	"net/netip"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Default budgets of each token or user of the API, when Options leave
// them out. A reporting tool paging through a city of 200,000 members 500
// at a time with a dozen fields (a cost of about 6,500 a page) spends about
// 2.6 million in 400 pages: 26 seconds at the default rate, never refused.
const (
	DefaultCostPerSecond = 100_000
	DefaultCostBurst     = 1_000_000
	DefaultConcurrent    = 4
)

// budget is what a request of one viewer may still spend: the GraphQL
// handler charges an operation's cost to it with Charge.
type budget struct {
	h    *HTTP
	key  string
	ctx  context.Context // the request's, done when the client goes away
	wait time.Duration   // set when a charge was refused
	// refused is set when the request is refused for what it asks
	// (RefusedRequest).
	refused atomic.Bool
	held    time.Duration // how long its answer waited in the tarpit
}

type budgetKey struct{}

// Charge takes cost from the budget of the token or user making the
// request in ctx. It reports whether the request may go on and, if not, how
// long to wait and the rate of the budget. A refused charge also makes the
// response a 429 with Retry-After. A context without a budget (a request
// not made through Require) may always go on.
func Charge(ctx context.Context, cost int) (bool, time.Duration, float64) {
	b, _ := ctx.Value(budgetKey{}).(*budget)
	if b == nil {
		return true, 0, 0
	}
	ok, wait := b.h.costs.allowN(b.key, cost)
	if !ok {
		b.wait = max(wait, time.Second)
	}
	return ok, wait, b.h.opts.CostPerSecond
}

// RefusedRequest notes that the request in ctx is refused for what it
// asks, whoever asks it: a body that is not one GraphQL request, a
// document or a list over a limit, a query that costs too much. Such a
// refusal is cheap, but a client that sends one after another keeps the
// server reading them; so, as the refusals for the rate are, it goes
// through the tarpit (tarpit.go): the first is answered at once, the next
// ones within a second of it wait. A refusal of an answer in the
// register's own terms (a rule, a bad value in a form) is not one of them.
// A context without a budget is left alone.
func RefusedRequest(ctx context.Context) {
	if b, _ := ctx.Value(budgetKey{}).(*budget); b != nil {
		b.refused.Store(true)
	}
}

// heldFor is how long the answer waited in the tarpit; nil has none.
func (b *budget) heldFor() time.Duration {
	if b == nil {
		return 0
	}
	return b.held
}

// budgetWriter turns the response of a request whose charge was refused
// into a 429 with Retry-After, and holds the answer of a request refused
// for its cost or for what it asks in the tarpit before it is written.
type budgetWriter struct {
	http.ResponseWriter
	b       *budget
	written bool
}

func (w *budgetWriter) WriteHeader(code int) {
	if w.written {
		return
	}
	w.written = true
	if w.b.wait > 0 || w.b.refused.Load() {
		bound := holdMost
		if w.b.wait > 0 {
			bound = time.Duration(math.Ceil(w.b.wait.Seconds())) * time.Second
		}
		began := time.Now()
		w.b.h.tarpit.hold(w.b.ctx, w.b.key, bound)
		w.b.held = time.Since(began)
	}
	if w.b.wait > 0 {
		w.Header().Set("Retry-After", strconv.Itoa(int(math.Ceil(w.b.wait.Seconds()))))
		code = http.StatusTooManyRequests
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *budgetWriter) Write(p []byte) (int, error) {
	if !w.written {
		w.WriteHeader(http.StatusOK)
	}
	return w.ResponseWriter.Write(p)
}

// Unwrap lets http.ResponseController reach the connection.
func (w *budgetWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// inFlight counts each viewer's requests being served.
type inFlight struct {
	mu sync.Mutex
	n  map[string]int
}

// enter reports whether key may start one more request, at most limit at
// once; a true answer must be followed by leave.
func (f *inFlight) enter(key string, limit int) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.n[key] >= limit {
		return false
	}
	f.n[key]++
	return true
}

func (f *inFlight) leave(key string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.n[key]--; f.n[key] <= 0 {
		delete(f.n, key)
	}
}

// ParseProxies reads a comma-separated list of addresses and CIDR
// prefixes of trusted reverse proxies (--trusted-proxies).
func ParseProxies(s string) ([]netip.Prefix, error) {
	var out []netip.Prefix
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		if !strings.Contains(part, "/") {
			a, err := netip.ParseAddr(part)
			if err != nil {
				return nil, err
			}
			out = append(out, netip.PrefixFrom(a, a.BitLen()))
			continue
		}
		p, err := netip.ParsePrefix(part)
		if err != nil {
			return nil, err
		}
		out = append(out, p.Masked())
	}
	return out, nil
}

// clientAddress is the address a request comes from: the peer's, or, when
// the peer is a trusted proxy, the last address in X-Forwarded-For that is
// not itself a trusted proxy. A header from an untrusted peer is ignored,
// so a client cannot choose its own address.
func clientAddress(r *http.Request, trusted []netip.Prefix) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	if len(trusted) == 0 || !isTrusted(host, trusted) {
		return host
	}
	hops := strings.Split(strings.Join(r.Header.Values("X-Forwarded-For"), ","), ",")
	for i := len(hops) - 1; i >= 0; i-- {
		hop := strings.TrimSpace(hops[i])
		if _, err := netip.ParseAddr(hop); err != nil {
			break
		}
		if !isTrusted(hop, trusted) {
			return hop
		}
	}
	return host
}

func isTrusted(host string, trusted []netip.Prefix) bool {
	a, err := netip.ParseAddr(host)
	if err != nil {
		return false
	}
	a = a.Unmap()
	for _, p := range trusted {
		if p.Contains(a) {
			return true
		}
	}
	return false
}
