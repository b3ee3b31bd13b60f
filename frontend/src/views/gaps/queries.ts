import { graphql } from '@/gql'

export const GapsDocument = graphql(`
  query Gaps($areaId: ID, $asOf: Date, $rules: [RuleCode!], $severities: [Severity!], $first: Int, $after: Cursor) {
    coverageGaps(areaId: $areaId, asOf: $asOf, rules: $rules, severities: $severities, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        ...GapFields
        id
        rectification {
          id
          status
        }
      }
    }
  }
`)
