package register

import (
	"fmt"
	"reflect"

	"jiceng/ent"
	"jiceng/vocab"
)

// The values of periods: converting between the Go values of a record's
// fields and the typed columns of its periods.

// columnValue converts a period's value back to the Go type of the
// record's field, taking the type from the value the write set or had.
func columnValue(s vocab.AttributeSpec, p *ent.Period, samples ...any) any {
	var sample any
	for _, x := range samples {
		if x != nil && !isNil(x) {
			sample = x
			break
		}
	}
	var v reflect.Value
	switch {
	case p.RefID != nil:
		v = reflect.ValueOf(*p.RefID)
	case p.Number != nil && s.Bool:
		return *p.Number != 0
	case p.Number != nil:
		v = reflect.ValueOf(*p.Number)
	case p.Text != nil:
		v = reflect.ValueOf(*p.Text)
	default:
		return nil
	}
	if sample == nil {
		return v.Interface()
	}
	t := reflect.TypeOf(sample)
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return v.Convert(t).Interface()
}

func sameValue(s vocab.AttributeSpec, a, b any) bool {
	na, nb := a == nil || isNil(a), b == nil || isNil(b)
	if na || nb {
		return na == nb
	}
	switch s.Value {
	case vocab.RefValue:
		return toInt(a) == toInt(b)
	case vocab.NumberValue:
		return toFloat(a) == toFloat(b)
	}
	return toText(a) == toText(b)
}

func isNil(x any) bool {
	v := reflect.ValueOf(x)
	return !v.IsValid() || (v.Kind() == reflect.Pointer && v.IsNil())
}

func deref(x any) reflect.Value {
	v := reflect.ValueOf(x)
	for v.Kind() == reflect.Pointer {
		v = v.Elem()
	}
	return v
}

func toInt(x any) int {
	v := deref(x)
	switch v.Kind() {
	case reflect.Int, reflect.Int64, reflect.Int32:
		return int(v.Int())
	case reflect.Float64:
		return int(v.Float())
	}
	return 0
}

func toFloat(x any) float64 {
	v := deref(x)
	switch v.Kind() {
	case reflect.Int, reflect.Int64, reflect.Int32:
		return float64(v.Int())
	case reflect.Float64, reflect.Float32:
		return v.Float()
	case reflect.Bool:
		if v.Bool() {
			return 1
		}
	}
	return 0
}

func toText(x any) string {
	v := deref(x)
	if v.Kind() == reflect.String {
		return v.String()
	}
	return fmt.Sprint(v.Interface())
}
