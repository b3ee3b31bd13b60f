// The documents of the grid panel's upkeep (GridActions): what the grid has
// now, whether the viewer may change it, and the operations.
import { graphql } from '@/gql'

export const GridUpkeepDocument = graphql(`
  query GridUpkeep($id: ID!) {
    node(id: $id) {
      __typename
      ... on Area {
        id
        name
        kind
        boundary
        viewerMayEdit {
          allowed
          refusal
          area {
            name
          }
        }
        organizations {
          id
          name
          dissolvedOn
        }
      }
    }
  }
`)

export const ChangeGridResponsibleDocument = graphql(`
  mutation ChangeGridResponsible(
    $add: ChangeOrganizationAreasInput!
    $doAdd: Boolean!
    $remove: ChangeOrganizationAreasInput!
    $doRemove: Boolean!
  ) {
    added: changeOrganizationAreas(input: $add) @include(if: $doAdd) {
      id
    }
    removed: changeOrganizationAreas(input: $remove) @include(if: $doRemove) {
      id
    }
  }
`)

export const UpdateGridBoundaryDocument = graphql(`
  mutation UpdateGridBoundary($id: ID!, $boundary: GeoJSON!) {
    updateArea(id: $id, input: { boundary: $boundary }) {
      id
    }
  }
`)
