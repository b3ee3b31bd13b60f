// Package register keeps the rules of the register: the checks every write
// must pass, whoever makes it, and the operations that change several
// records at once (transferring a member, upgrading or dissolving an
// organisation). It works on ent clients and knows nothing of GraphQL.
package register

import (
	"errors"
	"fmt"
	"strings"
)

// Code classifies an Error for clients; it is sent as extensions.code.
type Code string

// The codes of errors a client can act on.
const (
	// Invalid means the input broke a rule of the model; fix the named field.
	Invalid Code = "BAD_USER_INPUT"
	// NotFound means a referenced record does not exist.
	NotFound Code = "NOT_FOUND"
	// Conflict means the input is well formed but clashes with the register
	// as it stands, such as a second current membership.
	Conflict Code = "CONFLICT"
	// Unauthenticated means the request says nobody: sign in, or send a token.
	Unauthenticated Code = "UNAUTHENTICATED"
	// Forbidden means the viewer's role or areas do not allow the request.
	Forbidden Code = "FORBIDDEN"
)

// Error is a domain error: what was wrong with which field of the input.
// Its message is written for the person who typed the input, in English
// (Message) and in Chinese (Zh); the API sends the one the client's
// Accept-Language prefers, Chinese by default.
type Error struct {
	Code Code
	// Field is the GraphQL name of the input field at fault, if one is.
	Field   string
	Message string
	// Reason names the rule broken, stably (upper snake case, such as
	// ID_NUMBER_CHECK_CHARACTER), for clients that act on it; it is sent as
	// extensions.reason.
	Reason string
	// Zh is the message in Chinese, naming values as people read them
	// (党支部, not BRANCH; a record's name, not its ID).
	Zh string
}

// Fail makes a domain error with its stable reason and its message in
// Chinese and in English.
func Fail(code Code, field, reason, zh, en string) *Error {
	return &Error{Code: code, Field: field, Reason: reason, Zh: zh, Message: en}
}

// Error returns "field: message", or the message alone.
func (e *Error) Error() string {
	if e.Field == "" {
		return e.Message
	}
	return e.Field + ": " + e.Message
}

// invalid, conflict and notFound make a domain error from the reason and
// the message's Chinese and English formats, which share args: an enum
// value or a bilingual text among them is written in each language's words
// (see words.go), so the Chinese names 党支部 where the English names BRANCH.
func invalid(field, reason, zh, en string, args ...any) *Error {
	return failf(Invalid, field, reason, zh, en, args)
}

func conflict(field, reason, zh, en string, args ...any) *Error {
	return failf(Conflict, field, reason, zh, en, args)
}

func notFound(field, reason, zh, en string, args ...any) *Error {
	return failf(NotFound, field, reason, zh, en, args)
}

func failf(code Code, field, reason, zh, en string, args []any) *Error {
	// A Chinese message may leave out what the English one names (an ID).
	if strings.Contains(zh, "%") {
		zh = fmt.Sprintf(zh, inChinese(args)...)
	}
	return Fail(code, field, reason, zh, fmt.Sprintf(en, inEnglish(args)...))
}

// Localized returns the message in Chinese when zh is true and Zh is set,
// else in English, prefixed by the field as Error() prefixes it; label
// names the field in Chinese (empty leaves the field out).
func (e *Error) Localized(zh bool, label string) string {
	if !zh || e.Zh == "" {
		return e.Error()
	}
	if label == "" {
		return e.Zh
	}
	return label + "：" + e.Zh
}

// AsError returns the domain error in err's chain, if there is one.
func AsError(err error) (*Error, bool) {
	var e *Error
	ok := errors.As(err, &e)
	return e, ok
}
