// Dates as the API writes them: "YYYY-MM-DD", compared as strings.

const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/

/** isDate tells whether s is a real calendar date written YYYY-MM-DD. */
export function isDate(s: unknown): s is string {
  if (typeof s !== 'string') return false
  const m = datePattern.exec(s)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const date = new Date(Date.UTC(y, mo - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d
}

/** localDate is the day of now in the user's own time zone. */
export function localDate(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

/**
 * activeOn tells whether a record with a start and an end was in force on a
 * day. The end is the first day it no longer holds: a transfer ends one
 * membership and starts the next on the same day.
 */
export function activeOn(asOf: string, startedOn?: string | null, endedOn?: string | null): boolean {
  if (startedOn && startedOn > asOf) return false
  return !endedOn || endedOn > asOf
}

/** addMonths moves a YYYY-MM-DD date by whole months, clamping to the month's end. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number)
  const first = new Date(Date.UTC(y, m - 1 + months, 1))
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate()
  first.setUTCDate(Math.min(d, last))
  return first.toISOString().slice(0, 10)
}

/** localDateTime writes a timestamp (RFC 3339) as YYYY-MM-DD HH:mm:ss in the user's time zone. */
export function localDateTime(at: string): string {
  const date = new Date(at)
  if (Number.isNaN(date.getTime())) return at
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${localDate(date)} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`
}
