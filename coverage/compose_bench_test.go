package coverage

import (
	"context"
	"encoding/json"
	"reflect"
	"strconv"
	"testing"
	"time"

	"entgo.io/ent/dialect"

	"jiceng/calendar"
	"jiceng/database"
	"jiceng/ent"
	"jiceng/policy"
	"jiceng/register"
)

// BenchmarkCityRollupAfterWrite and BenchmarkCityGapsFirstPageAfterWrite
// are the city's whole report and the first page of its gaps read right
// after a write in one sub-district (an instructor's visit to one of its
// units, through the register, dated today: after the day examined, so the
// figures do not change while the write still touches the unit's grid and
// the areas above it). The engine keeps the sub-districts' analyses, so
// the whole register's is composed from them (compose.go): the touched
// sub-district and the records placed nowhere are read again, the other 39
// sub-districts are not. Each checks once, outside the timed loop, that the
// composed answer is a fresh engine's full reading, and fails if the
// analysis was read whole instead of composed.
func BenchmarkCityRollupAfterWrite(b *testing.B) {
	st := city(b)
	var yardstick time.Duration
	if st.Dialect == dialect.SQLite {
		yardstick = median(b, func() error { runBaseline(b, st); return nil })
	}
	cityAfterWrite(b, st, yardstick, func(en *Engine) (any, error) {
		r, err := en.Coverage(policy.System(context.Background()), nil, &benchAsOf, 1)
		return reportFigures(r), err
	})
}

func BenchmarkCityGapsFirstPageAfterWrite(b *testing.B) {
	st := city(b)
	yardstick := gapsPageSQLTime(b, st)
	cityAfterWrite(b, st, yardstick, func(en *Engine) (any, error) {
		c, err := en.Gaps(policy.System(context.Background()), GapFilter{AsOf: &benchAsOf, First: 50})
		if err != nil {
			return nil, err
		}
		keys := []string{}
		for _, g := range c.Nodes() {
			keys = append(keys, g.Key+" "+g.Message.En)
		}
		return append(keys, "total", strconv.Itoa(c.TotalCount)), nil
	})
}

// cityAfterWrite times read after a write in one sub-district, on an
// engine that read the city once before, and reports its time in ms and
// as a multiple of the yardstick (x-sql).
func cityAfterWrite(b *testing.B, st *database.Store, yardstick time.Duration, read func(*Engine) (any, error)) {
	ctx := policy.System(context.Background())
	var unitID int
	if err := st.Read.QueryRow("SELECT id FROM units ORDER BY id LIMIT 1").Scan(&unitID); err != nil {
		b.Fatal(err)
	}
	visit := func() {
		err := register.InTx(ctx, st.Client, func(c *ent.Client) error {
			return c.InstructorVisit.Create().SetUnitID(unitID).SetVisitedOn(calendar.Today()).Exec(ctx)
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	en := engine(st)
	if _, err := read(en); err != nil { // the first reading, whole
		b.Fatal(err)
	}
	visit()
	got, err := read(en)
	if err != nil {
		b.Fatal(err)
	}
	if en.cache.composed.Load() == 0 {
		b.Fatal("the city's analysis after the write was read whole, not composed")
	}
	want, err := read(engine(st))
	if err != nil {
		b.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		b.Fatalf("composed after a write:\n%v\nread whole:\n%v", got, want)
	}
	var total time.Duration
	for b.Loop() {
		visit()
		start := time.Now()
		if _, err := read(en); err != nil {
			b.Fatal(err)
		}
		total += time.Since(start)
	}
	per := total / time.Duration(b.N)
	b.ReportMetric(float64(per.Microseconds())/1000, "ms-read")
	if yardstick > 0 {
		b.ReportMetric(float64(per)/float64(yardstick), "x-sql")
		b.ReportMetric(float64(yardstick.Microseconds())/1000, "ms-sql")
	}
}

// reportFigures is a report and its children without their areas' records,
// as JSON, to compare.
func reportFigures(r *Report) string {
	if r == nil {
		return ""
	}
	var strip func(r *Report) *Report
	strip = func(r *Report) *Report {
		c := *r
		c.Area = nil
		c.Children = make([]*Report, len(r.Children))
		for i, ch := range r.Children {
			c.Children[i] = strip(ch)
		}
		return &c
	}
	out, _ := json.Marshal(strip(r))
	return string(out)
}
