import { graphql } from '@/gql'

graphql(`
  fragment AccountFigures on HalfYearAccount {
    handedOver
    verified
    stillOpen
    overdue
    waived
  }
`)

graphql(`
  fragment ReportCoverage on CoverageReport {
    asOf
    area {
      id
      name
    }
    gapTotal
    units {
      total
      ownCommittee
      ownGeneralBranch
      ownBranch
      inJointBranch
      withoutOrganization
      shouldOrganize
      affiliated
      instructorAssigned
    }
    members {
      total
      full
      probationary
      mobile
      unattached
    }
    grids {
      total
      covered
      partial
      uncovered
    }
  }
`)

export const HalfYearDocument = graphql(`
  query HalfYear($areaId: ID, $from: Date!, $to: Date!) {
    halfYearReport(areaId: $areaId, from: $from, to: $to) {
      from
      to
      found
      closed
      foundByFamily {
        family
        count
      }
      closedByFamily {
        family
        count
      }
      ledger {
        ...AccountFigures
      }
      byArea {
        area {
          id
          name
        }
        account {
          ...AccountFigures
        }
      }
      start {
        ...ReportCoverage
      }
      end {
        ...ReportCoverage
      }
    }
  }
`)
