// Checks a form makes before it sends: required fields and the formats the
// server checks too (ID number with its GB 11643 check character, phone,
// unified social credit code with its GB 32100 check character, dates in
// order), so that a person sees what to fix at the field at once. Each
// check returns a Finding (a message key of validate.* in i18n/ui-ux.ts
// and its values) or undefined; the server stays the judge of every write.

/** Finding is what a check found wrong: an i18n key and its named values. */
export interface Finding {
  key: string
  named?: Record<string, unknown>
}

type Value = string | number | boolean | null | undefined | readonly unknown[]

const blank = (v: Value) => v == null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0)

/** required: the field must be filled in. */
export function required(v: Value): Finding | undefined {
  return blank(v) ? { key: 'validate.required' } : undefined
}

const idWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const idChecks = '10X98765432'

/** idNumberCheck is the check character of the first 17 digits of a resident ID number (GB 11643). */
export function idNumberCheck(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * idWeights[i]
  return idChecks[sum % 11]
}

/** idNumber checks a resident ID number: 18 characters, 17 digits, a date of birth, the check character. */
export function idNumber(v: string | null | undefined, today = new Date()): Finding | undefined {
  if (blank(v)) return undefined
  const id = v!.trim()
  if (id.length !== 18) return { key: 'validate.idLength', named: { n: id.length } }
  if (!/^\d{17}[\dXx]$/.test(id)) return { key: 'validate.idDigits' }
  const [y, m, d] = [Number(id.slice(6, 10)), Number(id.slice(10, 12)), Number(id.slice(12, 14))]
  const born = new Date(Date.UTC(y, m - 1, d))
  if (y < 1900 || born.getUTCMonth() !== m - 1 || born.getUTCDate() !== d || born > today) {
    return { key: 'validate.idBirth', named: { digits: id.slice(6, 14) } }
  }
  const want = idNumberCheck(id)
  if (id[17].toUpperCase() !== want) return { key: 'validate.idCheck', named: { got: id[17], want } }
  return undefined
}

/** phone checks an 11-digit mobile number or a landline (0994-1234567, 1234567). */
export function phone(v: string | null | undefined): Finding | undefined {
  if (blank(v)) return undefined
  const p = v!.trim()
  if (/^1\d{10}$/.test(p) || /^(0\d{2,3}-)?\d{7,8}$/.test(p)) return undefined
  return { key: 'validate.phone' }
}

const creditChars = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const creditWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

/** creditCodeCheck is the check character of the first 17 characters of a credit code (GB 32100). */
export function creditCodeCheck(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += creditChars.indexOf(first17[i]) * creditWeights[i]
  return creditChars[(31 - (sum % 31)) % 31]
}

/** creditCode checks a unified social credit code: 18 characters of its alphabet and the check character. */
export function creditCode(v: string | null | undefined): Finding | undefined {
  if (blank(v)) return undefined
  const code = v!.trim()
  if (code.length !== 18) return { key: 'validate.creditLength', named: { n: code.length } }
  for (let i = 0; i < 18; i++) {
    if (!creditChars.includes(code[i])) return { key: 'validate.creditChar', named: { i: i + 1, c: code[i] } }
  }
  if (!/^\d{6}$/.test(code.slice(2, 8))) return { key: 'validate.creditDivision' }
  const want = creditCodeCheck(code)
  if (code[17] !== want) return { key: 'validate.creditCheck', named: { got: code[17], want } }
  return undefined
}

/** notBefore: a later date (YYYY-MM-DD) must not be before an earlier one, named by its label key. */
export function notBefore(later: string | null | undefined, earlier: string | null | undefined, earlierLabel: string): Finding | undefined {
  if (blank(later) || blank(earlier) || later! >= earlier!) return undefined
  return { key: 'validate.dateOrder', named: { date: earlier, label: earlierLabel } }
}

/** notAfter: a day (YYYY-MM-DD) must not be after the last day allowed (an effective day: today in the register's time zone). */
export function notAfter(day: string | null | undefined, last: string): Finding | undefined {
  if (blank(day) || day! <= last) return undefined
  return { key: 'validate.afterToday' }
}

/** notMore: a count must not exceed another, named by its label key. */
export function notMore(n: number | null | undefined, most: number | null | undefined, mostLabel: string): Finding | undefined {
  if (n == null || most == null || n <= most) return undefined
  return { key: 'validate.notMore', named: { n: most, label: mostLabel } }
}

/** Checks are a form's checks, field by field: each returns a finding or undefined. */
export type Checks = Record<string, (() => Finding | undefined)[]>

type Translate = (key: string, named?: Record<string, unknown>) => string

/**
 * findings runs a form's checks and returns the first message of each field
 * that failed, in the user's language; a label named by a finding is a key
 * (fields.confirmedOn) translated too. Empty when all is well.
 */
export function findings(checks: Checks, t: Translate): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [field, list] of Object.entries(checks)) {
    for (const check of list) {
      const f = check()
      if (!f) continue
      const named = { ...f.named }
      if (typeof named.label === 'string') named.label = t(named.label)
      out[field] = t(f.key, named)
      break
    }
  }
  return out
}
