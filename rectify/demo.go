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

// The demo's ledger (整改台账): every quarter of the two years before the
// reference day, the follow-up handed the gaps then found (and not handed
// over before) to their communities, with a deadline of three months. The
// monthly check verified an item on the first check its gap was gone (an
// item whose gap came back later is open again); of the items still open,
// the first few are overdue and the others were given a new deadline and
// are in progress, but for two the working committee waived (see waivers).
const (
	ledgerMonths       = 24
	ledgerDeadline     = 3
	ledgerOverdueItems = 3
)

// waivers are the reasons the working committee (as the administrator)
// waived the first item still open of each of these rules, two months
// after its hand-over: a member living away whom the Party organisation
// where he lives looks after, and a branch whose enterprise leaves the
// sub-district this year and whose members transfer with it.
var waivers = map[coverage.RuleCode]string{
	"ORG_MOBILE_REPORT_OVERDUE": "该党员随子女长期在外地居住，已与流入地党组织取得联系，由其代为管理并按时参加组织生活，经党工委研究，免于整改",
	"LIFE_TERM_EXPIRED":         "该企业年内整体搬迁出辖区，党支部随企业转出，党员组织关系一并转接，经党工委研究暂不换届，免于整改",
}

// waivedBy is the author of the demo's waivers: the first administrator,
// as a note written through the API names it.
const waivedBy = "user admin"

// waiveAfter is how many months after its hand-over the committee waived
// an item.
const waiveAfter = 2

// responsibles are the people the follow-up named, by turn.
var responsibles = []string{"王建华", "李秀兰", "张志强", "刘海燕", "陈国庆", "杨晓梅"}

// handed is a gap handed over on a day, and the day it closed (zero while open).
type handed struct {
	gap                 *coverage.Gap
	on, closedOn, since time.Time
	check               int // the monthly check it was handed over on
	waived              bool
}

// LoadDemo writes the demo's ledger (see demo/FACTS.md) into a register that holds the demo
// anchored on ref, reading its history with a coverage engine on read (a
// pool of the same database, in dialect). It does nothing when the ledger
// holds items already.
func LoadDemo(ctx context.Context, client *ent.Client, read *sql.DB, dialect string, ref time.Time) error {
	ctx = policy.System(ctx)
	ref = calendar.Day(ref)
	if found, err := client.Rectification.Query().Exist(ctx); err != nil || found {
		return err
	}
	en := coverage.New(client, read, dialect)
	checks := make([]map[coverage.GapKey]coverage.FoundGap, ledgerMonths+1)
	for m := range checks {
		var err error
		if checks[m], err = en.Found(ctx, calendar.AddMonths(ref, m-ledgerMonths)); err != nil {
			return err
		}
	}
	var items []handed
	taken := map[coverage.GapKey]bool{}
	for m := 0; m < ledgerMonths; m += 3 {
		day := calendar.AddMonths(ref, m-ledgerMonths)
		then, err := en.Gaps(ctx, coverage.GapFilter{AsOf: &day, First: 1 << 30})
		if err != nil {
			return err
		}
		for _, g := range then.Nodes() {
			k := g.GapKey()
			if g.Community == nil || taken[k] {
				continue
			}
			taken[k] = true
			h := handed{gap: g, on: day, check: m}
			if _, open := checks[ledgerMonths][k]; !open {
				for c := m + 1; c <= ledgerMonths; c++ {
					if _, fires := checks[c][k]; !fires {
						h.closedOn = calendar.AddMonths(ref, c-ledgerMonths)
						break
					}
				}
			}
			items = append(items, h)
		}
	}
	if err := openSince(ctx, en, client, ref, checks, items); err != nil {
		return err
	}
	waived := map[coverage.RuleCode]bool{}
	return register.InTx(ctx, client, func(tx *ent.Client) error {
		overdue := 0
		for i, h := range items {
			rule := h.gap.GapKey().Rule
			if _, ok := waivers[rule]; ok && !waived[rule] && h.closedOn.IsZero() {
				waived[rule] = true
				h.waived = true
			}
			if err := writeItem(ctx, tx, h, i, ref, &overdue); err != nil {
				return err
			}
		}
		return nil
	})
}

