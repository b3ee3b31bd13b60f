// The documents of the grid panel: the register's side (organisations,
// units, residents) and the coverage analysis's side, loaded apart so that
// one failing leaves the other on screen.
import { graphql } from '@/gql'

export const GridPanelDocument = graphql(`
  query GridPanel($id: ID!, $asOf: Date) {
    node(id: $id) {
      __typename
      ... on Area {
        id
        name
        kind
        households
        residents
        parent {
          id
          name
        }
        # The organisations responsible for the grid on the day, not today.
        organizations: responsibleOn(asOf: $asOf) {
          ...PanelOrganization
          standing(asOf: $asOf) {
            parent {
              ...PanelOrganization
            }
          }
          children {
            ...PanelOrganization
          }
        }
        residentMembers {
          id
          status
          category
          mobility
        }
      }
    }
    # The units located in the grid on the day, placed by the server as the
    # analysis places them (a unit that moved away since is still listed).
    units(first: 500, where: { placed: { areaIDs: [$id], asOf: $asOf } }) {
      nodes {
        id
        name
        kind
        coverageMode(asOf: $asOf)
        # The links in force on the day, which the mode comes from.
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

graphql(`
  fragment PanelOrganization on Organization {
    id
    name
    standing(asOf: $asOf) {
      kind
      leader
      members
      parent {
        id
      }
    }
  }
`)

export const GridCoverageDocument = graphql(`
  query GridCoverage($id: ID!, $asOf: Date) {
    coverage(areaId: $id, asOf: $asOf) {
      status
      gapTotal
      members {
        total
        full
        probationary
        inService
        retired
        selfEmployed
        mobile
        outflow
        inflow
        unattached
        reportOverdue
        lapseRisk
      }
    }
    coverageGaps(areaId: $id, asOf: $asOf, first: 200) {
      totalCount
      nodes {
        ...GapFields
      }
    }
  }
`)
