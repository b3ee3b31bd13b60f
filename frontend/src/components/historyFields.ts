// The fields of a period the history lists show (Member, Organization and
// Unit pages ask for history { ...HistoryPeriod }).
import { graphql } from '@/gql'

graphql(`
  fragment HistoryPeriod on Period {
    id
    attribute
    text
    number
    refID
    validFrom
    validTo
    reason
    createdAt
    ref {
      __typename
      ... on Area {
        id
        name
      }
      ... on Unit {
        id
        name
      }
      ... on Organization {
        id
        name
      }
      ... on Member {
        id
        name
      }
    }
  }
`)
