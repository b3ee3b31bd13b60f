// The half years a report can be asked for: 上半年 is January to June,
// 下半年 July to December; one still under way ends today.

export type Half = 1 | 2

/** span is the first and last day of a half year, the last day no later than today; null before it begins. */
export function span(year: number, half: Half, today: string): { from: string; to: string; inProgress: boolean } | null {
  const from = `${year}-${half === 1 ? '01-01' : '07-01'}`
  const end = `${year}-${half === 1 ? '06-30' : '12-31'}`
  if (from > today) return null
  return end > today ? { from, to: today, inProgress: true } : { from, to: end, inProgress: false }
}

/** lastEnded is the last half year that has ended by today. */
export function lastEnded(today: string): { year: number; half: Half } {
  const year = Number(today.slice(0, 4))
  return today.slice(5) === '12-31' ? { year, half: 2 } : today.slice(5) >= '07-01' ? { year, half: 1 } : { year: year - 1, half: 2 }
}

/** monthSpan is the first and last day of a month (1 to 12) for the monthly report (每月报表), the last day no later than today; null before it begins. */
export function monthSpan(year: number, month: number, today: string): { from: string; to: string; inProgress: boolean } | null {
  const mm = String(month).padStart(2, '0')
  const from = `${year}-${mm}-01`
  const end = `${year}-${mm}-${String(new Date(Date.UTC(year, month, 0)).getUTCDate()).padStart(2, '0')}`
  if (from > today) return null
  return end > today ? { from, to: today, inProgress: true } : { from, to: end, inProgress: false }
}
