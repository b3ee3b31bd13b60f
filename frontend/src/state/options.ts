// Choices the forms offer: organisations and units of the register.
import { graphql } from '@/gql'
import { useQuery } from '@/api/useQuery'

const OrganizationOptionsDocument = graphql(`
  query OrganizationOptions {
    organizations(first: 500, orderBy: [{ field: NAME }]) {
      nodes {
        id
        name
        kind
        dissolvedOn
      }
    }
  }
`)

const UnitOptionsDocument = graphql(`
  query UnitOptions {
    units(first: 500, orderBy: [{ field: NAME }]) {
      nodes {
        id
        name
        closedOn
      }
    }
  }
`)

/** useOrganizationOptions lists the organisations not dissolved. */
export function useOrganizationOptions() {
  const q = useQuery(OrganizationOptionsDocument, () => ({}))
  return {
    options: () => (q.data.value?.organizations.nodes ?? []).filter((o) => !o.dissolvedOn),
    error: q.error,
  }
}

/** useUnitOptions lists the units not closed. */
export function useUnitOptions() {
  const q = useQuery(UnitOptionsDocument, () => ({}))
  return { options: () => (q.data.value?.units.nodes ?? []).filter((u) => !u.closedOn), error: q.error }
}
