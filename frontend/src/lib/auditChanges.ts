// What an audit entry changed, as a person reads it: for an update the
// fields whose value differs, before → after; for a creation the values it
// set. The server writes the fields by their column names (credit_code)
// and the records an edit linked by edge name (grid, areas).

/** Change is one field an entry changed. */
export interface Change {
  /** The field, in the API's spelling (creditCode), to find its label. */
  field: string
  /** The value before, for an update; null when there was none. */
  before?: string | null
  /** The value after; null when it was cleared. */
  after: string | null
}

/** camelField turns a column name into the API's spelling: credit_code → creditCode, id_number → idNumber. */
export function camelField(column: string): string {
  return column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())
}

/** showValue writes a value short enough for a table cell; null for none. */
export function showValue(value: unknown, max = 60): string | null {
  if (value === null || value === undefined || value === '') return null
  const text = typeof value === 'string' ? value : JSON.stringify(value)
  return text.length > max ? `${text.slice(0, max - 1)}…` : text
}

type Values = Record<string, unknown> | null | undefined

/** Columns every write sets by itself: they tell nothing the entry's time does not. */
const bookkeeping = new Set(['created_at', 'updated_at'])

/**
 * changesOf lists what an entry changed: every field after (but the
 * timestamps a write sets by itself), with its value before when it was an
 * update.
 */
export function changesOf(before: Values, after: Values): Change[] {
  if (!after) return []
  const update = !!before
  const out: Change[] = []
  for (const [key, value] of Object.entries(after)) {
    if (bookkeeping.has(key)) continue
    const now = showValue(value)
    if (update) {
      const was = showValue(before[key])
      if (JSON.stringify(before[key] ?? null) === JSON.stringify(value ?? null)) continue
      out.push({ field: camelField(key), before: was, after: now })
    } else {
      if (now === null) continue
      out.push({ field: camelField(key), after: now })
    }
  }
  return out.sort((a, b) => a.field.localeCompare(b.field))
}

/** Record types that have a page of their own in the dashboard, by the audit log's entity type. */
const pages: Record<string, string> = { Organization: '/organizations/', Unit: '/units/', Member: '/members/' }

/** entityPath is the dashboard's page of an audited record, when it has one. */
export function entityPath(entityType: string | null | undefined, entityID: string | null | undefined): string | undefined {
  const base = entityType ? pages[entityType] : undefined
  return base && entityID ? `${base}${entityID}` : undefined
}