// openSince sets the first day of each item's gap, as a hand-over records
// it: from the monthly checks, the month the gap began to fire
// continuously before its hand-over, then the day within it; a gap firing
// on every check before it is walked back from the first check.
func openSince(ctx context.Context, en *coverage.Engine, client *ent.Client, ref time.Time,
	checks []map[coverage.GapKey]coverage.FoundGap, items []handed) error {
	check := func(c int) time.Time { return calendar.AddMonths(ref, c-ledgerMonths) }
	within := map[int][]coverage.GapKey{} // by the check before the month the gap began in
	var first []coverage.GapKey           // firing on every check before its hand-over
	at := map[coverage.GapKey]int{}
	for i, h := range items {
		k := h.gap.GapKey()
		at[k] = i
		c := h.check - 1
		for c >= 0 {
			if _, fires := checks[c][k]; !fires {
				break
			}
			c--
		}
		if c < 0 {
			first = append(first, k)
		} else {
			within[c] = append(within[c], k)
		}
	}
	for c, keys := range within {
		days, err := en.FirstDays(ctx, check(c), check(c+1), keys)
		if err != nil {
			return err
		}
		for k, d := range days {
			items[at[k]].since = d
		}
	}
	if len(first) > 0 {
		floor, err := register.RecordedSince(ctx, client)
		if err != nil {
			return err
		}
		days, err := en.OpenSinceOf(ctx, check(0), floor, first, 1<<20)
		if err != nil {
			return err
		}
		for k, d := range days {
			items[at[k]].since = d
		}
	}
	return nil
}

// writeItem writes the i-th item of the ledger with its notes.
func writeItem(ctx context.Context, tx *ent.Client, h handed, i int, ref time.Time, overdue *int) error {
	g, k := h.gap, h.gap.GapKey()
	deadline := calendar.AddMonths(h.on, ledgerDeadline)
	r, err := tx.Rectification.Create().SetRule(string(k.Rule)).SetSubjectID(k.SubjectID).SetDetail(k.Detail).
		SetGapID(g.ID).SetSubjectName(g.SubjectName).SetAreaID(g.Community.ID).
		SetResponsible(responsibles[i%len(responsibles)]).SetDeadline(deadline).SetHandedOverOn(h.on).
		SetPlan(g.Remedy.Zh).SetNillableGapSince(nonZero(h.since)).Save(ctx)
	if err != nil {
		return fmt.Errorf("handing over %s: %w", g.SubjectName, err)
	}
	note := func(at time.Time, text string) error {
		return tx.RectificationNote.Create().SetRectificationID(r.ID).SetAt(at).SetAuthor(System).SetText(text).Exec(ctx)
	}
	if err := note(h.on, "每月跟踪发现问题，转办"+g.Community.Name+"，限期 "+deadline.Format(time.DateOnly)+" 前整改"); err != nil {
		return err
	}
	u := tx.Rectification.UpdateOne(r)
	switch {
	case !h.closedOn.IsZero():
		u.SetStatus(rectification.StatusVERIFIED).SetVerifiedOn(h.closedOn)
		err = note(h.closedOn, "问题已不再出现，自动核销（"+h.closedOn.Format(time.DateOnly)+"）")
	case h.waived:
		on, reason := calendar.AddMonths(h.on, waiveAfter), waivers[k.Rule]
		u.SetStatus(rectification.StatusWAIVED).SetWaiveReason(reason).SetWaivedOn(on)
		err = tx.RectificationNote.Create().SetRectificationID(r.ID).SetAt(on).SetAuthor(waivedBy).SetText("免于整改：" + reason).Exec(ctx)
	case !deadline.Before(ref):
		u.SetStatus(rectification.StatusIN_PROGRESS)
	case *overdue < ledgerOverdueItems:
		*overdue++
		u.SetStatus(rectification.StatusOVERDUE)
		err = note(deadline.AddDate(0, 0, 1), "已过整改期限（"+deadline.Format(time.DateOnly)+"），问题仍在")
	default:
		later := calendar.AddMonths(ref, 1+i%2)
		u.SetStatus(rectification.StatusIN_PROGRESS).SetDeadline(later)
		err = note(deadline, "整改期限延至 "+later.Format(time.DateOnly))
	}
	if err != nil {
		return err
	}
	return u.Exec(ctx)
}

func nonZero(d time.Time) *time.Time {
	if d.IsZero() {
		return nil
	}
	return &d
}
