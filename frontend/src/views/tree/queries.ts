import { graphql } from '@/gql'

export const OrgTreeDocument = graphql(`
  query OrgTree($after: Cursor) {
    organizations(first: 500, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        name
        kind
        formation
        parentID
        establishedOn
        dissolvedOn
        memberships {
          startedOn
          endedOn
        }
        unitCoverages {
          startedOn
          endedOn
        }
        groupMembers {
          id
        }
        terms {
          startedOn
          dueOn
          renewedOn
        }
        kindChanges {
          fromKind
          toKind
          changedOn
        }
        appointments {
          role
          startedOn
          endedOn
          holderName
          member {
            name
          }
        }
      }
    }
  }
`)

export const TermGapsDocument = graphql(`
  query TermGaps($asOf: Date) {
    coverageGaps(asOf: $asOf, rules: [LIFE_TERM_EXPIRED, LIFE_TERM_EXPIRING], first: 500) {
      nodes {
        rule
        subject {
          id
        }
      }
    }
  }
`)
