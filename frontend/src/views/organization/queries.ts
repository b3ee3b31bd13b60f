import { graphql } from '@/gql'

export const OrganizationDocument = graphql(`
  query Organization($id: ID!, $asOf: Date) {
    node(id: $id) {
      __typename
      ... on Organization {
        id
        name
        shortName
        kind
        formation
        kindOn(asOf: $asOf)
        standing(asOf: $asOf) {
          name
          kind
          formation
          parent {
            id
            name
          }
          members
          units
          term
          termDueOn
          leader
          areas {
            id
            name
          }
        }
        community(asOf: $asOf) {
          id
          name
        }
        history {
          ...HistoryPeriod
        }
        establishedOn
        dissolvedOn
        dissolutionReason
        activityBudget
        parentID
        parent {
          id
          name
        }
        areas {
          id
          name
          kind
        }
        siteMembers {
          id
        }
        children {
          id
          name
          kind
          establishedOn
          dissolvedOn
        }
        memberships {
          id
          startedOn
          endedOn
          startReason
          endReason
          member {
            id
            name
            status
            category
          }
        }
        unitCoverages {
          id
          startedOn
          endedOn
          unit {
            id
            name
            kind
          }
        }
        appointments {
          id
          role
          title
          startedOn
          endedOn
          holderName
          holderAffiliation
          member {
            id
            name
          }
          unit {
            id
            name
          }
        }
        terms {
          id
          startedOn
          dueOn
          renewedOn
          postponedTo
        }
        groupMembers {
          id
          name
          status
          category
        }
        viewerMayEdit {
          allowed
          refusal
          area {
            id
            name
          }
        }
        meetings {
          id
          type
          heldOn
          expectedAttendance
          attendance
          topic
        }
        kindChanges {
          id
          fromKind
          toKind
          changedOn
          reason
        }
        assessments {
          id
          year
          score
          grade
        }
      }
    }
  }
`)

export const CreateOrganizationDocument = graphql(`
  mutation CreateOrganization($input: CreateOrganizationInput!) {
    createOrganization(input: $input) {
      id
    }
  }
`)

export const UpdateOrganizationDocument = graphql(`
  mutation UpdateOrganization($id: ID!, $input: UpdateOrganizationInput!) {
    updateOrganization(id: $id, input: $input) {
      id
    }
  }
`)

export const CreateMeetingDocument = graphql(`
  mutation CreateMeeting($input: CreateMeetingInput!) {
    createMeeting(input: $input) {
      id
    }
  }
`)

export const UpgradeOrganizationDocument = graphql(`
  mutation UpgradeOrganization($input: UpgradeOrganizationInput!) {
    upgradeOrganization(input: $input) {
      id
    }
  }
`)

export const MeetingOrganizationDocument = graphql(`
  query MeetingOrganization($id: ID!) {
    node(id: $id) {
      __typename
      ... on Organization {
        id
        name
        kind
      }
    }
  }
`)

// The organisation's members on the meeting's day, as the analysis counts
// them (Organization.standing): a Party group's those placed in it, a
// temporary branch's its site members, any other's its memberships then.
export const MeetingMembersDocument = graphql(`
  query MeetingMembers($id: ID!, $asOf: Date) {
    node(id: $id) {
      __typename
      ... on Organization {
        id
        standing(asOf: $asOf) {
          members
        }
      }
    }
  }
`)
