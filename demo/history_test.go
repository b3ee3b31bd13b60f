package demo

import (
	"context"
	"slices"
	"testing"
	"time"

	"jiceng/coverage"
	"jiceng/ent"
	"jiceng/ent/area"
	"jiceng/ent/member"
	"jiceng/policy"
)

// TestHistory loads the demo once and checks, through the coverage engine,
// that the register's history makes "as of" answers a sub-district would
// recognise: the last year-ends look like today, and the dated events
// (moves, outflow, confirmations, lapses repaired) change the answers on
// their days and not before.
func TestHistory(t *testing.T) {
	d := load(t)
	h := &history{loaded: d, en: coverage.New(d.store.Client, d.store.Read, d.store.Dialect),
		ctx: policy.System(context.Background())}
	t.Run("probationary members at year-end are those who joined in the year", h.probationaryAtYearEnd)
	t.Run("the last year-ends show gaps of the same order as today", h.yearEndGaps)
	t.Run("a lapse later repaired counts until it is repaired", h.repairedLapse)
	t.Run("a member who moved house counts in the old grid before and the new one after", h.movedHouse)
	t.Run("outflow members are mobile from the day they left", h.outflow)
	t.Run("the history covers three year-ends", h.span)
}

type history struct {
	*loaded
	en  *coverage.Engine
	ctx context.Context
}

// yearEnds returns the last three 31 Decembers before the reference day,
// latest first.
func (h *history) yearEnds() []time.Time {
	var out []time.Time
	for y := h.ref.Year() - 1; y >= h.ref.Year()-3; y-- {
		out = append(out, time.Date(y, time.December, 31, 0, 0, 0, 0, time.UTC))
	}
	return out
}

func (h *history) report(t *testing.T, areaID *int, on time.Time) *coverage.Report {
	t.Helper()
	rep, err := h.en.Coverage(h.ctx, areaID, &on, 0)
	if err != nil {
		t.Fatalf("coverage as of %s: %v", date(on), err)
	}
	return rep
}

// gaps returns the subjects of each rule's gaps as of a day.
func (h *history) gaps(t *testing.T, on time.Time) map[coverage.RuleCode][]string {
	t.Helper()
	conn, err := h.en.Gaps(h.ctx, coverage.GapFilter{AsOf: &on, First: 5000})
	if err != nil {
		t.Fatalf("gaps as of %s: %v", date(on), err)
	}
	out := map[coverage.RuleCode][]string{}
	for _, g := range conn.Nodes() {
		out[g.Rule] = append(out[g.Rule], g.SubjectName)
	}
	return out
}

func (h *history) probationaryAtYearEnd(t *testing.T) {
	for _, ye := range h.yearEnds()[:2] {
		joined := h.store.Member.Query().Where(member.JoinedPartyOnGT(ye.AddDate(-1, 0, 0)),
			member.JoinedPartyOnLTE(ye)).CountX(h.ctx)
		got := h.report(t, nil, ye).Members.Probationary
		t.Logf("as of %s: %d probationary, %d joined in the year before", date(ye), got, joined)
		if got != joined || got == 0 {
			t.Errorf("as of %s: got %d probationary members, want the %d who joined in the year before", date(ye), got, joined)
		}
	}
}

func (h *history) yearEndGaps(t *testing.T) {
	today := h.gaps(t, h.ref)
	for _, ye := range h.yearEnds()[:2] {
		then := h.gaps(t, ye)
		total, totalToday := 0, 0
		for _, s := range then {
			total += len(s)
		}
		for _, s := range today {
			totalToday += len(s)
		}
		t.Logf("as of %s: %d gaps (%d lapse risk, %d meetings behind); as of %s: %d (%d, %d)", date(ye), total,
			len(then["ORG_MEMBER_LAPSE_RISK"]), len(then["LIFE_MEETINGS_BEHIND"]), date(h.ref), totalToday,
			len(today["ORG_MEMBER_LAPSE_RISK"]), len(today["LIFE_MEETINGS_BEHIND"]))
		for _, rule := range []coverage.RuleCode{"ORG_MEMBER_LAPSE_RISK", "LIFE_MEETINGS_BEHIND"} {
			if n, now := len(then[rule]), len(today[rule]); n > 2*now+2 || now > 2*n+2 {
				t.Errorf("%s as of %s: got %d, want the same order as the %d as of %s", rule, date(ye), n, now, date(h.ref))
			}
		}
		if total > 2*totalToday+5 {
			t.Errorf("gaps as of %s: got %d, want the same order as the %d as of %s", date(ye), total, totalToday, date(h.ref))
		}
	}
}

