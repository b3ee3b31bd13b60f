package auth

import (
	"context"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"log/slog"
	"math"
	"mime"
	"net/http"
	"net/netip"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"jiceng/ent"
	"jiceng/httperr"
	"jiceng/viewer"
	"jiceng/waiting"
)

// CookieName is the session cookie; CSRFHeader the header in which the
// browser sends back the session's cross-site token.
const (
	CookieName = "jiceng_session"
	CSRFHeader = "X-CSRF-Token"
)

// Options configure the HTTP side of authentication.
type Options struct {
	// SecureCookie marks the session cookie Secure: set it when Jiceng is
	// served over HTTPS.
	SecureCookie bool
	// RatePerSecond and Burst limit the requests of each token or user.
	RatePerSecond float64
	Burst         int
	// CostPerSecond and CostBurst limit the cost (graph.Limits) each token
	// or user may spend; Concurrent the requests each may have served at
	// once. Zero means the defaults (DefaultCostPerSecond…).
	CostPerSecond float64
	CostBurst     int
	Concurrent    int
	// TimePerSecond and TimeBurst are the server time each token or user
	// may spend (timebudget.go); zero means DefaultTimePerSecond and
	// DefaultTimeBurst.
	TimePerSecond float64
	TimeBurst     time.Duration
	// TrustedProxies are the reverse proxies whose X-Forwarded-For gives
	// the client's address (--trusted-proxies).
	TrustedProxies []netip.Prefix
	// AllowedOrigins are the other sites whose pages may sign in
	// (--cors-origins); the server's own origin always may.
	AllowedOrigins []string
	// MaxHeld and MaxHeldPerCredential bound the refusals the tarpit
	// (tarpit.go) holds at once, in all and of one credential; zero means
	// DefaultMaxHeld and DefaultMaxHeldPerCredential, a negative MaxHeld
	// none (a harness that sends refused requests as fast as it can). Stopping, closed
	// when the server begins to shut down, lets the held ones go.
	MaxHeld              int
	MaxHeldPerCredential int
	Stopping             <-chan struct{}
}

// HTTP serves sign-in, sign-out and "who am I", and guards the API.
type HTTP struct {
	accounts *Accounts
	client   *ent.Client
	opts     Options
	api      *limiter
	costs    *limiter
	flights  inFlight
	// serverTime is each viewer's recent use of the server's time (Hog).
	serverTime *serverTime
	// serverBudget is each credential's budget of server time.
	serverBudget *timeBudget
	// tarpit holds the refusals of a credential that keeps sending.
	tarpit *tarpit
	// Failed sign-ins (successes are not counted): by address; by account
	// from one address, so that guessing at someone's password from one
	// place does not lock them out from another; and by account from
	// everywhere, more slowly, against guessing from many addresses.
	addressFails *limiter
	pairFails    *limiter
	accountFails *limiter
	logger       *slog.Logger
}

// NewHTTP returns the HTTP side of authentication for a register.
func NewHTTP(client *ent.Client, opts Options, logger *slog.Logger) *HTTP {
	if opts.RatePerSecond <= 0 {
		opts.RatePerSecond, opts.Burst = 20, 60
	}
	if opts.CostPerSecond <= 0 {
		opts.CostPerSecond = DefaultCostPerSecond
	}
	if opts.CostBurst <= 0 {
		opts.CostBurst = DefaultCostBurst
	}
	if opts.Concurrent <= 0 {
		opts.Concurrent = DefaultConcurrent
	}
	if opts.TimePerSecond <= 0 {
		opts.TimePerSecond = DefaultTimePerSecond
	}
	if opts.TimeBurst <= 0 {
		opts.TimeBurst = DefaultTimeBurst
	}
	switch {
	case opts.MaxHeld == 0:
		opts.MaxHeld = DefaultMaxHeld
	case opts.MaxHeld < 0:
		opts.MaxHeld = 0
	}
	if opts.MaxHeldPerCredential <= 0 {
		opts.MaxHeldPerCredential = DefaultMaxHeldPerCredential
	}
	return &HTTP{accounts: NewAccounts(client), client: client, opts: opts, logger: logger,
		api: newLimiter(opts.RatePerSecond, opts.Burst), costs: newLimiter(opts.CostPerSecond, opts.CostBurst),
		flights: inFlight{n: map[string]int{}}, serverTime: newServerTime(), serverBudget: newTimeBudget(opts.TimePerSecond, opts.TimeBurst),
		tarpit:       newTarpit(opts.MaxHeld, opts.MaxHeldPerCredential, opts.Stopping),
		addressFails: newLimiter(30.0/60, 30), pairFails: newLimiter(10.0/60, 10), accountFails: newLimiter(100.0/3600, 100)}
}

