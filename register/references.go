package register

import "strings"

// ReferenceType is the record type a value of an audit entry of a record of
// entityType names under key, or "" when the key names no record: an edge
// the write linked (grid, areas, parent …, as the references hook checks
// them) or the field that holds one (grid_id). The audit log names such a
// value by its record.
func ReferenceType(entityType, key string) string {
	edge := strings.TrimSuffix(key, "_id")
	if edge == "parent" {
		return parents[entityType].typ
	}
	return targets[edge].typ
}
