package demo

import (
	"fmt"

	"jiceng/ent"
	"jiceng/ent/assessment"
	"jiceng/ent/member"
	"jiceng/ent/mobilereport"
)

// scores are the synthetic yearly scores (百分制) of the last three years
// graded, oldest first, of each community and of its Party organisation.
// 90 or more earns the award; below 70 is unqualified: 大桥社区's branch fell
// below 70 in the last year graded and its secretary was replaced.
var scores = map[string]struct{ community, org [3]float64 }{
	"大桥社区":  {[3]float64{78, 73.5, 68.5}, [3]float64{76, 72.5, 66}},
	"百合村社区": {[3]float64{88, 91, 93.5}, [3]float64{89, 92, 94}},
	"文化路社区": {[3]float64{85.5, 87, 90.5}, [3]float64{84, 86.5, 89}},
	"阜兴苑社区": {[3]float64{83, 86.5, 88}, [3]float64{82.5, 85, 87.5}},
}

// loadAssessments writes the yearly assessments of the communities and of
// their Party organisations for the last three years graded.
func (l *loader) loadAssessments() error {
	for _, c := range l.communities {
		s := scores[c.name]
		for i := 0; i < 3; i++ {
			year := l.at.graded - 2 + i
			if err := l.assess(year, s.community[i], nil, c.area); err != nil {
				return fmt.Errorf("assessing %s for %d: %w", c.name, year, err)
			}
			if err := l.assess(year, s.org[i], c.org, nil); err != nil {
				return fmt.Errorf("assessing %s for %d: %w", c.org.Name, year, err)
			}
		}
	}
	return nil
}

func (l *loader) assess(year int, score float64, org *ent.Organization, community *ent.Area) error {
	grade, met := gradeOf(score)
	create := l.tx.Assessment.Create().SetYear(year).SetScore(score).SetGrade(grade).
		SetLeadershipGood(met > 3).SetRanksGood(met > 2).SetMechanismsGood(met > 1).
		SetResultsGood(met > 4).SetEvaluationGood(met > 0)
	switch {
	case score >= 90:
		create.SetNote("年终考核90分以上，给予年度工作综合奖")
	case score < 70:
		create.SetNote("综合分值70分以下，定为不称职，由街道主要领导诫勉谈话")
	}
	if org != nil {
		create.SetOrganizationID(org.ID)
	} else {
		create.SetCommunityID(community.ID)
	}
	_, err := create.Save(l.ctx)
	return err
}

// gradeOf returns the grade of a score and how many of the five-good
// criteria an organisation with that score met.
func gradeOf(score float64) (assessment.Grade, int) {
	switch {
	case score >= 90:
		return assessment.GradeGOOD, 5
	case score >= 80:
		return assessment.GradeFAIRLY_GOOD, 4
	case score >= 70:
		return assessment.GradeAVERAGE, 3
	}
	return assessment.GradePOOR, 1
}

// loadMobileReports writes the outflow members' monthly reports (the talk's
// "四个一") from the month after each left: one reports every month, the
// other last reported four months before the reference day (planted).
func (l *loader) loadMobileReports() error {
	channels := []mobilereport.Channel{mobilereport.ChannelPHONE, mobilereport.ChannelONLINE, mobilereport.ChannelLETTER}
	var builders []*ent.MobileReportCreate
	for _, p := range l.people {
		if p.category != member.CategoryMOBILE {
			continue
		}
		first, lastDays := 0, -3
		if p.name == OverdueMobileMember {
			first, lastDays = 4, -5
		}
		// Monthly since the month after they left.
		for i := first; ; i++ {
			on := l.ref.AddDate(0, -i, lastDays)
			if !on.After(p.was.on.AddDate(0, 0, 20)) {
				break
			}
			builders = append(builders, l.tx.MobileReport.Create().SetMemberID(p.m.ID).
				SetReportedOn(on).SetChannel(channels[i%len(channels)]).
				SetNote("每月向流出地党组织汇报一次思想和工作情况"))
		}
	}
	if _, err := l.tx.MobileReport.CreateBulk(builders...).Save(l.ctx); err != nil {
		return fmt.Errorf("writing reports: %w", err)
	}
	return nil
}
