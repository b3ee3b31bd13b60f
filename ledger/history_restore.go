package ledger

import (
	"errors"
	"fmt"
	"sort"
	"strconv"

	"jiceng/ent"
	"jiceng/ent/kindchange"
	"jiceng/ent/period"
	"jiceng/register"
	"jiceng/vocab"
)

// Importing the history sheet: the rows read (history_read.go) grouped by
// record and attribute, checked for overlaps, compared with the register's
// periods and restored where they differ.

// hgroup is the rows of one attribute of one record.
type hgroup struct {
	spec vocab.AttributeSpec
	rows []*hrow
}

// historyRows imports the history sheet.
func (im *importer) historyRows(rows []*row) error {
	settings, err := im.c.RuleSetting.Query().All(im.sys)
	if err != nil {
		return fmt.Errorf("loading rule settings: %w", err)
	}
	settingIDs := map[string]int{}
	for _, s := range settings {
		settingIDs[settingKey(s)] = s.ID
	}
	// Read every row; group the good ones by record and attribute.
	groups := map[string]*hgroup{}
	subjects := map[string][]string{} // record -> its groups, in the sheet's order
	var subjectOrder []string
	bad := map[string]bool{} // records with a row that has problems
	for _, r := range rows {
		p := &parser{r: r}
		h := im.historyRow(p, settingIDs)
		if h == nil || p.failed() {
			if h != nil {
				bad[h.spec.Type+"|"+strconv.Itoa(h.subject)] = true
			}
			im.fail(r, r.cells["record"], p.problems)
			im.tick()
			continue
		}
		subject := h.spec.Type + "|" + strconv.Itoa(h.subject)
		gk := subject + "|" + string(h.attr.attr)
		g := groups[gk]
		if g == nil {
			g = &hgroup{spec: h.spec}
			groups[gk] = g
			if _, ok := subjects[subject]; !ok {
				subjectOrder = append(subjectOrder, subject)
			}
			subjects[subject] = append(subjects[subject], gk)
		}
		g.rows = append(g.rows, h)
	}
	// One value at a time (or, of a set, each value once at a time).
	for subject, gks := range subjects {
		for _, gk := range gks {
			g := groups[gk]
			sort.SliceStable(g.rows, func(i, j int) bool { return g.rows[i].from.Before(g.rows[j].from) })
			last := map[string]*hrow{}
			kept := g.rows[:0]
			for _, h := range g.rows {
				lane := ""
				if g.spec.Set {
					lane = h.text
				}
				if prev := last[lane]; prev != nil && (prev.to == nil || h.from.Before(*prev.to)) {
					until := "至今"
					if prev.to != nil {
						until = "至" + day(*prev.to)
					}
					p := &parser{r: h.r}
					p.problem("from", "与第%d行（%s起%s）的时间重叠：同一条记录的“%s”同一时间只能有一个取值", prev.r.n, day(prev.from), until, h.attr.zh)
					im.fail(h.r, h.r.cells["record"], p.problems)
					im.tick()
					bad[subject] = true
					continue
				}
				last[lane] = h
				kept = append(kept, h)
			}
			g.rows = kept
		}
	}
	existing, err := im.periodsOf(groups)
	if err != nil {
		return err
	}
	for _, subject := range subjectOrder {
		var differ []*hgroup
		for _, gk := range subjects[subject] {
			g := groups[gk]
			have := keysOf(existing[gk])
			if !sameHistory(g.rows, have) {
				differ = append(differ, g)
			}
			for _, h := range g.rows {
				a := Created
				switch {
				case have[h.key()]:
					a = Unchanged
				case have[h.dated()]:
					a = Updated // its reason
				}
				im.outcome(h.r, h.r.cells["record"], a, nil)
				im.tick()
			}
		}
		if bad[subject] {
			continue
		}
		if len(differ) > 0 {
			if err := im.restore(differ); err != nil {
				return err
			}
		}
		if g := groups[subject+"|"+string(vocab.OrganizationKindAttr)]; g != nil && len(g.rows) > 0 {
			if err := im.kindChanges(g.rows); err != nil {
				return err
			}
		}
	}
	return nil
}

