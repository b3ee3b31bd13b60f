import { graphql } from '@/gql'

export const UnitListDocument = graphql(`
  query UnitList($where: UnitWhereInput, $orderBy: [UnitOrder!], $first: Int, $after: Cursor) {
    units(first: $first, after: $after, where: $where, orderBy: $orderBy) {
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
  query MemberList($where: MemberWhereInput, $orderBy: [MemberOrder!], $first: Int, $after: Cursor) {
    members(first: $first, after: $after, where: $where, orderBy: $orderBy) {
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
        joinedPartyOn
        residenceGrid {
          name
        }
        workUnit {
          name
        }
        memberships {
          endedOn
          organization {
            id
            name
          }
        }
      }
    }
  }
`)

export const OrganizationListDocument = graphql(`
  query OrganizationList($where: OrganizationWhereInput, $orderBy: [OrganizationOrder!], $first: Int, $after: Cursor) {
    organizations(first: $first, after: $after, where: $where, orderBy: $orderBy) {
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

export const UnitCursorsDocument = graphql(`
  query UnitCursors($where: UnitWhereInput, $orderBy: [UnitOrder!], $first: Int, $after: Cursor) {
    units(first: $first, after: $after, where: $where, orderBy: $orderBy) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
      }
    }
  }
`)

export const MemberCursorsDocument = graphql(`
  query MemberCursors($where: MemberWhereInput, $orderBy: [MemberOrder!], $first: Int, $after: Cursor) {
    members(first: $first, after: $after, where: $where, orderBy: $orderBy) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
      }
    }
  }
`)

export const OrganizationCursorsDocument = graphql(`
  query OrganizationCursors($where: OrganizationWhereInput, $orderBy: [OrganizationOrder!], $first: Int, $after: Cursor) {
    organizations(first: $first, after: $after, where: $where, orderBy: $orderBy) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
      }
    }
  }
`)
