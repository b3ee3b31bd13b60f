package coverage

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"testing"
	"time"

	"entgo.io/ent/dialect"

	"jiceng/calendar"
	"jiceng/database"
	"jiceng/policy"
)

// The hand-written SQL the city benchmarks are measured against: each reads
// the same figures as the engine, written for this schema and this data
// (the synthetic city's records all hold today's values since before the
// day examined, so these statements read the columns and ignore history,
// which the engine must not). Each benchmark checks once, outside its timed
// loop, that the statement and the engine agree, and the engine's
// benchmarks report their time as a multiple of the statement's (x-sql),
// timed in the same run.

// sqliteCity is the city for the hand-written SQL, which is SQLite's.
func sqliteCity(b *testing.B) *database.Store {
	st := city(b)
	if st.Dialect != dialect.SQLite {
		b.Skip("the hand-written SQL is written for SQLite")
	}
	return st
}

// sqlDay is the day examined as go-sqlite3 stores a date.
func sqlDay(d time.Time) string { return d.Format("2006-01-02 15:04:05.999999999-07:00") }

// benchGrid is the grid the one-grid benchmarks report on.
func benchGrid(b *testing.B, st *database.Store) int {
	var grid int
	if err := st.Read.QueryRow("SELECT id FROM areas WHERE kind = 'GRID' ORDER BY id LIMIT 1 OFFSET 1234").Scan(&grid); err != nil {
		b.Fatal(err)
	}
	return grid
}

// oneGridSQL is one grid's unit table and member figures, reading only the
// grid's units, the members who live in the grid or work in its units, and
// their memberships, coverage links, appointments and visits.
const oneGridSQL = `
WITH u AS (SELECT id, employees FROM units WHERE grid_id = ?2
		AND (opened_on IS NULL OR opened_on <= ?1) AND (closed_on IS NULL OR closed_on > ?1)),
	m AS (SELECT m.id, m.status, m.category, m.mobility, m.work_unit_id, m.residence_grid_id, m.party_group_id,
			ms.organization_id AS org_id, m.external_organization
		FROM members m LEFT JOIN memberships ms ON ms.member_id = m.id AND ms.started_on <= ?1 AND (ms.ended_on IS NULL OR ms.ended_on > ?1)
		WHERE (m.residence_grid_id = ?2 OR m.work_unit_id IN (SELECT id FROM u)) AND m.joined_party_on <= ?1
		AND (ms.member_id IS NOT NULL OR NOT EXISTS (SELECT 1 FROM memberships x WHERE x.member_id = m.id))),
	um AS (SELECT work_unit_id AS unit_id, COUNT(*) AS n, SUM(status = 'FULL') AS full, SUM(party_group_id IS NOT NULL) AS grouped,
			SUM(org_id IS NULL AND external_organization <> '') AS outside
		FROM m WHERE work_unit_id IN (SELECT id FROM u) GROUP BY work_unit_id),
	uc AS (SELECT uc.unit_id,
			MAX(CASE WHEN o.formation IN ('STANDALONE', 'TEMPORARY') THEN CASE WHEN o.kind IN ('COMMITTEE', 'COMMUNITY_COMMITTEE', 'SUBDISTRICT_WORKING_COMMITTEE') THEN 3 WHEN o.kind = 'GENERAL_BRANCH' THEN 2 ELSE 1 END ELSE 0 END) AS own,
			MAX(o.formation = 'JOINT') AS joint, MAX(o.formation = 'TERRITORIAL') AS attached
		FROM unit_coverages uc JOIN organizations o ON o.id = uc.organization_id
		WHERE uc.unit_id IN (SELECT id FROM u) AND uc.started_on <= ?1 AND (uc.ended_on IS NULL OR uc.ended_on > ?1)
		AND o.established_on <= ?1 AND (o.dissolved_on IS NULL OR o.dissolved_on > ?1) GROUP BY uc.unit_id),
	t AS (SELECT u.employees, COALESCE(um.n, 0) AS n, COALESCE(um.full, 0) AS full, COALESCE(um.grouped, 0) AS grouped,
			COALESCE(um.outside, 0) AS outside, COALESCE(uc.own, 0) AS own, COALESCE(uc.joint, 0) AS joint, COALESCE(uc.attached, 0) AS attached,
			EXISTS (SELECT 1 FROM appointments a WHERE a.unit_id = u.id AND a.role IN ('PARTY_BUILDING_INSTRUCTOR', 'LIAISON')
				AND a.started_on <= ?1 AND (a.ended_on IS NULL OR a.ended_on > ?1)) AS instructed,
			EXISTS (SELECT 1 FROM instructor_visits v WHERE v.unit_id = u.id AND v.visited_on > ?3 AND v.visited_on <= ?1) AS visited
		FROM u LEFT JOIN um ON um.unit_id = u.id LEFT JOIN uc ON uc.unit_id = u.id),
	g AS (SELECT COUNT(*) AS n, SUM(status = 'FULL') AS full, SUM(status = 'PROBATIONARY') AS prob,
			SUM(category = 'IN_SERVICE') AS serving, SUM(category = 'RETIRED') AS retired, SUM(category = 'SELF_EMPLOYED') AS self,
			SUM(category = 'MOBILE') AS mobile, SUM(mobility = 'OUTFLOW') AS outflow, SUM(mobility = 'INFLOW') AS inflow
		FROM m WHERE residence_grid_id = ?2)
SELECT COUNT(*), COALESCE(SUM(own = 3), 0), COALESCE(SUM(own = 2), 0), COALESCE(SUM(own = 1), 0),
	COALESCE(SUM(own = 0 AND joint = 1), 0), COALESCE(SUM(own = 0 AND joint = 1 AND full >= ?4), 0),
	COALESCE(SUM(own = 0 AND joint = 0), 0), COALESCE(SUM(own = 0 AND joint = 0 AND full >= ?4), 0),
	COALESCE(SUM(own = 0 AND joint = 0 AND full >= ?4 AND grouped > 0), 0), COALESCE(SUM(own = 0 AND joint = 0 AND full < ?4 AND n > 0), 0),
	COALESCE(SUM(own = 0 AND joint = 0 AND n = 0), 0), COALESCE(SUM(own = 0 AND joint = 0 AND attached = 1), 0),
	COALESCE(SUM(instructed), 0), COALESCE(SUM(visited), 0), COALESCE(SUM(employees), 0), COALESCE(SUM(n), 0), COALESCE(SUM(outside), 0),
	(SELECT n FROM g), (SELECT COALESCE(full, 0) FROM g), (SELECT COALESCE(prob, 0) FROM g), (SELECT COALESCE(serving, 0) FROM g),
	(SELECT COALESCE(retired, 0) FROM g), (SELECT COALESCE(self, 0) FROM g), (SELECT COALESCE(mobile, 0) FROM g),
	(SELECT COALESCE(outflow, 0) FROM g), (SELECT COALESCE(inflow, 0) FROM g)
FROM t`

