// What the operations' dialogs check before they send anything.
import { localDate } from '@/lib/dates'

type T = (key: string, named?: Record<string, unknown>) => string

/** checkOn says what is wrong with an effective day, or nothing. */
export function checkOn(on: string, t: T): string | undefined {
  if (!on) return t('orgOps.required', { field: t('orgOps.on') })
  if (on > localDate()) return t('orgOps.afterToday')
  return undefined
}

/**
 * requireFields puts "请填写…" under each empty field named (field → its
 * label) and reports whether all were filled.
 */
export function requireFields(
  values: Record<string, unknown>,
  labels: Record<string, string>,
  errors: { fields: Record<string, string> },
  t: T,
): boolean {
  let ok = true
  for (const [field, label] of Object.entries(labels)) {
    const v = values[field]
    if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) {
      errors.fields[field] = t('orgOps.required', { field: label })
      ok = false
    }
  }
  return ok
}

/** addYears moves a YYYY-MM-DD day by whole years (29 February to 28 February). */
export function addYears(day: string, years: number): string {
  const [y, m, d] = day.split('-').map(Number)
  const last = new Date(Date.UTC(y + years, m, 0)).getUTCDate()
  return `${y + years}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`
}

/**
 * termYears is the usual length of a term of an organisation of this kind,
 * the due day's default (the user may change it): committees and the
 * community's organisations 5 years, other branches and general branches 3.
 */
export function termYears(kind: string, community: boolean): number {
  return kind === 'COMMITTEE' || kind === 'COMMUNITY_COMMITTEE' || community ? 5 : 3
}
