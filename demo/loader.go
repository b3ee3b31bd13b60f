package demo

import (
	"context"
	"math/rand/v2"
	"time"

	"jiceng/ent"
)

// loader holds what the steps of a load share: the transaction, the
// reference day and its timeline, the random source, and the records
// written so far, by name.
type loader struct {
	ctx context.Context
	tx  *ent.Client
	ref time.Time
	at  timeline
	rng *rand.Rand

	areas map[string]*ent.Area
	orgs  map[string]*ent.Organization
	// ordered are the organisations in the order they were written.
	ordered []*ent.Organization
	units   map[string]*ent.Unit

	// communities are the four communities in the talk's order, each with
	// its grids and organisations.
	communities []*community
	// people are every member, in the order they were numbered.
	people []*person
	// serial is the last number given to a synthetic member's name.
	serial int
	// planned, terms and assignments are the offices, committee terms and
	// instructors the roster chose; later steps write them.
	planned     []planned
	terms       []term
	assignments []assignment
	// absent are who missed the last meeting of each series with a roll.
	absent map[rollKey]map[*person]bool
}

func newLoader(ctx context.Context, tx *ent.Client, ref time.Time) *loader {
	return &loader{
		ctx:   ctx,
		tx:    tx,
		ref:   ref,
		at:    newTimeline(ref),
		rng:   rand.New(rand.NewPCG(seed, seed)),
		areas: map[string]*ent.Area{},
		orgs:  map[string]*ent.Organization{},
		units: map[string]*ent.Unit{},
	}
}

// between returns a whole number from lo to hi inclusive.
func (l *loader) between(lo, hi int) int {
	if hi <= lo {
		return lo
	}
	return lo + l.rng.IntN(hi-lo+1)
}

// chance reports true with probability p.
func (l *loader) chance(p float64) bool { return l.rng.Float64() < p }

// dayBetween returns a day from a to b inclusive.
func (l *loader) dayBetween(a, b time.Time) time.Time {
	days := int(b.Sub(a).Hours() / 24)
	if days <= 0 {
		return a
	}
	return a.AddDate(0, 0, l.rng.IntN(days+1))
}

// pick returns one of the values.
func pick[T any](l *loader, values []T) T { return values[l.rng.IntN(len(values))] }

func ptr[T any](v T) *T { return &v }

// later returns the later of two days.
func later(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}