// gridFigures are the figures oneGridSQL computes, read from a report in
// the same order.
func gridFigures(r *Report) []int {
	u, m := r.Units, r.Members
	return []int{u.Total, u.OwnCommittee, u.OwnGeneralBranch, u.OwnBranch, u.InJointBranch, u.InJointBranchWithEnoughMembers,
		u.WithoutOrganization, u.ShouldOrganize, u.ShouldOrganizeWithPartyGroup, u.WithOneOrTwoMembers, u.WithNoMembers,
		u.Affiliated, u.InstructorAssigned, u.InstructorContacted, u.Employees, u.Members, u.MembersNotTransferredIn,
		m.Total, m.Full, m.Probationary, m.InService, m.Retired, m.SelfEmployed, m.Mobile, m.Outflow, m.Inflow}
}

// runOneGridSQL runs oneGridSQL for the grid as of benchAsOf.
func runOneGridSQL(ctx context.Context, st *database.Store, settings *Settings, grid int) ([]int, error) {
	visits := calendar.AddMonths(benchAsOf, -settings.Int("INSTRUCTOR_VISIT_MONTHS"))
	vals := make([]int, 26)
	ptrs := make([]any, len(vals))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	err := st.Read.QueryRowContext(ctx, oneGridSQL, sqlDay(benchAsOf), grid, sqlDay(visits), settings.Int("ORG_REQUIRED_FULL_MEMBERS")).Scan(ptrs...)
	return vals, err
}

