package demo

import (
	"time"

	"jiceng/vocab"
)

// rollKey names a series of meetings that keeps a roll.
type rollKey struct {
	org int
	typ vocab.MeetingType
}

// roll returns who attended a meeting with a roll on day d. About one in
// eight of those eligible (or as often as absence says) is absent, but never
// twice running, so that every member has organisational life within any six
// months; outflow members are away; the lapsed member attended until
// timeline.lapse and not after; a member with a lapse later repaired
// attended nothing during it.
func (l *loader) roll(key rollKey, eligible []*person, d time.Time, absence float64) []*person {
	last := l.absent[key]
	now := map[*person]bool{}
	var present []*person
	for _, p := range eligible {
		switch {
		case p.away && (p.was == nil || !d.Before(p.was.on)):
			continue
		case p.lapsed:
			if !d.Before(l.at.lapse) {
				continue
			}
		case p.paused(d):
			continue
		case !last[p] && l.chance(absence):
			now[p] = true
			continue
		}
		present = append(present, p)
	}
	if len(present) == 0 {
		// A meeting is not held with no one there: bring back one absentee.
		for _, p := range eligible {
			if now[p] {
				delete(now, p)
				present = append(present, p)
				break
			}
		}
	}
	l.absent[key] = now
	return present
}

// topics are the subjects meetings of each type take, in turn.
var topics = map[vocab.MeetingType][]string{
	vocab.MembersAssembly: {
		"学习党章党规，讨论支部季度工作", "讨论发展党员和预备党员转正", "通报党费收缴和支部工作情况",
		"研究网格服务重点工作", "学习贯彻上级党组织会议精神",
	},
	vocab.BranchCommittee: {
		"研究本月支部工作安排", "研究党员教育管理工作", "研究困难党员和困难群众帮扶",
		"研究网格矛盾排查情况", "研究主题党日活动方案",
	},
	vocab.PartyGroupMeeting: {
		"学习党的理论和政策", "通报网格民情，分工走访", "开展批评与自我批评",
		"组织党员志愿服务", "学习惠民政策，懂政策懂法规懂礼仪",
	},
	vocab.PartyLecture: {
		"书记讲党课：一个党员一面旗帜", "书记讲党课：哪里有党员哪里就有党组织",
		"书记讲党课：民族团结一家亲",
	},
	vocab.ThemedPartyDay: {
		"党员奉献日：义务巡逻", "党员奉献日：卫生保洁", "重温入党誓词", "民族团结主题活动",
		"走访慰问困难党员", "诚信经营宣传", "安全生产宣传",
	},
	vocab.MonthlyMeeting: {
		"街道党工委月例会：以会代训，网格党支部书记党务知识培训", "街道党工委月例会：网格民情分析",
		"街道党工委月例会：网格维稳和服务工作安排",
	},
	vocab.JointMeeting: {
		"社区党建工作联席会议：共驻共建", "社区党建工作联席会议：辖区单位资源共享",
		"社区党建工作联席会议：统筹社区重点工作",
	},
	vocab.OrganizationalLifeMeeting: {
		"年度组织生活会和民主评议党员", "专题组织生活会，开展批评与自我批评",
	},
}
