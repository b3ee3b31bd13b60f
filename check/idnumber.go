package check

import (
	"fmt"
	"time"
)

var idWeights = [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}

const idCheckChars = "10X98765432"

// IDNumber checks an 18-character resident identity number (GB 11643-1999):
// seventeen digits whose characters 7–14 are a real date of birth not in
// the future, then a check character (a digit or X) computed from them.
func IDNumber(id string) error {
	if len(id) != 18 {
		return fail("ID_NUMBER_LENGTH", "应为18位，现为%d位", "must be 18 characters, got %d", len([]rune(id)))
	}
	sum := 0
	for i := 0; i < 17; i++ {
		c := id[i]
		if c < '0' || c > '9' {
			return fail("ID_NUMBER_DIGIT", "第%d位必须是数字", "character %d must be a digit", i+1)
		}
		sum += int(c-'0') * idWeights[i]
	}
	birth, err := time.Parse("20060102", id[6:14])
	if err != nil || birth.Year() < 1900 || birth.After(time.Now()) {
		return fail("ID_NUMBER_BIRTH_DATE", "第7–14位“%s”不是有效的出生日期", "characters 7–14 %q are not a date of birth", id[6:14])
	}
	want := idCheckChars[sum%11]
	if got := id[17]; got != want && !(want == 'X' && got == 'x') {
		return fail("ID_NUMBER_CHECK_CHARACTER", "校验位是“%[1]c”，按前17位应为“%[2]c”，请核对", "check character is %q, want %q", got, want)
	}
	return nil
}

// IDNumberCheck returns the check character for the first seventeen digits
// of a resident identity number.
func IDNumberCheck(first17 string) (byte, error) {
	if len(first17) != 17 {
		return 0, fmt.Errorf("want 17 digits, got %d", len(first17))
	}
	sum := 0
	for i := 0; i < 17; i++ {
		c := first17[i]
		if c < '0' || c > '9' {
			return 0, fmt.Errorf("character %d must be a digit", i+1)
		}
		sum += int(c-'0') * idWeights[i]
	}
	return idCheckChars[sum%11], nil
}
