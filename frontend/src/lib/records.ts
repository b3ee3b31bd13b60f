// Where the record a gap or a link is about is shown.

/** A record as a gap names it: its GraphQL type and ID. */
export interface RecordRef {
  __typename?: string
  id: string
}

/**
 * recordPath is the path and query of a record's page: an organisation,
 * unit or member has its page; an area opens on the map (a grid with its
 * panel open).
 */
export function recordPath(ref: RecordRef): { path: string; query?: Record<string, string> } | undefined {
  switch (ref.__typename) {
    case 'Organization':
      return { path: `/organizations/${ref.id}` }
    case 'Unit':
      return { path: `/units/${ref.id}` }
    case 'Member':
      return { path: `/members/${ref.id}` }
    case 'Area':
      return { path: '/map', query: { grid: ref.id } }
    default:
      return undefined
  }
}

/** figureText writes a figure as "name value / threshold". */
export function figureText(f: { name: string; value: number; threshold?: number | null }, label: (name: string) => string): string {
  const value = Number.isInteger(f.value) ? String(f.value) : f.value.toFixed(1)
  return f.threshold == null ? `${label(f.name)} ${value}` : `${label(f.name)} ${value} / ${f.threshold}`
}
