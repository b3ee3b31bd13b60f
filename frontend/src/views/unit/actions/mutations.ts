// The unit page's operations.
import { graphql } from '@/gql'

export const CoverUnitDocument = graphql(`
  mutation CoverUnit($input: CreateUnitCoverageInput!) {
    createUnitCoverage(input: $input) {
      id
    }
  }
`)

export const EndUnitCoverageDocument = graphql(`
  mutation EndUnitCoverage($id: ID!, $input: UpdateUnitCoverageInput!) {
    updateUnitCoverage(id: $id, input: $input) {
      id
    }
  }
`)

export const AssignInstructorDocument = graphql(`
  mutation AssignInstructor($input: CreateAppointmentInput!) {
    createAppointment(input: $input) {
      id
    }
  }
`)

export const EndAppointmentDocument = graphql(`
  mutation EndUnitAppointment($id: ID!, $input: UpdateAppointmentInput!) {
    updateAppointment(id: $id, input: $input) {
      id
    }
  }
`)

export const CreateMassOrganizationDocument = graphql(`
  mutation CreateMassOrganization($input: CreateAffiliatedOrganizationInput!) {
    createAffiliatedOrganization(input: $input) {
      id
    }
  }
`)

export const CreateInstructorVisitDocument = graphql(`
  mutation CreateInstructorVisitAction($input: CreateInstructorVisitInput!) {
    createInstructorVisit(input: $input) {
      id
    }
  }
`)

export const MoveUnitDocument = graphql(`
  mutation MoveUnitAction($input: MoveUnitInput!) {
    moveUnit(input: $input) {
      id
    }
  }
`)

export const ResizeUnitDocument = graphql(`
  mutation ResizeUnitAction($input: ResizeUnitInput!) {
    resizeUnit(input: $input) {
      id
    }
  }
`)

// How each organisation would cover a unit on the dialog's day: its
// formation then (Organization.coversAs), not today's.
export const CoversAsOnDocument = graphql(`
  query CoversAsOn($asOf: Date) {
    organizations(first: 500, where: { dissolvedOnIsNil: true }) {
      nodes {
        id
        coversAs(asOf: $asOf)
      }
    }
  }
`)

// The unit's coverage links in force on the end dialog's day
// (Unit.coveragesOn), the coverage package's reading: those it can end then.
export const UnitLinksOnDocument = graphql(`
  query UnitLinksOn($id: ID!, $asOf: Date) {
    node(id: $id) {
      __typename
      ... on Unit {
        id
        coveragesOn(asOf: $asOf) {
          id
          organization {
            id
            name
          }
        }
      }
    }
  }
`)

// The instructors' and liaisons' assignments to the unit in force on a
// dialog's day (Unit.instructorsOn), the coverage package's reading: those a
// visit then is recorded against, and those the end dialog can end.
export const UnitInstructorsOnDocument = graphql(`
  query UnitInstructorsOn($id: ID!, $asOf: Date) {
    node(id: $id) {
      __typename
      ... on Unit {
        id
        instructorsOn(asOf: $asOf) {
          id
          role
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