// oneGridSQLTime checks that oneGridSQL agrees with the engine on the grid
// and returns its median time over a few runs.
func oneGridSQLTime(b *testing.B, st *database.Store, grid int) time.Duration {
	b.Helper()
	if st.Dialect != dialect.SQLite {
		return 0 // no yardstick on PostgreSQL
	}
	ctx := policy.System(context.Background())
	settings, err := LoadSettingsOn(ctx, st.Client, benchAsOf)
	if err != nil {
		b.Fatal(err)
	}
	rep, err := engine(st).Coverage(ctx, &grid, &benchAsOf, 0)
	if err != nil {
		b.Fatal(err)
	}
	got, err := runOneGridSQL(ctx, st, settings, grid)
	if err != nil {
		b.Fatal(err)
	}
	if want := gridFigures(rep); !slices.Equal(got, want) {
		b.Fatalf("the grid's SQL gives %v, the engine %v", got, want)
	}
	return median(b, func() error { _, err := runOneGridSQL(ctx, st, settings, grid); return err })
}

// BenchmarkOneGridSQL is one grid's unit table and member figures read by
// hand-written SQL from the grid's records alone: BenchmarkOneGrid/cold's
// yardstick.
func BenchmarkOneGridSQL(b *testing.B) {
	st := sqliteCity(b)
	grid := benchGrid(b, st)
	oneGridSQLTime(b, st, grid)
	ctx := policy.System(context.Background())
	settings, err := LoadSettingsOn(ctx, st.Client, benchAsOf)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := runOneGridSQL(ctx, st, settings, grid); err != nil {
			b.Fatal(err)
		}
	}
}

// median times fn a few times and returns the median.
func median(b *testing.B, fn func() error) time.Duration {
	b.Helper()
	var times []time.Duration
	for range 5 {
		start := time.Now()
		if err := fn(); err != nil {
			b.Fatal(err)
		}
		times = append(times, time.Since(start))
	}
	slices.Sort(times)
	return times[len(times)/2]
}

// reportRatio reports the benchmark's time per operation as a multiple of
// the yardstick's.
func reportRatio(b *testing.B, yardstick time.Duration) {
	if b.N > 0 && yardstick > 0 {
		b.ReportMetric(float64(b.Elapsed())/float64(b.N)/float64(yardstick), "x-sql")
	}
}

// gapsPageSQL is the city's first page of gaps by hand: the rules of the
// page in listing order (communities without a community organisation and
// members without organisational life for six months, the critical rules,
// then grids with residents and no organisation responsible), each
// stopping at the page's end; it does not count the gaps.
const gapsPageSQL = `
SELECT 1, 'WORK_COMMUNITY_UNORGANIZED', a.id FROM areas a WHERE a.kind = 'COMMUNITY'
	AND (a.established_on IS NULL OR a.established_on <= ?1) AND (a.dissolved_on IS NULL OR a.dissolved_on > ?1)
	AND NOT EXISTS (SELECT 1 FROM periods p JOIN organizations o ON o.id = p.subject_id
		WHERE p.attribute = 'ORGANIZATION_AREA' AND p.ref_id = a.id AND p.valid_from <= ?1 AND (p.valid_to IS NULL OR p.valid_to > ?1)
		AND o.kind IN ('COMMUNITY_COMMITTEE', 'GENERAL_BRANCH', 'BRANCH') AND o.established_on <= ?1 AND (o.dissolved_on IS NULL OR o.dissolved_on > ?1))
UNION ALL SELECT * FROM (SELECT 3, 'WORK_GRID_UNCOVERED', a.id FROM areas a WHERE a.kind = 'GRID' AND a.residents > 0
	AND (a.established_on IS NULL OR a.established_on <= ?1) AND (a.dissolved_on IS NULL OR a.dissolved_on > ?1)
	AND NOT EXISTS (SELECT 1 FROM periods p JOIN organizations o ON o.id = p.subject_id
		WHERE p.attribute = 'ORGANIZATION_AREA' AND p.ref_id = a.id AND p.valid_from <= ?1 AND (p.valid_to IS NULL OR p.valid_to > ?1)
		AND o.established_on <= ?1 AND (o.dissolved_on IS NULL OR o.dissolved_on > ?1))
	ORDER BY a.id LIMIT ?3)
UNION ALL SELECT * FROM (SELECT 2, 'ORG_MEMBER_LAPSE_RISK', m.id FROM members m
	JOIN memberships ms ON ms.member_id = m.id AND ms.started_on <= ?1 AND (ms.ended_on IS NULL OR ms.ended_on > ?1)
	WHERE m.joined_party_on <= ?1
	AND (SELECT MIN(y.started_on) FROM memberships y WHERE y.member_id = m.id) <= ?2
	AND NOT EXISTS (SELECT 1 FROM meetings mt WHERE mt.organization_id IN (ms.organization_id, m.party_group_id)
		AND mt.held_on > ?2 AND mt.held_on <= ?1 AND NOT EXISTS (SELECT 1 FROM meeting_attendees ma WHERE ma.meeting_id = mt.id))
	AND NOT EXISTS (SELECT 1 FROM meeting_attendees ma JOIN meetings mt ON mt.id = ma.meeting_id
		WHERE ma.member_id = m.id AND mt.held_on > ?2 AND mt.held_on <= ?1)
	AND NOT EXISTS (SELECT 1 FROM memberships y JOIN meetings mt ON mt.organization_id = y.organization_id
		WHERE y.member_id = m.id AND y.organization_id <> ms.organization_id AND mt.held_on > ?2 AND mt.held_on <= ?1
		AND mt.held_on >= y.started_on AND (y.ended_on IS NULL OR mt.held_on < y.ended_on)
		AND NOT EXISTS (SELECT 1 FROM meeting_attendees ma WHERE ma.meeting_id = mt.id))
	AND NOT EXISTS (SELECT 1 FROM mobile_reports r WHERE r.member_id = m.id AND r.reported_on > ?2 AND r.reported_on <= ?1)
	ORDER BY m.id LIMIT ?3)
ORDER BY 1, 3 LIMIT ?3`

