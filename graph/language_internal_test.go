package graph

import "testing"

func TestPrefersChinese(t *testing.T) {
	for header, zh := range map[string]bool{
		"":                        true,
		"zh-CN":                   true,
		"zh-CN,zh;q=0.9,en;q=0.8": true,
		"en":                      false,
		"en-GB,en;q=0.9":          false,
		"en-US,en;q=0.9,zh;q=0.8": false,
		"fr-FR":                   true,
		"fr;q=0.9,en;q=0.8":       false,
		"*":                       true,
		"en;q=0.5,zh-TW;q=0.6":    true,
		"en;q=0":                  true,
		"EN":                      false,
	} {
		if got := prefersChinese(header); got != zh {
			t.Errorf("prefersChinese(%q) = %v, want %v", header, got, zh)
		}
	}
}
