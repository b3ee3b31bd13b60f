package policy

import "testing"

func TestMaskText(t *testing.T) {
	for _, c := range []struct {
		in          string
		first, last int
		want        string
	}{
		{"13812345678", 3, 4, "138****5678"},
		{"652302198001011237", 3, 4, "652***********1237"},
		{"阜康市博峰街道某小区3号楼", 6, 0, "阜康市博峰街*******"},
		{"12345", 3, 4, "*****"},
		{"", 3, 4, ""},
	} {
		if got := MaskText(c.in, c.first, c.last); got != c.want {
			t.Errorf("MaskText(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
