package graph

import (
	"context"
	"errors"
	"net/http"
	"strings"

	"github.com/vektah/gqlparser/v2/gqlerror"

	"jiceng/check"
	"jiceng/ent"
	"jiceng/httperr"
	"jiceng/register"
	"jiceng/vocab"
)

// languageKey keeps in a request's context whether its client reads Chinese.
type languageKey struct{}

// withLanguage notes the language the client asks for in Accept-Language:
// Chinese when the header is absent or prefers Chinese, English when it
// prefers English. Error messages are written in it (see presentError).
func withLanguage(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Add("Vary", "Accept-Language")
		ctx := context.WithValue(r.Context(), languageKey{}, prefersChinese(r.Header.Get("Accept-Language")))
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// inChinese reports whether the request in ctx reads Chinese, as a request
// that said nothing does.
func inChinese(ctx context.Context) bool {
	zh, ok := ctx.Value(languageKey{}).(bool)
	return zh || !ok
}

// prefersChinese reads an Accept-Language header (see httperr.PrefersChinese).
func prefersChinese(header string) bool { return httperr.PrefersChinese(header) }

// message is an error's text in each language; the presenter sends one.
type message struct{ zh, en string }

func (m message) in(ctx context.Context) string {
	if inChinese(ctx) || m.en == "" {
		return m.zh
	}
	return m.en
}

// labelled prefixes a Chinese message with the field's label (所在网格：…)
// and an English one with the field's name (gridID: …).
func labelled(field string, m message) message {
	if field == "" {
		return m
	}
	label := vocab.FieldZh(field)
	if label == "" {
		label = field
	}
	return message{zh: label + "：" + m.zh, en: field + ": " + m.en}
}

// validatorWords is what an ent field validator found: the check package's
// finding in both languages with its reason, or ent's own (English) with a
// Chinese line that says the value does not fit.
func validatorWords(verr *ent.ValidationError) (string, message) {
	var c *check.Error
	if errors.As(verr, &c) {
		return c.Reason, message{zh: c.Zh, en: c.En}
	}
	return "INVALID_VALUE", message{zh: "填写的值不符合要求", en: validatorMessage(verr)}
}

// inputCoercion makes gqlgen's and gqlparser's words on a bad variable
// ("input.gridID must be defined", "cannot parse …") name the field in Chinese.
func inputCoercion(e *gqlerror.Error) (field, reason string, m message, ok bool) {
	msg := e.Message
	switch {
	case strings.Contains(msg, "must be defined"):
		// gqlparser puts the variable's path on the error: variable.in.name.
		if field = lastField(e); field == "" || field == "variable" {
			field = fieldOfMessage(msg, " must be defined")
		}
		return field, "REQUIRED", labelled(field, message{zh: "必须填写", en: "must be given"}), field != ""
	case strings.Contains(msg, "cannot be null") || strings.Contains(msg, "must not be null"):
		field = lastField(e)
		if field == "" || field == "variable" {
			field = fieldOfMessage(msg, " cannot be null")
		}
		if field == "" {
			field = fieldOfMessage(msg, " must not be null")
		}
		return field, "REQUIRED", labelled(field, message{zh: "必须填写", en: "must not be null"}), field != ""
	}
	return "", "", message{}, false
}

// fieldOfMessage finds the last path element before suffix in a message
// such as "Variable "$input" … input.gridID must be defined".
func fieldOfMessage(msg, suffix string) string {
	i := strings.Index(msg, suffix)
	if i < 0 {
		return ""
	}
	head := msg[:i]
	if j := strings.LastIndexAny(head, " \"$"); j >= 0 {
		head = head[j+1:]
	}
	if j := strings.LastIndexByte(head, '.'); j >= 0 {
		head = head[j+1:]
	}
	return strings.Trim(head, "\"'`$[]0123456789")
}

// domainMessage is a register error's text in both languages.
func domainMessage(e *register.Error) message {
	zh := e.Zh
	if zh == "" {
		zh = e.Message
	}
	return labelled(e.Field, message{zh: zh, en: e.Message})
}
