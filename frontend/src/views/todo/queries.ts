import { graphql } from '@/gql'

export const RemindersDocument = graphql(`
  query Reminders($areaId: ID, $asOf: Date, $within: Int) {
    reminders(areaId: $areaId, asOf: $asOf, within: $within) {
      asOf
      total
      counts {
        kind
        count
      }
      groups {
        responsible
        organization {
          id
          name
        }
        area {
          id
          name
        }
        reminders {
          kind
          rule
          subjectName
          due
          daysLeft
          overdue
          action
          subject {
            __typename
            id
          }
          rectification {
            id
            status
          }
          gap {
            ...GapFields
          }
        }
      }
    }
  }
`)
