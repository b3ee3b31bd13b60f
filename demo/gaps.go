package demo

// The gaps planted in the demo, so that the coverage analysis has something
// true to find. Each names the record it rests on; FACTS.md lists them with
// the rule each should trigger. Everything else is kept within the rules.
const (
	// UncoveredGrid is a grid of 大桥社区 (a new estate) with residents and
	// no organisation responsible for it: 大桥社区党支部 is responsible for the
	// community, and its Party groups for the other three grids.
	UncoveredGrid = "大桥社区第四网格"
	// UnorganizedUnit is an above-size enterprise with four full members,
	// attached to a grid branch but with no organisation of its own (应建未建).
	UnorganizedUnit = buildingMat
	// LoneUnit is a business with two full members whose relationships sit
	// in a grid branch, while the unit is neither in a joint branch nor
	// attached to any organisation.
	LoneUnit = catering
	// JointBranch is the joint branch covering four small businesses of
	// 文化路社区, each with fewer than three full members.
	JointBranch = jointBranch
	// VacantOrganization has had no secretary since its secretary stepped
	// down two months before the reference day.
	VacantOrganization = jointBranch
	// PocketMember is an in-service member working at 华通汽修厂 whose
	// relationship sits nowhere in the register (口袋党员).
	PocketMember = "周某809"
	// LapsedMember is a self-employed member of 阜兴苑社区第二网格党支部 who
	// has attended nothing for the seven months before the reference day.
	LapsedMember = "孙某810"
	// OverdueMobileMember is the outflow member who last reported four
	// months before the reference day.
	OverdueMobileMember = "马某811"
	// ReportingMobileMember is the outflow member who reports every month.
	ReportingMobileMember = "韩某812"
	// ExpiredTermOrganization has a term that ended four months before the
	// reference day and was not renewed.
	ExpiredTermOrganization = huatongBranch
	// ExpiringTermOrganization has a term that ends two months after the
	// reference day.
	ExpiringTermOrganization = rongdaBranch
	// SilentPartyGroup has held no meeting for the seven months before the
	// reference day.
	SilentPartyGroup = "文化路社区第三网格第二党小组"
	// DissolvedOrganization is the branch dissolved when its firm, ClosedUnit,
	// closed; its members were transferred to a grid branch.
	DissolvedOrganization = tradingBranch
	// ClosedUnit is the firm that closed; its coverage ended that day.
	ClosedUnit = trading
	// UnqualifiedBranch is 大桥社区's branch, graded POOR (below 70) in the
	// last year graded, after which its secretary was replaced.
	UnqualifiedBranch = "大桥社区党支部"
)

// Numbers of the planted members, after the 808 drawn up in turn.
const (
	pocketNumber = 809 + iota
	lapsedNumber
	overdueNumber
	reportingNumber
)
