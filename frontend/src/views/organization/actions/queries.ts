import { graphql } from '@/gql'

export const CreateAppointmentDocument = graphql(`
  mutation CreateAppointment($input: CreateAppointmentInput!) {
    createAppointment(input: $input) {
      id
    }
  }
`)

// A successor to an office held by one person at a time: the office ends and
// the next begins in one request, so in one transaction — never an
// organisation left without its secretary because the second half failed.
export const SucceedAppointmentDocument = graphql(`
  mutation SucceedAppointment($endID: ID!, $endedOn: Date!, $input: CreateAppointmentInput!) {
    ended: updateAppointment(id: $endID, input: { endedOn: $endedOn }) {
      id
    }
    createAppointment(input: $input) {
      id
    }
  }
`)

export const UpdateAppointmentDocument = graphql(`
  mutation UpdateAppointment($id: ID!, $input: UpdateAppointmentInput!) {
    updateAppointment(id: $id, input: $input) {
      id
    }
  }
`)

export const CreateTermDocument = graphql(`
  mutation CreateTerm($input: CreateTermInput!) {
    createTerm(input: $input) {
      id
    }
  }
`)

export const UpdateTermDocument = graphql(`
  mutation UpdateTerm($id: ID!, $input: UpdateTermInput!) {
    updateTerm(id: $id, input: $input) {
      id
    }
  }
`)

export const CreateExemptionDocument = graphql(`
  mutation CreateExemption($input: CreateExemptionInput!) {
    createExemption(input: $input) {
      id
    }
  }
`)

export const CreateUnitCoverageDocument = graphql(`
  mutation CreateUnitCoverage($input: CreateUnitCoverageInput!) {
    createUnitCoverage(input: $input) {
      id
    }
  }
`)

export const UpdateUnitCoverageDocument = graphql(`
  mutation UpdateUnitCoverage($id: ID!, $input: UpdateUnitCoverageInput!) {
    updateUnitCoverage(id: $id, input: $input) {
      id
    }
  }
`)

export const CreatePartyGroupDocument = graphql(`
  mutation CreatePartyGroup($input: CreatePartyGroupInput!) {
    createPartyGroup(input: $input) {
      id
    }
  }
`)

export const DissolveRehomingDocument = graphql(`
  mutation DissolveRehoming($input: DissolveRehomingInput!) {
    dissolveOrganizationRehoming(input: $input) {
      id
    }
  }
`)

// What dissolving the organisation moves, as the mutation reads it
// (Organization.toRehome): the dissolve dialog's lists.
export const OrgToRehomeDocument = graphql(`
  query OrgToRehome($id: ID!) {
    node(id: $id) {
      __typename
      ... on Organization {
        id
        toRehome {
          memberships {
            id
            member {
              id
              name
            }
          }
          unitCoverages {
            id
            unit {
              id
              name
            }
          }
          children {
            id
            name
          }
        }
      }
    }
  }
`)

export const UnitSearchDocument = graphql(`
  query UnitSearch($where: UnitWhereInput) {
    units(first: 20, where: $where, orderBy: [{ field: NAME }]) {
      nodes {
        id
        name
        kind
      }
    }
  }
`)

export const RenewTermDocument = graphql(`
  mutation RenewTerm($input: RenewTermInput!) {
    renewTerm(input: $input) {
      next {
        id
      }
    }
  }
`)

// The cover dialog's day as the coverage package reads it: how the
// organisation would cover a unit (its formation then, Organization.coversAs)
// and the links in force then, which it can end (Organization.coveragesOn).
export const OrgCoverDayDocument = graphql(`
  query OrgCoverDay($id: ID!, $asOf: Date) {
    node(id: $id) {
      __typename
      ... on Organization {
        id
        coversAs(asOf: $asOf)
        coveragesOn(asOf: $asOf) {
          id
          unit {
            id
            name
          }
        }
      }
    }
  }
`)

// The members of the organisation on a dialog's day, those its standing
// counts (Organization.membersOn): the pickers of an office holder, a
// Party group's members and a meeting's roll.
export const OrgMembersOnDocument = graphql(`
  query OrgMembersOn($id: ID!, $asOf: Date) {
    node(id: $id) {
      __typename
      ... on Organization {
        id
        membersOn(asOf: $asOf) {
          id
          name
        }
      }
    }
  }
`)

// The offices held in the organisation on a dialog's day
// (Organization.officesOn): those an end dialog offers, and the holder a
// successor replaces.
export const OrgOfficesOnDocument = graphql(`
  query OrgOfficesOn($id: ID!, $asOf: Date) {
    node(id: $id) {
      __typename
      ... on Organization {
        id
        officesOn(asOf: $asOf) {
          id
          role
          title
          startedOn
          holderName
          member {
            id
            name
          }
        }
      }
    }
  }
`)