// kindChanges records each change of an organisation's kind its history
// gives (the log upgradeOrganization keeps, read as kindChanges), when the
// register does not have it yet.
func (im *importer) kindChanges(rows []*hrow) error {
	id := rows[0].subject
	have, err := im.c.KindChange.Query().Where(kindchange.OrganizationID(id)).All(im.sys)
	if err != nil {
		return fmt.Errorf("loading kind changes: %w", err)
	}
	on := map[string]bool{}
	for _, k := range have {
		on[day(k.ChangedOn)] = true
	}
	for i := 1; i < len(rows); i++ {
		prev, h := rows[i-1], rows[i]
		if prev.to == nil || !prev.to.Equal(h.from) || prev.value == nil || h.value == nil || prev.text == h.text || on[day(h.from)] {
			continue
		}
		b := im.c.KindChange.Create().SetOrganizationID(id).SetFromKind(prev.value.(vocab.OrganizationKind)).
			SetToKind(h.value.(vocab.OrganizationKind)).SetChangedOn(h.from)
		if h.reason != "" {
			b.SetReason(h.reason)
		}
		if err := b.Exec(im.ctx); err != nil {
			p, ok := im.problemOf(h.r, err)
			if !ok {
				return err
			}
			im.res.Problems = append(im.res.Problems, p)
			im.markFailed(h.r)
			return nil
		}
	}
	return nil
}

func groupKey(spec vocab.AttributeSpec, subject int) string {
	return spec.Type + "|" + strconv.Itoa(subject) + "|" + string(spec.Attribute)
}

func keysOf(ps []*ent.Period) map[string]bool {
	out := make(map[string]bool, 2*len(ps))
	for _, p := range ps {
		dated := periodKey(periodText(p), p.ValidFrom, p.ValidTo)
		out[dated] = true
		out[dated+"|"+p.Reason] = true
	}
	return out
}

// sameHistory reports whether the rows give exactly the periods the register has.
func sameHistory(rows []*hrow, have map[string]bool) bool {
	if 2*len(rows) != len(have) {
		return false
	}
	for _, h := range rows {
		if !have[h.key()] {
			return false
		}
	}
	return true
}

// periodsOf loads the periods of the attributes the rows give, by group.
func (im *importer) periodsOf(groups map[string]*hgroup) (map[string][]*ent.Period, error) {
	attrs := map[vocab.Attribute]bool{}
	for _, g := range groups {
		attrs[g.spec.Attribute] = true
	}
	out := map[string][]*ent.Period{}
	for a := range attrs {
		ps, err := im.c.Period.Query().Where(period.AttributeEQ(a)).All(im.sys)
		if err != nil {
			return nil, fmt.Errorf("loading the history of %s: %w", a, err)
		}
		spec := a.Spec()
		for _, p := range ps {
			gk := groupKey(spec, p.SubjectID)
			if groups[gk] != nil {
				out[gk] = append(out[gk], p)
			}
		}
	}
	return out, nil
}

// restore writes a record's history: the periods of each attribute that
// differs become the rows', through the register's restore (which checks
// them and audits the record's update), in a savepoint: a group the
// register refuses is reported at its first row, and none of the record's
// history is kept.
func (im *importer) restore(groups []*hgroup) error {
	if _, err := im.c.ExecContext(im.ctx, "SAVEPOINT ledger_history"); err != nil {
		return fmt.Errorf("ledger: savepoint: %w", err)
	}
	for _, g := range groups {
		ps := make([]register.PeriodValue, len(g.rows))
		for i, h := range g.rows {
			ps[i] = register.PeriodValue{Value: h.value, From: h.from, To: h.to, Reason: h.reason}
		}
		err := register.RestoreHistory(im.ctx, im.c, g.spec.Attribute, g.rows[0].subject, ps)
		if err == nil {
			continue
		}
		if _, rerr := im.c.ExecContext(im.ctx, "ROLLBACK TO SAVEPOINT ledger_history"); rerr != nil {
			return errors.Join(err, fmt.Errorf("ledger: rolling back the history: %w", rerr))
		}
		at := g.rows[0]
		if d, ok := register.AsError(err); ok && d.Field == "value" {
			for _, h := range g.rows {
				if h.to == nil {
					at = h
				}
			}
		}
		p, ok := im.problemOf(at.r, err)
		if !ok {
			return err
		}
		im.res.Problems = append(im.res.Problems, p)
		im.markFailed(at.r)
		return nil
	}
	if _, err := im.c.ExecContext(im.ctx, "RELEASE SAVEPOINT ledger_history"); err != nil {
		return fmt.Errorf("ledger: releasing the savepoint: %w", err)
	}
	return nil
}

// markFailed turns a row's outcome into a failure.
func (im *importer) markFailed(r *row) {
	for i := range im.res.Rows {
		o := &im.res.Rows[i]
		if o.Sheet == r.sheet.name && o.Row == r.n && o.Action != Failed {
			switch o.Action {
			case Created:
				im.res.Created--
			case Updated:
				im.res.Updated--
			case Unchanged:
				im.res.Unchanged--
			}
			o.Action = Failed
			im.res.Failed++
			return
		}
	}
}
