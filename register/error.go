// Package register keeps the rules of the register: the checks every write
// must pass, whoever makes it, and the operations that change several
// records at once (transferring a member, upgrading or dissolving an
// organisation). It works on ent clients and knows nothing of GraphQL.
package register

import (
	"errors"
	"fmt"
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

func invalid(field, format string, args ...any) *Error {
	return &Error{Code: Invalid, Field: field, Message: fmt.Sprintf(format, args...)}
}

func conflict(field, format string, args ...any) *Error {
	return &Error{Code: Conflict, Field: field, Message: fmt.Sprintf(format, args...)}
}

func notFound(field, format string, args ...any) *Error {
	return &Error{Code: NotFound, Field: field, Message: fmt.Sprintf(format, args...)}
}

// AsError returns the domain error in err's chain, if there is one.
func AsError(err error) (*Error, bool) {
	var e *Error
	ok := errors.As(err, &e)
	return e, ok
}
