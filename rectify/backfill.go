package rectify

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"jiceng/calendar"
	"jiceng/coverage"
	"jiceng/ent"
	"jiceng/ent/rectification"
	"jiceng/policy"
	"jiceng/register"
)

// backfillBatch is how many items without a first day one round of
// BackfillGapSince reads.
const backfillBatch = 200

// BackfillGapSince gives the items handed over without their gap's first
// day (before hand-overs recorded it, or when the walk did not find the
// gap) that day: the walk back from the day of the hand-over, as a
// hand-over makes it (OpenSinceOf, at most sinceReadings readings for the
// items of one day). An item whose gap the register's history does not
// show on its hand-over day is open since the hand-over at the latest: it
// was found that day. It works through the items a batch at a time, in
// the order they were written, and stops once budget is spent; what is left is done at
// the next start. It writes only items still without the day, so it may
// run beside hand-overs, and a second run finds nothing to do. It says how
// many items it dated. db and dialect are the register's database, which
// the days are written to directly, as the register's other backfills
// write theirs (the day is immutable to the register's own writes).
func (l *Ledger) BackfillGapSince(ctx context.Context, db *sql.DB, dialect string, budget time.Duration) (int, error) {
	ctx = policy.System(ctx)
	stop := time.Now().Add(budget)
	done, afterID := 0, 0
	for time.Now().Before(stop) {
		items, err := l.client.Rectification.Query().
			Where(rectification.GapSinceIsNil(), rectification.IDGT(afterID)).
			Order(ent.Asc(rectification.FieldID)).Limit(backfillBatch).All(ctx)
		if err != nil {
			return done, fmt.Errorf("reading the items without a first day: %w", err)
		}
		if len(items) == 0 {
			return done, nil
		}
		afterID = items[len(items)-1].ID
		n, err := l.dateBatch(ctx, db, dialect, items, stop)
		done += n
		if err != nil {
			return done, err
		}
	}
	return done, nil
}

// dateBatch dates items, one walk for the items of each hand-over day,
// until stop.
func (l *Ledger) dateBatch(ctx context.Context, db *sql.DB, dialect string, items []*ent.Rectification, stop time.Time) (int, error) {
	floor, err := register.RecordedSince(ctx, l.client)
	if err != nil {
		return 0, err
	}
	byDay := map[time.Time][]*ent.Rectification{}
	var days []time.Time
	for _, it := range items {
		d := calendar.Day(it.HandedOverOn)
		if _, ok := byDay[d]; !ok {
			days = append(days, d)
		}
		byDay[d] = append(byDay[d], it)
	}
	done := 0
	for _, day := range days {
		if !time.Now().Before(stop) {
			break
		}
		keys := make([]coverage.GapKey, 0, len(byDay[day]))
		for _, it := range byDay[day] {
			keys = append(keys, Key(it))
		}
		since, err := l.engine.OpenSinceOf(ctx, day, floor, keys, sinceReadings)
		if err != nil {
			return done, fmt.Errorf("walking back from %s: %w", day.Format(time.DateOnly), err)
		}
		dated := make(map[int]time.Time, len(byDay[day]))
		for _, it := range byDay[day] {
			d, ok := since[Key(it)]
			if !ok || d.After(day) {
				d = day
			}
			dated[it.ID] = d
		}
		n, err := register.DateGapSince(ctx, db, dialect, dated)
		done += n
		if err != nil {
			return done, err
		}
	}
	return done, nil
}
