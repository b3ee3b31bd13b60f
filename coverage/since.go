package coverage

import (
	"context"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"jiceng/calendar"
)

// GapKey names a gap across days: its rule, its subject and its detail (the
// meeting type of a LIFE_MEETINGS_BEHIND gap). A gap's ID adds the day.
type GapKey struct {
	Rule      RuleCode
	SubjectID int
	Detail    string
}

// GapKey is the gap's key.
func (g *Gap) GapKey() GapKey { return GapKey{Rule: g.Rule, SubjectID: g.subjectID, Detail: g.detail} }

// KeyOfGapID reads the key and the day out of a gap's ID; ok is false when
// id is not a gap's.
func KeyOfGapID(id int) (k GapKey, asOf time.Time, ok bool) {
	if !IsGapID(id) {
		return k, asOf, false
	}
	r, d := (id>>ruleShift)&(1<<5-1), (id>>detailShift)&(1<<4-1)
	if r >= len(gapRules) || d >= len(gapDetails) {
		return k, asOf, false
	}
	return GapKey{Rule: gapRules[r], SubjectID: id & (1<<subjectBits - 1), Detail: gapDetails[d]},
		epoch.AddDate(0, 0, (id>>dayShift)&(1<<dayBits-1)), true
}

// GapIDOf is the ID of the gap of key as of a day (0 when it cannot have one).
func GapIDOf(k GapKey, asOf time.Time) int { return gapID(k.Rule, k.SubjectID, k.Detail, asOf) }

// FoundGap is a gap found on a day, as the ledger reconciles it: its key
// and the community (or, outside any community, the area) it lies in.
type FoundGap struct {
	Key GapKey
	// AreaID is the community the subject lies in, else its own area.
	AreaID int
}

// Found lists the gaps found as of a day, every one, by key.
func (en *Engine) Found(ctx context.Context, asOf time.Time) (map[GapKey]FoundGap, error) {
	a, err := en.analysis(ctx, calendar.Day(asOf))
	if err != nil {
		return nil, err
	}
	out := make(map[GapKey]FoundGap, len(a.gaps))
	for _, g := range a.gaps {
		k := GapKey{Rule: g.rule.Code, SubjectID: g.subjectID, Detail: g.detail}
		area := a.tree.nearest(g.areaID, "COMMUNITY")
		if area == 0 {
			area = g.areaID
		}
		out[k] = FoundGap{Key: k, AreaID: area}
	}
	return out, nil
}

// sinceCache keeps, per engine, the last walk back through history: the
// first day of every gap of a day, for one revision of the register.
var sinceCache sync.Map // *Engine → *sinceEntry

type sinceEntry struct {
	once     sync.Once
	asOf     time.Time
	revision int64
	since    map[GapKey]time.Time
	err      error
	done     atomic.Bool // since and err are set
}

// OpenSince says, for every gap found as of a day, the first day it fired
// continuously up to that day, walking back through the register's
// history: a month at a time until the gap is not found, then day by day
// by halves within that month. A gap found on floor (the first day the
// register's history covers, see register.RecordedSince; zero for none)
// is open since floor at the latest, and so is a gap found walkYears
// before the day. A gap that closed and opened again
// within one month of the walk is taken as open through it. The walk is
// kept for the register's revision, so a list of gaps asks it once.
func (en *Engine) OpenSince(ctx context.Context, asOf, floor time.Time) (map[GapKey]time.Time, error) {
	asOf = calendar.Day(asOf)
	revision, err := en.revision(ctx)
	if err != nil {
		return nil, err
	}
	fresh := &sinceEntry{asOf: asOf, revision: revision}
	v, _ := sinceCache.LoadOrStore(en, fresh)
	e := v.(*sinceEntry)
	if !e.asOf.Equal(asOf) || e.revision != revision {
		sinceCache.Store(en, fresh)
		e = fresh
	}
	e.once.Do(func() {
		e.since, e.err = en.walkBack(context.WithoutCancel(ctx), asOf, floor, revision, nil, nil)
		e.done.Store(true)
	})
	return e.since, e.err
}

