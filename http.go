package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"runtime/debug"
	"time"

	"jiceng/httperr"
)

// maxBody is the largest request body the API reads. A GraphQL query is a
// few kilobytes; a grid boundary with thousands of points fits easily.
const maxBody = 1 << 20

// limitBody refuses a request body over maxBody with 413, before anything
// parses it.
func limitBody(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.ContentLength > maxBody {
			tooLarge(w, r)
			return
		}
		body, err := io.ReadAll(io.LimitReader(r.Body, maxBody+1))
		if err != nil {
			httperr.Write(w, r, httperr.New(http.StatusBadRequest, "BAD_REQUEST", "", "UNREADABLE", "无法读取请求内容", "could not read the request"))
			return
		}
		if len(body) > maxBody {
			tooLarge(w, r)
			return
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
		next.ServeHTTP(w, r)
	})
}

func tooLarge(w http.ResponseWriter, r *http.Request) {
	httperr.Write(w, r, httperr.New(http.StatusRequestEntityTooLarge, "PAYLOAD_TOO_LARGE", "", "PAYLOAD_TOO_LARGE",
		"请求内容大于 1 MiB", "the request body is larger than 1 MiB"))
}

// badRequest refuses a request whose field is wrong, with 400 BAD_USER_INPUT.
func badRequest(w http.ResponseWriter, r *http.Request, field, zh, en string) {
	httperr.Write(w, r, httperr.New(http.StatusBadRequest, "BAD_USER_INPUT", field, "BAD_VALUE", zh, en))
}

// forbidden refuses a request the viewer's role does not allow.
func forbidden(w http.ResponseWriter, r *http.Request, reason, zh, en string) {
	httperr.Write(w, r, httperr.New(http.StatusForbidden, "FORBIDDEN", "", reason, zh, en))
}

// serverError answers a request the server could not finish (the cause is
// logged by the caller), with 500 and no detail.
func serverError(w http.ResponseWriter, r *http.Request, zh, en string) {
	httperr.Write(w, r, httperr.New(http.StatusInternalServerError, "INTERNAL_SERVER_ERROR", "", "INTERNAL", zh, en))
}

// withTimeout gives each request at most d, from reading its body to
// writing its response: queries still running then are cancelled, and the
// client gets a TIMEOUT error, which it has a second more to receive. A
// client that goes away cancels the request's context as well, and with it
// the request's work.
func withTimeout(d time.Duration, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		deadline := time.Now().Add(d)
		rc := http.NewResponseController(w)
		_ = rc.SetReadDeadline(deadline) // not every ResponseWriter can; the context still ends
		_ = rc.SetWriteDeadline(deadline.Add(time.Second))
		ctx, cancel := context.WithDeadline(r.Context(), deadline)
		defer cancel()
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// recoverPanics turns a panic outside the GraphQL executor (which recovers
// its own) into a logged 500 that shows the client no stack.
func recoverPanics(logger *slog.Logger, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if err, ok := v.(error); ok && errors.Is(err, http.ErrAbortHandler) {
					panic(v)
				}
				logger.ErrorContext(r.Context(), "panic", "panic", v, "path", r.URL.Path, "stack", string(debug.Stack()))
				serverError(w, r, "服务器内部错误，已记录在日志中", "internal error; it has been logged")
			}
		}()
		next.ServeHTTP(w, r)
	})
}

// securityHeaders tells browsers not to sniff types, frame the app or send
// referrers elsewhere, and to load scripts only from the app itself.
func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "same-origin")
		h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'")
		next.ServeHTTP(w, r)
	})
}
