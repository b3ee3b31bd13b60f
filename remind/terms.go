package remind

import (
	"time"

	"jiceng/coverage"
)

// termDue is the end of the term the gap is about, read from its figures:
// the days left (LIFE_TERM_EXPIRING) or the days overdue (LIFE_TERM_EXPIRED).
func termDue(asOf time.Time, g *coverage.Gap) time.Time {
	for _, f := range g.Figures {
		switch f.Name {
		case "daysLeft":
			return asOf.AddDate(0, 0, int(f.Value))
		case "daysOverdue":
			return asOf.AddDate(0, 0, -int(f.Value))
		}
	}
	return asOf
}
