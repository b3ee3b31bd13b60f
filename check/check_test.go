package check

import (
	"strings"
	"testing"
	"time"
)

func TestCreditCode(t *testing.T) {
	for code, want := range map[string]string{
		"91652302MA0000001U": "",
		"91652302MA00000000": "check character",
		"916523":             "18 characters",
		"91652302MA000000IU": "not allowed",
		"91A52302MA0000001U": "administrative division",
	} {
		err := CreditCode(code)
		if (want == "") != (err == nil) || err != nil && !strings.Contains(err.Error(), want) {
			t.Errorf("CreditCode(%q) = %v, want %q", code, err, want)
		}
	}
}

func TestIDNumber(t *testing.T) {
	for id, want := range map[string]string{
		"11010519491231002X": "",
		"110105194912310021": "check character",
		"11010519491331002X": "date of birth",
		"1101051949123100":   "18 characters",
	} {
		err := IDNumber(id)
		if (want == "") != (err == nil) || err != nil && !strings.Contains(err.Error(), want) {
			t.Errorf("IDNumber(%q) = %v, want %q", id, err, want)
		}
	}
}

func TestPhone(t *testing.T) {
	for phone, ok := range map[string]bool{"13812345678": true, "0994-1234567": true, "5812345": true, "12345": false, "138-1234-5678": false, "0994-12345678": true, "09a4-1234567": false} {
		if got := Phone(phone) == nil; got != ok {
			t.Errorf("Phone(%q): got %v, want %v", phone, got, ok)
		}
	}
}

// FuzzCreditCode: the validator never panics, and accepts exactly the codes
// whose last character is the check character of the first seventeen.
func FuzzCreditCode(f *testing.F) {
	f.Add("91652302MA0000001U")
	f.Add("91652302MA00000000")
	f.Add("")
	f.Fuzz(func(t *testing.T, code string) {
		err := CreditCode(code)
		if err != nil || len(code) != 18 {
			return
		}
		want, cerr := CreditCodeCheck(code[:17])
		if cerr != nil || want != code[17] {
			t.Errorf("CreditCode(%q) accepted a code whose check character is %q", code, want)
		}
	})
}

// FuzzIDNumber: never panics; an accepted number has a real date of birth
// and the check character of its first seventeen digits.
func FuzzIDNumber(f *testing.F) {
	f.Add("11010519491231002X")
	f.Add("652302198001011237")
	f.Fuzz(func(t *testing.T, id string) {
		if IDNumber(id) != nil {
			return
		}
		want, err := IDNumberCheck(id[:17])
		if err != nil || (want != id[17] && !(want == 'X' && id[17] == 'x')) {
			t.Errorf("IDNumber(%q) accepted a wrong check character", id)
		}
		if _, err := time.Parse("20060102", id[6:14]); err != nil {
			t.Errorf("IDNumber(%q) accepted a date of birth that is none", id)
		}
	})
}

// FuzzPhone: never panics; an accepted number is digits with at most one hyphen.
func FuzzPhone(f *testing.F) {
	f.Add("13812345678")
	f.Add("0994-1234567")
	f.Fuzz(func(t *testing.T, phone string) {
		if Phone(phone) != nil {
			return
		}
		if strings.Count(phone, "-") > 1 || strings.Trim(phone, "0123456789-") != "" {
			t.Errorf("Phone(%q) accepted a number with other characters", phone)
		}
	})
}

// FuzzParseDate: never panics; an accepted date writes back as it was read.
func FuzzParseDate(f *testing.F) {
	f.Add("2025-06-30")
	f.Add("2024-02-30")
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			return
		}
		if d.Format(DateLayout) != s || d.Location() != time.UTC || d.Hour() != 0 {
			t.Errorf("ParseDate(%q) = %v, which writes back as %q", s, d, d.Format(DateLayout))
		}
	})
}
