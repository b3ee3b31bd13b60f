// What the operations' dialogs check before they send anything: the checks
// of lib/validate.ts, with the register's today.
import { notAfter, required } from '@/lib/validate'
import { registerToday } from '@/state/calendar'

type T = (key: string, named?: Record<string, unknown>) => string

/** checkOn says what is wrong with an effective day, or nothing. */
export function checkOn(on: string, t: T): string | undefined {
  const f = required(on) ?? notAfter(on, registerToday())
  return f ? t(f.key, f.named) : undefined
}

/**
 * requireFields puts "必须填写" under each empty field named (field → its
 * label) and reports whether all were filled.
 */
export function requireFields(
  values: Record<string, unknown>,
  labels: Record<string, string>,
  errors: { fields: Record<string, string> },
  t: T,
): boolean {
  let ok = true
  for (const field of Object.keys(labels)) {
    const f = required(values[field] as never)
    if (f) {
      errors.fields[field] = t(f.key, f.named)
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
