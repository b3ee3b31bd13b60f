package demo

import "time"

// timeline holds the dated events of the demo's history, each a fixed
// distance from the reference day.
type timeline struct {
	ref time.Time
	// committee is when the working committee was set up.
	committee time.Time
	// communities is when the community Party branches were set up.
	communities time.Time
	// upgrades are when 百合村, 文化路 and 阜兴苑 branches became general
	// branches (升格), about four years back.
	upgrades [3]time.Time
	// campaign is the first day of the hundred-day campaign (百日集中组建)
	// that set up the grid branches, about two and a half years back.
	campaign time.Time
	// graded is the last year graded: the year before the year four months
	// back, so its grading is well in the past whatever the reference day.
	graded int
	// replaced is when 大桥社区's secretary was replaced after that grading.
	replaced time.Time
	// dissolved is when 阜康某商贸有限公司 closed and its branch was dissolved.
	dissolved time.Time
	// start opens the recorded history of organisational life: 1 January
	// of the year three years before the reference day's, so that the last
	// three year-ends each have a whole year of meetings behind them.
	start time.Time
	// outflow are when 马某811 and 韩某812 left to work elsewhere (流出).
	outflow [2]time.Time
	// lapse is the day from which the lapsed member attended nothing.
	lapse time.Time
	// silent is the day from which the silent Party group held no meeting.
	silent time.Time
}

func newTimeline(ref time.Time) timeline {
	graded := ref.AddDate(0, -4, 0).Year() - 1
	return timeline{
		ref:         ref,
		committee:   monthDay(ref, -24*12, 1),
		communities: monthDay(ref, -22*12, 18),
		upgrades: [3]time.Time{
			monthDay(ref, -4*12+1, 8), monthDay(ref, -4*12+1, 15), monthDay(ref, -4*12+2, 6),
		},
		campaign:  monthDay(ref, -2*12-5, 10),
		graded:    graded,
		replaced:  time.Date(graded+1, time.February, 26, 0, 0, 0, 0, time.UTC),
		dissolved: monthDay(ref, -20, 20),
		start:     time.Date(ref.Year()-3, time.January, 1, 0, 0, 0, 0, time.UTC),
		outflow:   [2]time.Time{monthDay(ref, -15, 9), monthDay(ref, -20, 6)},
		lapse:     ref.AddDate(0, -7, 0),
		silent:    ref.AddDate(0, -7, 0),
	}
}

// monthDay returns day d (1–28, so that no month overflows) of the month
// that lies months from the reference day's month.
func monthDay(ref time.Time, months, d int) time.Time {
	return time.Date(ref.Year(), ref.Month()+time.Month(months), d, 0, 0, 0, 0, time.UTC)
}

// monthly returns the meeting days, from the start of the recorded
// history (or from a later day) to the reference day, of something held on
// day d of every month. d must not be the reference day's day of the month,
// so that any year before the reference day holds exactly twelve.
func (t timeline) monthly(d int, from time.Time) []time.Time {
	from = later(from, t.start)
	var days []time.Time
	for k := 0; ; k++ {
		day := time.Date(t.start.Year(), t.start.Month()+time.Month(k), d, 0, 0, 0, 0, time.UTC)
		if !day.Before(t.ref) {
			return days
		}
		if !day.Before(from) {
			days = append(days, day)
		}
	}
}

// meetingDay returns a day of the month from 1 to 28 that is not the
// reference day's, so that monthly gives twelve days a year.
func (t timeline) meetingDay(d int) int {
	d = (d-1)%28 + 1
	if d == t.ref.Day() {
		d = d%28 + 1
	}
	return d
}