func (h *history) repairedLapse(t *testing.T) {
	ye := h.yearEnds()[0]
	then, now := h.gaps(t, ye)["ORG_MEMBER_LAPSE_RISK"], h.gaps(t, h.ref)["ORG_MEMBER_LAPSE_RISK"]
	var repaired []string
	for _, name := range then {
		if !slices.Contains(now, name) {
			repaired = append(repaired, name)
		}
	}
	if len(repaired) != 1 {
		t.Errorf("members at risk of lapsing as of %s and no longer as of %s: got %v, want one", date(ye), date(h.ref), repaired)
	}
	if !slices.Equal(now, []string{LapsedMember}) {
		t.Errorf("members at risk of lapsing as of %s: got %v, want [%s]", date(h.ref), now, LapsedMember)
	}
}

// gridMembers returns the members counted in a grid as of a day.
func (h *history) gridMembers(t *testing.T, g *ent.Area, on time.Time) int {
	t.Helper()
	return h.report(t, &g.ID, on).Members.Total
}

func (h *history) movedHouse(t *testing.T) {
	grid := func(name string) *ent.Area {
		return h.store.Area.Query().Where(area.Name(name)).OnlyX(h.ctx)
	}
	// The first mover of the grid campaign's branches (grids.go).
	from, to, on := grid("百合村社区第四网格"), grid("文化路社区第一网格"), monthDay(h.ref, -9, 14)
	before := on.AddDate(0, 0, -1)
	if a, b := h.gridMembers(t, from, before), h.gridMembers(t, from, on); a-b != 1 {
		t.Errorf("%s: %d members as of %s, %d as of %s; want one fewer on the day of the move", from.Name, a, date(before), b, date(on))
	}
	if a, b := h.gridMembers(t, to, before), h.gridMembers(t, to, on); b-a != 1 {
		t.Errorf("%s: %d members as of %s, %d as of %s; want one more on the day of the move", to.Name, a, date(before), b, date(on))
	}
}

func (h *history) outflow(t *testing.T) {
	first := newTimeline(h.ref).outflow[1]
	for _, f := range []struct {
		on   time.Time
		want int
	}{{h.yearEnds()[2], 0}, {first, 1}, {h.ref, 2}} {
		if got := h.report(t, nil, f.on).Members.Outflow; got != f.want {
			t.Errorf("outflow members as of %s: got %d, want %d", date(f.on), got, f.want)
		}
	}
	if got := h.gaps(t, h.yearEnds()[0])["ORG_MOBILE_REPORT_OVERDUE"]; len(got) != 0 {
		t.Errorf("outflow members behind with reports as of %s: got %v, want none (both reported monthly then)", date(h.yearEnds()[0]), got)
	}
	// Each analysis of a day costs a few seconds on PostgreSQL: the days
	// asked are few, and shared with the other checks (the engine caches by day).
	if on := h.yearEnds()[2]; len(h.gaps(t, on)["ORG_MOBILE_REPORT_OVERDUE"]) != 0 {
		t.Errorf("outflow members behind with reports as of %s, before they left: got some, want none", date(on))
	}
}

// span checks that meetings reach back to the start of the recorded
// history, and that the grid branches' life begins with the campaign.
func (h *history) span(t *testing.T) {
	start := newTimeline(h.ref).start
	if start.After(time.Date(h.ref.Year()-3, time.January, 1, 0, 0, 0, 0, time.UTC)) {
		t.Fatalf("history starts %s; want three whole years before the last year-end", date(start))
	}
	first := h.store.Meeting.Query().Order(ent.Asc("held_on")).FirstX(h.ctx)
	if first.HeldOn.Before(start) || first.HeldOn.After(start.AddDate(0, 1, 0)) {
		t.Errorf("first meeting on %s; want in the first month of the history, %s", date(first.HeldOn), date(start))
	}
	ye := h.yearEnds()[2]
	if got := h.report(t, nil, ye).Members.LapseRisk; got > 2 {
		t.Errorf("members at risk of lapsing as of %s: got %d, want a few at most", date(ye), got)
	}
}
