package coverage

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"sync"
	"time"

	"jiceng/register"
)

// A trend keeps its points: each day's figures and counts by rule family
// (a report of one area, without its gaps' subjects: a kilobyte or two),
// by the scope and the day, with the revision they are known current at.
// A point stays current while no write touched its area (or the whole
// register) with a from-day on or before its day (register/touchday.go):
// the same rule as the cache's analyses (cache.go), so after a write dated
// today a trend reads the days from today on and reuses the rest. The rule
// settings in force on a day are part of the register: a change of them
// touches the whole register from the day it takes effect, so a point
// read under other settings is not current.

// keptSize bounds the points kept: a few areas' series of a few years.
const keptSize = 2048

type keptPoints struct {
	mu     sync.Mutex
	points map[string]*keptPoint
	used   int64
	// reused counts the points served again.
	reused int64
}

type keptPoint struct {
	p *TrendPoint
	// area is the area the reading held for (0: the whole register).
	area     int
	revision int64
	used     int64
}

// steps are, for some areas, the rows of area_revisions: by area, the
// from-days of the writes that touched it, each with the latest revision
// of such a write; and the register's revision, read with them.
type steps struct {
	revision int64
	rows     map[int][]step
}

type step struct {
	day      int
	revision int64
}

// steps reads the register's revision and the rows of the areas, the
// whole register and any area, in one statement.
func (en *Engine) steps(ctx context.Context, area int) (*steps, error) {
	areas := []int{register.WholeRegister, register.AnyArea}
	if area != 0 {
		areas = append(areas, area)
	}
	rows, err := en.read.QueryContext(ctx, register.AreaSteps(areas))
	if err != nil {
		return nil, fmt.Errorf("reading the register's revision: %w", err)
	}
	defer rows.Close()
	out := &steps{rows: map[int][]step{}}
	for rows.Next() {
		var a, d sql.NullInt64
		var r int64
		if err := rows.Scan(&a, &d, &r); err != nil {
			return nil, fmt.Errorf("reading the register's revision: %w", err)
		}
		if !a.Valid {
			out.revision = r
			continue
		}
		out.rows[int(a.Int64)] = append(out.rows[int(a.Int64)], step{int(d.Int64), r})
	}
	return out, rows.Err()
}

// touched is the latest revision of a write that may have changed the
// reading of the area (0: the whole register) as of the day.
func (s *steps) touched(area int, day time.Time) int64 {
	d := register.DayNumber(day)
	of := []int{area, register.WholeRegister}
	if area == 0 {
		of[0] = register.AnyArea
	}
	var out int64
	for _, a := range of {
		for _, st := range s.rows[a] {
			if st.day <= d && st.revision > out {
				out = st.revision
			}
		}
	}
	return out
}

// current returns the point kept for the key if it holds at the steps'
// revision, noting it current there.
func (k *keptPoints) current(key string, day time.Time, s *steps) *TrendPoint {
	k.mu.Lock()
	defer k.mu.Unlock()
	e := k.points[key]
	if e == nil {
		return nil
	}
	if e.revision != s.revision {
		if s.revision < e.revision || s.touched(e.area, day) > e.revision {
			delete(k.points, key)
			return nil
		}
		e.revision = s.revision
	}
	k.used++
	e.used = k.used
	k.reused++
	return e.p
}

// put keeps a point read at revision, unless one of a later revision is
// kept, and drops the least recently used beyond keptSize.
func (k *keptPoints) put(key string, p *TrendPoint, area int, revision int64) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if old, ok := k.points[key]; ok && old.revision > revision {
		return
	}
	if k.points == nil {
		k.points = map[string]*keptPoint{}
	}
	k.used++
	k.points[key] = &keptPoint{p: p, area: area, revision: revision, used: k.used}
	if len(k.points) <= keptSize {
		return
	}
	uses := make([]int64, 0, len(k.points))
	for _, e := range k.points {
		uses = append(uses, e.used)
	}
	slices.Sort(uses)
	cut := uses[len(uses)-keptSize*3/4] // keep the most recent three quarters
	for key, e := range k.points {
		if e.used < cut {
			delete(k.points, key)
		}
	}
}
