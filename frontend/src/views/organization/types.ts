import type { OrganizationQuery } from '@/gql/graphql'

/** Org is an organisation as its record page reads it. */
export type Org = Extract<NonNullable<OrganizationQuery['node']>, { __typename: 'Organization' }>
