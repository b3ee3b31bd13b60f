// What the unit page's operations read of the unit.
export interface ActionUnit {
  id: string
  name: string
  employees?: number | null
  aboveDesignatedSize: boolean
  grid: { id: string; name: string }
  coverages?: { id: string; startedOn: string; endedOn?: string | null; organization: { id: string; name: string } }[] | null
  appointments?:
    | { id: string; role: string; startedOn: string; endedOn?: string | null; holderName?: string | null; member?: { id: string; name: string } | null }[]
    | null
}

/** coverageModeOf is how an organisation of a formation covers a unit (DOMAIN.md §3). */
export function coverageModeOf(formation: string): 'OWN' | 'JOINT' | 'AFFILIATED' {
  if (formation === 'STANDALONE' || formation === 'TEMPORARY') return 'OWN'
  if (formation === 'JOINT') return 'JOINT'
  return 'AFFILIATED'
}
