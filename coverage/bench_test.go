package coverage

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	"entgo.io/ent/dialect"

	"jiceng/calendar"
	"jiceng/database"
	"jiceng/demo"
	"jiceng/ent"
	"jiceng/policy"
	"jiceng/register"
	"jiceng/synth"
)

// The benchmarks run on a synthetic city (synth.City: 4,000 grids, 40,000
// units, about 200,000 members, 20,000 organisations and a year of
// meetings) in SQLite. Generating it takes a while, so the database is kept
// in JICENG_BENCH_DIR (default: the system's temporary folder) and reused.
// With JICENG_BENCH_POSTGRES (the DSN of an empty database of its own), the
// engine's benchmarks run on PostgreSQL instead (the hand-written SQL is
// SQLite's and skips).
//
//	go test ./coverage -run '^$' -bench . -benchtime 5x

const cityVersion = "city-v3" // change when synth changes what it generates

var benchAsOf = time.Date(2025, 6, 30, 0, 0, 0, 0, time.UTC)

var (
	cityOnce  sync.Once
	cityStore *database.Store
	cityErr   error
)

func city(b *testing.B) *database.Store {
	b.Helper()
	cityOnce.Do(func() {
		dir := os.Getenv("JICENG_BENCH_DIR")
		if dir == "" {
			dir = filepath.Join(os.TempDir(), "jiceng-bench", cityVersion)
		}
		fresh := false
		if _, err := os.Stat(filepath.Join(dir, database.FileName)); err != nil {
			fresh = true
		}
		ctx := policy.System(context.Background())
		dsn := os.Getenv("JICENG_BENCH_POSTGRES") // an empty database of its own, kept between runs
		if cityStore, cityErr = database.Open(ctx, dsn, dir); cityErr != nil {
			return
		}
		if dsn != "" {
			n := 0
			cityErr = cityStore.DB.QueryRow("SELECT COUNT(*) FROM areas").Scan(&n)
			fresh = n == 0
		}
		if cityErr != nil || !fresh {
			return
		}
		start := time.Now()
		var counts synth.Counts
		counts, cityErr = synth.GenerateIn(ctx, cityStore.DB, cityStore.Dialect, synth.City, benchAsOf)
		b.Logf("generated %+v in %s", counts, time.Since(start).Round(time.Second))
		if cityErr == nil {
			_, cityErr = cityStore.DB.Exec("ANALYZE")
		}
	})
	if cityErr != nil {
		b.Fatalf("preparing the city: %v", cityErr)
	}
	return cityStore
}

func engine(st *database.Store) *Engine { return New(st.Client, st.Read, st.Dialect) }

// cold and warm are the two ways a request meets the engine: the first
// after a write reads the register (cold); the others share that reading,
// cached by the register's revision (warm).
func cold(st *database.Store) func() *Engine {
	return func() *Engine { return engine(st) }
}

func warm(st *database.Store) func() *Engine {
	en := engine(st)
	if _, err := en.analysis(policy.System(context.Background()), benchAsOf); err != nil {
		panic(err)
	}
	return func() *Engine { return en }
}