// OpenSinceOf is OpenSince for a few gaps found as of a day (the keys of a
// hand-over), at a bounded cost: the whole register's walk when it is kept
// for the day and the register's revision already, else a walk for keys
// alone of at most readings readings of the register. A gap whose first
// day the walk could not narrow down within them gets the earliest day it
// is known to have fired on continuously: open since then at the latest.
// Keys not found on the day are left out.
func (en *Engine) OpenSinceOf(ctx context.Context, asOf, floor time.Time, keys []GapKey, readings int) (map[GapKey]time.Time, error) {
	asOf = calendar.Day(asOf)
	revision, err := en.revision(ctx)
	if err != nil {
		return nil, err
	}
	if v, ok := sinceCache.Load(en); ok {
		if e := v.(*sinceEntry); e.asOf.Equal(asOf) && e.revision == revision && e.done.Load() && e.err == nil {
			out := make(map[GapKey]time.Time, len(keys))
			for _, k := range keys {
				if d, ok := e.since[k]; ok {
					out[k] = d
				}
			}
			return out, nil
		}
	}
	return en.walkBack(ctx, asOf, floor, revision, keys, &readings)
}

// walkYears bounds the walk back: a gap found that long before the day
// is open since then at the latest.
const walkYears = 3

// walker reads the days of a walk back through history in one span, lean
// (see env.lean), keeping none of them in the engine's cache: walking back
// must not push out the readings users are looking at. left, when not
// nil, is how many readings it may still take.
type walker struct {
	s    *span
	left *int
}

// keys are the keys of the gaps found as of each day, read side by side:
// of every rule, or when asking for some keys (asking[i] for days[i]), of
// those keys' rules alone, from their fact tables' statements.
func (w *walker) keys(days []time.Time, asking ...[]GapKey) ([]map[GapKey]bool, error) {
	rs := make([]reading, len(days))
	for i := range rs {
		rs[i].lean = true
		if i < len(asking) {
			rs[i].only, rs[i].subjects = map[string]bool{}, map[string][]int{}
			for _, k := range asking[i] {
				facts := ruleByCode[k.Rule].facts
				if facts == "meetings" {
					facts = "org_facts" // read with the organisations (see organizations)
				}
				rs[i].only[facts] = true
				rs[i].subjects[facts] = append(rs[i].subjects[facts], k.SubjectID)
			}
			for f, ids := range rs[i].subjects {
				slices.Sort(ids)
				rs[i].subjects[f] = slices.Compact(ids)
			}
		}
	}
	as, err := w.s.readAs(days, rs)
	if err != nil {
		return nil, err
	}
	out := make([]map[GapKey]bool, len(as))
	for i, a := range as {
		out[i] = make(map[GapKey]bool, len(a.gaps))
		for _, g := range a.gaps {
			out[i][GapKey{Rule: g.rule.Code, SubjectID: g.subjectID, Detail: g.detail}] = true
		}
	}
	return out, nil
}

// walk runs fn with a walker of the register at revision, whose budget is
// a copy of *left (none when left is nil) each time the span starts over.
func (en *Engine) walk(ctx context.Context, revision int64, left *int, fn func(w *walker) error) error {
	_, err := en.inSpan(ctx, revision, scopeKey{}, func(s *span) error {
		w := &walker{s: s}
		if left != nil {
			budget := *left
			w.left = &budget
		}
		return fn(w)
	})
	return err
}

// walkBack walks back from asOf for the keys found on it (of only, when
// only is not nil), reading the register at most *left times when left is
// not nil (see OpenSinceOf).
func (en *Engine) walkBack(ctx context.Context, asOf, floor time.Time, revision int64, only []GapKey, left *int) (map[GapKey]time.Time, error) {
	var since map[GapKey]time.Time
	err := en.walk(ctx, revision, left, func(w *walker) error {
		var err error
		since, err = w.walkBack(asOf, floor, only)
		return err
	})
	return since, err
}

// monthsAhead is how many months back an unbounded walk reads at once: a
// month more than it needs costs a reading, a month at a time costs the
// two cores' reading side by side.
const monthsAhead = 2 * spanWorkers

