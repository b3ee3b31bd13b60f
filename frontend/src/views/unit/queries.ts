import { graphql } from '@/gql'

export const UnitDocument = graphql(`
  query Unit($id: ID!, $asOf: Date) {
    node(id: $id) {
      __typename
      ... on Unit {
        id
        name
        kind
        creditCode
        employees
        aboveDesignatedSize
        address
        openedOn
        plannedCloseOn
        closedOn
        gridID
        coverageMode(asOf: $asOf)
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
        grid {
          id
          name
          parent {
            id
            name
          }
        }
        coverages {
          id
          startedOn
          endedOn
          note
          organization {
            id
            name
            kind
            formation
            dissolvedOn
          }
        }
        affiliatedOrganizations {
          id
          name
          kind
          membersCount
          establishedOn
          dissolvedOn
        }
        appointments {
          id
          role
          startedOn
          endedOn
          holderName
          holderAffiliation
          member {
            id
            name
          }
        }
        workers {
          id
          name
          status
          category
        }
      }
    }
  }
`)

export const CreateUnitDocument = graphql(`
  mutation CreateUnit($input: CreateUnitInput!) {
    createUnit(input: $input) {
      id
    }
  }
`)

export const UpdateUnitDocument = graphql(`
  mutation UpdateUnit($id: ID!, $input: UpdateUnitInput!) {
    updateUnit(id: $id, input: $input) {
      id
    }
  }
`)
