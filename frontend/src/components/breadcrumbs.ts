// The document of the breadcrumbs: where a member, organisation or unit
// sits on a day (community and grid, as the analysis places it), and the
// organisations above it that day: a member's organisation (the membership
// in force), an organisation's parents (their standings' parents).
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

graphql(`
  fragment CrumbOrg on Organization {
    id
    name
    kindOn(asOf: $asOf)
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
        membershipOn(asOf: $asOf) {
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
        standing(asOf: $asOf) {
          parent {
            ...CrumbOrg
            standing(asOf: $asOf) {
              parent {
                ...CrumbOrg
                standing(asOf: $asOf) {
                  parent {
                    ...CrumbOrg
                  }
                }
              }
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