// Routes adds /auth/signin, /auth/signout and /auth/me to mux.
func (h *HTTP) Routes(mux *http.ServeMux) {
	mux.HandleFunc("POST /auth/signin", h.signIn)
	mux.HandleFunc("POST /auth/signout", h.signOut)
	mux.HandleFunc("GET /auth/me", h.me)
}

// whoAmI is the body of a successful sign-in and of /auth/me.
type whoAmI struct {
	User struct {
		ID       int         `json:"id,string"`
		Username string      `json:"username"`
		Role     viewer.Role `json:"role"`
		AreaIDs  []string    `json:"areaIds"`
	} `json:"user"`
	CSRFToken string    `json:"csrfToken"`
	ExpiresAt time.Time `json:"expiresAt,omitzero"`
}

func describe(v *viewer.Viewer, csrf string) whoAmI {
	var w whoAmI
	w.User.ID, w.User.Username, w.User.Role, w.CSRFToken = v.UserID, v.Name, v.Role, csrf
	w.User.AreaIDs = []string{}
	for _, a := range v.Areas {
		w.User.AreaIDs = append(w.User.AreaIDs, strconv.Itoa(a))
	}
	return w
}

// maxSignInBody bounds the body of a sign-in: a username and a password.
const maxSignInBody = 4096

func (h *HTTP) signIn(w http.ResponseWriter, r *http.Request) {
	if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt != "application/json" {
		fail(w, r, http.StatusUnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE", "", "MEDIA_TYPE", "登录请以 Content-Type: application/json 发送", `sign in with Content-Type: application/json`)
		return
	}
	if !h.sameOrigin(r) {
		fail(w, r, http.StatusForbidden, "FORBIDDEN", "", "FOREIGN_ORIGIN", "请从基层系统自己的页面登录，或从 --cors-origins 中列出的网站登录", "sign in from Jiceng's own pages, or from a site in --cors-origins")
		return
	}
	address := h.addressOf(r)
	if blocked, wait := h.addressFails.blocked(address); blocked {
		h.refuseHeld(w, r, "address:"+address, wait, "ADDRESS_FAILURES", "此地址登录失败次数过多，请稍后再试", "too many failed sign-ins from this address; wait and try again")
		return
	}
	if r.ContentLength > maxSignInBody {
		fail(w, r, http.StatusRequestEntityTooLarge, "PAYLOAD_TOO_LARGE", "", "PAYLOAD_TOO_LARGE", "登录只需发送用户名和密码，请求内容过长", "a sign-in is a username and a password")
		return
	}
	var in struct{ Username, Password string }
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxSignInBody)).Decode(&in); err != nil {
		fail(w, r, http.StatusBadRequest, "BAD_REQUEST", "", "NOT_JSON", `请以 JSON 发送 {"username": "…", "password": "…"}`, `send {"username": "…", "password": "…"} as JSON`)
		return
	}
	account := strings.ToLower(strings.TrimSpace(in.Username))
	pair := account + "\x00" + address
	if blocked, wait := h.pairFails.blocked(pair); blocked {
		h.refuseHeld(w, r, "address:"+address, wait, "USER_ADDRESS_FAILURES", "该用户从此地址登录失败次数过多，请稍后再试", "too many failed sign-ins for this user from this address; wait and try again")
		return
	}
	if blocked, wait := h.accountFails.blocked(account); blocked {
		h.refuseHeld(w, r, "address:"+address, wait, "USER_FAILURES", "该用户登录失败次数过多，请稍后再试", "too many failed sign-ins for this user; wait and try again")
		return
	}
	s, err := h.accounts.SignIn(r.Context(), in.Username, in.Password, address)
	switch {
	case errors.Is(err, ErrBadCredentials):
		h.addressFails.take(address)
		h.pairFails.take(pair)
		h.accountFails.take(account)
		fail(w, r, http.StatusUnauthorized, "UNAUTHENTICATED", "", "BAD_CREDENTIALS", "用户名或密码错误，或该用户已停用", err.Error())
		return
	case err != nil:
		h.logger.ErrorContext(r.Context(), "signing in", "err", err)
		fail(w, r, http.StatusInternalServerError, "INTERNAL_SERVER_ERROR", "", "INTERNAL", "暂时无法登录，请重试", "could not sign in; try again")
		return
	}
	http.SetCookie(w, &http.Cookie{Name: CookieName, Value: s.Cookie, Path: "/", Expires: s.Expires,
		HttpOnly: true, Secure: h.opts.SecureCookie, SameSite: http.SameSiteStrictMode})
	body := describe(s.Viewer, s.CSRF)
	body.ExpiresAt = s.Expires
	writeJSON(w, http.StatusOK, body)
}

