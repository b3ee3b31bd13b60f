package auth

import (
	"net/http"
	"strconv"
	"strings"
	"time"
)

// credentialKey names the credential a request carries, by a hash of it,
// before anything checks it: "bearer:…" for an API token, "session:…" for a
// session cookie, "" for none. Require limits a credential's rate and
// requests at once by it before looking it up in the register, so that a
// client over its limits is refused at the cost of a hash, without a query
// of the register or a read of its body.
func credentialKey(r *http.Request) string {
	if authz := r.Header.Get("Authorization"); authz != "" {
		if token, ok := strings.CutPrefix(authz, "Bearer "); ok {
			return "bearer:" + hashSecret(strings.TrimSpace(token))[:32]
		}
		return ""
	}
	if c, err := r.Cookie(CookieName); err == nil && c.Value != "" {
		return "session:" + hashSecret(c.Value)[:32]
	}
	return ""
}

// admitEarly applies the rate, the server-time budget (timebudget.go) and
// the requests-at-once limit to the credential of r before it is checked.
// It reports whether the request may go on; if it may, the caller must
// call the returned release when done, with how long it was not the
// server's work: its answer held in the tarpit, its writes queued behind
// others' (package waiting). That time is not taken from the budget.
func (h *HTTP) admitEarly(w http.ResponseWriter, r *http.Request) (release func(held time.Duration), ok bool) {
	key := credentialKey(r)
	if key == "" {
		return func(time.Duration) {}, true
	}
	if ok, wait := h.api.allow(key); !ok {
		h.refuseHeld(w, r, key, wait, "REQUEST_RATE", "请求过于频繁，请放慢速度", "too many requests; slow down")
		return nil, false
	}
	if ok, wait := h.serverBudget.admit(key); !ok {
		h.refuseHeld(w, r, key, wait, "SERVER_TIME", "此令牌或用户近来占用服务器的时间过多，请稍后再试",
			"this token or user has used more than its share of the server's time ("+strconv.FormatFloat(h.opts.TimePerSecond, 'f', -1, 64)+" s a second); wait and try again")
		return nil, false
	}
	if !h.flights.enter(key, h.opts.Concurrent) {
		h.refuseHeld(w, r, key, time.Second, "CONCURRENT", "此令牌或用户同时发出的请求过多：最多 "+strconv.Itoa(h.opts.Concurrent)+" 个，请等前面的请求完成", "too many requests at once from this token or user: at most "+strconv.Itoa(h.opts.Concurrent)+"; wait for one to finish")
		return nil, false
	}
	began := time.Now()
	return func(held time.Duration) {
		h.flights.leave(key)
		h.serverBudget.spend(key, time.Since(began)-held)
	}, true
}
