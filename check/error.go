package check

import "fmt"

// Error is what a validator found wrong, in English (its Error text) and in
// Chinese, with a stable reason (upper snake case, such as
// ID_NUMBER_CHECK_CHARACTER) that the API sends as extensions.reason.
type Error struct {
	Reason string
	Zh     string
	En     string
}

// Error returns the English message.
func (e *Error) Error() string { return e.En }

// fail formats the message in both languages from the same args.
func fail(reason, zh, en string, args ...any) *Error {
	return &Error{Reason: reason, Zh: fmt.Sprintf(zh, args...), En: fmt.Sprintf(en, args...)}
}
