// Package demo loads Fuxin sub-district (阜新街道, Fukang, Xinjiang) as the
// sub-district's own training talk describes it (DOMAIN.md section 5): four
// communities, three general branches upgraded from branches, twelve grid
// branches and 33 grid Party groups, the non-public enterprises and
// stationed units it names, and 812 members in the talk's categories, with
// over three years of dated history before a reference day (meetings,
// transfers, moves, confirmations, outflow). People, phone numbers, ID
// numbers, boundaries and the smaller units are synthetic; FACTS.md says
// which is which, what happened when, and lists the gaps planted for the
// coverage analysis.
//
// Every relative date is anchored on the reference day, and the random
// source has a fixed seed, so the same reference day gives the same register.
package demo

import (
	"context"
	"errors"
	"fmt"
	"time"

	"jiceng/calendar"
	"jiceng/check"
	"jiceng/ent"
	"jiceng/policy"
	"jiceng/register"
)

// ReferenceDate is the reference day, written YYYY-MM-DD, at which the
// demo's tests (and tests of the coverage analysis) load it, so that their
// figures do not move with the calendar.
const ReferenceDate = "2025-06-16"

// Reference returns ReferenceDate as midnight UTC.
func Reference() time.Time {
	t, err := check.ParseDate(ReferenceDate)
	if err != nil {
		panic(err) // ReferenceDate is a constant written above
	}
	return t
}

// ErrNotEmpty is returned by Load when the register already holds areas.
var ErrNotEmpty = errors.New("the register is not empty; the demo loads only into an empty one")

// seed fixes the random source: the same reference day gives the same data.
const seed = 652302

// LoadIfEmpty loads the demo, anchored on today, into an empty register (no
// areas yet) and reports whether it did.
func LoadIfEmpty(ctx context.Context, client *ent.Client) (bool, error) {
	err := Load(ctx, client, calendar.Today())
	if errors.Is(err, ErrNotEmpty) {
		return false, nil
	}
	return err == nil, err
}

// Load loads the demo with every relative date anchored on the reference
// day ref. It runs in one transaction, so a failed load leaves the register
// empty; it refuses a register that already holds areas (ErrNotEmpty).
func Load(ctx context.Context, client *ent.Client, ref time.Time) error {
	// The demo is loaded by the system itself, past the rules of who may write.
	ctx = register.Bulk(policy.System(ctx))
	err := register.InTx(ctx, client, func(tx *ent.Client) error {
		// Checked inside the transaction: on SQLite it holds the write lock
		// from BEGIN, so two servers starting at once cannot both load.
		found, err := tx.Area.Query().Exist(ctx)
		if err != nil {
			return fmt.Errorf("looking for areas: %w", err)
		}
		if found {
			return ErrNotEmpty
		}
		return newLoader(ctx, tx, check.Day(ref)).load()
	})
	if err != nil && !errors.Is(err, ErrNotEmpty) {
		return fmt.Errorf("loading the Fuxin demo as of %s: %w", check.Day(ref).Format(check.DateLayout), err)
	}
	return err
}

// load writes the register in the order the rules of the model need:
// territory, then organisations (the upgrades before the grid branches that
// sit under the general branches), units, people and their relationships,
// offices, and the years of organisational life.
func (l *loader) load() error {
	steps := []struct {
		what string
		run  func() error
	}{
		{"areas", l.loadAreas},
		{"community organisations", l.loadCommunityOrganizations},
		{"grid branches", l.loadGridCampaign},
		{"units", l.loadUnits},
		{"unit organisations", l.loadUnitOrganizations},
		{"members", l.loadMembers},
		{"memberships", l.loadMemberships},
		{"dated changes of members", l.loadChanges},
		{"site members", l.loadSiteMembers},
		{"offices", l.loadOffices},
		{"instructor visits", l.loadVisits},
		{"terms", l.loadTerms},
		{"the dissolved branch", l.dissolveTrading},
		{"affiliated organisations", l.loadAffiliated},
		{"meetings", l.loadMeetings},
		{"assessments", l.loadAssessments},
		{"mobile reports", l.loadMobileReports},
	}
	for _, s := range steps {
		if err := s.run(); err != nil {
			return fmt.Errorf("%s: %w", s.what, err)
		}
	}
	return nil
}
