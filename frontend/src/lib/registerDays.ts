// What the register's calendar says of a chosen day: whether it is after the
// register's today (refused), and whether the day or the meeting window
// before it reaches before the first recorded organisational life, so that
// life and lapse figures of that day are incomplete. Today, the first
// recorded day and the first day whose window is wholly recorded come from
// the server (registerCalendar, which reads the window's months as the rule
// settings had them on each day); only the comparison is made here.

/** isAfterToday tells whether a day is after the register's today. */
export function isAfterToday(day: string, today: string): boolean {
  return day > today
}

/** PreHistory says how a day falls before the register's recorded life. */
export type PreHistory = 'DAY' | 'WINDOW' | null

/**
 * preHistory is 'DAY' when the day is before the first recorded meeting,
 * 'WINDOW' when only its meeting window reaches before it (the day is before
 * completeFrom), and null when the register holds records for the whole
 * window (or records nothing at all).
 */
export function preHistory(
  day: string,
  recordedSince: string | null | undefined,
  completeFrom: string | null | undefined,
): PreHistory {
  if (!recordedSince) return null
  if (day < recordedSince) return 'DAY'
  if (completeFrom && day < completeFrom) return 'WINDOW'
  return null
}