func (w *walker) walkBack(asOf, floor time.Time, only []GapKey) (map[GapKey]time.Time, error) {
	if bound := calendar.AddYears(asOf, -walkYears); floor.Before(bound) {
		floor = bound
	}
	found, err := w.keys([]time.Time{asOf})
	if err != nil {
		return nil, err
	}
	now := found[0]
	since := make(map[GapKey]time.Time, len(now))
	open := make([]GapKey, 0, len(now))
	if only == nil {
		for k := range now {
			open = append(open, k)
		}
	} else {
		for _, k := range only {
			if now[k] {
				now[k] = false // once each
				open = append(open, k)
			}
		}
	}
	step := monthsAhead
	if w.left != nil {
		step = 1 // a bounded walk narrows down the months nearest the day first
	}
	hi := asOf // every key in open fires on every day from hi to asOf
	for len(open) > 0 {
		// The next months back, a month a reading, to floor at the earliest.
		var los []time.Time
		for h := hi; len(los) < step; {
			lo := calendar.AddMonths(h, -1)
			if !lo.After(floor) {
				lo = floor
			}
			if !lo.Before(h) || !spend(w.left) {
				break
			}
			los, h = append(los, lo), lo
			if lo.Equal(floor) {
				break
			}
		}
		if len(los) == 0 {
			break
		}
		asking := make([][]GapKey, len(los))
		for i := range asking {
			asking[i] = open
		}
		on, err := w.keys(los, asking...)
		if err != nil {
			return nil, err
		}
		var edges []interval
		for i, lo := range los {
			var still, started []GapKey
			for _, k := range open {
				if on[i][k] {
					still = append(still, k)
				} else {
					started = append(started, k)
				}
			}
			if len(started) > 0 { // they fired on hi and not on lo
				edges = append(edges, interval{lo, hi, started})
			}
			open, hi = still, lo
			if len(open) == 0 {
				break
			}
		}
		if err := w.edges(edges, since, true); err != nil {
			return nil, err
		}
		if hi.Equal(floor) {
			break
		}
	}
	for _, k := range open {
		since[k] = hi
	}
	return since, nil
}

// spend takes one reading from the budget left (none: no bound); false
// when it is spent.
func spend(left *int) bool {
	if left == nil {
		return true
	}
	if *left <= 0 {
		return false
	}
	*left--
	return true
}

// interval is the days after lo up to hi in which each of the keys
// changed: it fired on one and not on the other.
type interval struct {
	lo, hi time.Time
	keys   []GapKey
}

// edge finds, for each key, the first day after lo it fires (opening) or
// it no longer fires (!opening), the key firing on hi and not on lo, or on
// lo and not on hi (see walker.edges).
func (en *Engine) edge(ctx context.Context, lo, hi time.Time, keys []GapKey, day map[GapKey]time.Time, revision int64, opening bool) error {
	if len(keys) == 0 {
		return nil
	}
	return en.walk(ctx, revision, nil, func(w *walker) error {
		return w.edges([]interval{{lo, hi, keys}}, day, opening)
	})
}

// edges finds, for each key of the intervals, the first day of its
// interval it fires (opening) or it no longer fires (!opening): halving
// each interval, the keys of one half sharing each reading, and the
// halves of every interval read side by side. Once the budget is spent, a
// key gets the end of its interval, the day it is known to have changed by.
func (w *walker) edges(todo []interval, day map[GapKey]time.Time, opening bool) error {
	for len(todo) > 0 {
		var halved []interval
		var mids []time.Time
		var asking [][]GapKey
		for _, iv := range todo {
			days := int(iv.hi.Sub(iv.lo).Hours() / 24)
			if days <= 1 || !spend(w.left) {
				for _, k := range iv.keys {
					day[k] = iv.hi
				}
				continue
			}
			halved, mids = append(halved, iv), append(mids, iv.lo.AddDate(0, 0, days/2))
			asking = append(asking, iv.keys)
		}
		if len(mids) == 0 {
			return nil
		}
		on, err := w.keys(mids, asking...)
		if err != nil {
			return err
		}
		todo = todo[:0:0]
		for i, iv := range halved {
			var early, late []GapKey // the change is on or before mid; after mid
			for _, k := range iv.keys {
				if on[i][k] == opening {
					early = append(early, k)
				} else {
					late = append(late, k)
				}
			}
			if len(early) > 0 {
				todo = append(todo, interval{iv.lo, mids[i], early})
			}
			if len(late) > 0 {
				todo = append(todo, interval{mids[i], iv.hi, late})
			}
		}
	}
	return nil
}

// FirstDays says, for each key, the first day after lo it fires, every key
// firing on hi and not on lo: the days between are halved, the keys of one
// half sharing each reading.
func (en *Engine) FirstDays(ctx context.Context, lo, hi time.Time, keys []GapKey) (map[GapKey]time.Time, error) {
	revision, err := en.revision(ctx)
	if err != nil {
		return nil, err
	}
	out := make(map[GapKey]time.Time, len(keys))
	err = en.edge(ctx, calendar.Day(lo), calendar.Day(hi), keys, out, revision, true)
	return out, err
}
