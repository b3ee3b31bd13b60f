package coverage

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"testing"
	"time"

	"jiceng/policy"
)

// The lapse rule as it read the meetings before the days of organisational
// life were kept (register/lifedays.go): the yardstick of
// BenchmarkCityLapse, which must give the same answers.
const (
	scannedRollless = `SELECT DISTINCT mt.organization_id FROM meetings mt
		WHERE mt.held_on > {lapse_start} AND mt.held_on <= {d}
		AND NOT EXISTS (SELECT 1 FROM meeting_attendees ma WHERE ma.meeting_id = mt.id)`
	scannedLifeSince = `(f.org_id IN (SELECT organization_id FROM rollless)
	OR EXISTS (SELECT 1 FROM rollless rl WHERE rl.organization_id = f.party_group_id)
	OR EXISTS (SELECT 1 FROM meeting_attendees ma JOIN meetings mt ON mt.id = ma.meeting_id
		WHERE ma.member_id = f.id AND mt.held_on > {lapse_start} AND mt.held_on <= {d})
	OR EXISTS (SELECT 1 FROM memberships y JOIN meetings mt ON mt.organization_id = y.organization_id
		WHERE y.member_id = f.id AND y.organization_id <> f.org_id AND mt.held_on > {lapse_start} AND mt.held_on <= {d}
		AND mt.held_on >= y.started_on AND (y.ended_on IS NULL OR mt.held_on < y.ended_on)
		AND NOT EXISTS (SELECT 1 FROM meeting_attendees ma WHERE ma.meeting_id = mt.id))
	OR EXISTS (SELECT 1 FROM mobile_reports r WHERE r.member_id = f.id AND r.reported_on > {lapse_start} AND r.reported_on <= {d}))`
	scannedLastLife = `(SELECT MAX(z.day) FROM (
	SELECT MAX(mt.held_on) AS day FROM meeting_attendees ma JOIN meetings mt ON mt.id = ma.meeting_id
		WHERE ma.member_id = f.id AND mt.held_on <= {d}
	UNION ALL SELECT MAX(mt.held_on) FROM memberships y JOIN meetings mt ON mt.organization_id = y.organization_id
		WHERE y.member_id = f.id AND mt.held_on <= {d} AND mt.held_on >= y.started_on AND (y.ended_on IS NULL OR mt.held_on < y.ended_on)
		AND NOT EXISTS (SELECT 1 FROM meeting_attendees ma WHERE ma.meeting_id = mt.id)
	UNION ALL SELECT MAX(mt.held_on) FROM meetings mt WHERE mt.organization_id = f.party_group_id
		AND mt.held_on <= {d} AND NOT EXISTS (SELECT 1 FROM meeting_attendees ma WHERE ma.meeting_id = mt.id)
	UNION ALL SELECT MAX(r.reported_on) FROM mobile_reports r WHERE r.member_id = f.id AND r.reported_on <= {d}) z)`
)

// BenchmarkCityLapse is the lapse rule's two questions for every member of
// the city with a membership on the day: any organisational life in the
// six months before it, and the last day of it on or before it, from the
// kept days (the engine's SQL), against the same from the meetings (the
// rule's SQL before, x-sql).
func BenchmarkCityLapse(b *testing.B) {
	st := city(b)
	ctx := policy.System(context.Background())
	settings, err := LoadSettingsOn(ctx, engine(st).client, benchAsOf)
	if err != nil {
		b.Fatal(err)
	}
	e := newEnv(st.Dialect, benchAsOf, settings, 0)
	statement := func(rollless, since, last string) string {
		return `WITH rollless AS (` + rollless + `),
			f AS (SELECT m.id, ms.organization_id AS org_id, m.party_group_id FROM members m
				JOIN memberships ms ON ms.member_id = m.id AND ` + active("ms", "started_on", "ended_on") + `)
			SELECT f.id, CASE WHEN ` + since + ` THEN 1 ELSE 0 END, CAST(` + last + ` AS TEXT) FROM f ORDER BY f.id`
	}
	kept := statement(ctes["rollless"].sql(e), lifeSince, lastLife)
	scanned := statement(scannedRollless, scannedLifeSince, scannedLastLife)
	en := engine(st)
	read := func(text string) (out []string, err error) {
		// In the engine's own read transaction, with its settings.
		err = en.snapshot(ctx, func(tx *sql.Tx) error {
			return e.query.rows(ctx, tx, text, func(r *sql.Rows) error {
				var id, had int
				var last sql.NullString
				if err := r.Scan(&id, &had, &last); err != nil {
					return err
				}
				out = append(out, fmt.Sprint(id, had, last.String))
				return nil
			})
		})
		return out, err
	}
	got, err := read(kept)
	if err != nil {
		b.Fatal(err)
	}
	want, err := read(scanned)
	if err != nil {
		b.Fatal(err)
	}
	if !slices.Equal(got, want) {
		b.Fatalf("the kept days give %d answers, the meetings %d, and they differ", len(got), len(want))
	}
	yardstick := median(b, func() error { _, err := read(scanned); return err })
	b.Logf("%d members; the meetings' reading: %s", len(got), yardstick.Round(time.Millisecond))
	for b.Loop() {
		if _, err := read(kept); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed())/float64(b.N)/float64(yardstick), "x-sql")
}
