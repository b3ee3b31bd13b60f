package policy

import (
	"context"
	"slices"
	"time"
	"unicode/utf8"

	entgo "entgo.io/ent"

	"jiceng/ent"
	"jiceng/viewer"
)

// Personal is the interceptor of members: for every viewer but an
// administrator it masks phone numbers, ID numbers and addresses in every
// member a query returns, however the query was reached (a list, node, an
// edge loaded eagerly, a coverage gap). The system itself reads unmasked.
// An administrator's reads are written to the audit log where the data
// reaches the client (graph.personalRead), since loading a member is not
// yet showing its personal data.
func Personal() entgo.Interceptor {
	return entgo.InterceptFunc(func(next entgo.Querier) entgo.Querier {
		return entgo.QuerierFunc(func(ctx context.Context, q entgo.Query) (entgo.Value, error) {
			v, err := next.Query(ctx, q)
			if err != nil {
				return v, err
			}
			members, ok := v.([]*ent.Member)
			if !ok || len(members) == 0 || system(ctx) {
				return v, nil
			}
			if !viewer.FromContext(ctx).SeesPersonalData() {
				for _, m := range members {
					Mask(m)
				}
			}
			return v, nil
		})
	})
}

// MaskResult masks the member a create or update returns, for viewers who
// may not read personal data: the write itself is not refused.
func MaskResult(next entgo.Mutator) entgo.Mutator {
	return entgo.MutateFunc(func(ctx context.Context, m entgo.Mutation) (entgo.Value, error) {
		v, err := next.Mutate(ctx, m)
		if mb, ok := v.(*ent.Member); ok && !system(ctx) && !viewer.FromContext(ctx).SeesPersonalData() {
			Mask(mb)
		}
		return v, err
	})
}

// system reports whether the context is the system's own, past every rule.
func system(ctx context.Context) bool {
	d, ok := privacyDecision(ctx)
	return ok && d
}

// Mask replaces a member's phone number, ID number and address with masked
// forms that keep enough to recognise them (138****5678, 652**************X),
// and the day of birth by the first of January of its year. Together with
// what else a role reads (gender, the region's code), they leave thousands
// of ID numbers possible for each member: an ID number is the region (6
// digits), the day of birth (8), a sequence whose parity is the gender (3)
// and a check character (1), so shown with the day of birth and its last
// four characters it would be known whole (TestMaskedIDsCannotBeRebuilt).
func Mask(m *ent.Member) {
	m.Phone = MaskText(m.Phone, 3, 4)
	m.IDNumber = MaskText(m.IDNumber, 3, 1)
	m.Address = MaskText(m.Address, 6, 0)
	if m.BornOn != nil {
		year := time.Date(m.BornOn.Year(), time.January, 1, 0, 0, 0, 0, m.BornOn.Location())
		m.BornOn = &year
	}
}

// MaskText keeps the first and last characters of s and stars the rest; a
// text too short to keep both is starred whole.
func MaskText(s string, first, last int) string {
	n := utf8.RuneCountInString(s)
	if n == 0 {
		return ""
	}
	r := []rune(s)
	if n <= first+last {
		return string(slices.Repeat([]rune{'*'}, n))
	}
	stars := slices.Repeat([]rune{'*'}, max(n-first-last, 4))
	return string(r[:first]) + string(stars) + string(r[n-last:])
}
