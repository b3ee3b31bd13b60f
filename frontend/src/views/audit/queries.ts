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
        before
        after
        detail
        address
      }
    }
  }
`)
