package check

import (
	"math"
	"strings"
	"unicode/utf8"
)

// NotBlank checks that a text has something other than spaces.
func NotBlank(s string) error {
	if strings.TrimSpace(s) == "" {
		return fail("REQUIRED", "不能为空", "must not be empty")
	}
	return nil
}

// NotNegative checks a count.
func NotNegative(n int) error {
	if n < 0 {
		return fail("NEGATIVE", "%d是负数，应不小于0", "%d is negative; must be 0 or more", n)
	}
	return nil
}

// Positive checks a count that must be at least one.
func Positive(n int) error {
	if n < 1 {
		return fail("NOT_POSITIVE", "%d应不小于1", "%d must be 1 or more", n)
	}
	return nil
}

// Score checks a score out of 100 (百分制).
func Score(f float64) error {
	if math.IsNaN(f) || f < 0 || f > 100 {
		return fail("SCORE_RANGE", "%g不是0至100之间的分数", "%g is not a score from 0 to 100", f)
	}
	return nil
}

// Year checks a calendar year of the register's history.
func Year(y int) error {
	if y < 1921 || y > 2999 {
		return fail("YEAR_RANGE", "%d不是1921至2999之间的年份", "%d is not a year from 1921 to 2999", y)
	}
	return nil
}

// Username checks a sign-in name: 2 to 32 lower-case letters, digits, dots,
// hyphens or underscores.
func Username(s string) error {
	if len(s) < 2 || len(s) > 32 {
		return fail("USERNAME_LENGTH", "应为2至32个字符，现为%d个", "must be 2 to 32 characters, got %d", len(s))
	}
	for _, c := range s {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' || c == '-' || c == '_') {
			return fail("USERNAME_CHARACTER", "不允许“%c”；只能用小写字母、数字、“.”、“-”和“_”", "%q is not allowed; use lower-case letters, digits, '.', '-' and '_'", c)
		}
	}
	return nil
}

// MaxRunes returns a validator refusing a text longer than n characters,
// the length a register needs for the field: a name, an address, a note.
func MaxRunes(n int) func(string) error {
	return func(s string) error {
		if got := utf8.RuneCountInString(s); got > n {
			return fail("TOO_LONG", "最多%[1]d个字，现为%[2]d个", "at most %d characters, got %d", n, got)
		}
		return nil
	}
}
