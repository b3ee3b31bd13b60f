// The columns a register list sorts by on the server (the API's order
// fields), and the link between an Element Plus table's sort and the URL.
import type { MemberOrderField, OrganizationOrderField, UnitOrderField } from '@/gql/graphql'

export const memberSorts: readonly MemberOrderField[] = ['NAME', 'STATUS', 'CATEGORY', 'JOINED_PARTY_ON']
export const unitSorts: readonly UnitOrderField[] = ['NAME', 'KIND', 'CREDIT_CODE', 'EMPLOYEES']
export const organizationSorts: readonly OrganizationOrderField[] = ['NAME', 'KIND', 'FORMATION', 'ESTABLISHED_ON']

/** tableSort is the default-sort of a table showing the list's order. */
export function tableSort(sort: string | undefined, descending: boolean) {
  return { prop: sort ?? 'NAME', order: descending ? ('descending' as const) : ('ascending' as const) }
}
