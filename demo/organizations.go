package demo

import (
	"fmt"
	"time"

	"jiceng/ent"
	"jiceng/ent/organization"
	"jiceng/register"
	"jiceng/vocab"
)

// Names of the organisations the talk names or the demo relies on.
const (
	// workingCommittee is the sub-district's Party working committee.
	workingCommittee = "阜新街道党工委"
	// officeBranch is the branch of the sub-district's own staff, from
	// whom the Party-building instructors are sent.
	officeBranch = "阜新街道机关党支部"
	// gridBranchBudget is each grid branch's yearly activity budget in yuan
	// (the talk: 500, read as such).
	gridBranchBudget = 500
)

// orgSpec is what creating an organisation needs.
type orgSpec struct {
	name        string
	kind        vocab.OrganizationKind
	formation   organization.Formation
	parent      *ent.Organization
	areas       []*ent.Area
	established time.Time
	budget      *int
}

func (l *loader) organization(s orgSpec) (*ent.Organization, error) {
	create := l.tx.Organization.Create().SetName(s.name).SetKind(s.kind).SetFormation(s.formation).
		SetEstablishedOn(s.established).SetNillableActivityBudget(s.budget).AddAreas(s.areas...)
	if s.parent != nil {
		create.SetParent(s.parent)
	}
	o, err := create.Save(l.ctx)
	if err != nil {
		return nil, fmt.Errorf("creating %s: %w", s.name, err)
	}
	l.orgs[s.name] = o
	l.ordered = append(l.ordered, o)
	return o, nil
}

// loadCommunityOrganizations writes the working committee, its office
// branch and the four community branches, and upgrades three of those to
// general branches (升格) through register.UpgradeOrganization, so each
// upgrade is a dated kind change.
func (l *loader) loadCommunityOrganizations() error {
	wc, err := l.organization(orgSpec{name: workingCommittee, kind: vocab.WorkingCommittee,
		formation: organization.FormationTERRITORIAL, areas: []*ent.Area{l.areas[subdistrict]},
		established: l.at.committee})
	if err != nil {
		return err
	}
	if _, err := l.organization(orgSpec{name: officeBranch, kind: vocab.Branch,
		formation: organization.FormationSTANDALONE, parent: wc, established: l.at.committee.AddDate(0, 2, 0)}); err != nil {
		return err
	}
	for i, c := range l.communities {
		c.org, err = l.organization(orgSpec{name: c.name + "党支部", kind: vocab.Branch,
			formation: organization.FormationTERRITORIAL, parent: wc, areas: []*ent.Area{c.area},
			established: l.at.communities.AddDate(0, 0, 9*i)})
		if err != nil {
			return err
		}
		if !c.general() {
			continue
		}
		reason := fmt.Sprintf("理顺隶属关系，%s党支部升格为%s党总支", c.name, c.name)
		if _, err := register.UpgradeOrganization(l.ctx, l.tx, register.Upgrade{
			OrganizationID: c.org.ID, ToKind: vocab.GeneralBranch, On: l.at.upgrades[c.upgrade], Reason: &reason,
		}); err != nil {
			return fmt.Errorf("upgrading %s: %w", c.org.Name, err)
		}
		if c.org, err = c.org.Update().SetName(c.name + "党总支").SetShortName(c.name[:len(c.name)-len("社区")] + "党总支").
			Save(register.On(l.ctx, l.at.upgrades[c.upgrade], reason)); err != nil {
			return fmt.Errorf("renaming %s: %w", c.org.Name, err)
		}
		l.orgs[c.org.Name] = c.org
		for i, o := range l.ordered {
			if o.ID == c.org.ID {
				l.ordered[i] = c.org
			}
		}
	}
	return nil
}

// loadGridCampaign writes the hundred-day campaign that divided each
// community into grids along its 四知四清四掌握 zones: a grid branch with an
// activity budget for each grid of the three general branches, Party groups
// in them (three in the first two grids, two in the others: 30), and three
// grid Party groups under 大桥社区党支部 for its older grids: 33 in all.
func (l *loader) loadGridCampaign() error {
	budget := gridBranchBudget
	day := 0
	for _, c := range l.communities {
		c.groups = make([][]*ent.Organization, len(c.grids))
		for i, grid := range c.grids {
			if !c.general() {
				if i == 3 {
					continue // 大桥社区第四网格: a new estate with no organisation yet
				}
				g, err := l.organization(orgSpec{name: grid.Name + "党小组", kind: vocab.PartyGroup,
					formation: organization.FormationTERRITORIAL, parent: c.org, areas: []*ent.Area{grid},
					established: l.at.campaign.AddDate(0, 0, 20+3*i)})
				if err != nil {
					return err
				}
				c.groups[i] = []*ent.Organization{g}
				continue
			}
			established := l.at.campaign.AddDate(0, 0, 6*day)
			day++
			gb, err := l.organization(orgSpec{name: grid.Name + "党支部", kind: vocab.GridBranch,
				formation: organization.FormationTERRITORIAL, parent: c.org, areas: []*ent.Area{grid},
				established: established, budget: &budget})
			if err != nil {
				return err
			}
			c.gridBranches = append(c.gridBranches, gb)
			groups := 2
			if i < 2 {
				groups = 3
			}
			for j := 0; j < groups; j++ {
				g, err := l.organization(orgSpec{name: fmt.Sprintf("%s第%s党小组", grid.Name, numerals[j]),
					kind: vocab.PartyGroup, formation: organization.FormationTERRITORIAL, parent: gb,
					established: established.AddDate(0, 0, 14)})
				if err != nil {
					return err
				}
				c.groups[i] = append(c.groups[i], g)
			}
		}
	}
	return nil
}

// community returns the community of the given name.
func (l *loader) community(name string) *community {
	for _, c := range l.communities {
		if c.name == name {
			return c
		}
	}
	panic("demo: no community " + name)
}
