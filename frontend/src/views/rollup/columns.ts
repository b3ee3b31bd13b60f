// The columns of the official basic-organisation coverage table (党内统计),
// in its order, grouped under its headings (DOMAIN.md section 4).
import type { RollupFiguresFragment } from '@/gql/graphql'

type UnitKey = keyof RollupFiguresFragment['units']
type MemberKey = keyof RollupFiguresFragment['members']

/** A group of columns under one heading; keys name the figure and its label. */
export interface ColumnGroup<K> {
  heading: string
  columns: readonly K[]
}

export const unitColumns: readonly ColumnGroup<UnitKey>[] = [
  { heading: 'units', columns: ['total'] },
  { heading: 'own', columns: ['ownCommittee', 'ownGeneralBranch', 'ownBranch'] },
  { heading: 'joint', columns: ['inJointBranch', 'inJointBranchWithEnoughMembers', 'jointBranches'] },
  {
    heading: 'without',
    columns: ['withoutOrganization', 'shouldOrganize', 'shouldOrganizeWithPartyGroup', 'withOneOrTwoMembers', 'withNoMembers'],
  },
  { heading: 'affiliatedHeading', columns: ['affiliated'] },
  { heading: 'supplementary', columns: ['instructorAssigned', 'instructorContacted', 'employees', 'members', 'membersNotTransferredIn'] },
]

export const memberColumns: readonly ColumnGroup<MemberKey>[] = [
  { heading: 'membersHeading', columns: ['total', 'full', 'probationary'] },
  { heading: 'categories', columns: ['inService', 'retired', 'selfEmployed', 'mobile', 'outflow', 'inflow'] },
  { heading: 'attention', columns: ['unattached', 'reportOverdue', 'lapseRisk'] },
]

/** GridKey names a figure of the grids table: the grids by status, and the open gaps. */
export type GridKey = keyof Omit<RollupFiguresFragment['grids'], '__typename'> | 'minorGaps' | 'gapTotal'

/** gridColumns: covered grids with open (medium or low) gaps apart from those without, as the map shades them. */
export const gridColumns: readonly ColumnGroup<GridKey>[] = [
  { heading: 'gridsHeading', columns: ['total', 'covered', 'minorGaps', 'partial', 'uncovered', 'gapTotal'] },
]

/** keysOf lists the figures of column groups. */
export const keysOf = <K>(groups: readonly ColumnGroup<K>[]): K[] => groups.flatMap((g) => [...g.columns])
