package main

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
)

// pair is one benchmark query, written for each server so that both return
// the same rows and fields.
type pair struct {
	name           string
	jiceng, peer   string
	jicengV, peerV func(i int) map[string]any
}

// unitFields are the unit's columns both APIs return alike.
const unitFields = `id name kind employees creditCode aboveDesignatedSize`

func pairs(unitIDs []int) []pair {
	none := func(int) map[string]any { return nil }
	byID := func(str bool) func(i int) map[string]any {
		return func(i int) map[string]any {
			id := unitIDs[(i*7919)%len(unitIDs)]
			if str {
				return map[string]any{"id": strconv.Itoa(id)}
			}
			return map[string]any{"id": strconv.Itoa(id)} // BigInt is a string in PostGraphile
		}
	}
	return []pair{
		{
			name:    "list",
			jiceng:  `{units(first:50){totalCount edges{node{` + unitFields + `}}}}`,
			peer:    `{allUnits(first:50,orderBy:ID_ASC){totalCount nodes{` + unitFields + `}}}`,
			jicengV: none, peerV: none,
		},
		{
			// Three levels: communities, their grids, the grids' units
			// (5 × 10 × 10 = 500 units on the synthetic city).
			name: "nested",
			jiceng: `{areas(first:5,where:{kind:COMMUNITY}){edges{node{id name kind
				children{id name kind units{` + unitFields + `}}}}}}`,
			peer: `{allAreas(first:5,condition:{kind:"COMMUNITY"},orderBy:ID_ASC){nodes{id name kind
				areasByParentIdList{id name kind unitsByGridIdList{` + unitFields + `}}}}}`,
			jicengV: none, peerV: none,
		},
		{
			name:    "by-id",
			jiceng:  `query($id:ID!){node(id:$id){...on Unit{` + unitFields + ` grid{id name}}}}`,
			peer:    `query($id:BigInt!){unitById(id:$id){` + unitFields + ` areaByGridId{id name}}}`,
			jicengV: byID(true), peerV: byID(false),
		},
	}
}

// names maps PostGraphile's field names to Jiceng's.
var names = map[string]string{
	"allUnits": "units", "allAreas": "areas", "unitById": "node",
	"areasByParentIdList": "children", "unitsByGridIdList": "units", "areaByGridId": "grid",
}

// canonical turns a response into a form both servers' answers share:
// Relay's edges/node and PostGraphile's nodes become plain lists, field
// names are Jiceng's, scalars are strings (an ID is "12" in one and 12 in
// the other) and lists are compared as sets, in ID order.
func canonical(body []byte) (string, error) {
	var v any
	if err := json.Unmarshal(body, &v); err != nil {
		return "", err
	}
	out, err := json.Marshal(canon(v))
	return string(out), err
}

func canon(v any) any {
	switch v := v.(type) {
	case map[string]any:
		if edges, ok := v["edges"].([]any); ok {
			list := make([]any, len(edges))
			for i, e := range edges {
				list[i] = e.(map[string]any)["node"]
			}
			rest := map[string]any{"list": canon(list)}
			if n, ok := v["totalCount"]; ok {
				rest["totalCount"] = canon(n)
			}
			return rest
		}
		if nodes, ok := v["nodes"].([]any); ok {
			rest := map[string]any{"list": canon(nodes)}
			if n, ok := v["totalCount"]; ok {
				rest["totalCount"] = canon(n)
			}
			return rest
		}
		m := map[string]any{}
		for k, x := range v {
			if n, ok := names[k]; ok {
				k = n
			}
			m[k] = canon(x)
		}
		return m
	case []any:
		list := make([]any, len(v))
		keys := make([]string, len(v))
		for i, x := range v {
			list[i] = canon(x)
			b, _ := json.Marshal(list[i])
			keys[i] = string(b)
		}
		idx := make([]int, len(v))
		for i := range idx {
			idx[i] = i
		}
		slices.SortFunc(idx, func(a, b int) int { return cmpID(list[a], list[b], keys[a], keys[b]) })
		sorted := make([]any, len(v))
		for i, j := range idx {
			sorted[i] = list[j]
		}
		return sorted
	case nil:
		return nil
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	default:
		return fmt.Sprint(v)
	}
}

func cmpID(a, b any, ka, kb string) int {
	ma, oka := a.(map[string]any)
	mb, okb := b.(map[string]any)
	if oka && okb {
		ia, erra := strconv.Atoi(fmt.Sprint(ma["id"]))
		ib, errb := strconv.Atoi(fmt.Sprint(mb["id"]))
		if erra == nil && errb == nil && ia != ib {
			return ia - ib
		}
	}
	switch {
	case ka < kb:
		return -1
	case ka > kb:
		return 1
	}
	return 0
}
