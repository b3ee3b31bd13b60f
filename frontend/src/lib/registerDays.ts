// What the register's calendar says of a chosen day: whether it is after the
// register's today (refused), and whether the day or the meeting window
// before it reaches before the first recorded organisational life, so that
// life and lapse figures of that day are incomplete. Today and the first
// recorded day come from the server (registerCalendar); only the comparison
// is made here.
import { addMonths } from './dates'

/** MEETING_WINDOW_MONTHS is the calendar months of organisational life read before a day. */
export const MEETING_WINDOW_MONTHS = 12

/** isAfterToday tells whether a day is after the register's today. */
export function isAfterToday(day: string, today: string): boolean {
  return day > today
}

/**
 * windowStart is the first day of the meeting window ending on day: the day
 * after the same day MEETING_WINDOW_MONTHS calendar months before (the
 * analysis counts meetings held after that day and up to day).
 */
export function windowStart(day: string): string {
  const before = addMonths(day, -MEETING_WINDOW_MONTHS)
  const next = new Date(`${before}T00:00:00Z`)
  next.setUTCDate(next.getUTCDate() + 1)
  return next.toISOString().slice(0, 10)
}

/** PreHistory says how a day falls before the register's recorded life. */
export type PreHistory = 'DAY' | 'WINDOW' | null

/**
 * preHistory is 'DAY' when the day is before the first recorded meeting,
 * 'WINDOW' when only its meeting window reaches before it, and null when the
 * register holds records for the whole window (or records nothing at all).
 */
export function preHistory(day: string, recordedSince: string | null | undefined): PreHistory {
  if (!recordedSince) return null
  if (day < recordedSince) return 'DAY'
  if (windowStart(day) < recordedSince) return 'WINDOW'
  return null
}
