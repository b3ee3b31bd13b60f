package check

import (
	"strings"
)

// Phone checks a telephone number: an 11-digit mobile number starting with
// 1, or a landline of 7 to 8 digits with an optional area code joined by a
// hyphen (0994-1234567). Spaces are not accepted, so numbers compare equal.
func Phone(phone string) error {
	if len(phone) == 11 && phone[0] == '1' && allDigits(phone) {
		return nil
	}
	area, local, found := strings.Cut(phone, "-")
	if !found {
		area, local = "", phone
	}
	if found && (len(area) < 3 || len(area) > 4 || area[0] != '0' || !allDigits(area)) {
		return fail("PHONE_AREA_CODE", "区号应为以0开头的3或4位数字", "area code must be 3 or 4 digits starting with 0")
	}
	if len(local) < 7 || len(local) > 8 || !allDigits(local) {
		return fail("PHONE_FORMAT", "应为11位手机号码，或7–8位固定电话（可加区号和“-”，如0994-1234567）", "must be an 11-digit mobile number or a 7–8 digit landline, optionally after an area code and a hyphen")
	}
	return nil
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
