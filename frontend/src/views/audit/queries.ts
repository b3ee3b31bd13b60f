import { graphql } from '@/gql'

export const AuditEntriesDocument = graphql(`
  query AuditEntries($where: AuditEntryWhereInput, $first: Int, $after: Cursor) {
    auditEntries(first: $first, after: $after, where: $where, orderBy: [{ field: AT, direction: DESC }]) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        at
        actor
        action
        entityType
        entityID
        subject {
          __typename
          ... on Member {
            name
          }
          ... on Organization {
            name
          }
          ... on Unit {
            name
          }
          ... on Area {
            name
          }
        }
        before
        after
        detail
        address
      }
      references {
        __typename
        id
        ... on Member {
          name
        }
        ... on Organization {
          name
        }
        ... on Unit {
          name
        }
        ... on Area {
          name
        }
      }
    }
  }
`)
