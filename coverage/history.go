package coverage

import "jiceng/vocab"

// The analysis reads every attribute with history as it stood on {d}
// through these helpers, so the day's value is defined once (the period in
// force; see register/history.go for how periods are written).

// at is the SQL value on {d} of an attribute of the record in alias x.
// A record whose attributes have all held today's values since on or
// before {d} (most records, for most days asked) is read from its columns;
// the others look up the period in force, by the index on (subject,
// attribute, day).
func at(attr vocab.Attribute, x string) string {
	s := attr.Spec()
	col := x + "." + s.Field
	if s.Bool {
		col = "(CASE WHEN " + col + " THEN 1 ELSE 0 END)"
	}
	return typed(s, "(CASE WHEN "+x+".current_since <= {d} THEN "+col+" ELSE "+periodValue(attr, x+".id")+" END)")
}

// typed gives an expression the type of the attribute's values: a CASE has
// no column affinity in SQLite, and without one the planner will not index
// a join on it.
func typed(s vocab.AttributeSpec, expr string) string {
	switch s.Value {
	case vocab.RefValue:
		return "CAST(" + expr + " AS BIGINT)"
	case vocab.NumberValue:
		return "CAST(" + expr + " AS DOUBLE PRECISION)"
	}
	return expr
}

// periodValue is the SQL value on {d} of an attribute of the record whose
// ID is the expression id, from its periods alone.
func periodValue(attr vocab.Attribute, id string) string {
	s := attr.Spec()
	return "(SELECT p." + string(s.Value) + " FROM periods p WHERE p.subject_id = " + id +
		" AND p.attribute = '" + string(attr) + "' AND " + active("p", "valid_from", "valid_to") + ")"
}

// inForceOn is the SQL test that period alias p of attr holds on {d}.
func inForceOn(attr vocab.Attribute, p string) string {
	return p + ".attribute = '" + string(attr) + "' AND " + active(p, "valid_from", "valid_to")
}

// holding is a SQL query of the IDs of the records whose attribute equals
// the SQL expression value on {d}: those with today's values since then by
// the column's index, the others by the periods' index on (attribute, value,
// day).
func holding(attr vocab.Attribute, value string) string {
	return holdingWhere(attr, "= "+value)
}

// holdingWhere is holding with a comparison of the value: "= x", "IN (…)".
func holdingWhere(attr vocab.Attribute, cmp string) string {
	s := attr.Spec()
	return "SELECT h.id FROM " + s.Table + " h WHERE h." + s.Field + " " + cmp + " AND h.current_since <= {d}" +
		" UNION ALL SELECT p.subject_id FROM periods p JOIN " + s.Table + " h ON h.id = p.subject_id" +
		" WHERE p.attribute = '" + string(attr) + "' AND p." + string(s.Value) + " " + cmp +
		" AND " + active("p", "valid_from", "valid_to") + " AND (h.current_since IS NULL OR h.current_since > {d})"
}
