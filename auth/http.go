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
	"jiceng/viewer"
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
	// TrustedProxies are the reverse proxies whose X-Forwarded-For gives
	// the client's address (--trusted-proxies).
	TrustedProxies []netip.Prefix
	// AllowedOrigins are the other sites whose pages may sign in
	// (--cors-origins); the server's own origin always may.
	AllowedOrigins []string
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
	return &HTTP{accounts: NewAccounts(client), client: client, opts: opts, logger: logger,
		api: newLimiter(opts.RatePerSecond, opts.Burst), costs: newLimiter(opts.CostPerSecond, opts.CostBurst),
		flights: inFlight{n: map[string]int{}}, serverTime: newServerTime(),
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
		fail(w, http.StatusUnsupportedMediaType, "BAD_USER_INPUT", `sign in with Content-Type: application/json`)
		return
	}
	if !h.sameOrigin(r) {
		fail(w, http.StatusForbidden, "FORBIDDEN", "sign in from Jiceng's own pages, or from a site in --cors-origins")
		return
	}
	address := h.addressOf(r)
	if blocked, wait := h.addressFails.blocked(address); blocked {
		tooMany(w, wait, "too many failed sign-ins from this address; wait and try again")
		return
	}
	if r.ContentLength > maxSignInBody {
		fail(w, http.StatusRequestEntityTooLarge, "PAYLOAD_TOO_LARGE", "a sign-in is a username and a password")
		return
	}
	var in struct{ Username, Password string }
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxSignInBody)).Decode(&in); err != nil {
		fail(w, http.StatusBadRequest, "BAD_USER_INPUT", `send {"username": "…", "password": "…"} as JSON`)
		return
	}
	account := strings.ToLower(strings.TrimSpace(in.Username))
	pair := account + "\x00" + address
	if blocked, wait := h.pairFails.blocked(pair); blocked {
		tooMany(w, wait, "too many failed sign-ins for this user from this address; wait and try again")
		return
	}
	if blocked, wait := h.accountFails.blocked(account); blocked {
		tooMany(w, wait, "too many failed sign-ins for this user; wait and try again")
		return
	}
	s, err := h.accounts.SignIn(r.Context(), in.Username, in.Password, address)
	switch {
	case errors.Is(err, ErrBadCredentials):
		h.addressFails.take(address)
		h.pairFails.take(pair)
		h.accountFails.take(account)
		fail(w, http.StatusUnauthorized, "UNAUTHENTICATED", err.Error())
		return
	case err != nil:
		h.logger.ErrorContext(r.Context(), "signing in", "err", err)
		fail(w, http.StatusInternalServerError, "INTERNAL_SERVER_ERROR", "could not sign in; try again")
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
			fail(w, http.StatusForbidden, "FORBIDDEN", "send the session's token in the "+CSRFHeader+" header")
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
		fail(w, http.StatusInternalServerError, "INTERNAL_SERVER_ERROR", "could not read the session; try again")
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
		defer release()
		v, status, err := h.authenticate(r)
		if err != nil {
			code := "UNAUTHENTICATED"
			switch status {
			case http.StatusForbidden:
				code = "FORBIDDEN"
			case http.StatusServiceUnavailable:
				code = "SERVICE_UNAVAILABLE"
				w.Header().Set("Retry-After", "5")
			}
			graphqlError(w, status, code, err.Error())
			return
		}
		key := "user:" + strconv.Itoa(v.UserID)
		if v.TokenID != 0 {
			key = "token:" + strconv.Itoa(v.TokenID)
		}
		if ok, wait := h.api.allow(key); !ok {
			tooMany(w, wait, "too many requests; slow down")
			return
		}
		if !h.flights.enter(key, h.opts.Concurrent) {
			tooMany(w, time.Second, "too many requests at once from this token or user: at most "+strconv.Itoa(h.opts.Concurrent)+"; wait for one to finish")
			return
		}
		defer h.flights.leave(key)
		defer h.serverTime.start(key)()
		b := &budget{h: h, key: key}
		ctx := viewer.NewContext(r.Context(), v)
		ctx = ent.NewContext(ctx, h.client)
		ctx = context.WithValue(ctx, budgetKey{}, b)
		next.ServeHTTP(&budgetWriter{ResponseWriter: w, b: b}, r.WithContext(ctx))
	})
}

func (h *HTTP) authenticate(r *http.Request) (*viewer.Viewer, int, error) {
	ctx, address := r.Context(), h.addressOf(r)
	if authz := r.Header.Get("Authorization"); authz != "" {
		token, ok := strings.CutPrefix(authz, "Bearer ")
		if !ok {
			return nil, http.StatusUnauthorized, errors.New("the Authorization header must be Bearer <token>")
		}
		v, err := h.accounts.ByToken(ctx, strings.TrimSpace(token), address)
		if err = h.quiet(ctx, err); err != nil {
			return nil, statusOf(err), err
		}
		return v, http.StatusOK, nil
	}
	c, err := r.Cookie(CookieName)
	if err != nil {
		return nil, http.StatusUnauthorized, errors.New("sign in, or send an API token as Authorization: Bearer <token>")
	}
	v, csrf, err := h.accounts.BySession(ctx, c.Value, address)
	if err != nil {
		err = h.quiet(ctx, err)
		return nil, statusOf(err), err
	}
	if !sameToken(r.Header.Get(CSRFHeader), csrf) {
		return nil, http.StatusForbidden, errors.New("a request made with the session cookie must send the session's token in the " + CSRFHeader + " header")
	}
	return v, http.StatusOK, nil
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

// statusOf is the status of a refused credential.
func statusOf(err error) int {
	if errors.Is(err, errUnavailable) {
		return http.StatusServiceUnavailable
	}
	return http.StatusUnauthorized
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

func fail(w http.ResponseWriter, status int, code, message string) {
	writeJSON(w, status, map[string]any{"error": map[string]string{"code": code, "message": message}})
}

// graphqlError answers an API request in the shape of a GraphQL response,
// so clients read every refusal the same way.
func graphqlError(w http.ResponseWriter, status int, code, message string) {
	writeJSON(w, status, map[string]any{"errors": []any{map[string]any{"message": message, "extensions": map[string]string{"code": code}}}})
}

func tooMany(w http.ResponseWriter, wait time.Duration, message string) {
	w.Header().Set("Retry-After", strconv.Itoa(int(math.Ceil(wait.Seconds()))))
	graphqlError(w, http.StatusTooManyRequests, "RATE_LIMITED", message)
}
