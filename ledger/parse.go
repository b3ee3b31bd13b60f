package ledger

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"time"
)

// parser reads a row's cells into values, collecting a problem for every
// cell that is missing or cannot be read.
type parser struct {
	r        *row
	problems []Problem
}

func (p *parser) failed() bool { return len(p.problems) > 0 }

// problem notes what is wrong with a column of the row.
func (p *parser) problem(key, format string, args ...any) {
	c := p.r.sheet.column(key)
	p.problems = append(p.problems, Problem{Sheet: p.r.sheet.name, Row: p.r.n, Column: c.Header,
		Value: shown(c, p.r.cells[key]), Message: fmt.Sprintf(format, args...)})
}

// shown is a cell's value as the ledger shows it: a date cell as its day.
func shown(c *column, v string) string {
	if c != nil && c.kind == dateCell && v != "" {
		if t, err := parseDate(v); err == nil {
			return t.Format(time.DateOnly)
		}
	}
	return v
}

// cell is a cell's text, with a problem when a required one is empty.
func (p *parser) cell(key string) (string, bool) {
	v, ok := p.r.cells[key]
	if !ok && p.r.sheet.column(key).Required {
		p.problem(key, "“%s”必须填写", p.r.sheet.column(key).Header)
	}
	return v, ok
}

// text is a text cell; nil when empty.
func (p *parser) text(key string) any {
	if v, ok := p.cell(key); ok {
		return v
	}
	return nil
}

// checked is a text cell that must pass check; a value that does not is
// told what the value must be like.
func (p *parser) checked(key string, check func(string) error, what, rule string) any {
	v, ok := p.cell(key)
	if !ok {
		return nil
	}
	if err := check(v); err != nil {
		p.problem(key, "“%s”不是有效的%s：%s", v, what, rule)
		return nil
	}
	return v
}

// The rules of the checked values, as the problems tell them.
const (
	creditCodeRule = "应为18位，由数字和大写字母（不用I、O、S、V、Z）组成，第3–8位为行政区划代码，最后一位为校验码（GB 32100）"
	idNumberRule   = "应为18位，第7–14位为出生日期，最后一位为校验码（数字或X，GB 11643）"
	phoneRule      = "应为11位手机号码，或带区号的固定电话"
)

// date is a date cell; nil when empty.
func (p *parser) date(key string) *time.Time {
	v, ok := p.cell(key)
	if !ok {
		return nil
	}
	t, err := parseDate(v)
	if err != nil {
		p.problem(key, "“%s”不是日期；请写成 2024-03-01 这样的日期", v)
		return nil
	}
	return &t
}

// dateValue is a date cell as a field's value: nil when empty.
func (p *parser) dateValue(key string) any {
	if t := p.date(key); t != nil {
		return *t
	}
	return nil
}

// number is a whole number of 0 or more; nil when empty.
func (p *parser) number(key string) any {
	v, ok := p.cell(key)
	if !ok {
		return nil
	}
	f, err := strconv.ParseFloat(strings.ReplaceAll(v, ",", ""), 64)
	if err != nil || f < 0 || f != float64(int(f)) {
		p.problem(key, "“%s”不是0或正整数", v)
		return nil
	}
	return int(f)
}

// yesNo is 是 or 否; nil when empty.
func (p *parser) yesNo(key string) any {
	v, ok := p.cell(key)
	if !ok {
		return nil
	}
	switch v {
	case "是":
		return true
	case "否":
		return false
	}
	p.problem(key, "“%s”不是可选的值；请填“是”或“否”", v)
	return nil
}

// enum is an enumeration's code, read from its Chinese; "" when empty. A
// code or an English word is refused with the values the column takes.
func (p *parser) enum(key string) string {
	v, ok := p.cell(key)
	if !ok {
		return ""
	}
	c := p.r.sheet.column(key)
	for _, l := range c.enum {
		if l.zh == v {
			return l.code
		}
	}
	// 党员 categories are often written short: 在职, 离退休, 个体, 流动.
	for _, l := range c.enum {
		if strings.TrimSuffix(l.zh, "党员") == v {
			return l.code
		}
	}
	p.problem(key, "“%s”不是“%s”的可选值；请填写：%s", v, c.Header, allowedText(c))
	return ""
}

// deref is what a pointer points to, and a typed string as a string.
func deref(v any) any {
	rv := reflect.ValueOf(v)
	for rv.Kind() == reflect.Pointer {
		if rv.IsNil() {
			return nil
		}
		rv = rv.Elem()
	}
	if rv.Kind() == reflect.String {
		return rv.String()
	}
	return rv.Interface()
}