func (h *HTTP) signOut(w http.ResponseWriter, r *http.Request) {
	c, err := r.Cookie(CookieName)
	if err == nil {
		_, csrf, err := h.accounts.BySession(r.Context(), c.Value, h.addressOf(r))
		if err == nil && !sameToken(r.Header.Get(CSRFHeader), csrf) {
			fail(w, r, http.StatusForbidden, "FORBIDDEN", "", "CSRF_TOKEN", "请在 "+CSRFHeader+" 请求头中发送会话的令牌", "send the session's token in the "+CSRFHeader+" header")
			return
		}
		if err := h.accounts.SignOut(r.Context(), c.Value); err != nil {
			h.logger.ErrorContext(r.Context(), "signing out", "err", err)
		}
	}
	http.SetCookie(w, &http.Cookie{Name: CookieName, Value: "", Path: "/", MaxAge: -1,
		HttpOnly: true, Secure: h.opts.SecureCookie, SameSite: http.SameSiteStrictMode})
	w.WriteHeader(http.StatusNoContent)
}

// me says who the session cookie belongs to: {"user": …, "csrfToken": …},
// or {"user": null} when nobody is signed in. Asking is not an error, so an
// anonymous visit leaves no failed request in the browser's console.
func (h *HTTP) me(w http.ResponseWriter, r *http.Request) {
	nobody := map[string]any{"user": nil}
	c, err := r.Cookie(CookieName)
	if err != nil {
		writeJSON(w, http.StatusOK, nobody)
		return
	}
	v, csrf, err := h.accounts.BySession(r.Context(), c.Value, h.addressOf(r))
	switch {
	case errors.Is(err, ErrUnknown):
		writeJSON(w, http.StatusOK, nobody)
	case err != nil:
		h.logger.ErrorContext(r.Context(), "reading the session", "err", err)
		fail(w, r, http.StatusInternalServerError, "INTERNAL_SERVER_ERROR", "", "INTERNAL", "暂时无法读取会话，请重试", "could not read the session; try again")
	default:
		writeJSON(w, http.StatusOK, describe(v, csrf))
	}
}

// Require guards the API: a request must carry an API token (Authorization:
// Bearer) or a session cookie with the session's cross-site token in the
// X-CSRF-Token header, which a page of another site cannot send. It puts
// the viewer in the request's context, with the client the audit log is
// written with, and limits each viewer's rate of requests: first by the
// credential, before it is looked up (admitEarly), then by the viewer.
func (h *HTTP) Require(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		release, ok := h.admitEarly(w, r)
		if !ok {
			return
		}
		// A refusal below lets the credential's request go first, so that
		// its hold in the tarpit is not counted as the credential's time
		// or one of its requests at once.
		released := false
		var (
			b      *budget
			queued *waiting.Meter
		)
		finish := func() {
			if !released {
				released = true
				release(b.heldFor() + queued.Total())
			}
		}
		defer finish()
		// The waits for a turn (package waiting), from the credential's
		// check on, are the queue's time, not the request's work.
		var waitCtx context.Context
		waitCtx, queued = waiting.With(r.Context())
		r = r.WithContext(waitCtx)
		v, refused := h.authenticate(r)
		if refused != nil {
			if refused.Status == http.StatusServiceUnavailable {
				w.Header().Set("Retry-After", "5")
			}
			httperr.Write(w, r, *refused)
			return
		}
		key := "user:" + strconv.Itoa(v.UserID)
		if v.TokenID != 0 {
			key = "token:" + strconv.Itoa(v.TokenID)
		}
		if ok, wait := h.api.allow(key); !ok {
			finish()
			h.refuseHeld(w, r, key, wait, "REQUEST_RATE", "请求过于频繁，请放慢速度", "too many requests; slow down")
			return
		}
		if !h.flights.enter(key, h.opts.Concurrent) {
			finish()
			h.refuseHeld(w, r, key, time.Second, "CONCURRENT", "此令牌或用户同时发出的请求过多：最多 "+strconv.Itoa(h.opts.Concurrent)+" 个，请等前面的请求完成", "too many requests at once from this token or user: at most "+strconv.Itoa(h.opts.Concurrent)+"; wait for one to finish")
			return
		}
		defer h.flights.leave(key)
		defer h.serverTime.start(key)()
		b = &budget{h: h, key: key, ctx: r.Context()}
		ctx := viewer.NewContext(r.Context(), v)
		ctx = ent.NewContext(ctx, h.client)
		ctx = context.WithValue(ctx, budgetKey{}, b)
		next.ServeHTTP(&budgetWriter{ResponseWriter: w, b: b}, r.WithContext(ctx))
	})
}

