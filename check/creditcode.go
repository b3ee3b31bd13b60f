// Package check validates the identifiers and values the register accepts:
// unified social credit codes, resident ID numbers, phone numbers and dates.
// Each function returns an error whose text says what is wrong, in words a
// clerk can act on; callers add the field name.
package check

import (
	"fmt"
	"strings"
)

// creditCodeChars is the alphabet of GB 32100-2015: digits and the capital
// letters without I, O, S, V and Z; a character's index is its value.
const creditCodeChars = "0123456789ABCDEFGHJKLMNPQRTUWXY"

// creditCodeWeights are the weights of positions 1–17 (3^(i-1) mod 31).
var creditCodeWeights = [17]int{1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28}

// CreditCode checks a unified social credit code (统一社会信用代码): 18
// characters of the GB 32100 alphabet, positions 3–8 an administrative
// division code, and a last character that matches the check computed from
// the first seventeen.
func CreditCode(code string) error {
	if len(code) != 18 {
		return fail("CREDIT_CODE_LENGTH", "应为18位，现为%d位", "must be 18 characters, got %d", len([]rune(code)))
	}
	sum := 0
	for i := 0; i < 18; i++ {
		v := strings.IndexByte(creditCodeChars, code[i])
		if v < 0 {
			return fail("CREDIT_CODE_CHARACTER", "第%[1]d位“%[2]c”不允许（只能是数字和除I、O、S、V、Z以外的大写字母）", "character %d %q is not allowed (digits and capitals other than I, O, S, V, Z)", i+1, code[i])
		}
		if i >= 2 && i < 8 && v > 9 {
			return fail("CREDIT_CODE_DIVISION", "第3–8位是行政区划码，必须是数字", "characters 3–8 are the administrative division code and must be digits")
		}
		if i < 17 {
			sum += v * creditCodeWeights[i]
		}
	}
	want := creditCodeChars[(31-sum%31)%31]
	if code[17] != want {
		return fail("CREDIT_CODE_CHECK_CHARACTER", "校验位是“%[1]c”，按前17位应为“%[2]c”，请核对", "check character is %q, want %q", code[17], want)
	}
	return nil
}

// CreditCodeCheck returns the check character for the first seventeen
// characters of a credit code, for tools that build codes.
func CreditCodeCheck(first17 string) (byte, error) {
	if len(first17) != 17 {
		return 0, fmt.Errorf("want 17 characters, got %d", len(first17))
	}
	sum := 0
	for i := 0; i < 17; i++ {
		v := strings.IndexByte(creditCodeChars, first17[i])
		if v < 0 {
			return 0, fmt.Errorf("character %d %q is not allowed", i+1, first17[i])
		}
		sum += v * creditCodeWeights[i]
	}
	return creditCodeChars[(31-sum%31)%31], nil
}
