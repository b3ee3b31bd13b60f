import { graphql } from '@/gql'

export const OrgTreeDocument = graphql(`
  query OrgTree($after: Cursor, $asOf: Date) {
    organizations(first: 500, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        standing(asOf: $asOf) {
          name
          kind
          formation
          parent {
            id
          }
          members
          units
          term
          termDueOn
          leader
        }
      }
    }
  }
`)
