package demo

import (
	"fmt"
	"time"

	"jiceng/ent/affiliatedorganization"
	"jiceng/register"
)

// loadAffiliated writes the mass organisations the talk counts: a union in
// each of 15 enterprises, a women's organisation in 亚欧运输公司 and 林立网业
// (which have no branch and no members), a union in each of the four
// communities, and four union volunteer teams, one per community.
func (l *loader) loadAffiliated() error {
	for _, s := range l.unitSpecs() {
		established := l.dayBetween(l.at.campaign.AddDate(-1, 0, 0), l.at.campaign.AddDate(0, 3, 0))
		if s.union {
			if err := l.affiliated(s.name+"工会", affiliatedorganization.KindUNION, &s.name, nil,
				s.employees*l.between(70, 95)/100, established); err != nil {
				return err
			}
		}
		if s.women {
			if err := l.affiliated(s.name+"妇女委员会", affiliatedorganization.KindWOMENS_ORGANIZATION, &s.name, nil,
				s.employees*l.between(30, 45)/100, established); err != nil {
				return err
			}
		}
	}
	for _, c := range l.communities {
		if err := l.affiliated(c.name+"工会", affiliatedorganization.KindUNION, nil, c,
			l.between(120, 260), l.at.campaign.AddDate(0, -6, 0)); err != nil {
			return err
		}
		if err := l.affiliated(c.name+"工会志愿者服务队", affiliatedorganization.KindUNION_VOLUNTEER_TEAM, nil, c,
			l.between(18, 40), l.at.campaign.AddDate(0, 2, 0)); err != nil {
			return err
		}
	}
	return nil
}

func (l *loader) affiliated(name string, kind affiliatedorganization.Kind, unitName *string, c *community,
	members int, established time.Time) error {
	create := l.tx.AffiliatedOrganization.Create().SetName(name).SetKind(kind).
		SetMembersCount(members).SetEstablishedOn(established)
	if unitName != nil {
		create.SetUnitID(l.units[*unitName].ID)
	} else {
		create.SetCommunityID(c.area.ID)
	}
	if _, err := create.Save(l.ctx); err != nil {
		return fmt.Errorf("creating %s: %w", name, err)
	}
	return nil
}

// dissolveTrading dissolves the branch of the firm that closed, through
// register.DissolveOrganization, which ends its secretary's office. Its
// members were transferred and its unit's coverage ended the same day.
func (l *loader) dissolveTrading() error {
	_, err := register.DissolveOrganization(l.ctx, l.tx, register.Dissolution{
		OrganizationID: l.orgs[tradingBranch].ID, On: l.at.dissolved,
		Reason: "企业停业，党员组织关系转入所在网格党支部",
	})
	if err != nil {
		return fmt.Errorf("dissolving %s: %w", tradingBranch, err)
	}
	return nil
}
