import { graphql } from '@/gql'

export const UnitListDocument = graphql(`
  query UnitList($where: UnitWhereInput, $first: Int, $after: Cursor) {
    units(first: $first, after: $after, where: $where, orderBy: [{ field: NAME }]) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        name
        kind
        creditCode
        employees
        closedOn
        grid {
          id
          name
          parent {
            name
          }
        }
      }
    }
  }
`)

export const MemberListDocument = graphql(`
  query MemberList($where: MemberWhereInput, $first: Int, $after: Cursor) {
    members(first: $first, after: $after, where: $where, orderBy: [{ field: NAME }]) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        name
        gender
        status
        category
        mobility
        residenceGrid {
          name
        }
        workUnit {
          name
        }
      }
    }
  }
`)

export const OrganizationListDocument = graphql(`
  query OrganizationList($where: OrganizationWhereInput, $first: Int, $after: Cursor) {
    organizations(first: $first, after: $after, where: $where, orderBy: [{ field: NAME }]) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        name
        kind
        formation
        establishedOn
        dissolvedOn
        parent {
          name
        }
      }
    }
  }
`)