// The refusals of a credential.
var (
	notBearer   = httperr.New(http.StatusUnauthorized, "UNAUTHENTICATED", "", "NOT_BEARER", "Authorization 请求头须是 Bearer <令牌>", "the Authorization header must be Bearer <token>")
	nobody      = httperr.New(http.StatusUnauthorized, "UNAUTHENTICATED", "", "NO_CREDENTIALS", "请登录，或以 Authorization: Bearer <令牌> 发送接口令牌", "sign in, or send an API token as Authorization: Bearer <token>")
	unknown     = httperr.New(http.StatusUnauthorized, "UNAUTHENTICATED", "", "UNKNOWN_CREDENTIALS", "会话或令牌无效：不存在、已过期或已撤销", ErrUnknown.Error())
	noCSRF      = httperr.New(http.StatusForbidden, "FORBIDDEN", "", "CSRF_TOKEN", "使用会话 Cookie 的请求须在 "+CSRFHeader+" 请求头中发送会话的令牌", "a request made with the session cookie must send the session's token in the "+CSRFHeader+" header")
	unavailable = httperr.New(http.StatusServiceUnavailable, "SERVICE_UNAVAILABLE", "", "UNAVAILABLE", "台账暂时无法访问，无法核对凭据，请稍后再试", errUnavailable.Error())
)

func (h *HTTP) authenticate(r *http.Request) (*viewer.Viewer, *httperr.Error) {
	ctx, address := r.Context(), h.addressOf(r)
	if authz := r.Header.Get("Authorization"); authz != "" {
		token, ok := strings.CutPrefix(authz, "Bearer ")
		if !ok {
			return nil, &notBearer
		}
		v, err := h.accounts.ByToken(ctx, strings.TrimSpace(token), address)
		if err != nil {
			return nil, h.refusal(ctx, err)
		}
		return v, nil
	}
	c, err := r.Cookie(CookieName)
	if err != nil {
		return nil, &nobody
	}
	v, csrf, err := h.accounts.BySession(ctx, c.Value, address)
	if err != nil {
		return nil, h.refusal(ctx, err)
	}
	if !sameToken(r.Header.Get(CSRFHeader), csrf) {
		return nil, &noCSRF
	}
	return v, nil
}

// refusal is the answer to a credential that could not be checked.
func (h *HTTP) refusal(ctx context.Context, err error) *httperr.Error {
	if err = h.quiet(ctx, err); errors.Is(err, errUnavailable) {
		return &unavailable
	}
	return &unknown
}

// errUnavailable is a credential that could not be checked because the
// register did not answer: the client should try again, not sign in again.
var errUnavailable = errors.New("could not check the credentials: the register is not answering; try again shortly")

// quiet keeps a database error's text out of the response.
func (h *HTTP) quiet(ctx context.Context, err error) error {
	if err == nil || errors.Is(err, ErrUnknown) {
		return err
	}
	h.logger.ErrorContext(ctx, "authenticating", "err", err)
	return errUnavailable
}

func sameToken(got, want string) bool {
	return got != "" && subtle.ConstantTimeCompare([]byte(got), []byte(want)) == 1
}

// addressOf is the client's address (see clientAddress).
func (h *HTTP) addressOf(r *http.Request) string { return clientAddress(r, h.opts.TrustedProxies) }

// sameOrigin reports whether a browser request comes from the server's own
// pages or an allowed site's. A request without Origin (curl, a tool) is
// not a browser's cross-site request unless Sec-Fetch-Site says so.
func (h *HTTP) sameOrigin(r *http.Request) bool {
	origin := r.Header.Get("Origin")
	if origin == "" {
		return r.Header.Get("Sec-Fetch-Site") != "cross-site"
	}
	if slices.Contains(h.opts.AllowedOrigins, origin) {
		return true
	}
	u, err := url.Parse(origin)
	return err == nil && u.Host != "" && strings.EqualFold(u.Host, r.Host)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func fail(w http.ResponseWriter, r *http.Request, status int, code, field, reason, zh, en string) {
	httperr.Write(w, r, httperr.New(status, code, field, reason, zh, en))
}

// tooMany answers 429 RATE_LIMITED with Retry-After in seconds.
func tooMany(w http.ResponseWriter, r *http.Request, wait time.Duration, reason, zh, en string) {
	w.Header().Set("Retry-After", strconv.Itoa(int(math.Ceil(wait.Seconds()))))
	fail(w, r, http.StatusTooManyRequests, "RATE_LIMITED", "", reason, zh, en)
}
