import { graphql } from '@/gql'

export const GapsDocument = graphql(`
  query Gaps($areaId: ID, $asOf: Date, $rules: [RuleCode!], $severities: [Severity!], $first: Int, $after: Cursor, $orderBy: GapOrder, $withAge: Boolean = false) {
    coverageGaps(areaId: $areaId, asOf: $asOf, rules: $rules, severities: $severities, first: $first, after: $after, orderBy: $orderBy) {
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

        openSince @include(if: $withAge)
      }
    }
  }
`)
