import { graphql } from '@/gql'

graphql(`
  fragment RollupFigures on CoverageReport {
    area {
      id
      name
      kind
    }
    status
    gapTotal
    units {
      total
      ownCommittee
      ownGeneralBranch
      ownBranch
      inJointBranch
      inJointBranchWithEnoughMembers
      jointBranches
      withoutOrganization
      shouldOrganize
      shouldOrganizeWithPartyGroup
      withOneOrTwoMembers
      withNoMembers
      affiliated
      instructorAssigned
      instructorContacted
      employees
      members
      membersNotTransferredIn
    }
    members {
      total
      full
      probationary
      inService
      retired
      selfEmployed
      mobile
      outflow
      inflow
      unattached
      reportOverdue
      lapseRisk
    }
    grids {
      total
      covered
      partial
      uncovered
    }
  }
`)

export const RollupDocument = graphql(`
  query Rollup($areaId: ID, $asOf: Date) {
    coverage(areaId: $areaId, asOf: $asOf) {
      asOf
      ...RollupFigures
      organizations {
        kind
        count
        withSecretary
        termExpired
        meetingsBehind
      }
      children {
        ...RollupFigures
      }
    }
  }
`)
