package ledger

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"jiceng/ent"
	"jiceng/vocab"
)

// Reading a row of the history sheet: the record, attribute, value and
// days it names, each checked (history.go says what the sheet holds).

// hrow is a history row as read: the record, attribute and period it gives.
type hrow struct {
	r       *row
	attr    *historyAttr
	spec    vocab.AttributeSpec
	subject int
	value   any    // the field's value, typed; nil for none
	text    string // the value as compared with a period's
	from    time.Time
	to      *time.Time
	reason  string
}

// key and dated are the row's period with and without its reason.
func (h *hrow) key() string   { return h.dated() + "|" + h.reason }
func (h *hrow) dated() string { return periodKey(h.text, h.from, h.to) }

func periodKey(value string, from time.Time, to *time.Time) string {
	end := ""
	if to != nil {
		end = day(*to)
	}
	return value + "|" + day(from) + "|" + end
}

// periodText is a period's value as compared with a row's.
func periodText(p *ent.Period) string {
	switch {
	case p.RefID != nil:
		return strconv.Itoa(*p.RefID)
	case p.Number != nil:
		return strconv.FormatFloat(*p.Number, 'f', -1, 64)
	case p.Text != nil:
		return *p.Text
	}
	return ""
}

// historyRow reads a row of the history sheet; nil when its record or
// attribute cannot be known.
func (im *importer) historyRow(p *parser, settingIDs map[string]int) *hrow {
	h := &hrow{r: p.r}
	code := p.enum("attribute")
	record, hasRecord := p.cell("record")
	from := p.date("from")
	h.to = p.date("to")
	if from != nil {
		h.from = *from
		if h.to != nil && !h.to.After(*from) {
			p.problem("to", "终止日期%s不晚于起始日期%s", day(*h.to), day(*from))
		}
	}
	h.reason = p.r.cells["reason"]
	if code == "" {
		return nil
	}
	h.attr = historyAttrOf(vocab.Attribute(code))
	h.spec = h.attr.attr.Spec()
	if hasRecord {
		switch h.spec.Type {
		case "Member":
			if m := im.members[record]; m != nil {
				h.subject = m.ID
			} else {
				p.problem("record", "%s", im.missing(SheetMembers, record, fmt.Sprintf("身份号码为“%s”的党员在党员表和系统中都没有", record)))
			}
		case "Organization":
			if o := im.orgRef(p, "record"); o != nil {
				h.subject = o.ID
			}
		case "Unit":
			if u := im.unitRef(p, "record"); u != nil {
				h.subject = u.ID
			}
		case "Area":
			if a, problem := im.area(record); a != nil {
				h.subject = a.ID
			} else {
				p.problem("record", "%s", problem)
			}
		case "RuleSetting":
			if id, ok := settingIDs[record]; ok {
				h.subject = id
			} else {
				p.problem("record", "规则设定“%s”在系统中没有", record)
			}
		}
	}
	v, ok := p.cell("value")
	if !ok {
		return h
	}
	spec := h.spec
	switch {
	case h.attr.labels != nil:
		for _, l := range h.attr.labels {
			if l.zh == v || strings.TrimSuffix(l.zh, "党员") == v {
				h.value, h.text = h.attr.typed(l.code), l.code
			}
		}
		if h.value == nil {
			zh := make([]string, len(h.attr.labels))
			for i, l := range h.attr.labels {
				zh[i] = l.zh
			}
			p.problem("value", "“%s”不是“%s”的可选值；请填写：%s", v, h.attr.zh, strings.Join(zh, "、"))
		}
	case h.attr.ref != "":
		var id int
		switch h.attr.ref {
		case "unit":
			if u := im.unitRef(p, "value"); u != nil {
				id = u.ID
			}
		case "area":
			if a, problem := im.area(v); a != nil {
				id = a.ID
			} else {
				p.problem("value", "%s", problem)
			}
		case "member":
			if m := im.memberRef(p, "value"); m != nil {
				id = m.ID
			}
		case "group":
			if g, problem := im.keys.organization(v, true); g != nil {
				id = g.ID
			} else {
				p.problem("value", "%s", problem)
			}
		default:
			if o := im.orgRef(p, "value"); o != nil {
				id = o.ID
			}
		}
		if id != 0 {
			h.value, h.text = id, strconv.Itoa(id)
		}
	case spec.Bool:
		if b := p.yesNo("value"); b != nil {
			h.value = b
			h.text = "0"
			if b.(bool) {
				h.text = "1"
			}
		}
	case spec.Value == vocab.NumberValue:
		f, err := strconv.ParseFloat(strings.ReplaceAll(v, ",", ""), 64)
		if err != nil || f < 0 || math.IsInf(f, 0) {
			p.problem("value", "“%s”不是0或正数", v)
			break
		}
		h.text = strconv.FormatFloat(f, 'f', -1, 64)
		if spec.Attribute == vocab.SettingValue {
			h.value = f
		} else if f != math.Trunc(f) {
			p.problem("value", "“%s”不是整数", v)
		} else {
			h.value = int(f)
		}
	default:
		h.value, h.text = v, v
	}
	return h
}
