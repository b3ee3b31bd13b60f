// The rows of a roll-up table: the chosen area's total, a row per area
// under it, and — when the rows under it do not add up to the total — a row
// saying what the rest is, so that every table adds up on screen.
import { compareNames } from '@/lib/names'

/** Row is one line of a figure table. */
export interface Row<K extends string> {
  id: string
  name: string
  /** role: the total, an area under it, or the rest of the total. */
  role: 'total' | 'child' | 'rest'
  values: Record<K, number>
}

/** restOf is the total less the sum of the children, per figure; undefined when nothing is left. */
export function restOf<K extends string>(total: Record<K, number>, children: readonly Record<K, number>[], keys: readonly K[]): Record<K, number> | undefined {
  if (!children.length) return undefined
  const rest = {} as Record<K, number>
  let any = false
  for (const k of keys) {
    rest[k] = total[k] - children.reduce((n, c) => n + c[k], 0)
    if (rest[k] !== 0) any = true
  }
  return any ? rest : undefined
}

/** Sort is the column rows are sorted by ("name" for the area's name) and the direction. */
export interface Sort<K extends string> {
  by: K | 'name'
  descending: boolean
}

/**
 * sortRows keeps the total first and the rest last and sorts the areas in
 * between: names in natural Chinese order (第一, 第二 … 第十), figures by value.
 */
export function sortRows<K extends string>(rows: readonly Row<K>[], sort: Sort<K>): Row<K>[] {
  const sign = sort.descending ? -1 : 1
  const cmp = (a: Row<K>, b: Row<K>) =>
    sort.by === 'name' ? compareNames(a.name, b.name) : a.values[sort.by] - b.values[sort.by] || compareNames(a.name, b.name)
  const children = rows.filter((r) => r.role === 'child').sort((a, b) => sign * cmp(a, b))
  return [...rows.filter((r) => r.role === 'total'), ...children, ...rows.filter((r) => r.role === 'rest')]
}
