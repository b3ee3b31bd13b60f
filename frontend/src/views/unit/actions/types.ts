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