// runGapsPageSQL lists the first page's gaps as "RULE:subject".
func runGapsPageSQL(ctx context.Context, st *database.Store, settings *Settings, first int) ([]string, error) {
	lapse := calendar.AddMonths(benchAsOf, -settings.Int("LAPSE_MONTHS"))
	rows, err := st.Read.QueryContext(ctx, gapsPageSQL, sqlDay(benchAsOf), sqlDay(lapse), first)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var (
			order, id int
			rule      string
		)
		if err := rows.Scan(&order, &rule, &id); err != nil {
			return nil, err
		}
		out = append(out, fmt.Sprintf("%s:%d", rule, id))
	}
	return out, rows.Err()
}

// gapsPageSQLTime checks that gapsPageSQL lists the engine's first page and
// returns its median time.
func gapsPageSQLTime(b *testing.B, st *database.Store) time.Duration {
	b.Helper()
	if st.Dialect != dialect.SQLite {
		return 0 // no yardstick on PostgreSQL
	}
	ctx := policy.System(context.Background())
	settings, err := LoadSettingsOn(ctx, st.Client, benchAsOf)
	if err != nil {
		b.Fatal(err)
	}
	page, err := engine(st).Gaps(ctx, GapFilter{AsOf: &benchAsOf, First: 50})
	if err != nil {
		b.Fatal(err)
	}
	var want []string
	for _, g := range page.Nodes() {
		want = append(want, g.Key)
	}
	got, err := runGapsPageSQL(ctx, st, settings, 50)
	if err != nil {
		b.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		b.Fatalf("the page's SQL lists %v, the engine %v", got, want)
	}
	return median(b, func() error { _, err := runGapsPageSQL(ctx, st, settings, 50); return err })
}

// BenchmarkCityGapsFirstPageSQL is the city's first 50 gaps by hand-written
// SQL: BenchmarkCityGapsFirstPage/cold's yardstick.
func BenchmarkCityGapsFirstPageSQL(b *testing.B) {
	st := sqliteCity(b)
	gapsPageSQLTime(b, st)
	ctx := policy.System(context.Background())
	settings, err := LoadSettingsOn(ctx, st.Client, benchAsOf)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := runGapsPageSQL(ctx, st, settings, 50); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCityGridMap is the grid map of the whole city (every grid's
// status, figures and responsible organisations) from the analysis of the
// revision: what a dashboard's map costs once the city is read.
func BenchmarkCityGridMap(b *testing.B) {
	st := city(b)
	next := warm(st)
	for b.Loop() {
		if _, err := next().GridMap(policy.System(context.Background()), nil, &benchAsOf); err != nil {
			b.Fatal(err)
		}
	}
}
