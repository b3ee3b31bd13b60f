import { graphql } from '@/gql'

graphql(`
  fragment TrendFigures on CoverageReport {
    gapTotal
    units {
      total
      withoutOrganization
    }
    members {
      total
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

export const TrendDocument = graphql(`
  query Trend($areaId: ID, $from: Date!, $to: Date!, $every: TrendStep!) {
    coverageTrend(areaId: $areaId, from: $from, to: $to, every: $every) {
      asOf
      unitRate
      gridRate
      report {
        ...TrendFigures
      }
      families {
        family
        count
      }
    }
  }
`)

graphql(`
  fragment ChangedGap on GapChange {
    day
    gap {
      key
      rule
      severity
      subjectName
      subject {
        __typename
        id
      }
      community {
        name
      }
    }
  }
`)

graphql(`
  fragment ChangedRecord on RecordChange {
    day
    before
    after
    record {
      __typename
      id
      ... on Organization {
        name
      }
      ... on Unit {
        name
      }
      ... on Member {
        name
      }
    }
  }
`)

export const ChangesDocument = graphql(`
  query CoverageChanges($areaId: ID, $from: Date!, $to: Date!) {
    coverageChanges(areaId: $areaId, from: $from, to: $to) {
      from
      to
      opened {
        ...ChangedGap
      }
      closed {
        ...ChangedGap
      }
      organizationsSetUp {
        ...ChangedRecord
      }
      organizationsDissolved {
        ...ChangedRecord
      }
      unitsCovered {
        ...ChangedRecord
      }
      membersMoved {
        ...ChangedRecord
      }
    }
  }
`)
