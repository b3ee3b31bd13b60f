package check

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"unicode/utf8"
)

// NotBlank checks that a text has something other than spaces.
func NotBlank(s string) error {
	if strings.TrimSpace(s) == "" {
		return errors.New("must not be empty")
	}
	return nil
}

// NotNegative checks a count.
func NotNegative(n int) error {
	if n < 0 {
		return fmt.Errorf("%d is negative; must be 0 or more", n)
	}
	return nil
}

// Positive checks a count that must be at least one.
func Positive(n int) error {
	if n < 1 {
		return fmt.Errorf("%d must be 1 or more", n)
	}
	return nil
}

// Score checks a score out of 100 (百分制).
func Score(f float64) error {
	if math.IsNaN(f) || f < 0 || f > 100 {
		return fmt.Errorf("%g is not a score from 0 to 100", f)
	}
	return nil
}

// Year checks a calendar year of the register's history.
func Year(y int) error {
	if y < 1921 || y > 2999 {
		return fmt.Errorf("%d is not a year from 1921 to 2999", y)
	}
	return nil
}

// Username checks a sign-in name: 2 to 32 lower-case letters, digits, dots,
// hyphens or underscores.
func Username(s string) error {
	if len(s) < 2 || len(s) > 32 {
		return fmt.Errorf("must be 2 to 32 characters, got %d", len(s))
	}
	for _, c := range s {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' || c == '-' || c == '_') {
			return fmt.Errorf("%q is not allowed; use lower-case letters, digits, '.', '-' and '_'", c)
		}
	}
	return nil
}

// MaxRunes returns a validator refusing a text longer than n characters,
// the length a register needs for the field: a name, an address, a note.
func MaxRunes(n int) func(string) error {
	return func(s string) error {
		if got := utf8.RuneCountInString(s); got > n {
			return fmt.Errorf("at most %d characters, got %d", n, got)
		}
		return nil
	}
}
