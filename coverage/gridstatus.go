package coverage

// gridStatuses decides each grid's status and counts grids by status in
// every area above them: uncovered without a responsible organisation,
// partial with a HIGH or CRITICAL gap located in it, covered otherwise.
func (a *analysis) gridStatuses() {
	ids := sortedKeys(a.tree.nodes)
	if a.env.scoped() {
		ids = a.env.scope.ids // a scoped analysis holds for its areas alone
	}
	for _, id := range ids {
		n := a.tree.nodes[id]
		if n.kind != "GRID" || !n.active {
			continue
		}
		t := a.tally(id)
		status := Covered
		switch {
		case t.orgs == 0:
			status = Uncovered
		case urgentGaps(t) > 0:
			status = Partial
		}
		a.status[id] = status
		for _, up := range a.located(id) {
			up.grids.Total++
			switch status {
			case Covered:
				up.grids.Covered++
			case Partial:
				up.grids.Partial++
			case Uncovered:
				up.grids.Uncovered++
			}
		}
	}
}

func urgentGaps(t *tally) int {
	n := 0
	for i, c := range t.gaps {
		if s := rules[i].Severity; s == Critical || s == High {
			n += int(c)
		}
	}
	return n
}
