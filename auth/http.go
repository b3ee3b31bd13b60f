package auth

import (
	"context"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"log/slog"
	"math"
	"net"
	"net/http"
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
	// RatePerSecond and Burst limit the requests of each token, user or address.
	RatePerSecond float64
	Burst         int
}

// HTTP serves sign-in, sign-out and "who am I", and guards the API.
type HTTP struct {
	accounts *Accounts
	client   *ent.Client
	opts     Options
	api      *limiter
	signIns  *limiter
	logger   *slog.Logger
}

// NewHTTP returns the HTTP side of authentication for a register.
func NewHTTP(client *ent.Client, opts Options, logger *slog.Logger) *HTTP {
	if opts.RatePerSecond <= 0 {
		opts.RatePerSecond, opts.Burst = 20, 60
	}
	return &HTTP{accounts: NewAccounts(client), client: client, opts: opts, logger: logger,
		api: newLimiter(opts.RatePerSecond, opts.Burst), signIns: newLimiter(10.0/60, 10)}
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

func (h *HTTP) signIn(w http.ResponseWriter, r *http.Request) {
	var in struct{ Username, Password string }
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 4096)).Decode(&in); err != nil {
		fail(w, http.StatusBadRequest, "BAD_USER_INPUT", `send {"username": "…", "password": "…"} as JSON`)
		return
	}
	address := addressOf(r)
	if ok, wait := h.signIns.allow(address); !ok {
		tooMany(w, wait, "too many sign-in attempts from this address")
		return
	}
	s, err := h.accounts.SignIn(r.Context(), in.Username, in.Password, address)
	switch {
	case errors.Is(err, ErrBadCredentials):
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
		_, csrf, err := h.accounts.BySession(r.Context(), c.Value, addressOf(r))
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
	v, csrf, err := h.accounts.BySession(r.Context(), c.Value, addressOf(r))
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
// written with, and limits each viewer's rate of requests.
func (h *HTTP) Require(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
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
		ctx := viewer.NewContext(r.Context(), v)
		ctx = ent.NewContext(ctx, h.client)
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

func (h *HTTP) authenticate(r *http.Request) (*viewer.Viewer, int, error) {
	ctx, address := r.Context(), addressOf(r)
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

func addressOf(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
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
