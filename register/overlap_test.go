package register_test

import (
	"context"
	"testing"

	"entgo.io/ent/dialect"

	"jiceng/database/dbtest"
	"jiceng/ent"
	"jiceng/policy"
	"jiceng/register"
	"jiceng/vocab"
)

// TestPostgreSQLRefusesOverlappingPeriods: on PostgreSQL the register
// itself refuses two values of one attribute on one day, whoever writes them.
func TestPostgreSQLRefusesOverlappingPeriods(t *testing.T) {
	st := dbtest.Open(t)
	if st.Dialect != dialect.Postgres {
		t.Skip("the exclusion constraint is PostgreSQL's (set JICENG_TEST_POSTGRES)")
	}
	ctx := policy.System(context.Background())
	write := func(attr vocab.Attribute, ref int, from, to string) error {
		return register.InTx(ctx, st.Client, func(c *ent.Client) error {
			q := c.Period.Create().SetSubjectID(1).SetAttribute(attr).SetRefID(ref).SetValidFrom(date(from))
			if to != "" {
				q.SetValidTo(date(to))
			}
			return q.Exec(ctx)
		})
	}
	steps := []struct {
		attr     vocab.Attribute
		ref      int
		from, to string
		refused  bool
	}{
		{vocab.MemberResidenceGrid, 7, "2020-01-01", "2022-01-01", false},
		{vocab.MemberResidenceGrid, 8, "2022-01-01", "", false},          // the next period, from the day the last ended
		{vocab.MemberResidenceGrid, 9, "2021-06-01", "2021-07-01", true}, // a second grid inside the first period
		{vocab.MemberResidenceGrid, 9, "2030-01-01", "", true},           // a second open period
		{vocab.OrganizationArea, 7, "2020-01-01", "", false},             // a set: several values at once
		{vocab.OrganizationArea, 8, "2020-01-01", "", false},
		{vocab.OrganizationArea, 8, "2021-01-01", "2021-02-01", true}, // but one value once
	}
	for _, s := range steps {
		err := write(s.attr, s.ref, s.from, s.to)
		if refused := err != nil; refused != s.refused {
			t.Errorf("%s=%d [%s, %s): refused %v (%v), want %v", s.attr, s.ref, s.from, s.to, refused, err, s.refused)
		}
	}
}
