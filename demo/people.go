package demo

import (
	"fmt"
	"time"

	"jiceng/check"
	"jiceng/ent"
	"jiceng/ent/member"
)

// person is a member as the roster draws them up: who they are, where they
// live and work, and where their relationship has sat (stays), before and
// after they are written.
type person struct {
	name      string
	number    int
	gender    member.Gender
	ethnicity string
	born      time.Time
	joined    time.Time
	status    member.Status
	category  member.Category
	mobility  *member.Mobility
	place     string
	tags      []string
	grid      *ent.Area
	unit      *ent.Unit
	group     *ent.Organization
	// stays are where the relationship has sat, oldest first; each after
	// the first began with a transfer. None for a pocket member.
	stays []stay
	// site is the temporary branch whose life the member takes part in
	// from siteFrom, their relationship staying where it is.
	site     *ent.Organization
	siteFrom time.Time
	// away marks an outflow member, who attends no meeting here.
	away bool
	// lapsed marks the member who attended nothing from timeline.lapse on.
	lapsed bool
	// pause is a lapse later repaired: the member attended nothing from
	// its first day until its last (exclusive).
	pause [2]time.Time
	// confirmed is when a member who joined during the recorded history
	// was confirmed (转正), written as an update on that day; nil for one
	// still probationary or confirmed before the history begins.
	confirmed *time.Time
	// was holds what changed on a day in the past, if anything: the fields
	// above are today's values, and the member is written with these first.
	was *was

	m *ent.Member
}

// stay is a period of a person's relationship in one organisation, from a
// day until the next stay begins.
type stay struct {
	org  *ent.Organization
	from time.Time
	note string
}

// was is a member's record before a dated change (搬家, 工作调动, 退休,
// 外出流动): the values that changed, from the record's start until on.
// A nil field did not change.
type was struct {
	on       time.Time
	reason   string
	grid     *ent.Area
	group    *ent.Organization
	unit     *ent.Unit
	noUnit   bool // had no work unit before
	category *member.Category
}

// in reports whether the person's relationship sat in org on day d.
func (p *person) in(org *ent.Organization, d time.Time) bool { return p.inID(org.ID, d) }

// inID reports whether the person's relationship sat in the organisation
// of that ID on day d.
func (p *person) inID(id int, d time.Time) bool {
	for i, s := range p.stays {
		if s.org.ID != id || s.from.After(d) {
			continue
		}
		if i+1 == len(p.stays) || p.stays[i+1].from.After(d) {
			return true
		}
	}
	return false
}

// groupOn returns the Party group the person was in on day d.
func (p *person) groupOn(d time.Time) *ent.Organization {
	if p.was != nil && p.was.group != nil && d.Before(p.was.on) {
		return p.was.group
	}
	return p.group
}

// paused reports whether day d lies in a lapse later repaired.
func (p *person) paused(d time.Time) bool {
	return !d.Before(p.pause[0]) && d.Before(p.pause[1])
}

// current returns the organisation the relationship sits in now, or nil.
func (p *person) current() *ent.Organization {
	if len(p.stays) == 0 {
		return nil
	}
	return p.stays[len(p.stays)-1].org
}

// since returns when the current stay began.
func (p *person) since() time.Time { return p.stays[len(p.stays)-1].from }

var (
	hanSurnames = []string{"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡",
		"朱", "高", "林", "何", "郭", "罗", "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董", "曹", "田"}
	huiSurnames    = []string{"马", "杨", "白", "苏", "海", "丁", "金"}
	uyghurInitials = []string{"艾", "阿", "买", "努", "吐", "热", "玉"}
	kazakhInitials = []string{"哈", "叶", "加", "别", "努", "阿"}
)

// age bounds, in years, of each category on the reference day.
var ages = map[member.Category][2]int{
	member.CategoryIN_SERVICE:    {24, 58},
	member.CategoryRETIRED:       {62, 88},
	member.CategorySELF_EMPLOYED: {27, 62},
	member.CategoryMOBILE:        {26, 40},
}

// newPerson draws up a synthetic member of a category, numbered in turn:
// a visibly synthetic name (surname, 某, number), a plausible age and date
// of joining, and a probationary status if asked.
func (l *loader) newPerson(category member.Category, probationary bool) *person {
	l.serial++
	return l.namedPerson(category, probationary, l.serial, "")
}

// namedPerson is newPerson with a given number and, if not empty, surname.
func (l *loader) namedPerson(category member.Category, probationary bool, number int, surname string) *person {
	p := &person{number: number, category: category, status: member.StatusFULL}
	p.gender = member.GenderMALE
	if l.chance(0.42) {
		p.gender = member.GenderFEMALE
	}
	var names []string
	switch r := l.rng.Float64(); {
	case r < 0.74:
		p.ethnicity, names = "汉族", hanSurnames
	case r < 0.86:
		p.ethnicity, names = "回族", huiSurnames
	case r < 0.94:
		p.ethnicity, names = "维吾尔族", uyghurInitials
	default:
		p.ethnicity, names = "哈萨克族", kazakhInitials
	}
	if surname == "" {
		surname = pick(l, names)
	}
	p.name = fmt.Sprintf("%s某%03d", surname, number)
	bounds := ages[category]
	l.setAge(p, l.between(bounds[0], bounds[1]))
	if probationary {
		p.status = member.StatusPROBATIONARY
		p.joined = l.dayBetween(monthDay(l.ref, -11, 1), monthDay(l.ref, -3, 1))
	}
	return p
}

// setAge sets the date of birth for an age on the reference day and a date
// of joining the Party between 19 and 40, at least thirteen months back so
// that the probation year is over.
func (l *loader) setAge(p *person, age int) {
	p.born = l.ref.AddDate(-age-1, 0, 1+l.rng.IntN(364))
	adult := p.born.AddDate(19, 0, 0)
	latest := l.ref.AddDate(-1, -1, 0)
	joined := p.born.AddDate(l.between(20, 40), 0, l.rng.IntN(365))
	if joined.After(latest) {
		joined = l.dayBetween(adult, latest)
	}
	p.joined = joined
}

// phone returns a synthetic mobile number: 1380000 and the member's number.
func phone(number int) string { return fmt.Sprintf("1380000%04d", number) }

// idNumber returns a synthetic resident ID number of a person registered in
// Fukang (652302), with a sequence whose parity says the gender, as GB 11643
// has it, and a valid check character.
func idNumber(p *person) (string, error) {
	seq := (p.number * 37) % 500 * 2
	if p.gender == member.GenderMALE {
		seq++
	}
	first := fmt.Sprintf("652302%s%03d", p.born.Format("20060102"), seq)
	c, err := check.IDNumberCheck(first)
	if err != nil {
		return "", fmt.Errorf("ID number of %s: %w", p.name, err)
	}
	return first + string(c), nil
}
