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
		return fmt.Errorf("must be 18 characters, got %d", len([]rune(id)))
	}
	sum := 0
	for i := 0; i < 17; i++ {
		c := id[i]
		if c < '0' || c > '9' {
			return fmt.Errorf("character %d must be a digit", i+1)
		}
		sum += int(c-'0') * idWeights[i]
	}
	birth, err := time.Parse("20060102", id[6:14])
	if err != nil || birth.Year() < 1900 || birth.After(time.Now()) {
		return fmt.Errorf("characters 7–14 %q are not a date of birth", id[6:14])
	}
	want := idCheckChars[sum%11]
	if got := id[17]; got != want && !(want == 'X' && got == 'x') {
		return fmt.Errorf("check character is %q, want %q", got, want)
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
