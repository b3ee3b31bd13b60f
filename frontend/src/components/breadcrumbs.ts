// The document of the breadcrumbs: where a member, organisation or unit
// sits on a day (community and grid, as the analysis places it) and the
// organisations above it.
import { graphql } from '@/gql'

graphql(`
  fragment CrumbPlace on Placement {
    community {
      id
      name
    }
    grid {
      id
      name
    }
  }
`)

export const BreadcrumbsDocument = graphql(`
  query Breadcrumbs($id: ID!, $asOf: Date) {
    node(id: $id) {
      __typename
      ... on Member {
        id
        name
        placedIn(asOf: $asOf) {
          ...CrumbPlace
        }
        memberships {
          startedOn
          endedOn
          organization {
            id
            name
          }
        }
      }
      ... on Organization {
        id
        name
        placedIn(asOf: $asOf) {
          ...CrumbPlace
        }
        parent {
          id
          name
          kind
          parent {
            id
            name
            kind
            parent {
              id
              name
              kind
            }
          }
        }
      }
      ... on Unit {
        id
        name
        placedIn(asOf: $asOf) {
          ...CrumbPlace
        }
      }
    }
  }
`)