// BenchmarkCityRollup is the whole coverage report of the city: every figure
// and every gap count, for the city and each sub-district.
func BenchmarkCityRollup(b *testing.B) {
	st := city(b)
	for name, engines := range map[string]func(*database.Store) func() *Engine{"cold": cold, "warm": warm} {
		b.Run(name, func(b *testing.B) {
			next := engines(st)
			for b.Loop() {
				if _, err := next().Coverage(policy.System(context.Background()), nil, &benchAsOf, 1); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkCityOfficialTable is the engine computing the official table's
// figures alone (units and members), for comparison with the baseline
// (x-sql: its time as a multiple of the baseline's in the same run).
func BenchmarkCityOfficialTable(b *testing.B) {
	st := city(b)
	en := engine(st)
	settings, err := LoadSettings(policy.System(context.Background()), st.Client)
	if err != nil {
		b.Fatal(err)
	}
	ctx := policy.System(context.Background())
	t, err := officialTable(ctx, en, settings)
	if err != nil {
		b.Fatal(err)
	}
	var yardstick time.Duration
	if st.Dialect == dialect.SQLite {
		if got, want := runBaseline(b, st), officialFigures(t); !slices.Equal(got, want) {
			b.Fatalf("the baseline gives %v, the engine %v", got, want)
		}
		yardstick = median(b, func() error { runBaseline(b, st); return nil })
	}
	for b.Loop() {
		if _, err := officialTable(ctx, en, settings); err != nil {
			b.Fatal(err)
		}
	}
	reportRatio(b, yardstick)
}

// officialTable is the engine's unit and member tables of the whole
// register, as of benchAsOf.
func officialTable(ctx context.Context, en *Engine, settings *Settings) (*tally, error) {
	revision, err := en.revision(ctx)
	if err != nil {
		return nil, err
	}
	read := en.at(revision)
	var t *tree
	err = read(ctx, func(tx querier) error {
		var err error
		t, err = loadTree(ctx, &query{dialect: en.dialect}, tx, benchAsOf)
		return err
	})
	if err != nil {
		return nil, err
	}
	a := &analysis{env: newEnv(en.dialect, benchAsOf, settings, t.singleRoot()), tree: t, tallies: map[int]*tally{}}
	if err := run(ctx, read, []part{a.unitTable(), a.memberTable()}); err != nil {
		return nil, err
	}
	return a.read(0), nil
}

// officialFigures are the figures the baseline computes, from the engine's
// tally, in the baseline's order.
func officialFigures(t *tally) []int {
	u, m := t.units, t.members
	return []int{u.Total, u.OwnCommittee, u.OwnGeneralBranch, u.OwnBranch, u.InJointBranch, u.InJointBranchWithEnoughMembers,
		u.WithoutOrganization, u.ShouldOrganize, u.ShouldOrganizeWithPartyGroup, u.WithOneOrTwoMembers, u.WithNoMembers,
		u.Affiliated, u.InstructorAssigned, u.Employees, u.Members, u.MembersNotTransferredIn, m.Total, m.Full, m.Retired}
}

// baseline is the official table computed by hand: one SQL statement over
// the same tables, written for this schema and nothing else, reading each
// table once (the members once, grouped by work unit: the units' figures
// join the groups, the register's totals sum them).
const baseline = `
WITH ms AS (SELECT member_id, organization_id FROM memberships
		WHERE started_on <= ?1 AND (ended_on IS NULL OR ended_on > ?1)),
	m AS (SELECT m.id, m.status, m.category, m.work_unit_id, m.party_group_id, ms.organization_id AS org_id, m.external_organization
		FROM members m LEFT JOIN ms ON ms.member_id = m.id
		WHERE m.joined_party_on <= ?1 AND (ms.member_id IS NOT NULL OR NOT EXISTS (SELECT 1 FROM memberships x WHERE x.member_id = m.id))),
	um AS MATERIALIZED (SELECT work_unit_id AS unit_id, COUNT(*) AS n, SUM(status = 'FULL') AS full, SUM(party_group_id IS NOT NULL) AS grouped,
			SUM(org_id IS NULL AND external_organization <> '') AS outside, SUM(category = 'RETIRED') AS retired
		FROM m GROUP BY work_unit_id),
	o AS (SELECT o.id, o.formation, COALESCE((SELECT kc.from_kind FROM kind_changes kc WHERE kc.organization_id = o.id AND kc.changed_on > ?1
			ORDER BY kc.changed_on LIMIT 1), o.kind) AS kind
		FROM organizations o WHERE o.established_on <= ?1 AND (o.dissolved_on IS NULL OR o.dissolved_on > ?1)),
	uc AS (SELECT uc.unit_id,
			MAX(CASE WHEN o.formation IN ('STANDALONE', 'TEMPORARY') THEN CASE WHEN o.kind IN ('COMMITTEE', 'COMMUNITY_COMMITTEE', 'SUBDISTRICT_WORKING_COMMITTEE') THEN 3 WHEN o.kind = 'GENERAL_BRANCH' THEN 2 ELSE 1 END ELSE 0 END) AS own,
			MAX(o.formation = 'JOINT') AS joint, MAX(o.formation = 'TERRITORIAL') AS attached
		FROM unit_coverages uc JOIN o ON o.id = uc.organization_id
		WHERE uc.started_on <= ?1 AND (uc.ended_on IS NULL OR uc.ended_on > ?1) GROUP BY uc.unit_id),
	u AS (SELECT u.id, u.employees, COALESCE(um.n, 0) AS n, COALESCE(um.full, 0) AS full, COALESCE(um.grouped, 0) AS grouped,
			COALESCE(um.outside, 0) AS outside, COALESCE(uc.own, 0) AS own, COALESCE(uc.joint, 0) AS joint, COALESCE(uc.attached, 0) AS attached,
			EXISTS (SELECT 1 FROM appointments a WHERE a.unit_id = u.id AND a.role IN ('PARTY_BUILDING_INSTRUCTOR', 'LIAISON')
				AND a.started_on <= ?1 AND (a.ended_on IS NULL OR a.ended_on > ?1)) AS instructed
		FROM units u LEFT JOIN um ON um.unit_id = u.id LEFT JOIN uc ON uc.unit_id = u.id
		WHERE (u.opened_on IS NULL OR u.opened_on <= ?1) AND (u.closed_on IS NULL OR u.closed_on > ?1))
SELECT COUNT(*), SUM(own = 3), SUM(own = 2), SUM(own = 1), SUM(own = 0 AND joint = 1), SUM(own = 0 AND joint = 1 AND full >= 3),
	SUM(own = 0 AND joint = 0), SUM(own = 0 AND joint = 0 AND full >= 3), SUM(own = 0 AND joint = 0 AND full >= 3 AND grouped > 0),
	SUM(own = 0 AND joint = 0 AND full < 3 AND n > 0), SUM(own = 0 AND joint = 0 AND n = 0), SUM(own = 0 AND joint = 0 AND attached = 1),
	SUM(instructed), SUM(employees), SUM(n), SUM(outside),
	(SELECT SUM(n) FROM um), (SELECT SUM(full) FROM um), (SELECT SUM(retired) FROM um)
FROM u`

// BenchmarkCityOfficialTableBaseline computes the official table with the
// hand-written statement, the yardstick for the engine.
func BenchmarkCityOfficialTableBaseline(b *testing.B) {
	st := sqliteCity(b)
	for b.Loop() {
		runBaseline(b, st)
	}
}

// runBaseline runs the baseline as of benchAsOf.
func runBaseline(b *testing.B, st *database.Store) []int {
	vals := make([]int, 19)
	ptrs := make([]any, len(vals))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	if err := st.Read.QueryRow(baseline, sqlDay(benchAsOf)).Scan(ptrs...); err != nil {
		b.Fatal(err)
	}
	return vals
}

// BenchmarkCityGapsFirstPage is the first page of the city's gaps, with
// the total count.
func BenchmarkCityGapsFirstPage(b *testing.B) {
	st := city(b)
	yardstick := gapsPageSQLTime(b, st)
	for name, engines := range map[string]func(*database.Store) func() *Engine{"cold": cold, "warm": warm} {
		b.Run(name, func(b *testing.B) {
			next := engines(st)
			for b.Loop() {
				if _, err := next().Gaps(policy.System(context.Background()), GapFilter{AsOf: &benchAsOf, First: 50}); err != nil {
					b.Fatal(err)
				}
			}
			if name == "cold" {
				reportRatio(b, yardstick)
			}
		})
	}
}

// BenchmarkOneGrid is the coverage report of one grid of the city.
func BenchmarkOneGrid(b *testing.B) {
	st := city(b)
	grid := benchGrid(b, st)
	yardstick := oneGridSQLTime(b, st, grid)
	for name, engines := range map[string]func(*database.Store) func() *Engine{"cold": cold, "warm": warm} {
		b.Run(name, func(b *testing.B) {
			next := engines(st)
			for b.Loop() {
				if _, err := next().Coverage(policy.System(context.Background()), &grid, &benchAsOf, 0); err != nil {
					b.Fatal(err)
				}
			}
			if name == "cold" {
				reportRatio(b, yardstick)
			}
		})
	}
}

// BenchmarkFuxinRollup is the whole report of the Fuxin demo, read afresh:
// the scale of one sub-district.
func BenchmarkFuxinRollup(b *testing.B) {
	st, err := database.Open(policy.System(context.Background()), "", b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	ref := demo.Reference()
	if err := demo.Load(policy.System(context.Background()), st.Client, ref); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		if _, err := engine(st).Coverage(policy.System(context.Background()), nil, &ref, 2); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkGridAfterWrite is one grid's report read right after a write:
// elsewhere (an instructor's visit to a unit of another sub-district),
// which leaves the grid's analysis current, and here (a visit to a unit of
// the grid), which makes it cold. Each loop makes both writes, each
// followed by a read; it reports each read's time in ms and the first as
// a multiple of the second (x-here). The visits are dated today, after the
// day examined, so the figures the other benchmarks check do not change.
func BenchmarkGridAfterWrite(b *testing.B) {
	st := city(b)
	grid := benchGrid(b, st)
	ctx := policy.System(context.Background())
	var here, elsewhere int
	if err := st.Read.QueryRow("SELECT id FROM units WHERE grid_id = ? ORDER BY id LIMIT 1", grid).Scan(&here); err != nil {
		b.Fatal(err)
	}
	// A unit whose grid lies in another sub-district than the grid's.
	if err := st.Read.QueryRow(`SELECT u.id FROM units u JOIN areas g ON g.id = u.grid_id JOIN areas c ON c.id = g.parent_id
		WHERE c.parent_id <> (SELECT c2.parent_id FROM areas g2 JOIN areas c2 ON c2.id = g2.parent_id WHERE g2.id = ?)
		ORDER BY u.id LIMIT 1`, grid).Scan(&elsewhere); err != nil {
		b.Fatal(err)
	}
	visit := func(unitID int) {
		err := register.InTx(ctx, st.Client, func(c *ent.Client) error {
			return c.InstructorVisit.Create().SetUnitID(unitID).SetVisitedOn(calendar.Today()).Exec(ctx)
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	en := engine(st)
	read := func() time.Duration {
		start := time.Now()
		if _, err := en.Coverage(ctx, &grid, &benchAsOf, 0); err != nil {
			b.Fatal(err)
		}
		return time.Since(start)
	}
	read()
	var warmTotal, coldTotal time.Duration
	for b.Loop() {
		visit(elsewhere)
		warmTotal += read()
		visit(here)
		coldTotal += read()
	}
	n := float64(b.N)
	b.ReportMetric(float64(warmTotal.Microseconds())/n/1000, "ms-elsewhere")
	b.ReportMetric(float64(coldTotal.Microseconds())/n/1000, "ms-here")
	if coldTotal > 0 {
		b.ReportMetric(float64(warmTotal)/float64(coldTotal), "x-here")
	}
}

// BenchmarkCityCacheMemory is the memory the cache holds for the city's
// analyses of several days (JICENG_BENCH_DAYS, default 8): the live heap
// after a collection, with the analyses cached, less the heap before. Run
// it with -benchtime 1x.
func BenchmarkCityCacheMemory(b *testing.B) {
	st := city(b)
	days := 8
	if s := os.Getenv("JICENG_BENCH_DAYS"); s != "" {
		days, _ = strconv.Atoi(s)
	}
	ctx := policy.System(context.Background())
	heap := func() uint64 {
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return m.HeapAlloc
	}
	for b.Loop() {
		before := heap()
		en := engine(st)
		for i := range days {
			if _, err := en.analysis(ctx, benchAsOf.AddDate(0, 0, -i)); err != nil {
				b.Fatal(err)
			}
		}
		after := heap()
		b.ReportMetric(float64(after-before)/1e6, "MB-cached")
		b.ReportMetric(float64(after-before)/1e6/float64(days), "MB/day")
		if path := os.Getenv("JICENG_BENCH_HEAPPROFILE"); path != "" {
			// What the cached analyses hold, while they are held.
			f, err := os.Create(path)
			if err != nil {
				b.Fatal(err)
			}
			if err := pprof.WriteHeapProfile(f); err != nil {
				b.Fatal(err)
			}
			f.Close()
		}
		runtime.KeepAlive(en)
	}
}
