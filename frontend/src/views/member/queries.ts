import { graphql } from '@/gql'

export const MemberDocument = graphql(`
  query Member($id: ID!, $asOf: Date) {
    node(id: $id) {
      __typename
      ... on Member {
        id
        name
        gender
        ethnicity
        bornOn
        status
        joinedPartyOn
        probationExtendableTo
        confirmedOn
        membershipOn(asOf: $asOf) {
          id
          organization {
            id
            name
          }
        }
        currentMembership: membershipOn {
          id
          organization {
            id
            name
          }
        }
        statusOn(asOf: $asOf)
        categoryOn(asOf: $asOf)
        mobilityOn(asOf: $asOf)
        workUnitOn(asOf: $asOf) {
          id
          name
        }
        residenceGridOn(asOf: $asOf) {
          id
          name
        }
        partyGroupOn(asOf: $asOf) {
          id
          name
        }
        viewerMayEdit {
          allowed
          refusal
          area {
            name
          }
        }
        placedIn(asOf: $asOf) {
          grid {
            id
            name
          }
          community {
            id
            name
          }
        }
        history {
          ...HistoryPeriod
        }
        category
        mobility
        mobilePlace
        externalOrganization
        tags
        phone
        idNumber
        address
        partyGroupID
        residenceGridID
        workUnitID
        partyGroup {
          id
          name
        }
        residenceGrid {
          id
          name
        }
        workUnit {
          id
          name
        }
        memberships {
          id
          startedOn
          endedOn
          startReason
          endReason
          note
          organization {
            id
            name
          }
        }
        appointments {
          id
          role
          title
          startedOn
          endedOn
          organization {
            id
            name
          }
          unit {
            id
            name
          }
        }
        mobileReports {
          id
          reportedOn
          channel
          note
        }
        attendedMeetings {
          id
          type
          heldOn
          organization {
            id
            name
          }
        }
      }
    }
  }
`)

export const CreateMemberDocument = graphql(`
  mutation CreateMember($input: CreateMemberInput!) {
    createMember(input: $input) {
      id
    }
  }
`)

export const UpdateMemberDocument = graphql(`
  mutation UpdateMember($id: ID!, $input: UpdateMemberInput!) {
    updateMember(id: $id, input: $input) {
      id
    }
  }
`)
