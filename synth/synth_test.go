package synth_test

import (
	"context"
	"testing"
	"time"

	"jiceng/coverage"
	"jiceng/database"
	"jiceng/policy"
	"jiceng/synth"
)

// TestTown generates a small city and checks the analysis finds what the
// generator planted: every class of unit and rules of every family.
func TestTown(t *testing.T) {
	ctx := policy.System(context.Background())
	st, err := database.Open(ctx, "", t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	asOf := time.Date(2025, 6, 30, 0, 0, 0, 0, time.UTC)
	counts, err := synth.Generate(ctx, st.DB, synth.Town, asOf)
	if err != nil {
		t.Fatal(err)
	}
	if counts.Units != 60 || counts.Areas != 1+2+6 {
		t.Errorf("got %+v, want 60 units in 9 areas", counts)
	}
	rep, err := coverage.New(st.Client, st.Read, st.Dialect).Coverage(ctx, nil, &asOf, 1)
	if err != nil {
		t.Fatal(err)
	}
	u := rep.Units
	if u.Total != counts.Units || u.OwnBranch == 0 || u.InJointBranch == 0 || u.ShouldOrganize == 0 || u.WithNoMembers == 0 || u.Affiliated == 0 {
		t.Errorf("units: got %+v, want every class present", *u)
	}
	if rep.Members.Total != counts.Members {
		t.Errorf("members: got %d, want %d", rep.Members.Total, counts.Members)
	}
	if rep.GapTotal == 0 {
		t.Error("no gaps found in a generated town")
	}
}
