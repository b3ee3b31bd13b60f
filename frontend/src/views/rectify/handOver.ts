// What a hand-over (转办) takes: gaps found today by ID, or every gap of an
// area (of some rules) not yet in the ledger.
import type { RuleCode } from '@/gql/graphql'

/** HandOverScope is what is handed over: gaps by ID, or all of an area's (of some rules). */
export type HandOverScope = { gapIDs: string[] } | { areaID?: string; areaName: string; rules?: RuleCode[] }
