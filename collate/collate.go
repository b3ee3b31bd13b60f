// Package collate gives names a key whose plain (byte) order is the order a
// Chinese reader expects: 第二网格 before 第十网格 before 第十一网格, and
// 2号楼 before 10号楼. Plain string order gets these wrong, because the
// code points of 一, 三, 二 and the digits of 10 and 2 do not sort by value.
package collate

import (
	"fmt"
	"strings"
)

// width is how many digits a number of a name is padded to in its key.
const width = 8

var digits = map[rune]int{'零': 0, '〇': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}

func isChinese(r rune) bool {
	_, ok := digits[r]
	return ok || r == '十' || r == '百'
}

func isArabic(r rune) bool { return r >= '0' && r <= '9' }

// Key is name with every run of numerals, Chinese (一, 十二, 一百零五) or
// Arabic, written as a zero-padded number, so that comparing keys byte by
// byte compares those numbers by value.
func Key(name string) string {
	var out strings.Builder
	rs := []rune(name)
	for i := 0; i < len(rs); {
		j := i
		switch {
		case isArabic(rs[i]):
			for j < len(rs) && isArabic(rs[j]) {
				j++
			}
			n := strings.TrimLeft(string(rs[i:j]), "0")
			if len(n) < width {
				n = strings.Repeat("0", width-len(n)) + n
			}
			out.WriteString(n)
		case isChinese(rs[i]):
			for j < len(rs) && isChinese(rs[j]) {
				j++
			}
			fmt.Fprintf(&out, "%0*d", width, chineseNumber(rs[i:j]))
		default:
			j++
			out.WriteRune(rs[i])
		}
		i = j
	}
	return out.String()
}

// chineseNumber reads a Chinese numeral: 一 … 九, 十二, 二十, 三十五, 一百零五,
// or digit by digit (二〇二六).
func chineseNumber(rs []rune) int {
	if !strings.ContainsAny(string(rs), "十百") {
		n := 0
		for _, r := range rs {
			n = n*10 + digits[r]
		}
		return n
	}
	total, unit := 0, 0
	pending := -1
	for _, r := range rs {
		switch r {
		case '百', '十':
			unit = 10
			if r == '百' {
				unit = 100
			}
			if pending < 0 {
				pending = 1
			}
			total += pending * unit
			pending = -1
		default:
			pending = digits[r]
		}
	}
	if pending > 0 {
		total += pending
	}
	return total
}
