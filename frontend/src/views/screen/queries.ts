import { graphql } from '@/gql'

export const ScreenDocument = graphql(`
  query Screen($areaId: ID, $asOf: Date) {
    coverage(areaId: $areaId, asOf: $asOf) {
      area {
        id
        name
      }
      grids {
        total
        covered
        partial
        uncovered
      }
      units {
        total
        ownCommittee
        ownGeneralBranch
        ownBranch
        inJointBranch
        withoutOrganization
        shouldOrganize
      }
      members {
        total
        full
        probationary
        inService
        retired
        selfEmployed
        mobile
      }
      gaps {
        rule
        severity
        count
      }
      gapTotal
    }
    coverageGaps(areaId: $areaId, asOf: $asOf, severities: [CRITICAL, HIGH], first: 8) {
      totalCount
      nodes {
        ...GapFields
      }
    }
  }
`)
